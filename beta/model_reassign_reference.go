package beta

import "github.com/iscgo/certifications"

// ReassignReference names one item or identity in a ReviewReassign. The beta
// schema is identical to v3, so this is an alias of
// certifications.ReassignReference; its type constants
// (certifications.ReassignReferenceTypeItem, ...) are the root package's.
type ReassignReference = certifications.ReassignReference
