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

// GetAccountID returns AccountID, or "" when it is unset or a is nil.
func (a *ActivityInsights) GetAccountID() string {
	if a == nil || a.AccountID == nil {
		return ""
	}
	return *a.AccountID
}

// GetUsageDays returns UsageDays, or 0 when it is unset or a is nil.
func (a *ActivityInsights) GetUsageDays() int32 {
	if a == nil || a.UsageDays == nil {
		return 0
	}
	return *a.UsageDays
}

// GetUsageDaysState returns UsageDaysState, or "" when it is unset or a is nil.
func (a *ActivityInsights) GetUsageDaysState() ActivityInsightsUsageDaysState {
	if a == nil || a.UsageDaysState == nil {
		return ""
	}
	return *a.UsageDaysState
}
