package certtest

import "github.com/iscgo/certifications"

// The kinds of access an item can grant, as indexes of a tally. The
// sandbox has no account items: their decision summary counters are 0.
const (
	kindEntitlement = iota
	kindAccessProfile
	kindRole
	kindCount
)

// kindTypes are the access types of the kinds.
var kindTypes = [kindCount]certifications.DtoType{
	certifications.DtoTypeEntitlement, certifications.DtoTypeAccessProfile, certifications.DtoTypeRole,
}

// kindAt is the kind of item j of identity k: an identity's items rotate
// through entitlement, entitlement, access profile and role, starting at a
// point that moves on with k.
func kindAt(j, k int) int {
	switch (j + k) % 4 {
	case 0, 1:
		return kindEntitlement
	case 2:
		return kindAccessProfile
	}
	return kindRole
}

// tally counts items per kind and their decisions: what an identity, or a
// whole certification, holds now. The counters of a decision summary and
// of a certification (decisionsMade, decisionsTotal) are read from it.
type tally struct {
	items, approved, revoked [kindCount]int
}

// add counts n more items (n may be negative) of a kind with decision d,
// "" for undecided.
func (t *tally) add(kind int, d certifications.CertificationDecision, n int) {
	t.items[kind] += n
	switch d {
	case certifications.CertificationDecisionApprove:
		t.approved[kind] += n
	case certifications.CertificationDecisionRevoke:
		t.revoked[kind] += n
	}
}

// addTimes adds o to t n times.
func (t *tally) addTimes(o tally, n int) {
	for k := range kindCount {
		t.items[k] += o.items[k] * n
		t.approved[k] += o.approved[k] * n
		t.revoked[k] += o.revoked[k] * n
	}
}

func (t tally) total() int {
	n := 0
	for k := range kindCount {
		n += t.items[k]
	}
	return n
}

func (t tally) decided() int {
	n := 0
	for k := range kindCount {
		n += t.approved[k] + t.revoked[k]
	}
	return n
}

// complete reports whether there are items and all are decided.
func (t tally) complete() bool {
	n := t.total()
	return n > 0 && t.decided() == n
}

// residues counts the numbers j in [0, n) with j%4 == m (n >= 0, 0 <= m < 4).
func residues(n, m int) int { return (n - m + 3) / 4 }

// genTally counts the kinds of the first n generated items of identity k.
func genTally(n, k int) tally {
	var t tally
	for m := range 4 {
		t.items[kindAt(m, k)] += residues(n, m)
	}
	return t
}

// genTotals counts the kinds of c's generated items. Identities whose
// indexes are equal modulo 4 hold the same kinds, so this takes a few
// steps for any number of items.
func (c *certState) genTotals() tally {
	var t tally
	if c.perIdent == 0 {
		return t
	}
	full := c.gen / c.perIdent
	for q := range 4 {
		t.addTimes(genTally(c.perIdent, q), residues(full, q))
	}
	t.addTimes(genTally(c.gen%c.perIdent, full), 1)
	return t
}

// decisionSummary renders a tally as IdentityCertDecisionSummary.
func decisionSummary(t tally) certifications.IdentityCertDecisionSummary {
	n := func(v int) *int32 { return certifications.Ptr(int32(v)) }
	made := func(k int) *int32 { return n(t.approved[k] + t.revoked[k]) }
	e, ap, ro := kindEntitlement, kindAccessProfile, kindRole
	return certifications.IdentityCertDecisionSummary{
		EntitlementDecisionsMade:    made(e),
		AccessProfileDecisionsMade:  made(ap),
		RoleDecisionsMade:           made(ro),
		AccountDecisionsMade:        n(0),
		EntitlementDecisionsTotal:   n(t.items[e]),
		AccessProfileDecisionsTotal: n(t.items[ap]),
		RoleDecisionsTotal:          n(t.items[ro]),
		AccountDecisionsTotal:       n(0),
		EntitlementsApproved:        n(t.approved[e]),
		EntitlementsRevoked:         n(t.revoked[e]),
		AccessProfilesApproved:      n(t.approved[ap]),
		AccessProfilesRevoked:       n(t.revoked[ap]),
		RolesApproved:               n(t.approved[ro]),
		RolesRevoked:                n(t.revoked[ro]),
		AccountsApproved:            n(0),
		AccountsRevoked:             n(0),
	}
}
