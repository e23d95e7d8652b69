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

// rulesListCertificationReviewers holds the filter and sorter rules of
// GET /beta/certifications/{id}/reviewers (listCertificationReviewers).
var rulesListCertificationReviewers = &certifications.QueryRules{
	Operation: "listCertificationReviewers",
	Filters: map[string][]certifications.Operator{
		"id":    {certifications.OpEq, certifications.OpIn},
		"name":  {certifications.OpEq, certifications.OpSw},
		"email": {certifications.OpEq, certifications.OpSw},
	},
	Sorters: []string{"name", "email"},
}

// rulesGetIdentityCertificationItemPermissions holds the filter rules of
// GET /beta/certifications/{certificationId}/access-review-items/{itemId}/permissions
// (getIdentityCertificationItemPermissions). As in v3, a filter is one
// clause, or one and/or joining a target clause and a rights clause; the
// structural check is the v3 rules' Check. It takes no sorters.
var rulesGetIdentityCertificationItemPermissions = &certifications.QueryRules{
	Operation: "getIdentityCertificationItemPermissions",
	Filters: map[string][]certifications.Operator{
		"target": {certifications.OpEq, certifications.OpSw},
		"rights": {certifications.OpCa},
	},
	Check: certifications.RulesGetIdentityCertificationItemPermissions().Check,
}

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
