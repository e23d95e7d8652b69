package certtest_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/certtest"
)

// On the default clock the data is dated around the day the server
// starts: nothing is past due for a client whose clock is the same.
func TestDefaultClockDatesTheDataAroundToday(t *testing.T) {
	before := time.Now()
	srv := certtest.NewTestServer(t)
	ref := srv.ReferenceTime()
	assert.False(t, ref.After(before.Add(time.Second)), "the reference date %s is not after the start %s", ref, before)
	assert.Less(t, before.Sub(ref), 25*time.Hour, "the reference date is the last 09:00 UTC before the start")
	assert.Equal(t, 9, ref.UTC().Hour())

	c := newClient(t, srv)
	campaigns, _, err := c.CertificationCampaignsApi.GetActiveCampaigns(ctx(t)).Execute()
	require.NoError(t, err)
	require.NotEmpty(t, campaigns)
	for _, camp := range campaigns {
		assert.True(t, camp.GetDeadline().After(time.Now()), "campaign %s is due %s", camp.GetID(), camp.GetDeadline())
		p, err := c.CertificationCampaignsApi.Progress(ctx(t), camp.GetID())
		require.NoError(t, err)
		assert.NotZero(t, p.Certifications)
		assert.Empty(t, p.PastDue, "campaign %s", camp.GetID())
	}
	for _, cert := range srv.Certifications() {
		assert.True(t, cert.GetDue().After(time.Now()), "certification %s is due %s", cert.GetID(), cert.GetDue())
		assert.True(t, cert.GetCreated().Before(ref), "certification %s was created %s", cert.GetID(), cert.GetCreated())
	}
}

// A clock that starts at ReferenceTime gives the documented reference
// date; any start on the same day gives the same data, and a start a day
// later the same data a day later.
func TestClockAnchorsTheData(t *testing.T) {
	at := func(d time.Duration) *certtest.Server {
		now := certtest.ReferenceTime().Add(d)
		return certtest.NewTestServer(t, certtest.WithClock(func() time.Time { return now }))
	}
	first := at(0)
	assert.Equal(t, certtest.ReferenceTime(), first.ReferenceTime())
	assert.Equal(t, first.Certifications(), at(23*time.Hour).Certifications(), "a start later the same day")

	next := at(24 * time.Hour)
	assert.Equal(t, certtest.ReferenceTime().Add(24*time.Hour), next.ReferenceTime())
	want, got := first.Certifications(), next.Certifications()
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].GetID(), got[i].GetID())
		assert.Equal(t, want[i].GetDue().Add(24*time.Hour), got[i].GetDue())
		assert.Equal(t, want[i].GetCreated().Add(24*time.Hour), got[i].GetCreated())
	}
	before := at(-time.Minute)
	assert.Equal(t, certtest.ReferenceTime().Add(-24*time.Hour), before.ReferenceTime(), "a start before 09:00 UTC takes the day before")
}

// Timestamps the server sets come from its clock.
func TestClockDatesWhatTheServerRecords(t *testing.T) {
	clock := certtest.NewManualClock(certtest.ReferenceTime().Add(3 * time.Hour))
	srv := certtest.NewTestServer(t, certtest.WithClock(clock.Now))
	c := newClient(t, srv)
	cert := certByRequirement(t, c, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions)
	items := allItems(t, c, cert.GetID())
	clock.Add(26 * time.Hour)
	_, _, err := c.CertificationsApi.MakeIdentityDecision(ctx(t), cert.GetID()).ReviewDecision(decisions(items, "APPROVE", "")).Execute()
	require.NoError(t, err)
	clock.Add(time.Hour)
	signed, _, err := c.CertificationsApi.SignOffIdentityCertification(ctx(t), cert.GetID()).Execute()
	require.NoError(t, err)
	assert.Equal(t, clock.Now(), signed.GetSigned())
	assert.Equal(t, clock.Now(), signed.GetModified())
}

// A ManualClock reads its start until moved, and each Add or Set shows
// in the next read, from any goroutine.
func TestManualClock(t *testing.T) {
	start := certtest.ReferenceTime()
	clock := certtest.NewManualClock(start)
	assert.Equal(t, start, clock.Now())
	assert.Equal(t, start.Add(time.Hour), clock.Add(time.Hour))
	assert.Equal(t, start.Add(time.Hour), clock.Now())
	clock.Add(-2 * time.Hour)
	assert.Equal(t, start.Add(-time.Hour), clock.Now())
	later := start.Add(30 * 24 * time.Hour)
	clock.Set(later)
	assert.Equal(t, later, clock.Now())

	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				clock.Add(time.Second)
				_ = clock.Now()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, later.Add(400*time.Second), clock.Now())
}
