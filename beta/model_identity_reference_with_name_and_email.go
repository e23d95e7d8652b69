package beta

import "github.com/iscgo/certifications"

// IdentityReferenceWithNameAndEmail is a certification reviewer as the beta
// reviewers list returns it. The beta schema (type, id, name, email; nothing
// required) is identical to v3, so this is an alias of
// certifications.IdentityReferenceWithNameAndEmail.
type IdentityReferenceWithNameAndEmail = certifications.IdentityReferenceWithNameAndEmail
