package certifications

// DataAccessCategory is one classification category in DataAccess.Categories.
type DataAccessCategory struct {
	// Value is the category's name, e.g. "email-7".
	Value *string `json:"value,omitempty"`
	// MatchCount is how many matches were found for the category.
	MatchCount *int64 `json:"matchCount,omitempty"`
}

// GetValue returns Value, or "" when it is unset or d is nil.
func (d *DataAccessCategory) GetValue() string {
	if d == nil || d.Value == nil {
		return ""
	}
	return *d.Value
}

// GetMatchCount returns MatchCount, or 0 when it is unset or d is nil.
func (d *DataAccessCategory) GetMatchCount() int64 {
	if d == nil || d.MatchCount == nil {
		return 0
	}
	return *d.MatchCount
}
