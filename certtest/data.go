package certtest

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/iscgo/certifications"
)

// referenceTime is the reference date of a server whose clock reads
// 2025-03-03 (from 09:00 UTC) when it starts.
var referenceTime = time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)

// ReferenceTime returns 2025-03-03T09:00:00Z: the reference date (see
// Server.ReferenceTime) of a server whose clock reads a time from then to
// 24 hours later when it starts. A test that wants the same dates in every
// run, whatever the day, starts its clock there:
//
//	srv := certtest.NewTestServer(t, certtest.WithClock(certtest.ReferenceTime))
//
// A server on the default clock (time.Now) dates its data around the day
// it starts instead, so that its certifications are never past due when
// it starts.
func ReferenceTime() time.Time { return referenceTime }

// referenceFor returns the reference date of a server whose clock reads
// start when it starts: the last 09:00 UTC at or before start. The data
// keeps the same dates for a whole day of starts, and every timestamp the
// server sets later lies after them.
func referenceFor(start time.Time) time.Time {
	const at = 9 * time.Hour
	return start.UTC().Add(-at).Truncate(24 * time.Hour).Add(at)
}

// meID is the identity of the client credentials ("me"): the same for every
// seed, so documentation and tests can name it.
const meID = "7e3a0c5d9b2f4e18a6c1d4f0b8e25a93"

// Person indexes: reviewers are 0..Reviewers-1 (0 is "me"), access owners
// and campaign owners start at ownerBase, the identities under review of
// the regular certifications at identityBase and those of the large
// certification at largeIdentityBase.
const (
	ownerBase         = 200
	ownerCount        = 12
	identityBase      = 1000
	largeIdentityBase = 10_000_000
)

// mix64 is the splitmix64 finaliser: a cheap, well-spread 64-bit hash step.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// rnd is a small deterministic generator (splitmix64). Every generated
// value comes from a rnd seeded by the server seed and the value's
// coordinates, so nothing depends on generation order.
type rnd struct{ s uint64 }

func (r *rnd) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// intn returns a number in [0, n).
func (r *rnd) intn(n int) int { return int(r.next() % uint64(n)) }

// chance returns true with probability p.
func (r *rnd) chance(p float64) bool { return float64(r.next()>>11)/(1<<53) < p }

// between returns a number in [lo, hi].
func (r *rnd) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func hashString(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

// newRnd seeds a generator from the tenant seed, a kind and coordinates.
func newRnd(seed int64, kind string, parts ...uint64) rnd {
	s := mix64(uint64(seed) ^ hashString(kind))
	for _, p := range parts {
		s = mix64(s ^ p + 0x9e3779b97f4a7c15)
	}
	return rnd{s: s}
}

// hexID returns a 32-hex-digit id like the ones ISC uses.
func hexID(seed int64, kind string, parts ...uint64) string {
	r := newRnd(seed, kind, parts...)
	return fmt.Sprintf("%016x%016x", r.next(), r.next())
}

// ms rounds t to milliseconds, the precision the API shows.
func ms(t time.Time) time.Time { return t.Truncate(time.Millisecond) }

func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

var firstNames = []string{
	"Aisha", "Ben", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi",
	"Ines", "Jamal", "Katarzyna", "Liam", "Mei", "Nikhil", "Olivia", "Pedro",
	"Quinn", "Rosa", "Samuel", "Tanvi", "Umar", "Valentina", "Wei", "Ximena",
	"Yusuf", "Zoe", "Anders", "Beatriz", "Chidi", "Dana", "Emeka", "Freya",
	"Gabriel", "Hana", "Ivan", "Julia", "Kofi", "Lucia", "Marcus", "Noor",
}

var lastNames = []string{
	"Abara", "Bergstrom", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia",
	"Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
	"Oyelaran", "Patel", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman",
	"Varga", "Whitfield", "Xu", "Yamamoto", "Zielinski", "Adeyemi", "Brennan",
	"Chen", "Delgado", "Evans", "Fontaine", "Gupta", "Horvath", "Iqbal",
	"Jovanovic", "Kim", "Larsen", "Mendes", "Novak",
}

// emailDomain is the sandbox organisation's mail domain (a reserved
// .example name, so no mail can ever reach anyone).
const emailDomain = "acme.example"

// person is an identity of the sandbox tenant.
type person struct {
	idx      int
	id       string
	first    string
	last     string
	name     string
	email    string
	created  time.Time
	modified time.Time
}

// person returns identity i. Names are spread so that every combination
// of first and last name is used once before any repeats; repeats get a
// number in their email address, which keeps emails unique.
func (t *tenant) person(i int) person {
	if p, ok := t.people[i]; ok {
		return p
	}
	r := newRnd(t.seed, "person", uint64(i))
	p := person{idx: i}
	if i == 0 {
		p.id, p.first, p.last = meID, "Robin", "Okafor"
	} else {
		combos := len(firstNames) * len(lastNames)
		c := (i*7919 + int(t.seed%int64(combos)+int64(combos))) % combos
		p.id = hexID(t.seed, "identity", uint64(i))
		p.first = firstNames[c%len(firstNames)]
		p.last = lastNames[c/len(firstNames)]
		if n := i / combos; n > 0 {
			p.email = fmt.Sprintf("%s.%s%d@%s", strings.ToLower(p.first), strings.ToLower(p.last), n, emailDomain)
		}
	}
	p.name = p.first + " " + p.last
	if p.email == "" {
		p.email = strings.ToLower(p.first) + "." + strings.ToLower(p.last) + "@" + emailDomain
	}
	p.created = ms(t.ref.Add(-days(r.between(400, 3000))).Add(time.Duration(r.intn(86400000)) * time.Millisecond))
	p.modified = ms(t.ref.Add(-days(r.between(1, 120))).Add(time.Duration(r.intn(86400000)) * time.Millisecond))
	return p
}

func (p person) ref() *certifications.IdentityReferenceWithNameAndEmail {
	return &certifications.IdentityReferenceWithNameAndEmail{
		Type:  certifications.Ptr("IDENTITY"),
		ID:    certifications.Ptr(p.id),
		Name:  certifications.Ptr(p.name),
		Email: certifications.Ptr(p.email),
	}
}

func (p person) reviewer() *certifications.Reviewer {
	return &certifications.Reviewer{
		ID:       certifications.Ptr(p.id),
		Name:     certifications.Ptr(p.name),
		Email:    certifications.Ptr(p.email),
		Type:     certifications.Ptr(certifications.ReviewerTypeIdentity),
		Created:  certifications.Ptr(p.created),
		Modified: certifications.Ptr(p.modified),
	}
}

// sourceDef is a connected source (application) of the sandbox tenant.
type sourceDef struct {
	name      string
	typ       string
	attribute string
	schema    string
	short     string // used in service account names
	id        string
}

var sourceTable = []sourceDef{
	{name: "Active Directory", typ: "Active Directory - Direct", attribute: "memberOf", schema: "group", short: "ad"},
	{name: "Workday", typ: "Workday", attribute: "securityGroups", schema: "group", short: "wd"},
	{name: "SAP", typ: "SAP - Direct", attribute: "roles", schema: "role", short: "sap"},
	{name: "Oracle ERP", typ: "Oracle Database", attribute: "grantedRoles", schema: "role", short: "ora"},
	{name: "Salesforce", typ: "Salesforce", attribute: "PermissionSet", schema: "PermissionSet", short: "sfdc"},
	{name: "ServiceNow", typ: "ServiceNow", attribute: "roles", schema: "role", short: "snow"},
	{name: "GitHub", typ: "GitHub", attribute: "teams", schema: "team", short: "gh"},
}

// entDef is an entitlement of the catalog.
type entDef struct {
	source      int
	name        string
	value       string
	description string
	privileged  bool
	dataAccess  bool // has data access security (DAS) data
	permissions bool // has fine-grained permissions (database grants)
	cloud       bool // cloud governed
	id          string
	owner       int // person index
}

// The entitlement catalog. Its length (30) is coprime with the step used to
// pick an identity's entitlements, so one identity never gets the same
// entitlement twice.
var entTable = []entDef{
	{source: 0, name: "Finance-Users", value: "CN=Finance-Users,OU=Groups,DC=acme,DC=example", description: "Read access to the finance department shares and mailing lists", dataAccess: true},
	{source: 0, name: "VPN-Remote-Access", value: "CN=VPN-Remote-Access,OU=Groups,DC=acme,DC=example", description: "Connect to the corporate network over the remote access VPN"},
	{source: 0, name: "Domain Admins", value: "CN=Domain Admins,CN=Users,DC=acme,DC=example", description: "Full administrative control of the Active Directory domain", privileged: true},
	{source: 0, name: "Payroll-Share-RW", value: "CN=Payroll-Share-RW,OU=Groups,DC=acme,DC=example", description: "Read and write access to the payroll file share", dataAccess: true},
	{source: 0, name: "HelpDesk-Operators", value: "CN=HelpDesk-Operators,OU=Groups,DC=acme,DC=example", description: "Reset passwords and unlock accounts of standard users"},
	{source: 0, name: "Engineering-All", value: "CN=Engineering-All,OU=Groups,DC=acme,DC=example", description: "Distribution and access group of the engineering department"},
	{source: 1, name: "HR.PAYROLL", value: "HR.PAYROLL", description: "Run and approve payroll in Workday", privileged: true, dataAccess: true},
	{source: 1, name: "HR.BENEFITS", value: "HR.BENEFITS", description: "Maintain employee benefit elections"},
	{source: 1, name: "HR.COMPENSATION.VIEW", value: "HR.COMPENSATION.VIEW", description: "View compensation data of the supervisory organisation", dataAccess: true},
	{source: 1, name: "FIN.EXPENSES.APPROVER", value: "FIN.EXPENSES.APPROVER", description: "Approve expense reports up to the delegated limit"},
	{source: 2, name: "SAP_FI_AP_CLERK", value: "SAP_FI_AP_CLERK", description: "Enter and park vendor invoices in accounts payable"},
	{source: 2, name: "SAP_MM_BUYER", value: "SAP_MM_BUYER", description: "Create purchase orders and maintain purchasing info records"},
	{source: 2, name: "SAP_BASIS_ADMIN", value: "SAP_BASIS_ADMIN", description: "System administration of the SAP landscape", privileged: true},
	{source: 2, name: "SAP_HR_PAYROLL_RUN", value: "SAP_HR_PAYROLL_RUN", description: "Start payroll runs and release results", privileged: true},
	{source: 3, name: "AP_INVOICE_ENTRY", value: "AP_INVOICE_ENTRY", description: "Insert and update invoices in the payables schema", permissions: true},
	{source: 3, name: "GL_JOURNAL_APPROVER", value: "GL_JOURNAL_APPROVER", description: "Approve general ledger journal batches", permissions: true},
	{source: 3, name: "DBA", value: "DBA", description: "Database administrator role with all system privileges", privileged: true, permissions: true},
	{source: 3, name: "HR_READONLY", value: "HR_READONLY", description: "Read-only access to the HR schema", permissions: true, dataAccess: true},
	{source: 4, name: "Sales Manager", value: "Sales_Manager", description: "Manage opportunities, forecasts and the sales team's pipeline", cloud: true},
	{source: 4, name: "Opportunity Admin", value: "Opportunity_Admin", description: "Edit and delete any opportunity", cloud: true},
	{source: 4, name: "Marketing User", value: "Marketing_User", description: "Create campaigns and import leads", cloud: true},
	{source: 5, name: "itil", value: "itil", description: "Work incidents, problems and changes as a fulfiller"},
	{source: 5, name: "admin", value: "admin", description: "ServiceNow instance administrator", privileged: true},
	{source: 5, name: "approver_user", value: "approver_user", description: "Approve requests and changes"},
	{source: 5, name: "asset", value: "asset", description: "Maintain hardware and software asset records"},
	{source: 6, name: "acme/platform:maintain", value: "acme/platform:maintain", description: "Maintain the platform repositories and their settings", cloud: true},
	{source: 6, name: "acme/payments:write", value: "acme/payments:write", description: "Push to the payments service repositories", cloud: true},
	{source: 6, name: "acme/owners", value: "acme/owners", description: "Owners of the GitHub organisation", privileged: true, cloud: true},
	{source: 6, name: "acme/security:triage", value: "acme/security:triage", description: "Triage security alerts across repositories", cloud: true},
	{source: 6, name: "acme/docs:read", value: "acme/docs:read", description: "Read the internal documentation repositories", cloud: true},
}

// apDef is an access profile of the catalog (8 of them: coprime with 7).
// source is the source it belongs to, as every access profile of a tenant
// belongs to one: the source of its first entitlement. Filters read it as
// accessProfile.sourceName; the item model has no field for it.
type apDef struct {
	name        string
	description string
	source      int
	ents        []int
	privileged  bool
	id          string
	owner       int
	created     time.Time
	modified    time.Time
}

var apTable = []apDef{
	{name: "Accounts Payable Clerk", description: "Everything an accounts payable clerk needs to enter and park invoices", source: 2, ents: []int{10, 14}},
	{name: "Payroll Administrator", description: "Run payroll in Workday and SAP and read the payroll share", source: 1, ents: []int{6, 13, 3}, privileged: true},
	{name: "Help Desk Tier 1", description: "First-line support: password resets and ticket handling", source: 0, ents: []int{4, 21}},
	{name: "Sales Operations", description: "Pipeline and forecast management in Salesforce", source: 4, ents: []int{18, 19}},
	{name: "Developer Tools", description: "Source code access for product engineers", source: 6, ents: []int{25, 26, 5}},
	{name: "HR Business Partner", description: "Benefits and compensation views for HR business partners", source: 1, ents: []int{7, 8}},
	{name: "Remote Worker", description: "VPN access and documentation for remote employees", source: 0, ents: []int{1, 29}},
	{name: "Finance Reporting", description: "Read-only finance data for month-end reporting", source: 0, ents: []int{0, 17, 15}},
}

// roleDef is a role of the catalog (6 of them: coprime with 7).
type roleDef struct {
	name        string
	description string
	aps         []int
	ents        []int
	privileged  bool
	revocable   bool
	id          string
	owner       int
}

var roleTable = []roleDef{
	{name: "Finance Analyst", description: "Analysts of the finance department", aps: []int{7}, ents: []int{9}, revocable: true},
	{name: "Accounts Payable Specialist", description: "Members of the accounts payable team", aps: []int{0, 6}, revocable: true},
	{name: "Sales Representative", description: "Field and inside sales staff", aps: []int{3}, ents: []int{20}, revocable: true},
	{name: "Software Engineer", description: "Engineers of the product teams", aps: []int{4, 6}, revocable: true},
	{name: "HR Business Partner", description: "HR partners assigned to business units", aps: []int{5}, ents: []int{17}, revocable: false},
	{name: "IT Administrator", description: "Administrators of the core infrastructure", aps: []int{2}, ents: []int{2, 22}, privileged: true, revocable: true},
}

// permTargets are the database objects fine-grained permissions refer to.
var permTargets = []string{
	"SYS.OBJAUTH2", "AP.AP_INVOICES_ALL", "AP.AP_SUPPLIERS", "GL.GL_JE_HEADERS",
	"GL.GL_JE_LINES", "HR.PER_ALL_PEOPLE_F", "HR.PAY_PAYROLL_ACTIONS", "PO.PO_HEADERS_ALL",
	"AR.RA_CUSTOMER_TRX_ALL", "SYS.GV_$TRANSACTION", "SYS.DBA_USERS", "FND.FND_USER",
}

var permRights = []string{"SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE"}

// catalog holds the seeded catalog: tables above with ids and owners.
type catalog struct {
	sources []sourceDef
	ents    []entDef
	aps     []apDef
	roles   []roleDef
}

func newCatalog(seed int64, ref time.Time) *catalog {
	c := &catalog{
		sources: append([]sourceDef(nil), sourceTable...),
		ents:    append([]entDef(nil), entTable...),
		aps:     append([]apDef(nil), apTable...),
		roles:   append([]roleDef(nil), roleTable...),
	}
	for i := range c.sources {
		c.sources[i].id = hexID(seed, "source", uint64(i))
	}
	for i := range c.ents {
		r := newRnd(seed, "entitlement", uint64(i))
		c.ents[i].id = hexID(seed, "entitlement-id", uint64(i))
		c.ents[i].owner = ownerBase + r.intn(ownerCount)
	}
	for i := range c.aps {
		r := newRnd(seed, "access-profile", uint64(i))
		c.aps[i].id = hexID(seed, "access-profile-id", uint64(i))
		c.aps[i].owner = ownerBase + r.intn(ownerCount)
		c.aps[i].created = ms(ref.Add(-days(r.between(300, 1500))))
		c.aps[i].modified = ms(ref.Add(-days(r.between(5, 200))))
	}
	for i := range c.roles {
		r := newRnd(seed, "role", uint64(i))
		c.roles[i].id = hexID(seed, "role-id", uint64(i))
		c.roles[i].owner = ownerBase + r.intn(ownerCount)
	}
	return c
}

// campaignDef is a certification campaign.
type campaignDef struct {
	api     bool // created through the campaigns API (campaigns.go)
	ref     certifications.CampaignReference
	owner   int
	created time.Time
	due     time.Time
}

var campaignNames = []struct {
	name, description string
	typ               certifications.CampaignReferenceCampaignType
}{
	{"Q1 2025 Manager Access Review", "Managers certify the access of their direct reports.", certifications.CampaignReferenceCampaignTypeManager},
	{"Q1 2025 Source Owner Review", "Source owners certify who holds access on their applications.", certifications.CampaignReferenceCampaignTypeSourceOwner},
	{"Privileged Access Review", "Review of every privileged entitlement and role.", certifications.CampaignReferenceCampaignTypeSearch},
}

var commentRequirements = []certifications.CampaignReferenceMandatoryCommentRequirement{
	certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions,
	certifications.CampaignReferenceMandatoryCommentRequirementRevokeOnlyDecisions,
	certifications.CampaignReferenceMandatoryCommentRequirementAllDecisions,
}

func newCampaign(seed int64, i int, ref time.Time) campaignDef {
	r := newRnd(seed, "campaign", uint64(i))
	n := campaignNames[i%len(campaignNames)]
	name := n.name
	if i >= len(campaignNames) {
		name = fmt.Sprintf("%s #%d", n.name, i/len(campaignNames)+1)
	}
	created := ms(ref.Add(-days(7 + i)).Add(-time.Duration(r.intn(36000000)) * time.Millisecond))
	return campaignDef{
		ref: certifications.CampaignReference{
			ID:                          hexID(seed, "campaign-id", uint64(i)),
			Name:                        name,
			Type:                        certifications.CampaignReferenceTypeCampaign,
			CampaignType:                n.typ,
			Description:                 certifications.Ptr(n.description),
			CorrelatedStatus:            certifications.CampaignReferenceCorrelatedStatusCorrelated,
			MandatoryCommentRequirement: commentRequirements[i%len(commentRequirements)],
		},
		owner:   ownerBase + r.intn(ownerCount),
		created: created,
		due:     ms(ref.Add(days(14 + 7*i)).Add(time.Duration(r.intn(3600)) * time.Second)),
	}
}
