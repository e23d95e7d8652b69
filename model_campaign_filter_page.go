package certifications

// CampaignFilterPage is one page of ListCampaignFilters: the filters and
// how many there are in all.
type CampaignFilterPage struct {
	// Items are the filters of the page.
	Items []CampaignFilterDetails `json:"items,omitempty"`
	// Count is the number of filters in all pages.
	Count *int64 `json:"count,omitempty"`
}
