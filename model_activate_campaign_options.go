package certifications

// ActivateCampaignOptions is the optional body of StartCampaign.
type ActivateCampaignOptions struct {
	// TimeZone is the time zone the deadline is read in, as an offset or IANA name; the server's default is Z (UTC).
	TimeZone *string `json:"timeZone,omitempty"`
}
