package certtest

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/iscgo/certifications"
)

// itemRef names a review item by where it was generated: the index of its
// origin certification and its index there. An item keeps its ref (and its
// id) when a reassignment moves it to another certification.
type itemRef struct{ cert, idx int32 }

// identKey names an identity summary the same way: origin certification and
// the identity's index there.
type identKey struct{ cert, idx int32 }

// decisionState is what the server remembers about a decided item.
type decisionState struct {
	decision        certifications.CertificationDecision
	comments        *string
	proposedEndDate *time.Time
	calls           int // decide calls that included the item
}

// certState is one certification. Items are not stored: a certification
// with generated items knows how many it has and generates each one on
// demand from the seed; only changes (decisions, items moved in or out)
// live in maps.
type certState struct {
	idx      int
	key      uint64 // hash of the id, seeds item generation
	id       string
	name     string
	campaign int
	reviewer int   // person index
	extra    []int // further reviewers (person indexes)
	created  time.Time
	modified time.Time
	due      time.Time
	signed   *time.Time
	phase    certifications.CertificationPhase

	gen        int // generated items (0 for certifications created by reassignment)
	perIdent   int // items per identity
	identBase  int // person index of identity 0
	itemPrefix string
	itemMask   uint64
	identPref  string
	identMask  uint64

	removed   int                 // generated items that now live elsewhere
	added     []itemRef           // items moved in, in arrival order; {-1,-1} marks a removed entry
	addedPos  map[itemRef]int     // position of each live entry of added
	idents    map[identKey]*tally // per identity, created when first touched
	sum       tally               // all items now in the certification
	identTot  int                 // identitiesTotal
	identDone int                 // identitiesCompleted
	index     *rankIndex          // items by decision, for filtered listings; built on first use (see itemIndex)

	reassignment *certifications.Reassignment
	gone         bool // deleted with its campaign (deleteCampaigns)
}

// task is an asynchronous reassignment.
type task struct {
	id      string
	cert    int // source certification
	created time.Time
	status  certifications.CertificationTaskStatus
	body    certifications.ReviewReassign
	errors  []string
	trail   certifications.ReassignmentTrailDTOs
	// campaign is set for a campaign's admin reassignment (Move): the
	// task targets the campaign and is done when created.
	campaign string
}

// tenant is the in-memory state of the sandbox. Every method expects mu to
// be held by the caller unless it says otherwise.
type tenant struct {
	mu    sync.Mutex
	seed  int64
	sizes Sizes
	ref   time.Time // the date the generated data is built around (referenceFor)

	cat       *catalog
	campaigns []campaignDef
	certs     []*certState
	certByID  map[string]int
	prefixes  map[string]int // item id prefix -> origin certification
	identPref map[string]int // identity summary id prefix -> origin certification
	known     map[string]int // identity id -> person index, for reassignTo and reviewer-identity
	people    map[int]person // the known persons, generated once

	decisions map[itemRef]*decisionState
	moved     map[itemRef]int // current certification of moved items
	tasks     []*task
	taskByID  map[string]*task
	created   int // certifications created by reassignment

	version uint64     // counts changes, for the cache
	cache   matchCache // matching items of recent filtered listings

	clock func() time.Time // WithClock, else time.Now
	admin campaignAdmin    // campaigns, templates, filters and reports (campaigns.go)
}

func newTenant(cfg *config) *tenant {
	clock := cfg.clock
	if clock == nil {
		clock = time.Now
	}
	ref := referenceFor(clock())
	t := &tenant{
		seed:      cfg.seed,
		sizes:     cfg.sizes,
		ref:       ref,
		cat:       newCatalog(cfg.seed, ref),
		certByID:  map[string]int{},
		prefixes:  map[string]int{},
		identPref: map[string]int{},
		known:     map[string]int{},
		people:    map[int]person{},
		decisions: map[itemRef]*decisionState{},
		moved:     map[itemRef]int{},
		taskByID:  map[string]*task{},
		clock:     clock,
	}
	t.admin.init()
	sz := cfg.sizes
	for i := range sz.Campaigns {
		t.campaigns = append(t.campaigns, newCampaign(t.seed, i, ref))
	}
	for r := range sz.Reviewers {
		t.know(r)
	}
	for o := range ownerCount {
		t.know(ownerBase + o)
	}
	for r := range sz.Reviewers {
		for j := range sz.CertificationsPerReviewer {
			idx := len(t.certs)
			rr := newRnd(t.seed, "certification", uint64(idx))
			camp := (r*sz.CertificationsPerReviewer + j) % sz.Campaigns
			c := t.newCert(hexID(t.seed, "certification-id", uint64(idx)), camp, r)
			c.gen = sz.IdentitiesPerCertification * sz.ItemsPerIdentity
			c.identBase = identityBase + idx*sz.IdentitiesPerCertification
			if sz.Reviewers > 1 && rr.chance(0.5) {
				c.extra = []int{(r + 1 + rr.intn(sz.Reviewers-1)) % sz.Reviewers}
			}
			t.initGenerated(c)
			for k := range sz.IdentitiesPerCertification {
				t.know(c.identBase + k)
			}
		}
	}
	for _, lc := range cfg.large {
		c := t.newCert(lc.id, 0, 0)
		c.name = "Enterprise Entitlement Review for " + t.person(0).name
		c.gen = lc.items
		c.identBase = largeIdentityBase
		t.initGenerated(c)
	}
	return t
}

// know registers person i as an identity the tenant can resolve by id.
func (t *tenant) know(i int) {
	p := t.person(i)
	t.known[p.id] = i
	t.people[i] = p
}

// newCert appends an ACTIVE certification without items.
func (t *tenant) newCert(id string, campaign, reviewer int) *certState {
	if _, dup := t.certByID[id]; dup {
		panic(fmt.Sprintf("certtest: certification id %q is used twice", id))
	}
	camp := t.campaigns[campaign]
	idx := len(t.certs)
	r := newRnd(t.seed, "certification-dates", uint64(idx))
	c := &certState{
		idx:      idx,
		key:      hashString(id),
		id:       id,
		name:     camp.ref.Name + " for " + t.person(reviewer).name,
		campaign: campaign,
		reviewer: reviewer,
		created:  ms(camp.created.Add(time.Duration(r.intn(600000)) * time.Millisecond)),
		due:      camp.due,
		phase:    certifications.CertificationPhaseActive,
		perIdent: t.sizes.ItemsPerIdentity,
		addedPos: map[itemRef]int{},
		idents:   map[identKey]*tally{},
	}
	c.modified = c.created
	t.certs = append(t.certs, c)
	t.certByID[id] = idx
	return c
}

// initGenerated sets the id scheme and counters of a certification whose
// c.gen items are generated.
func (t *tenant) initGenerated(c *certState) {
	r := newRnd(t.seed, "item-ids", c.key)
	c.itemPrefix = fmt.Sprintf("%016x", r.next())
	c.itemMask = r.next()
	c.identPref = fmt.Sprintf("%016x", r.next())
	c.identMask = r.next()
	t.prefixes[c.itemPrefix] = c.idx
	t.identPref[c.identPref] = c.idx
	c.sum = c.genTotals()
	c.identTot = (c.gen + c.perIdent - 1) / c.perIdent
}

// now is the server's clock (WithClock, time.Now by default), in UTC to
// the millisecond as the API writes times.
func (t *tenant) now() time.Time { return ms(t.clock()).UTC() }

func (t *tenant) cert(id string) *certState {
	if i, ok := t.certByID[id]; ok {
		return t.certs[i]
	}
	return nil
}

// ---- ids

// Item and identity summary ids are a 16-digit prefix naming the origin
// certification followed by the scrambled index: random-looking, yet
// parseable without storing anything per item.

func (t *tenant) itemID(ref itemRef) string {
	c := t.certs[ref.cert]
	return c.itemPrefix + fmt.Sprintf("%016x", scramble(uint64(ref.idx)^c.itemMask))
}

func (t *tenant) identID(k identKey) string {
	c := t.certs[k.cert]
	return c.identPref + fmt.Sprintf("%016x", scramble(uint64(k.idx)^c.identMask))
}

// scramble is a bijection on 64-bit numbers that spreads neighbouring
// inputs over the whole range; unscramble is its inverse.
const (
	scrambleK1 = 0xd6e8feb86659fd93
	scrambleK2 = 0xa0761d6478bd642f
)

func scramble(x uint64) uint64 {
	x *= scrambleK1
	x ^= x >> 32
	x *= scrambleK2
	return x ^ x>>32
}

func unscramble(x uint64) uint64 {
	x ^= x >> 32
	x *= modInverse(scrambleK2)
	x ^= x >> 32
	return x * modInverse(scrambleK1)
}

// modInverse returns the inverse of an odd number modulo 2^64 (Newton's
// iteration doubles the correct low bits each step).
func modInverse(a uint64) uint64 {
	x := a
	for range 5 {
		x *= 2 - a*x
	}
	return x
}

// parseItemID returns the ref of an item id, whatever certification the
// item is in now.
func (t *tenant) parseItemID(id string) (itemRef, bool) {
	ci, n, ok := parseSchemeID(id, t.prefixes)
	if !ok {
		return itemRef{}, false
	}
	c := t.certs[ci]
	idx := unscramble(n) ^ c.itemMask
	if idx >= uint64(c.gen) {
		return itemRef{}, false
	}
	return itemRef{int32(ci), int32(idx)}, true
}

func (t *tenant) parseIdentID(id string) (identKey, bool) {
	ci, n, ok := parseSchemeID(id, t.identPref)
	if !ok {
		return identKey{}, false
	}
	c := t.certs[ci]
	idx := unscramble(n) ^ c.identMask
	if idx >= uint64(c.identCountGenerated()) {
		return identKey{}, false
	}
	return identKey{int32(ci), int32(idx)}, true
}

func parseSchemeID(id string, prefixes map[string]int) (cert int, n uint64, ok bool) {
	if len(id) != 32 {
		return 0, 0, false
	}
	ci, ok := prefixes[strings.ToLower(id[:16])]
	if !ok {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(id[16:], 16, 64)
	if err != nil {
		return 0, 0, false
	}
	return ci, n, true
}

func (c *certState) identCountGenerated() int {
	if c.perIdent == 0 {
		return 0
	}
	return (c.gen + c.perIdent - 1) / c.perIdent
}

func (c *certState) blockSize(k int) int {
	return max(0, min(c.perIdent, c.gen-k*c.perIdent))
}

func identOf(ref itemRef, perIdent int) identKey {
	return identKey{ref.cert, ref.idx / int32(perIdent)}
}

func (t *tenant) identOf(ref itemRef) identKey { return identOf(ref, t.certs[ref.cert].perIdent) }

// ---- where items are

// location returns the index of the certification an item is in now.
func (t *tenant) location(ref itemRef) int {
	if at, ok := t.moved[ref]; ok {
		return at
	}
	return int(ref.cert)
}

// refs iterates over the items of c in list order: its generated items
// still there, then the items moved in.
func (t *tenant) refs(c *certState) iter.Seq[itemRef] {
	return func(yield func(itemRef) bool) {
		for i := range c.gen {
			ref := itemRef{int32(c.idx), int32(i)}
			if c.removed > 0 && t.location(ref) != c.idx {
				continue
			}
			if !yield(ref) {
				return
			}
		}
		for ref := range t.addedRefs(c) {
			if !yield(ref) {
				return
			}
		}
	}
}

// window returns the items of c at positions [off, off+n) without
// generating the ones before: the fast path of unfiltered listing.
func (t *tenant) window(c *certState, off, n int) []itemRef {
	if c.removed > 0 {
		return pageOf(off, n, c.total(), 0, nil, t.refs(c))
	}
	// No generated item has left: position i is generated item i.
	return pageOf(off, n, c.total(), c.gen, func(i int) itemRef { return itemRef{int32(c.idx), int32(i)} }, t.addedRefs(c))
}

// pageOf returns the elements at positions [off, off+n) of a list of size
// elements made of head elements known by position (at) followed by rest,
// without iterating over the head.
func pageOf[R any](off, n, size, head int, at func(int) R, rest iter.Seq[R]) []R {
	out := make([]R, 0, max(0, min(n, size-off)))
	for i := off; i < head && len(out) < n; i++ {
		out = append(out, at(i))
	}
	if len(out) == n {
		return out
	}
	pos := head
	for r := range rest {
		if pos >= off {
			out = append(out, r)
			if len(out) == n {
				break
			}
		}
		pos++
	}
	return out
}

// addedRefs iterates over the items moved into c, in arrival order.
func (t *tenant) addedRefs(c *certState) iter.Seq[itemRef] {
	return func(yield func(itemRef) bool) {
		for _, ref := range c.added {
			if ref.cert >= 0 && !yield(ref) {
				return
			}
		}
	}
}

// identity returns (creating on first use) the tally of identity k in c.
// An identity nobody touched yet has its generated items, none decided.
func (c *certState) identity(k identKey) *tally {
	if ic, ok := c.idents[k]; ok {
		return ic
	}
	ic := new(tally)
	*ic = c.peekIdentity(k)
	c.idents[k] = ic
	return ic
}

// peekIdentity is identity without creating an entry.
func (c *certState) peekIdentity(k identKey) tally {
	if ic, ok := c.idents[k]; ok {
		return *ic
	}
	if int(k.cert) == c.idx {
		return genTally(c.blockSize(int(k.idx)), int(k.idx))
	}
	return tally{}
}

// count records that n items (1 or -1) of identity k, of the given kind
// and decision ("" for none), entered or left c, and keeps the
// certification's counters in step.
func (c *certState) count(k identKey, kind int, d certifications.CertificationDecision, n int) {
	ic := c.identity(k)
	present, done := ic.total() > 0, ic.complete()
	ic.add(kind, d, n)
	c.sum.add(kind, d, n)
	c.identTot += b2i(ic.total() > 0) - b2i(present)
	c.identDone += b2i(ic.complete()) - b2i(done)
}

// total is decisionsTotal: the items now in the certification.
func (c *certState) total() int { return c.sum.total() }

// made is decisionsMade.
func (c *certState) made() int { return c.sum.decided() }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// move moves an item from certification from to certification to.
func (t *tenant) move(ref itemRef, from, to *certState) {
	t.version++
	k, kind := t.identOf(ref), t.kindIndex(ref)
	var d certifications.CertificationDecision
	if st := t.decisions[ref]; st != nil {
		d = st.decision
	}
	from.count(k, kind, d, -1)
	from.place(ref, slotEmpty) // while its entry is there
	if int(ref.cert) == from.idx {
		from.removed++
	} else {
		pos := from.addedPos[ref]
		from.added[pos] = itemRef{-1, -1}
		delete(from.addedPos, ref)
		from.compact()
	}
	if int(ref.cert) == to.idx {
		to.removed--
		delete(t.moved, ref)
	} else {
		to.addedPos[ref] = len(to.added)
		to.added = append(to.added, ref)
		t.moved[ref] = to.idx
	}
	to.count(k, kind, d, 1)
	to.place(ref, slotOf(d))
}

// compact drops removed entries of added once they are the majority.
func (c *certState) compact() {
	if len(c.addedPos)*2 >= len(c.added) {
		return
	}
	live := c.added[:0]
	for _, ref := range c.added {
		if ref.cert >= 0 {
			c.addedPos[ref] = len(live)
			live = append(live, ref)
		}
	}
	c.added = live
	c.index = nil // the items moved in have new positions: index them again when needed
}

// ---- the decision index

// Positions of a certification's item list: generated item i at position
// i, whether it is still there or not, then the entries of added, removed
// ones included, so that a position changes only when compact rewrites
// added.

// position returns the position of an item of c.
func (c *certState) position(ref itemRef) int {
	if int(ref.cert) == c.idx {
		return int(ref.idx)
	}
	return c.gen + c.addedPos[ref]
}

// refAt returns the item at position p of c, which must hold one.
func (c *certState) refAt(p int) itemRef {
	if p < c.gen {
		return itemRef{int32(c.idx), int32(p)}
	}
	return c.added[p-c.gen]
}

// slotOf is the slot of an item with decision d ("" for none).
func slotOf(d certifications.CertificationDecision) slot {
	if d == "" {
		return slotUndecided
	}
	return slotDecided
}

// place records in c's index, if c has one yet, that the position of ref
// now holds v.
func (c *certState) place(ref itemRef, v slot) {
	if c.index == nil {
		return
	}
	c.index.grow(c.gen + len(c.added))
	c.index.set(c.position(ref), v)
}

// markDecided records that item ref of c got its first decision: from
// now on it is completed.
func (c *certState) markDecided(ref itemRef) { c.place(ref, slotDecided) }

// itemIndex returns c's decision index, building it on first use from
// the items that left c, those that came in and the decisions, without
// going through the generated items one by one. Decisions and moves keep
// it up to date from then on.
func (t *tenant) itemIndex(c *certState) *rankIndex {
	if c.index != nil {
		return c.index
	}
	ix := newRankIndex(c.gen + len(c.added))
	ix.fill(c.gen)
	if c.removed > 0 {
		for ref := range t.moved {
			if int(ref.cert) == c.idx { // moved away from its origin, c
				ix.mark(int(ref.idx), slotEmpty)
			}
		}
	}
	for i, ref := range c.added {
		if ref.cert >= 0 {
			ix.mark(c.gen+i, slotUndecided)
		}
	}
	for ref := range t.decisions {
		if t.location(ref) == c.idx {
			ix.mark(c.position(ref), slotDecided)
		}
	}
	ix.recount()
	c.index = ix
	return ix
}

// ---- generated content

// itemKind is the kind of access of a generated item and its catalog index.
type itemKind struct {
	typ certifications.DtoType
	cat int
}

// kindOf returns what an item grants without generating the whole item.
// Catalog entries are picked with a step coprime with the catalog sizes,
// so an identity never holds the same access twice.
func (t *tenant) kindOf(ref itemRef) itemKind {
	c := t.certs[ref.cert]
	k := int(ref.idx) / c.perIdent
	j := int(ref.idx) % c.perIdent
	r := newRnd(t.seed, "identity-access", c.key, uint64(k))
	base := r.intn(1 << 20)
	kind := kindAt(j, k)
	size := [kindCount]int{len(t.cat.ents), len(t.cat.aps), len(t.cat.roles)}[kind]
	return itemKind{kindTypes[kind], (base + j*7) % size}
}

// kindIndex is the kind of an item (kindEntitlement, ...): kindOf's type,
// without the catalog pick.
func (t *tenant) kindIndex(ref itemRef) int {
	c := t.certs[ref.cert]
	return kindAt(int(ref.idx)%c.perIdent, int(ref.idx)/c.perIdent)
}

// accessID is the id of the access an item grants (accessSummary.access.id).
func (t *tenant) accessID(k itemKind) string {
	id, _ := t.access(k)
	return id
}

// access returns the id and the name of the access an item grants
// (accessSummary.access.id and name).
func (t *tenant) access(k itemKind) (id, name string) {
	switch k.typ {
	case certifications.DtoTypeEntitlement:
		e := t.cat.ents[k.cat]
		return e.id, e.name
	case certifications.DtoTypeAccessProfile:
		ap := t.cat.aps[k.cat]
		return ap.id, ap.name
	}
	ro := t.cat.roles[k.cat]
	return ro.id, ro.name
}

// usageDays is how many of the last 90 days person p used entitlement e.
// About a third of all grants were not used at all (0 days, state
// COMPLETE): that access has been unused for 90 days or more.
func (t *tenant) usageDays(p, e int) (int32, certifications.ActivityInsightsUsageDaysState) {
	r := newRnd(t.seed, "usage", uint64(p), uint64(e))
	switch x := r.intn(100); {
	case x < 33:
		return 0, certifications.ActivityInsightsUsageDaysStateComplete
	case x < 38:
		return 0, certifications.ActivityInsightsUsageDaysStateUnknown
	default:
		return int32(r.between(1, 90)), certifications.ActivityInsightsUsageDaysStateComplete
	}
}

// account returns person p's account on the source of entitlement e, with
// the activity of that entitlement.
func (t *tenant) account(p person, e int) *certifications.ReviewableEntitlementAccount {
	ent := t.cat.ents[e]
	src := t.cat.sources[ent.source]
	r := newRnd(t.seed, "account", uint64(p.idx), uint64(ent.source))
	acc := &certifications.ReviewableEntitlementAccount{
		Disabled: certifications.Ptr(r.chance(0.03)),
		Locked:   certifications.Ptr(r.chance(0.02)),
		Type:     certifications.Ptr(certifications.DtoTypeAccount),
		ID:       certifications.Ptr(hexID(t.seed, "account-id", uint64(p.idx), uint64(ent.source))),
		Created:  certifications.Ptr(ms(t.ref.Add(-days(r.between(200, 2500))).Add(-time.Duration(r.intn(86400000)) * time.Millisecond))),
		Modified: certifications.Ptr(ms(t.ref.Add(-days(r.between(1, 120))).Add(time.Duration(r.intn(86400)) * time.Second))),
	}
	login := strings.ToLower(p.first[:1] + p.last)
	var native string
	switch src.short {
	case "ad":
		native = "CN=" + p.name + ",OU=Users,DC=acme,DC=example"
	case "wd":
		native = fmt.Sprintf("WD%06d", 100000+p.idx%900000)
	case "sap":
		native = strings.ToUpper(login)
		if len(native) > 12 {
			native = native[:12]
		}
	case "sfdc", "snow":
		native = p.email
	default:
		native = login
	}
	service := r.chance(0.12)
	if service {
		native = "svc-" + src.short + "-" + strings.ToLower(p.last)
		acc.Description = certifications.Ptr("Service account on " + src.name + " managed by " + p.name)
		acc.GovernanceGroupID = certifications.Ptr(hexID(t.seed, "governance-group", uint64(ent.source)))
		acc.Owner = &certifications.ReviewableEntitlementAccountOwner{
			ID:          certifications.Ptr(p.id),
			Type:        certifications.Ptr(certifications.ReviewableEntitlementAccountOwnerTypeIdentity),
			DisplayName: certifications.Ptr(p.name),
		}
	} else {
		acc.Description = certifications.Ptr(src.name + " account of " + p.name)
	}
	acc.NativeIdentity = certifications.Ptr(native)
	acc.Name = certifications.Ptr(native)
	days, state := t.usageDays(p.idx, e)
	acc.ActivityInsights = &certifications.ActivityInsights{
		AccountID:      acc.ID,
		UsageDays:      certifications.Ptr(days),
		UsageDaysState: certifications.Ptr(state),
	}
	return acc
}

// entitlement returns entitlement e as held by person p.
func (t *tenant) entitlement(e int, p person) *certifications.ReviewableEntitlement {
	ent := t.cat.ents[e]
	src := t.cat.sources[ent.source]
	out := &certifications.ReviewableEntitlement{
		ID:                     certifications.Ptr(ent.id),
		Name:                   certifications.Ptr(ent.name),
		Description:            certifications.Ptr(ent.description),
		Privileged:             certifications.Ptr(ent.privileged),
		Owner:                  t.person(ent.owner).ref(),
		AttributeName:          certifications.Ptr(src.attribute),
		AttributeValue:         certifications.Ptr(ent.value),
		SourceSchemaObjectType: certifications.Ptr(src.schema),
		SourceName:             certifications.Ptr(src.name),
		SourceType:             certifications.Ptr(src.typ),
		SourceID:               certifications.Ptr(src.id),
		HasPermissions:         certifications.Ptr(ent.permissions),
		IsPermission:           certifications.Ptr(false),
		Revocable:              certifications.Ptr(true),
		CloudGoverned:          certifications.Ptr(ent.cloud),
		ContainsDataAccess:     certifications.Ptr(ent.dataAccess),
		Account:                t.account(p, e),
	}
	if ent.dataAccess {
		r := newRnd(t.seed, "data-access", uint64(e))
		scores := []string{"Low", "Medium", "High"}
		out.DataAccess = &certifications.DataAccess{
			Policies: []certifications.DataAccessPolicy{{Value: certifications.Ptr("GDPR")}, {Value: certifications.Ptr("SOX")}},
			Categories: []certifications.DataAccessCategory{
				{Value: certifications.Ptr("payroll-records"), MatchCount: certifications.Ptr(int64(r.between(10, 900)))},
				{Value: certifications.Ptr("bank-account-numbers"), MatchCount: certifications.Ptr(int64(r.between(1, 120)))},
			},
			ImpactScore: &certifications.DataAccessImpactScore{Value: certifications.Ptr(scores[r.intn(len(scores))])},
		}
	}
	return out
}

func (t *tenant) accessProfile(a int, p person, r *rnd) *certifications.ReviewableAccessProfile {
	ap := t.cat.aps[a]
	out := &certifications.ReviewableAccessProfile{
		ID:            certifications.Ptr(ap.id),
		Name:          certifications.Ptr(ap.name),
		Description:   certifications.Ptr(ap.description),
		Privileged:    certifications.Ptr(ap.privileged),
		CloudGoverned: certifications.Ptr(false),
		Owner:         t.person(ap.owner).ref(),
		Created:       certifications.Ptr(ap.created),
		Modified:      certifications.Ptr(ap.modified),
	}
	if r != nil && r.chance(0.2) {
		out.EndDate = certifications.Ptr(ms(t.ref.Add(days(r.between(30, 180)))))
	}
	for _, e := range ap.ents {
		out.Entitlements = append(out.Entitlements, *t.entitlement(e, p))
	}
	return out
}

func (t *tenant) role(ro int, p person, r *rnd) *certifications.ReviewableRole {
	def := t.cat.roles[ro]
	out := &certifications.ReviewableRole{
		ID:          certifications.Ptr(def.id),
		Name:        certifications.Ptr(def.name),
		Description: certifications.Ptr(def.description),
		Privileged:  certifications.Ptr(def.privileged),
		Owner:       t.person(def.owner).ref(),
		Revocable:   certifications.Ptr(def.revocable),
	}
	if r.chance(0.15) {
		out.EndDate = certifications.Ptr(ms(t.ref.Add(days(r.between(30, 365)))))
	}
	for _, a := range def.aps {
		out.AccessProfiles = append(out.AccessProfiles, *t.accessProfile(a, p, r))
	}
	for _, e := range def.ents {
		out.Entitlements = append(out.Entitlements, *t.entitlement(e, p))
	}
	return out
}

// itemRnd returns the generator of an item's content.
func (t *tenant) itemRnd(ref itemRef) rnd {
	return newRnd(t.seed, "item", t.certs[ref.cert].key, uint64(ref.idx))
}

// identPerson returns the person identity k is about.
func (t *tenant) identPerson(k identKey) person {
	return t.person(t.certs[k.cert].identBase + int(k.idx))
}

// accessSummary builds the access item ref grants to p, its identity; r is
// the item's generator (access profiles and roles draw end dates from it).
func (t *tenant) accessSummary(ref itemRef, p person, r *rnd) *certifications.AccessSummary {
	kind := t.kindOf(ref)
	sum := &certifications.AccessSummary{Access: &certifications.AccessSummaryAccess{Type: certifications.Ptr(kind.typ), ID: certifications.Ptr(t.accessID(kind))}}
	switch kind.typ {
	case certifications.DtoTypeEntitlement:
		sum.Entitlement = t.entitlement(kind.cat, p)
		sum.Access.Name = sum.Entitlement.Name
	case certifications.DtoTypeAccessProfile:
		sum.AccessProfile = t.accessProfile(kind.cat, p, r)
		sum.Access.Name = sum.AccessProfile.Name
	default:
		sum.Role = t.role(kind.cat, p, r)
		sum.Access.Name = sum.Role.Name
	}
	return sum
}

// identSummary renders identity k, about person p, as certification c
// shows it now: completed once c holds items of k and all are decided.
func (t *tenant) identSummary(c *certState, k identKey, p person) certifications.CertificationIdentitySummary {
	return certifications.CertificationIdentitySummary{
		ID:         certifications.Ptr(t.identID(k)),
		Name:       certifications.Ptr(p.name),
		IdentityID: certifications.Ptr(p.id),
		Completed:  certifications.Ptr(c.peekIdentity(k).complete()),
	}
}

// item builds the review item ref as it is now: generated content plus its
// decision, in the certification it currently belongs to.
func (t *tenant) item(ref itemRef) certifications.AccessReviewItem {
	k := t.identOf(ref)
	p := t.identPerson(k)
	r := t.itemRnd(ref)
	sum := t.accessSummary(ref, p, &r) // draws from r before NewAccess does
	ident := t.identSummary(t.certs[t.location(ref)], k, p)
	it := certifications.AccessReviewItem{
		AccessSummary:   sum,
		IdentitySummary: &ident,
		ID:              certifications.Ptr(t.itemID(ref)),
		Completed:       certifications.Ptr(false),
		NewAccess:       certifications.Ptr(r.chance(0.12)),
	}
	if d := t.decisions[ref]; d != nil {
		it.Completed = certifications.Ptr(true)
		it.Decision = certifications.Ptr(d.decision)
		it.Comments = d.comments
	}
	return it
}

// permissions returns the fine-grained permissions of an item: database
// grants for entitlements that have them, none otherwise.
func (t *tenant) permissions(ref itemRef) []certifications.PermissionDto {
	kind := t.kindOf(ref)
	if kind.typ != certifications.DtoTypeEntitlement || !t.cat.ents[kind.cat].permissions {
		return []certifications.PermissionDto{}
	}
	r := newRnd(t.seed, "permissions", uint64(kind.cat))
	n := r.between(3, 6)
	start := r.intn(len(permTargets))
	out := make([]certifications.PermissionDto, 0, n)
	for i := range n {
		target := permTargets[(start+i)%len(permTargets)]
		if i == 0 {
			target = "SYS.OBJAUTH2" // every grant list has it, as in the API's examples
		}
		var rights []string
		for _, right := range permRights {
			if r.chance(0.5) {
				rights = append(rights, right)
			}
		}
		if len(rights) == 0 {
			rights = []string{"SELECT"}
		}
		out = append(out, certifications.PermissionDto{Rights: rights, Target: certifications.Ptr(target)})
	}
	// SYS.OBJAUTH2 may also come up in the rotation: keep targets unique.
	seen := map[string]bool{}
	uniq := out[:0]
	for _, pd := range out {
		if !seen[*pd.Target] {
			seen[*pd.Target] = true
			uniq = append(uniq, pd)
		}
	}
	return uniq
}

// certDTO renders a certification as the v3 API shows it.
func (t *tenant) certDTO(c *certState) certifications.IdentityCertificationDto {
	camp := t.campaigns[c.campaign].ref
	var re *certifications.Reassignment
	if c.reassignment != nil {
		cp := *c.reassignment
		re = &cp
	}
	return certifications.IdentityCertificationDto{
		ID:                  certifications.Ptr(c.id),
		Name:                certifications.Ptr(c.name),
		Campaign:            &camp,
		Completed:           certifications.Ptr(c.made() == c.total()),
		IdentitiesCompleted: certifications.Ptr(int32(c.identDone)),
		IdentitiesTotal:     certifications.Ptr(int32(c.identTot)),
		Created:             certifications.Ptr(c.created),
		Modified:            certifications.Ptr(c.modified),
		DecisionsMade:       certifications.Ptr(int32(c.made())),
		DecisionsTotal:      certifications.Ptr(int32(c.total())),
		Due:                 certifications.Ptr(c.due),
		Signed:              c.signed,
		Reviewer:            t.person(c.reviewer).reviewer(),
		Reassignment:        re,
		HasErrors:           certifications.Ptr(false),
		Phase:               certifications.Ptr(c.phase),
	}
}

// reviewers returns the person indexes of a certification's reviewers.
func (c *certState) reviewers() []int { return append([]int{c.reviewer}, c.extra...) }

// taskDTO renders a task as v3 CertificationTask.
func (t *tenant) taskDTO(tk *task) certifications.CertificationTask {
	out := certifications.CertificationTask{
		ID:                    certifications.Ptr(tk.id),
		Type:                  certifications.Ptr(certifications.CertificationTaskTypeReassign),
		TargetType:            certifications.Ptr(certifications.CertificationTaskTargetTypeCertification),
		TargetID:              certifications.Ptr(t.certs[tk.cert].id),
		Status:                certifications.Ptr(tk.status),
		Errors:                []certifications.ErrorMessageDto{},
		ReassignmentTrailDTOs: tk.trail,
		Created:               certifications.Ptr(tk.created),
	}
	if tk.campaign != "" {
		out.Type = certifications.Ptr(certifications.CertificationTaskTypeAdminReassign)
		out.TargetType = certifications.Ptr(certifications.CertificationTaskTargetTypeCampaign)
		out.TargetID = certifications.Ptr(tk.campaign)
	}
	for _, e := range tk.errors {
		out.Errors = append(out.Errors, errorMessage(e, ""))
	}
	if out.ReassignmentTrailDTOs == nil {
		out.ReassignmentTrailDTOs = certifications.ReassignmentTrailDTOs{}
	}
	return out
}

func pending(s certifications.CertificationTaskStatus) bool {
	return s == certifications.CertificationTaskStatusQueued || s == certifications.CertificationTaskStatusInProgress
}
