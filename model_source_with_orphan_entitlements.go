package certifications

// SourceWithOrphanEntitlements names a source that has entitlements the
// source itself no longer knows.
type SourceWithOrphanEntitlements struct {
	// ID identifies the source.
	ID *string `json:"id,omitempty"`
	// Type is always SOURCE.
	Type *SourceWithOrphanEntitlementsType `json:"type,omitempty"`
	// Name is the source's name.
	Name *string `json:"name,omitempty"`
}
