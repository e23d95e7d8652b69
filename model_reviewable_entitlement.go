package certifications

// ReviewableEntitlement is an entitlement as shown to a reviewer: where it
// comes from, who owns it, how sensitive it is, and the account that holds it.
type ReviewableEntitlement struct {
	// ID identifies the entitlement.
	ID *string `json:"id,omitempty"`
	// Name is the entitlement's name.
	Name *string `json:"name,omitempty"`
	// Description explains the entitlement; it may be null.
	Description *string `json:"description,omitempty"`
	// Privileged is true for a privileged entitlement; the API defaults it
	// to false.
	Privileged *bool `json:"privileged,omitempty"`
	// Owner is the identity that owns the entitlement; it may be null.
	Owner *IdentityReferenceWithNameAndEmail `json:"owner,omitempty"`
	// AttributeName is the source attribute that carries the entitlement,
	// e.g. "memberOf".
	AttributeName *string `json:"attributeName,omitempty"`
	// AttributeValue is the entitlement's value of that attribute.
	AttributeValue *string `json:"attributeValue,omitempty"`
	// SourceSchemaObjectType is the source schema object type that models
	// the entitlement, e.g. "groups".
	SourceSchemaObjectType *string `json:"sourceSchemaObjectType,omitempty"`
	// SourceName is the name of the source the entitlement lives on.
	SourceName *string `json:"sourceName,omitempty"`
	// SourceType is the connector type of that source.
	SourceType *string `json:"sourceType,omitempty"`
	// SourceID identifies that source.
	SourceID *string `json:"sourceId,omitempty"`
	// HasPermissions is true when the entitlement carries permissions; the
	// API defaults it to false.
	HasPermissions *bool `json:"hasPermissions,omitempty"`
	// IsPermission is true when the entitlement stands for an account
	// permission; the API defaults it to false.
	IsPermission *bool `json:"isPermission,omitempty"`
	// Revocable is true when the entitlement can be revoked; the API
	// defaults it to false.
	Revocable *bool `json:"revocable,omitempty"`
	// CloudGoverned is true when the entitlement is governed in the cloud;
	// the API defaults it to false.
	CloudGoverned *bool `json:"cloudGoverned,omitempty"`
	// ContainsDataAccess is true when DataAccess holds data access security
	// details; the API defaults it to false.
	ContainsDataAccess *bool `json:"containsDataAccess,omitempty"`
	// DataAccess holds data access security details; it may be null.
	DataAccess *DataAccess `json:"dataAccess,omitempty"`
	// Account is the account that holds the entitlement; it may be null.
	Account *ReviewableEntitlementAccount `json:"account,omitempty"`
}
