package certifications

// DataAccessImpactScore rates the impact of the data an entitlement reaches.
type DataAccessImpactScore struct {
	// Value is the score, e.g. "Medium".
	Value *string `json:"value,omitempty"`
}

// GetValue returns Value, or "" when it is unset or d is nil.
func (d *DataAccessImpactScore) GetValue() string {
	if d == nil || d.Value == nil {
		return ""
	}
	return *d.Value
}
