package beta

import "github.com/iscgo/certifications"

// PermissionDto is a permission attached to an entitlement under review. The
// beta schema (rights, target; nothing required) is identical to v3, so this
// is an alias of certifications.PermissionDto.
type PermissionDto = certifications.PermissionDto
