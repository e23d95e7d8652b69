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
