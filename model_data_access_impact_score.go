package certifications

// DataAccessImpactScore rates the impact of the data an entitlement reaches.
type DataAccessImpactScore struct {
	// Value is the score, e.g. "Medium".
	Value *string `json:"value,omitempty"`
}
