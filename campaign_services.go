package certifications

import (
	"fmt"
	"log/slog"
)

// CertificationCampaignsApiService groups the Certification Campaigns
// operations of the configured API generation: campaigns, their reports
// and campaign templates, and the workflows built on them
// (WaitForCampaign, Progress, AllItems, RunReport).
type CertificationCampaignsApiService struct {
	client *APIClient
}

// CertificationCampaignFiltersApiService groups the Certification Campaign
// Filters operations of the configured API generation.
type CertificationCampaignFiltersApiService struct {
	client *APIClient
}

// ReportsApiService groups the report file operations of the configured
// API generation: a campaign report's ID is the task result ID they take.
type ReportsApiService struct {
	client *APIClient
}

// String describes the service by its client, secrets redacted.
func (s CertificationCampaignsApiService) String() string {
	return serviceString("CertificationCampaignsApiService", s.client)
}

// Format makes every fmt verb print String.
func (s CertificationCampaignsApiService) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte(s.String()))
}

// LogValue implements slog.LogValuer with secrets redacted.
func (s CertificationCampaignsApiService) LogValue() slog.Value { return serviceLogValue(s.client) }

// String describes the service by its client, secrets redacted.
func (s CertificationCampaignFiltersApiService) String() string {
	return serviceString("CertificationCampaignFiltersApiService", s.client)
}

// Format makes every fmt verb print String.
func (s CertificationCampaignFiltersApiService) Format(f fmt.State, _ rune) {
	_, _ = f.Write([]byte(s.String()))
}

// LogValue implements slog.LogValuer with secrets redacted.
func (s CertificationCampaignFiltersApiService) LogValue() slog.Value {
	return serviceLogValue(s.client)
}

// String describes the service by its client, secrets redacted.
func (s ReportsApiService) String() string { return serviceString("ReportsApiService", s.client) }

// Format makes every fmt verb print String.
func (s ReportsApiService) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with secrets redacted.
func (s ReportsApiService) LogValue() slog.Value { return serviceLogValue(s.client) }
