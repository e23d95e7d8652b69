package main

import "github.com/iscgo/certifications/internal/apigen"

// The operations, one declaration each. Everything a builder needs is
// here: the path, its parameters, the optional query parameters, the body,
// the result type and the rules its filters and sorters are checked
// against. The generator writes the builders from these declarations; the
// request itself always takes internal/call.

// setters that list builders share; a declaration names those it has.
const (
	paging  = 1 << iota // Limit, Offset, Count, and Pager/All
	filters             // Filters
	sorters             // Sorters
	// startPaging is paging by limit and start, for a list whose page is
	// wrapped in an object: Limit, Start, and Pager/All over its Items.
	startPaging
)

// The reviewers and item-permissions operations take the same filters and
// sorters on beta as on v3 (same operationId, fields and rules): both
// declarations share one rules value, and beta's generated rules are a copy
// of the root package's.
var (
	reviewersRules = &rules{
		Filters: []filterRule{{"id", "eq in"}, {"name", "eq sw"}, {"email", "eq sw"}},
		Sorters: []string{"name", "email"},
	}
	permissionsRules = &rules{
		Doc:     "Besides its fields it allows at most one and/or, which must join a target clause to a rights clause, and no not (only and and or are listed as composite operators).",
		Filters: []filterRule{{"target", "eq sw"}, {"rights", "ca"}},
		Check:   "targetRightsPair",
	}
)

var services = []service{
	{
		File:    "api_certifications.go",
		Package: "certifications",
		Type:    "CertificationsApiService",
		Doc:     "docs/CertificationsApi.md",
		Root:    true,
		Gens:    []string{apigen.V3, apigen.V1},
		Ops:     certificationsOps,
	},
	{
		File:    "api_certification_summaries.go",
		Package: "certifications",
		Type:    "CertificationSummariesApiService",
		Doc:     "docs/CertificationSummariesApi.md",
		Root:    true,
		Gens:    []string{apigen.V3, apigen.V1},
		Ops:     summariesOps,
	},
	{
		File:    "beta/api_certifications.go",
		Package: "beta",
		Type:    "CertificationsApiService",
		Doc:     "docs/beta/CertificationsApi.md",
		Gens:    []string{apigen.Beta},
		Ops:     betaOps,
	},
}

var certificationsOps = []op{
	{
		Name: "GetCertificationTask", Method: "GET", Path: "/certification-tasks/{id}",
		Args:   []arg{{Name: "id"}},
		Result: "CertificationTask",
		Doc:    "returns the certification task with the given id",
	},
	{
		Name: "GetIdentityCertification", Method: "GET", Path: "/certifications/{id}",
		Args:   []arg{{Name: "id"}},
		Result: "IdentityCertificationDto",
		Doc:    "returns one identity certification",
	},
	{
		Name: "GetIdentityCertificationItemPermissions", Method: "GET",
		Path:   "/certifications/{certificationId}/access-review-items/{itemId}/permissions",
		Args:   []arg{{Name: "certificationID"}, {Name: "itemID"}},
		Result: "PermissionDto", List: true, Set: paging | filters, Noun: "permission",
		Rules: permissionsRules,
		Doc:   "lists the permissions of an entitlement review item",
	},
	{
		Name: "GetPendingCertificationTasks", Method: "GET", Path: "/certification-tasks",
		Result: "CertificationTask", List: true, Set: paging | filters, Noun: "task",
		Rules: &rules{
			Filters: []filterRule{{"id", "eq in"}, {"targetId", "eq in"}, {"type", "eq in"}},
		},
		Query: []query{{Name: "ReviewerIdentity", Wire: "reviewer-identity", Doc: `limits the tasks to those of a reviewer ("me" for the caller).`}},
		Doc:   "lists the certification tasks that are queued or in progress",
	},
	{
		Name: "ListCertificationReviewers", Method: "GET", Path: "/certifications/{id}/reviewers",
		Args:   []arg{{Name: "id"}},
		Result: "IdentityReferenceWithNameAndEmail", List: true, Set: paging | filters | sorters, Noun: "reviewer",
		Rules: reviewersRules, SortExample: "name,-email",
		Doc: "lists the reviewers of a certification",
	},
	{
		Name: "ListIdentityAccessReviewItems", Method: "GET", Path: "/certifications/{id}/access-review-items",
		Args:   []arg{{Name: "id"}},
		Result: "AccessReviewItem", List: true, Set: paging | filters | sorters, Noun: "review item",
		Rules: &rules{
			Filters: []filterRule{
				{"id", "eq in"}, {"type", "eq"}, {"access.type", "eq"}, {"completed", "eq ne"},
				{"identitySummary.id", "eq in"}, {"identitySummary.name", "eq sw"},
				{"access.id", "eq in"}, {"access.name", "eq sw"},
				{"entitlement.sourceName", "eq sw"}, {"accessProfile.sourceName", "eq sw"},
			},
			Sorters: []string{"identitySummary.name", "access.name", "access.type", "entitlement.sourceName", "accessProfile.sourceName"},
		}, SortExample: "identitySummary.name,-access.name",
		Query: []query{
			{Name: "Entitlements", Wire: "entitlements", Doc: "limits the items to these entitlement ids (comma-separated).", OneOf: true},
			{Name: "AccessProfiles", Wire: "access-profiles", Doc: "limits the items to these access profile ids (comma-separated).", OneOf: true},
			{Name: "Roles", Wire: "roles", Doc: "limits the items to these role ids (comma-separated).", OneOf: true},
		},
		Doc: "lists the access review items of a certification",
	},
	{
		Name: "ListIdentityCertifications", Method: "GET", Path: "/certifications",
		Result: "IdentityCertificationDto", List: true, Set: paging | filters | sorters, Noun: "certification",
		Rules: &rules{
			Doc:     "The published v3 spec lists completed with eq only, while older SDK reference pages list eq and ne; the SDK accepts both rather than refuse a filter the server may take.",
			Filters: []filterRule{{"id", "eq in"}, {"campaign.id", "eq in"}, {"phase", "eq"}, {"completed", "eq ne"}},
			Sorters: []string{"name", "due", "signed"},
		}, SortExample: "-due,name",
		Query: []query{{Name: "ReviewerIdentity", Wire: "reviewer-identity", Doc: `limits the list to a reviewer's certifications ("me" for the caller).`}},
		Doc:   "lists the identity certifications the caller may review",
		No404: true,
	},
	{
		Name: "MakeIdentityDecision", Method: "POST", Path: "/certifications/{id}/decide",
		Args:    []arg{{Name: "id"}},
		Result:  "IdentityCertificationDto",
		Body:    &body{Name: "ReviewDecision", Type: "[]ReviewDecision", Check: "ValidateDecisions(%s)", Doc: "sets the decisions to send (1 to MaxDecisionsPerCall)."},
		Doc:     "decides on up to 250 access review items of a certification",
		More:    "See Review and DecideAll for larger sets.",
		Result2: "the updated certification",
	},
	{
		Name: "ReassignIdentityCertifications", Method: "POST", Path: "/certifications/{id}/reassign",
		Args:    []arg{{Name: "id"}},
		Result:  "IdentityCertificationDto",
		Body:    &body{Name: "ReviewReassign", Type: "ReviewReassign", Required: true, Check: "%s.Validate(MaxReassignSync)", Doc: "sets the request body (required): reassignTo, reason and 1 to MaxReassignSync references."},
		Doc:     "moves up to 50 identities or items of a certification to another reviewer",
		More:    "See ReassignAll for larger sets.",
		Result2: "the updated certification",
	},
	{
		Name: "SignOffIdentityCertification", Method: "POST", Path: "/certifications/{id}/sign-off",
		Args:    []arg{{Name: "id"}},
		Result:  "IdentityCertificationDto",
		Doc:     "finalizes the decisions of a certification",
		More:    "Every item must be decided; SignOffWhenComplete checks that first.",
		Result2: "the signed certification",
	},
	{
		Name: "SubmitReassignCertsAsync", Method: "POST", Path: "/certifications/{id}/reassign-async",
		Args:    []arg{{Name: "id"}},
		Result:  "CertificationTask",
		Body:    &body{Name: "ReviewReassign", Type: "ReviewReassign", Required: true, Check: "%s.Validate(MaxReassignAsync)", Doc: "sets the request body (required): reassignTo, reason and 1 to MaxReassignAsync references."},
		Doc:     "starts moving up to 500 identities or items of a certification to another reviewer and returns the task to poll",
		More:    "See ReassignAll, which also waits for the task.",
		Result2: "the queued task",
	},
}

var summariesOps = []op{
	{
		Name: "GetIdentityDecisionSummary", Method: "GET", Path: "/certifications/{id}/decision-summary",
		Args:   []arg{{Name: "certificationID"}},
		Result: "IdentityCertDecisionSummary", Set: filters,
		Rules: &rules{
			Doc:     "The summary can be narrowed to identities.",
			Filters: []filterRule{{"identitySummary.id", "eq in"}},
		},
		Doc: "counts the decisions made and to make in a certification, per kind of access",
	},
	{
		Name: "GetIdentitySummaries", Method: "GET", Path: "/certifications/{id}/identity-summaries",
		Args:   []arg{{Name: "certificationID"}},
		Result: "CertificationIdentitySummary", List: true, Set: paging | filters | sorters, Noun: "identity summary",
		Rules: &rules{
			Filters: []filterRule{{"id", "eq in"}, {"completed", "eq ne"}, {"name", "eq sw"}},
			Sorters: []string{"name"},
		}, SortExample: "-name",
		Doc: "lists the identities of a certification, each with whether all its items are decided",
	},
	{
		Name: "GetIdentitySummary", Method: "GET", Path: "/certifications/{id}/identity-summaries/{identitySummaryId}",
		Args:   []arg{{Name: "certificationID"}, {Name: "identitySummaryID"}},
		Result: "CertificationIdentitySummary",
		Doc:    "returns one identity summary of a certification",
	},
	{
		Name: "GetIdentityAccessSummaries", Method: "GET", Path: "/certifications/{id}/access-summaries/{type}",
		Args:   []arg{{Name: "certificationID"}, {Name: "accessType", Type: "AccessSummaryType"}},
		Result: "AccessSummary", List: true, Set: paging | filters | sorters, Noun: "access summary",
		Rules: &rules{
			Filters: []filterRule{
				{"completed", "eq ne"}, {"access.id", "eq in"}, {"access.name", "eq sw"},
				{"entitlement.sourceName", "eq sw"}, {"accessProfile.sourceName", "eq sw"},
			},
			Sorters: []string{"access.name"},
		}, SortExample: "access.name",
		Doc: "lists the access under review in a certification for one kind of access: roles, access profiles or entitlements",
	},
}

// betaDeprecated is the deprecation notice every beta operation carries,
// followed by the operation's own pointer to its replacement.
const betaDeprecated = "Deprecated: the beta endpoint is deprecated. "

var betaOps = []op{
	{
		Name: "GetIdentityCertificationItemPermissions", Method: "GET",
		Path:   "/certifications/{certificationId}/access-review-items/{itemId}/permissions",
		Args:   []arg{{Name: "certificationID"}, {Name: "itemID"}},
		Result: "PermissionDto", List: true, Set: paging | filters, Noun: "permission",
		Rules: permissionsRules,
		Doc:   "lists the permissions of an entitlement review item",
		Deprecated: betaDeprecated + "Use the v3 certifications.CertificationsApiService.GetIdentityCertificationItemPermissions, " +
			"which takes the same parameters and returns the same PermissionDto.",
	},
	{
		Name: "GetIdentityCertificationPendingTasks", Method: "GET", Path: "/certifications/{id}/tasks-pending",
		Args:   []arg{{Name: "id"}},
		Result: "IdentityCertificationTask", List: true,
		Doc:  "lists the tasks of a certification that are queued or in progress",
		More: "The endpoint takes no paging parameters and returns every pending task at once.",
		Deprecated: betaDeprecated + "v3 has no per-certification equivalent. The closest v3 call is " +
			"certifications.CertificationsApiService.GetPendingCertificationTasks, which lists the caller's pending tasks " +
			"across certifications (filter on targetId to narrow it to one) and returns certifications.CertificationTask.",
	},
	{
		Name: "GetIdentityCertificationTaskStatus", Method: "GET", Path: "/certifications/{id}/tasks/{taskId}",
		Args:   []arg{{Name: "id"}, {Name: "taskID"}},
		Result: "IdentityCertificationTask",
		Doc:    "returns one task of a certification, with its current status",
		Deprecated: betaDeprecated + "v3 has no per-certification task status endpoint. The closest v3 call is " +
			"certifications.CertificationsApiService.GetCertificationTask, which looks a task up by its id alone and " +
			"returns certifications.CertificationTask.",
	},
	{
		Name: "ListCertificationReviewers", Method: "GET", Path: "/certifications/{id}/reviewers",
		Args:   []arg{{Name: "id"}},
		Result: "IdentityReferenceWithNameAndEmail", List: true, Set: paging | filters | sorters, Noun: "reviewer",
		Rules: reviewersRules, SortExample: "name,-email",
		Doc: "lists the reviewers of a certification",
		Deprecated: betaDeprecated + "Use the v3 certifications.CertificationsApiService.ListCertificationReviewers, " +
			"which takes the same parameters and returns the same IdentityReferenceWithNameAndEmail.",
	},
	{
		Name: "ListCertifications", Method: "GET", Path: "/certifications",
		Result: "CertificationDto", List: true, Set: paging | filters | sorters, Noun: "certification",
		Rules: &rules{
			Doc: "Unlike v3 listIdentityCertifications, the campaign fields are campaignRef.id and campaignRef.campaignType. The sorter name is documented although CertificationDto has no name property.",
			Filters: []filterRule{
				{"id", "eq in"}, {"phase", "eq"}, {"completed", "eq ne"},
				{"campaignRef.campaignType", "eq in"}, {"campaignRef.id", "eq in"},
			},
			Sorters: []string{"name", "due", "signed"},
		}, SortExample: "-due,signed",
		Query: []query{{Name: "ReviewerIdentity", Wire: "reviewer-identitiy",
			Doc: `limits the list to a reviewer's certifications ("me" for the caller). It is sent as reviewer-identitiy, the beta API's own spelling.`}},
		Doc: "lists the certifications the caller may review", No404: true,
		Deprecated: betaDeprecated + "Use the v3 certifications.CertificationsApiService.ListIdentityCertifications, " +
			"which returns certifications.IdentityCertificationDto. v3 has no equivalent of CertificationDto's campaign " +
			"view: it names the campaign campaign (filter on campaign.id instead of campaignRef.id), counts identities " +
			"instead of entities, and spells the reviewer parameter reviewer-identity.",
	},
	{
		Name: "SubmitReassignCertsAsync", Method: "POST", Path: "/certifications/{id}/reassign-async",
		Args:    []arg{{Name: "id"}},
		Result:  "IdentityCertificationTask",
		Body:    &body{Name: "ReviewReassign", Type: "ReviewReassign", Required: true, Check: "%s.Validate(certifications.MaxReassignAsync)", Doc: "sets the request body (required): reassignTo, reason and 1 to certifications.MaxReassignAsync references."},
		Doc:     "starts moving up to 500 identities or items of a certification to another reviewer and returns the task to poll with GetIdentityCertificationTaskStatus",
		Result2: "the queued task",
		Deprecated: betaDeprecated + "Use the v3 certifications.CertificationsApiService.SubmitReassignCertsAsync, " +
			"which takes the same body and returns a certifications.CertificationTask.",
	},
}
