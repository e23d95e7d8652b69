package certifications

// ActivityInsights summarises the recent activity of an account.
type ActivityInsights struct {
	// AccountID is the account's UUID.
	AccountID *string `json:"accountID,omitempty"`
	// UsageDays is the number of days with activity.
	UsageDays *int32 `json:"usageDays,omitempty"`
	// UsageDaysState says whether UsageDays is complete or unknown.
	UsageDaysState *ActivityInsightsUsageDaysState `json:"usageDaysState,omitempty"`
}
