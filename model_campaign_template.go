package certifications

import "time"

// CampaignTemplate is a reusable campaign definition: campaigns are
// generated from it, on demand or on its Schedule.
type CampaignTemplate struct {
	// ID identifies the template; the server assigns it.
	ID *string `json:"id,omitempty"`
	// Name is the template's name; the campaigns it generates take Campaign.Name instead.
	Name string `json:"name"`
	// Description is the template's description.
	Description string `json:"description"`
	// Created is when the template was created. The server sets it: the API marks it required and read-only, so it is sent only when set.
	Created *time.Time `json:"created,omitempty"`
	// Modified is when the template last changed, or nil if never. The server sets it: the API marks it required and read-only, so it is sent only when set.
	Modified *time.Time `json:"modified,omitempty"`
	// Scheduled reports whether the template has a schedule.
	Scheduled *bool `json:"scheduled,omitempty"`
	// OwnerRef is the identity that owns the template; the server sets it.
	OwnerRef *CampaignTemplateOwnerRef `json:"ownerRef,omitempty"`
	// DeadlineDuration is how long after generation a campaign is due, as an ISO 8601 duration such as P2W.
	DeadlineDuration *string `json:"deadlineDuration,omitempty"`
	// Campaign is the campaign to generate.
	Campaign Campaign `json:"campaign"`
}
