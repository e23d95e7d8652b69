package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"

	"github.com/iscgo/certifications"
)

// reviewItem is an access review item with the recommendation a server
// may send beside it. The published item model has none, but a tenant
// with recommendations enabled can send one in the ReviewRecommendation
// shape; items list and items export show it when it comes.
type reviewItem struct {
	certifications.AccessReviewItem
	Recommendation *certifications.ReviewRecommendation `json:"recommendation,omitempty"`
}

// reviewItems pages the review items of a certification through the
// SDK's builder, keeping the recommendations the pages carry.
func (a *app) reviewItems(api *certifications.CertificationsApiService, certID, filters, sorters string) *certifications.Pager[reviewItem] {
	var opts certifications.ListOptions
	if filters != "" {
		opts.Filters = &filters
	}
	if sorters != "" {
		opts.Sorters = &sorters
	}
	return certifications.NewPager(a.ctx, opts, func(ctx context.Context, o certifications.ListOptions) ([]reviewItem, *http.Response, error) {
		req := api.ListIdentityAccessReviewItems(ctx, certID)
		if o.Limit != nil {
			req = req.Limit(*o.Limit)
		}
		if o.Offset != nil {
			req = req.Offset(*o.Offset)
		}
		if o.Count != nil {
			req = req.Count(*o.Count)
		}
		if o.Filters != nil {
			req = req.Filters(*o.Filters)
		}
		if o.Sorters != nil {
			req = req.Sorters(*o.Sorters)
		}
		items, resp, err := req.Execute()
		if err != nil {
			return nil, resp, err
		}
		recs := recommendations(resp)
		out := make([]reviewItem, len(items))
		for i := range items {
			out[i] = reviewItem{AccessReviewItem: items[i], Recommendation: recs[items[i].GetID()]}
		}
		return out, resp, nil
	})
}

// recommendations reads the recommendations of a page's items by item id
// from the response body, which the SDK leaves readable. A page without
// any costs one scan of its bytes; one whose recommendations do not have
// the documented shape gives none, never a lost item.
func recommendations(resp *http.Response) map[string]*certifications.ReviewRecommendation {
	if resp == nil || resp.Body == nil {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil || !bytes.Contains(body, []byte(`"recommendation"`)) {
		return nil
	}
	var page []struct {
		ID             string                               `json:"id"`
		Recommendation *certifications.ReviewRecommendation `json:"recommendation"`
	}
	if json.Unmarshal(body, &page) != nil {
		return nil
	}
	recs := make(map[string]*certifications.ReviewRecommendation)
	for _, it := range page {
		if it.Recommendation != nil && it.ID != "" {
			recs[it.ID] = it.Recommendation
		}
	}
	return recs
}
