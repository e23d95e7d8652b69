package certifications

// DataAccessCategory is one classification category in DataAccess.Categories.
type DataAccessCategory struct {
	// Value is the category's name, e.g. "email-7".
	Value *string `json:"value,omitempty"`
	// MatchCount is how many matches were found for the category.
	MatchCount *int64 `json:"matchCount,omitempty"`
}
