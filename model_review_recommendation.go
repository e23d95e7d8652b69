package certifications

import "time"

// ReviewRecommendation is the Identity AI recommendation that was in front of
// the reviewer when a decision was made.
type ReviewRecommendation struct {
	// Recommendation is what Identity AI recommended; null when it made no
	// recommendation.
	Recommendation *string `json:"recommendation,omitempty"`
	// Reasons explain the recommendation.
	Reasons []string `json:"reasons,omitempty"`
	// Timestamp is when the recommendation was recorded.
	Timestamp *time.Time `json:"timestamp,omitempty"`
}

// GetRecommendation returns Recommendation, or "" when it is unset or r is nil.
func (r *ReviewRecommendation) GetRecommendation() string {
	if r == nil || r.Recommendation == nil {
		return ""
	}
	return *r.Recommendation
}

// GetReasons returns Reasons, or nil when r is nil.
func (r *ReviewRecommendation) GetReasons() []string {
	if r == nil {
		return nil
	}
	return r.Reasons
}

// GetTimestamp returns Timestamp, or the zero time when it is unset or r is nil.
func (r *ReviewRecommendation) GetTimestamp() time.Time {
	if r == nil || r.Timestamp == nil {
		return time.Time{}
	}
	return *r.Timestamp
}
