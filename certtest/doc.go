// Package certtest runs an in-process fake SailPoint Identity Security Cloud
// tenant that serves the Certifications API: the 11 Certifications, the 4
// Certification Summaries and the 29 campaign operations (campaigns,
// templates, campaign filters, reports) both under /v3 and under their
// per-resource v1 paths (/certifications/v1/..., /campaigns/v1/...), the 6
// beta ones under /beta and the OAuth2 token endpoint. Use it to
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
// # Campaigns
//
// The campaign side (campaigns, campaign templates and their schedules,
// campaign filters, campaign reports) is served in both generations from
// the same state. A campaign created through the API is STAGED (after one
// read that shows it PENDING); activating it generates one certification
// per reviewer, served by the certifications API with campaign pointing at
// it; completing it is refused before its deadline and afterwards decides
// what is left with autoCompleteAction and signs every certification off.
// Work the API does in the background shows its transitional status
// (ACTIVATING, COMPLETING, a PENDING report) to the next read.
//
// Reports are derived from the state when they run. CAMPAIGN_STATUS_REPORT
// has a row per certification (reviewer, phase, due date, counters, sign-off
// date); CAMPAIGN_COMPOSITION_REPORT a row per access review item (identity
// with the identity attribute columns of the reports configuration,
// access, decision); CERTIFICATION_SIGNOFF_REPORT a row per signed
// certification (signer, date, and SIGN_OFF or CAMPAIGN_COMPLETION);
// CAMPAIGN_REMEDIATION_STATUS_REPORT a row per revoked item (remediator,
// the access's owner, and the remediation status: NOT_STARTED until the
// certification is signed off, IN_PROGRESS after it, COMPLETED once a
// remediation scan ran after the sign-off, with the scan's time). The file
// is CSV, or a PDF printing the same rows. A report holds at most a million
// rows; a longer one keeps the first and has status WARNING.
//
// Deleting a campaign deletes its certifications, items, decisions,
// reassignment tasks and reports: the API answers 404 for them and no list
// shows them. A campaign generated from a template is the template's
// campaign with the date placeholders of its name and description ("%Y",
// "%F" ...) filled in. A template's schedule fires on the sandbox clock: each
// campaign or template request first generates a campaign from every
// template for each run time the clock has passed since (at most 100 at
// once), dated at its run time. Nothing runs in the background, so a test
// moves its clock (WithClock) and makes a request.
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
