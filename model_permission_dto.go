package certifications

// PermissionDto is a permission attached to an entitlement under review: some
// rights on a target. The values come from the connected system, so their shape
// varies between sources.
type PermissionDto struct {
	// Rights are the actions the permission allows on Target, e.g.
	// "SELECT". It decodes from an array, a single string or null.
	Rights PermissionRights `json:"rights,omitempty"`
	// Target is the object the rights apply to, e.g. a table name.
	Target *string `json:"target,omitempty"`
}

// PermissionRights is the list of rights of a PermissionDto.
//
// The API declares an array of strings, but the v1 definition's example, and
// so mock servers built from it, send a single string. PermissionRights
// accepts an array, a single string (decoded as a one-element slice) or null
// (nil). Anything else is an error of type *json.UnmarshalTypeError, which
// encoding/json completes with the field path. It always encodes as an
// array. Its underlying type is []string: such a slice can be assigned to
// it, and it ranges and appends like one.
type PermissionRights []string

// UnmarshalJSON decodes an array of rights, a single right, or null.
func (r *PermissionRights) UnmarshalJSON(data []byte) error {
	return decodeOneOrMany[PermissionRights]((*[]string)(r), data, "PermissionDto", "rights")
}

// GetRights returns Rights as the plain slice it has always returned, or nil
// when p is nil.
func (p *PermissionDto) GetRights() []string {
	if p == nil {
		return nil
	}
	return p.Rights
}
