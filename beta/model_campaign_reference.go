package beta

import "github.com/iscgo/certifications"

// CampaignReference identifies the campaign of a CertificationDto. The beta
// schema has the same properties, enumerations and required list as v3, so
// this is an alias of certifications.CampaignReference; its enumeration
// constants (certifications.CampaignReferenceCampaignTypeManager, ...) are
// the root package's.
type CampaignReference = certifications.CampaignReference
