// Package optable is the machine-readable table of every operation the SDK
// declares (internal/cmd/genapi writes ops_gen.go from the declarations).
// Tests and the sandbox read it instead of keeping their own lists of
// methods and paths.
package optable

import "github.com/iscgo/certifications/internal/apigen"

// Op is one declared operation.
type Op struct {
	Service     string   // the service type, "beta." prefixed for the beta package
	Name        string   // the Go name of the builder's constructor
	ID          string   // the operationId
	Method      string   // GET, POST, PUT, PATCH or DELETE
	Path        string   // the path without API version, {name} for parameters
	Generations []string // the API generations it is served on
	Result      string   // the model the answer decodes into
	List        bool     // the answer is an array of Result
	Paging      bool     // takes limit, offset and count
	Filters     []string // the filterable fields ("field op op"), nil for none
	Sorters     []string // the sortable fields
	Check       string   // an extra structural rule of its filters (internal/query)
	Body        string   // the request body's type, "" for none
}

// Wire returns the operation's path on generation gen, with its leading
// slash ("/v3/certifications/{id}").
func (o Op) Wire(gen string) string { return "/" + apigen.Path(o.Path, gen) }

// Find returns the operation of a service by operationId.
func Find(service, id string) (Op, bool) {
	for _, o := range Ops {
		if o.Service == service && o.ID == id {
			return o, true
		}
	}
	return Op{}, false
}

// Of returns the operations of a service, in declaration order.
func Of(service string) []Op {
	var out []Op
	for _, o := range Ops {
		if o.Service == service {
			out = append(out, o)
		}
	}
	return out
}
