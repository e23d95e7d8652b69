package certifications

// CampaignFilterCriteriaType is what a CampaignFilterCriteria matches.
// Unknown values are kept as sent.
type CampaignFilterCriteriaType string

// CampaignFilterCriteriaType values defined by the API.
const (
	// CampaignFilterCriteriaTypeComposite means a combination of Children.
	CampaignFilterCriteriaTypeComposite CampaignFilterCriteriaType = "COMPOSITE"
	// CampaignFilterCriteriaTypeRole means roles.
	CampaignFilterCriteriaTypeRole CampaignFilterCriteriaType = "ROLE"
	// CampaignFilterCriteriaTypeIdentity means identities.
	CampaignFilterCriteriaTypeIdentity CampaignFilterCriteriaType = "IDENTITY"
	// CampaignFilterCriteriaTypeIdentityAttribute means identity attributes.
	CampaignFilterCriteriaTypeIdentityAttribute CampaignFilterCriteriaType = "IDENTITY_ATTRIBUTE"
	// CampaignFilterCriteriaTypeEntitlement means entitlements.
	CampaignFilterCriteriaTypeEntitlement CampaignFilterCriteriaType = "ENTITLEMENT"
	// CampaignFilterCriteriaTypeAccessProfile means access profiles.
	CampaignFilterCriteriaTypeAccessProfile CampaignFilterCriteriaType = "ACCESS_PROFILE"
	// CampaignFilterCriteriaTypeSource means sources.
	CampaignFilterCriteriaTypeSource CampaignFilterCriteriaType = "SOURCE"
	// CampaignFilterCriteriaTypeAccount means accounts.
	CampaignFilterCriteriaTypeAccount CampaignFilterCriteriaType = "ACCOUNT"
	// CampaignFilterCriteriaTypeAggregatedEntitlement means aggregated entitlements.
	CampaignFilterCriteriaTypeAggregatedEntitlement CampaignFilterCriteriaType = "AGGREGATED_ENTITLEMENT"
	// CampaignFilterCriteriaTypeInvalidCertifiableEntity means entities that cannot be certified.
	CampaignFilterCriteriaTypeInvalidCertifiableEntity CampaignFilterCriteriaType = "INVALID_CERTIFIABLE_ENTITY"
	// CampaignFilterCriteriaTypeInvalidCertifiableBundle means bundles that cannot be certified.
	CampaignFilterCriteriaTypeInvalidCertifiableBundle CampaignFilterCriteriaType = "INVALID_CERTIFIABLE_BUNDLE"
)
