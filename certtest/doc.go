// Package certtest runs an in-process fake SailPoint Identity Security Cloud
// tenant that serves the Certifications API: the 11 Certifications and the
// 4 Certification Summaries operations both under /v3 and under their
// per-resource v1 paths (/certifications/v1/..., /certification-tasks/v1/...),
// the 6 beta ones under /beta and the OAuth2 token endpoint. Use it to
// test code built on the certifications SDK without a real tenant, to run
// the examples offline, and to rehearse failures a real tenant produces
// only now and then.
//
// # Starting a tenant
//
// In a test, NewTestServer starts a tenant and closes it when the test
// ends; Client returns an SDK client already pointed at it with working
// credentials:
//
//	srv := certtest.NewTestServer(t)
//	api := srv.Client().CertificationsApi
//	certs, _, err := api.ListIdentityCertifications(ctx).ReviewerIdentity("me").Execute()
//
// Configuration returns the same settings as a *certifications.Configuration
// to adjust first (turn client-side pacing off, shorten retry waits).
// Outside tests use NewServer and Close.
//
// # The data
//
// The tenant is generated from a seed (WithSeed) and sizes (WithSizes): by
// default 2 campaigns, 3 reviewers with 2 certifications each, 8 identities
// per certification and 4 access review items per identity, dated around
// the server's reference date (Server.ReferenceTime: the last 09:00 UTC
// before the server started, by its clock), so that on the default clock
// nothing is past due when it starts. The same seed, sizes and reference
// date always give the same tenant; a fixed clock (WithClock) gives the
// same dates in every run. "me", the
// identity of the client credentials, is the first reviewer (MeID, Robin
// Okafor, for every seed); the credentials act as an administrator, so
// lists without reviewer-identity show every certification.
//
// Items are entitlements (on sources such as Active Directory, Workday,
// SAP, Oracle ERP), access profiles and roles, with owners, accounts, data
// access classification and activity insights. ActivityInsights.UsageDays
// counts the days of the last 90 with activity; about a third of all
// entitlements have 0 days with state COMPLETE, i.e. were not used for 90
// days or more. Entitlements of the Oracle ERP source have fine-grained
// permissions; the permissions of any other item are an empty list.
//
// Campaigns differ in mandatoryCommentRequirement (NO_DECISIONS,
// REVOKE_ONLY_DECISIONS, ALL_DECISIONS, in turn), and decide enforces it: a
// decision without the required comment is refused with 400.
//
// Items are never stored. They are generated on demand from the seed and
// their position, and only changes (decisions, items moved by a
// reassignment) are kept, so WithLargeCertification can add a certification
// of millions of items that costs no memory until it is worked on.
//
// # Behaviour
//
// The server follows the API's documented rules: filters and sorters are
// parsed and checked per endpoint with the SDK's own parser and rules
// (an unsupported field, operator or sort key is a 400 ErrorResponseDto),
// limit must be 0 to 250, count=true sets X-Total-Count, and an offset at or
// past the end of a non-empty result is refused with the tenants'
// {"detailMessage":"Specified offset is invalid.",...}. Decisions update
// the certification's counters; sign-off needs every item decided and
// makes the certification read-only; a synchronous reassignment (up to 50
// references) moves items to a certification of the new reviewer in the
// same campaign, created if needed; an asynchronous one (up to 500) creates
// a task that each GET of the task (v3 certification-tasks/{id} or beta
// tasks/{taskId}) moves from QUEUED to IN_PROGRESS to SUCCESS, applying the
// move at the end; the pending-task lists show it meanwhile without moving
// it on. A reassignment reference of type
// TARGET_SUMMARY names an access (accessSummary.access.id): all items
// granting it are moved. Unknown ids get 404 ErrorResponseDto answers.
// reviewer-identity ("me" for the caller) limits certification and task
// lists to a reviewer; beta list certifications reads it under its spec's
// spelling, reviewer-identitiy, and ignores the v3 one.
//
// v3 and v1 are one tenant: the same handlers serve both path sets from the
// same state. The Certification Summaries read that state too: the
// decision summary counts decisions per kind of access (entitlement,
// access profile, role; account counters are 0, the sandbox has no account
// items), identity summaries turn completed once every item of the identity
// is decided, and access summaries list the items of one type (ROLE,
// ACCESS_PROFILE or ENTITLEMENT, anything else is a 400). They come from
// counters kept up to date by every decision and reassignment, so they stay
// cheap for a large certification.
//
// Every API request needs a bearer token from POST /oauth/token (client
// credentials in the form or with HTTP basic authentication). Tokens expire
// after WithTokenLifetime; ExpireTokens expires them all at once to test
// renewal.
//
// # Faults
//
// WithRateLimit, WithLatency, WithErrorRate and WithDroppedConnections make
// the tenant misbehave like a busy one: 429 with Retry-After, slow answers,
// 500 and 503, connections closed halfway through a response (after the
// server did the work). Random faults are drawn from the seed. Faults can
// be limited to some paths and methods and switched off and on at run time
// (SetFaultsEnabled), so that a test sets its data up cleanly first; they
// never touch the token endpoint unless WithTokenEndpointFaults says so.
//
// # Assertions
//
// Requests lists every request with its status and any injected fault.
// Certification, Item, Items and Task show the state as the API would;
// DecisionCount tells how many decide calls included an item, to assert
// that a workflow decided each item exactly once.
package certtest
