package certifications

// PermissionDto is a permission attached to an entitlement under review: some
// rights on a target. The values come from the connected system, so their shape
// varies between sources.
type PermissionDto struct {
	// Rights are the actions the permission allows on Target, e.g.
	// "SELECT".
	Rights []string `json:"rights,omitempty"`
	// Target is the object the rights apply to, e.g. a table name.
	Target *string `json:"target,omitempty"`
}

// GetRights returns Rights, or nil when p is nil.
func (p *PermissionDto) GetRights() []string {
	if p == nil {
		return nil
	}
	return p.Rights
}

// GetTarget returns Target, or "" when it is unset or p is nil.
func (p *PermissionDto) GetTarget() string {
	if p == nil || p.Target == nil {
		return ""
	}
	return *p.Target
}
