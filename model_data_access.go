package certifications

// DataAccess holds data access security (DAS) details for an entitlement: the
// classification policies and categories of the data it reaches and an impact
// score.
type DataAccess struct {
	// Policies are the classification policies that apply to the resources
	// the entitlement or group can reach.
	Policies []DataAccessPolicy `json:"policies,omitempty"`
	// Categories are the classification categories found in those
	// resources.
	Categories []DataAccessCategory `json:"categories,omitempty"`
	// ImpactScore rates the impact of the data reached.
	ImpactScore *DataAccessImpactScore `json:"impactScore,omitempty"`
}

// GetPolicies returns Policies, or nil when d is nil.
func (d *DataAccess) GetPolicies() []DataAccessPolicy {
	if d == nil {
		return nil
	}
	return d.Policies
}

// GetCategories returns Categories, or nil when d is nil.
func (d *DataAccess) GetCategories() []DataAccessCategory {
	if d == nil {
		return nil
	}
	return d.Categories
}

// GetImpactScore returns ImpactScore, or nil when it is unset or d is nil.
func (d *DataAccess) GetImpactScore() *DataAccessImpactScore {
	if d == nil {
		return nil
	}
	return d.ImpactScore
}
