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

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetDescription returns Description, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetDescription() string {
	if r == nil || r.Description == nil {
		return ""
	}
	return *r.Description
}

// GetPrivileged returns Privileged, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetPrivileged() bool {
	if r == nil || r.Privileged == nil {
		return false
	}
	return *r.Privileged
}

// GetOwner returns Owner, or nil when it is unset or r is nil.
func (r *ReviewableEntitlement) GetOwner() *IdentityReferenceWithNameAndEmail {
	if r == nil {
		return nil
	}
	return r.Owner
}

// GetAttributeName returns AttributeName, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetAttributeName() string {
	if r == nil || r.AttributeName == nil {
		return ""
	}
	return *r.AttributeName
}

// GetAttributeValue returns AttributeValue, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetAttributeValue() string {
	if r == nil || r.AttributeValue == nil {
		return ""
	}
	return *r.AttributeValue
}

// GetSourceSchemaObjectType returns SourceSchemaObjectType, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetSourceSchemaObjectType() string {
	if r == nil || r.SourceSchemaObjectType == nil {
		return ""
	}
	return *r.SourceSchemaObjectType
}

// GetSourceName returns SourceName, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetSourceName() string {
	if r == nil || r.SourceName == nil {
		return ""
	}
	return *r.SourceName
}

// GetSourceType returns SourceType, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetSourceType() string {
	if r == nil || r.SourceType == nil {
		return ""
	}
	return *r.SourceType
}

// GetSourceID returns SourceID, or "" when it is unset or r is nil.
func (r *ReviewableEntitlement) GetSourceID() string {
	if r == nil || r.SourceID == nil {
		return ""
	}
	return *r.SourceID
}

// GetHasPermissions returns HasPermissions, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetHasPermissions() bool {
	if r == nil || r.HasPermissions == nil {
		return false
	}
	return *r.HasPermissions
}

// GetIsPermission returns IsPermission, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetIsPermission() bool {
	if r == nil || r.IsPermission == nil {
		return false
	}
	return *r.IsPermission
}

// GetRevocable returns Revocable, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetRevocable() bool {
	if r == nil || r.Revocable == nil {
		return false
	}
	return *r.Revocable
}

// GetCloudGoverned returns CloudGoverned, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetCloudGoverned() bool {
	if r == nil || r.CloudGoverned == nil {
		return false
	}
	return *r.CloudGoverned
}

// GetContainsDataAccess returns ContainsDataAccess, or false when it is unset or r is nil.
func (r *ReviewableEntitlement) GetContainsDataAccess() bool {
	if r == nil || r.ContainsDataAccess == nil {
		return false
	}
	return *r.ContainsDataAccess
}

// GetDataAccess returns DataAccess, or nil when it is unset or r is nil.
func (r *ReviewableEntitlement) GetDataAccess() *DataAccess {
	if r == nil {
		return nil
	}
	return r.DataAccess
}

// GetAccount returns Account, or nil when it is unset or r is nil.
func (r *ReviewableEntitlement) GetAccount() *ReviewableEntitlementAccount {
	if r == nil {
		return nil
	}
	return r.Account
}
