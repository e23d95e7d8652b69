package beta

import "github.com/iscgo/certifications"

// rulesListCertifications holds the filter and sorter rules of
// GET /beta/certifications (listCertifications), as its parameter
// descriptions list them. Unlike v3 listIdentityCertifications, the campaign
// fields are campaignRef.id and campaignRef.campaignType. The sorter name is
// documented although CertificationDto has no name property.
var rulesListCertifications = &certifications.QueryRules{
	Operation: "listCertifications",
	Filters: map[string][]certifications.Operator{
		"id":                       {certifications.OpEq, certifications.OpIn},
		"phase":                    {certifications.OpEq},
		"completed":                {certifications.OpEq, certifications.OpNe},
		"campaignRef.campaignType": {certifications.OpEq, certifications.OpIn},
		"campaignRef.id":           {certifications.OpEq, certifications.OpIn},
	},
	Sorters: []string{"name", "due", "signed"},
}

// The reviewers and item-permissions operations take the same filters and
// sorters on beta as on v3 (same operationId, fields and rules), so their
// rules are the root package's, copied once.
var (
	rulesListCertificationReviewers              = certifications.RulesListCertificationReviewers()
	rulesGetIdentityCertificationItemPermissions = certifications.RulesGetIdentityCertificationItemPermissions()
)

// RulesListCertifications returns a copy of rulesListCertifications: the filter and sorter rules its
// builder checks before sending. Changing the copy changes nothing else.
func RulesListCertifications() *certifications.QueryRules { return rulesListCertifications.Clone() }

// RulesListCertificationReviewers returns a copy of rulesListCertificationReviewers: the filter and sorter rules its
// builder checks before sending. Changing the copy changes nothing else.
func RulesListCertificationReviewers() *certifications.QueryRules {
	return rulesListCertificationReviewers.Clone()
}

// RulesGetIdentityCertificationItemPermissions returns a copy of rulesGetIdentityCertificationItemPermissions: the filter and sorter rules its
// builder checks before sending. Changing the copy changes nothing else.
func RulesGetIdentityCertificationItemPermissions() *certifications.QueryRules {
	return rulesGetIdentityCertificationItemPermissions.Clone()
}
