package certifications

// DtoType is the kind of object an ISC reference points at, e.g. ENTITLEMENT,
// ACCESS_PROFILE or ROLE for the item under review. Unknown values are kept as
// sent.
type DtoType string

// DtoType values defined by the API.
const (
	// DtoTypeAccountCorrelationConfig is an account correlation
	// configuration.
	DtoTypeAccountCorrelationConfig DtoType = "ACCOUNT_CORRELATION_CONFIG"
	// DtoTypeAccessProfile is an access profile.
	DtoTypeAccessProfile DtoType = "ACCESS_PROFILE"
	// DtoTypeAccessRequestApproval is an access request approval.
	DtoTypeAccessRequestApproval DtoType = "ACCESS_REQUEST_APPROVAL"
	// DtoTypeAccount is an account.
	DtoTypeAccount DtoType = "ACCOUNT"
	// DtoTypeApplication is an application.
	DtoTypeApplication DtoType = "APPLICATION"
	// DtoTypeCampaign is a certification campaign.
	DtoTypeCampaign DtoType = "CAMPAIGN"
	// DtoTypeCampaignFilter is a campaign filter.
	DtoTypeCampaignFilter DtoType = "CAMPAIGN_FILTER"
	// DtoTypeCertification is a certification.
	DtoTypeCertification DtoType = "CERTIFICATION"
	// DtoTypeCluster is a virtual appliance cluster.
	DtoTypeCluster DtoType = "CLUSTER"
	// DtoTypeConnectorSchema is a connector schema.
	DtoTypeConnectorSchema DtoType = "CONNECTOR_SCHEMA"
	// DtoTypeEntitlement is an entitlement.
	DtoTypeEntitlement DtoType = "ENTITLEMENT"
	// DtoTypeGovernanceGroup is a governance group.
	DtoTypeGovernanceGroup DtoType = "GOVERNANCE_GROUP"
	// DtoTypeIdentity is an identity.
	DtoTypeIdentity DtoType = "IDENTITY"
	// DtoTypeIdentityProfile is an identity profile.
	DtoTypeIdentityProfile DtoType = "IDENTITY_PROFILE"
	// DtoTypeIdentityRequest is an identity request.
	DtoTypeIdentityRequest DtoType = "IDENTITY_REQUEST"
	// DtoTypeMachineIdentity is a machine identity.
	DtoTypeMachineIdentity DtoType = "MACHINE_IDENTITY"
	// DtoTypeLifecycleState is a lifecycle state.
	DtoTypeLifecycleState DtoType = "LIFECYCLE_STATE"
	// DtoTypePasswordPolicy is a password policy.
	DtoTypePasswordPolicy DtoType = "PASSWORD_POLICY"
	// DtoTypeRole is a role.
	DtoTypeRole DtoType = "ROLE"
	// DtoTypeRule is a rule.
	DtoTypeRule DtoType = "RULE"
	// DtoTypeSodPolicy is a separation-of-duties policy.
	DtoTypeSodPolicy DtoType = "SOD_POLICY"
	// DtoTypeSource is a source.
	DtoTypeSource DtoType = "SOURCE"
	// DtoTypeTag is a tag.
	DtoTypeTag DtoType = "TAG"
	// DtoTypeTagCategory is a tag category.
	DtoTypeTagCategory DtoType = "TAG_CATEGORY"
	// DtoTypeTaskResult is a task result.
	DtoTypeTaskResult DtoType = "TASK_RESULT"
	// DtoTypeReportResult is a report result.
	DtoTypeReportResult DtoType = "REPORT_RESULT"
	// DtoTypeSodViolation is a separation-of-duties violation.
	DtoTypeSodViolation DtoType = "SOD_VIOLATION"
	// DtoTypeAccountActivity is an account activity.
	DtoTypeAccountActivity DtoType = "ACCOUNT_ACTIVITY"
	// DtoTypeWorkgroup is a workgroup.
	DtoTypeWorkgroup DtoType = "WORKGROUP"
)
