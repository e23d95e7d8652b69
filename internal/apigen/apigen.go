// Package apigen is the one rule for the API's generations: how an
// operation's path, written without a version ("/certifications/{id}"),
// becomes the path on the wire for a generation, and which pacing bucket a
// path on the wire is counted under. The client, the pacer, the generator
// and the sandbox all ask it, so a new generation is one entry in
// generations and a new resource family (campaigns, reports, ...) needs
// nothing at all.
package apigen

import "strings"

// The generations the SDK speaks.
const (
	V3   = "v3"   // the default: /v3/{resource}/...
	V1   = "v1"   // per resource: /{resource}/v1/...
	Beta = "beta" // /beta/{resource}/...
)

// layout says where a generation's name goes in a path.
type layout int

const (
	prefix      layout = iota // before the resource: /v3/certifications/...
	perResource               // after the resource: /certifications/v1/...
)

// generations is the data of the rule: each known generation and where
// its name goes. A version segment of another name ("v2025") counts as a
// prefix generation for pacing.
var generations = map[string]layout{
	V3:   prefix,
	Beta: prefix,
	V1:   perResource,
}

// Path returns the path of operation path p on generation gen, relative to
// the API root (no leading slash): Path("/certifications/abc", "v3") is
// "v3/certifications/abc", and with "v1" it is "certifications/v1/abc". An
// empty or unknown generation is treated as a prefix, as "v3" is.
func Path(p, gen string) string {
	p = strings.TrimLeft(p, "/")
	if gen == "" {
		gen = V3
	}
	if generations[gen] != perResource {
		return gen + "/" + p
	}
	resource, rest, found := strings.Cut(p, "/")
	if !found {
		return resource + "/" + gen
	}
	return resource + "/" + gen + "/" + rest
}

// Bucket returns the generation a path on the wire is paced under, the
// path taken relative to the API root (a leading slash is ignored): its
// first segment when that names a version ("v3/...", "beta/...",
// "v2025/..."), else its second ("certifications/v1/..." and every other
// per-resource path give "v1": one bucket for all of them; see
// RateLimit in the root package). A path without
// a version gives "".
func Bucket(wire string) string {
	first, after, _ := strings.Cut(strings.TrimPrefix(wire, "/"), "/")
	if IsVersion(first) {
		return first
	}
	if second, _, _ := strings.Cut(after, "/"); IsVersion(second) {
		return second
	}
	return ""
}

// IsVersion reports whether a path segment names an API version: a known
// generation, or "v" and digits.
func IsVersion(seg string) bool {
	if _, ok := generations[seg]; ok {
		return true
	}
	if len(seg) < 2 || seg[0] != 'v' {
		return false
	}
	for _, r := range seg[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
