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
