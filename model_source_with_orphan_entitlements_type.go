package certifications

// SourceWithOrphanEntitlementsType is the kind of object a
// SourceWithOrphanEntitlements names. Unknown values are kept as sent.
type SourceWithOrphanEntitlementsType string

// SourceWithOrphanEntitlementsType values defined by the API.
const (
	// SourceWithOrphanEntitlementsTypeSource means a source.
	SourceWithOrphanEntitlementsTypeSource SourceWithOrphanEntitlementsType = "SOURCE"
)
