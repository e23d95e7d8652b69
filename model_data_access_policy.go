package certifications

// DataAccessPolicy is one classification policy in DataAccess.Policies.
type DataAccessPolicy struct {
	// Value is the policy's name, e.g. "GDPR-20".
	Value *string `json:"value,omitempty"`
}
