package certtest

import (
	"iter"

	"github.com/iscgo/certifications"
)

// certsOfCampaign narrows a certification listing whose filter requires
// campaign.id eq "<id>" (alone or in a top-level and) to that campaign's
// certifications: a campaign's workflows (Progress, AllItems) list them
// so, and rendering every certification of the tenant to test each one
// would hold the tenant's lock for the whole scan.
func (t *tenant) certsOfCampaign(lp listParams) (iter.Seq[*certState], bool) {
	for _, f := range conjuncts(lp.filter) {
		c, ok := f.(*certifications.Comparison)
		if !ok || c == nil || c.Field != "campaign.id" || c.Op != certifications.OpEq ||
			len(c.Values) != 1 || c.Values[0].Kind != certifications.KindString {
			continue
		}
		want := c.Values[0]
		return func(yield func(*certState) bool) {
			for cert := range t.liveCerts() {
				// The matcher's own eq (case-insensitive, as the tenants
				// compare strings), so that narrowing keeps every match.
				if equalValue(t.campaigns[cert.campaign].ref.ID, want) && !yield(cert) {
					return
				}
			}
		}, true
	}
	return nil, false
}
