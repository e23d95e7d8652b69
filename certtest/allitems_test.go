package certtest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// allItemsOf runs AllItems to its end and returns the items and the
// errors it yielded.
func allItemsOf(seq func(func(certifications.CampaignItem, error) bool)) (items int, errs []error) {
	for _, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items++
	}
	return items, errs
}

// AllItems reads every item of every certification of the campaign, once.
func TestAllItemsReadsTheWholeCampaign(t *testing.T) {
	srv := certtest.NewTestServer(t)
	api := newClient(t, srv).CertificationCampaignsApi
	id := srv.Certifications()[0].GetCampaign().GetID()
	want := map[string]bool{}
	for _, c := range srv.Certifications() {
		if c.GetCampaign().GetID() == id {
			for _, it := range srv.Items(c.GetID()) {
				want[it.GetID()] = true
			}
		}
	}
	require.NotEmpty(t, want)
	got := map[string]bool{}
	for ci, err := range api.AllItems(ctx(t), id, &certifications.AllItemsOptions{Concurrency: 2}) {
		require.NoError(t, err)
		assert.False(t, got[ci.Item.GetID()], "item %s yielded twice", ci.Item.GetID())
		got[ci.Item.GetID()] = true
	}
	assert.Equal(t, want, got)
}

// A stream that a cancelled context cuts short ends with the context's
// error, whichever stage noticed the cancellation first: never a short
// stream that looks complete.
func TestAllItemsCancelledEndsWithTheError(t *testing.T) {
	srv := certtest.NewTestServer(t)
	api := newClient(t, srv).CertificationCampaignsApi
	id := srv.Certifications()[0].GetCampaign().GetID()
	for run := range 50 {
		c, cancel := context.WithCancel(context.Background())
		cancel()
		_, errs := allItemsOf(api.AllItems(c, id, &certifications.AllItemsOptions{Concurrency: 2}))
		require.Len(t, errs, 1, "run %d on a cancelled context", run)
		assert.True(t, errors.Is(errs[0], context.Canceled), "run %d: %v", run, errs[0])
	}
	for run := range 20 {
		c, cancel := context.WithCancel(context.Background())
		items, errs := 0, []error(nil)
		for _, err := range api.AllItems(c, id, &certifications.AllItemsOptions{Concurrency: 2}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if items++; items == 3 {
				cancel()
			}
		}
		cancel()
		require.Len(t, errs, 1, "run %d cancelled after 3 items (%d read)", run, items)
		assert.True(t, errors.Is(errs[0], context.Canceled), "run %d: %v", run, errs[0])
	}
}

// Breaking out of the loop stops the stream; the next run on the same
// client reads everything again.
func TestAllItemsBreakStops(t *testing.T) {
	srv := certtest.NewTestServer(t)
	api := newClient(t, srv).CertificationCampaignsApi
	id := srv.Certifications()[0].GetCampaign().GetID()
	n := 0
	for _, err := range api.AllItems(ctx(t), id, nil) {
		require.NoError(t, err)
		if n++; n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	items, errs := allItemsOf(api.AllItems(ctx(t), id, nil))
	assert.Empty(t, errs)
	assert.Greater(t, items, 2)
}
