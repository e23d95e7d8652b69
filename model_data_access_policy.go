package certifications

// DataAccessPolicy is one classification policy in DataAccess.Policies.
type DataAccessPolicy struct {
	// Value is the policy's name, e.g. "GDPR-20".
	Value *string `json:"value,omitempty"`
}

// GetValue returns Value, or "" when it is unset or d is nil.
func (d *DataAccessPolicy) GetValue() string {
	if d == nil || d.Value == nil {
		return ""
	}
	return *d.Value
}
