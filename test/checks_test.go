package test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
)

// checkExampleTask asserts the CertificationTask of the spec examples
// (getCertificationTask, getPendingCertificationTasks,
// submitReassignCertsAsync), whose reassignmentTrailDTOs is a lone object.
func checkExampleTask(t *testing.T, task *certifications.CertificationTask) {
	t.Helper()
	require.NotNil(t, task)
	assert.Equal(t, "2c918086719eec070171a7e3355a360a", task.GetID())
	assert.Equal(t, certifications.CertificationTaskTypeAdminReassign, task.GetType())
	assert.Equal(t, certifications.CertificationTaskTargetTypeCampaign, task.GetTargetType())
	assert.Equal(t, "2c918086719eec070171a7e3355a834c", task.GetTargetID())
	assert.Equal(t, certifications.CertificationTaskStatusQueued, task.GetStatus())
	require.Len(t, task.GetErrors(), 1)
	assert.Equal(t, "en-US", task.GetErrors()[0].GetLocale())
	assert.Equal(t, certifications.LocaleOriginDefault, task.GetErrors()[0].GetLocaleOrigin())
	assert.Equal(t, "The request was syntactically correct but its content is semantically invalid.", task.GetErrors()[0].GetText())
	trail := task.GetReassignmentTrailDTOs()
	require.Len(t, trail, 1, "the lone trail object becomes a one-element slice")
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", trail[0].GetPreviousOwner())
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397a3", trail[0].GetNewOwner())
	assert.Equal(t, "AUTOMATIC_REASSIGNMENT", trail[0].GetReassignmentType())
	assert.True(t, mustTime(t, "2020-09-24T18:10:47.693Z").Equal(task.GetCreated()))
}

// checkExampleCertification asserts the IdentityCertificationDto of the
// spec examples (get, list, decide, reassign, sign-off).
func checkExampleCertification(t *testing.T, c *certifications.IdentityCertificationDto) {
	t.Helper()
	require.NotNil(t, c)
	assert.Equal(t, "2c9180835d2e5168015d32f890ca1581", c.GetID())
	assert.Equal(t, "Source Owner Access Review for Employees [source]", c.GetName())

	camp := c.GetCampaign()
	require.NotNil(t, camp)
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", camp.GetID())
	assert.Equal(t, "Campaign Name", camp.GetName())
	assert.Equal(t, certifications.CampaignReferenceTypeCampaign, camp.GetType())
	assert.Equal(t, certifications.CampaignReferenceCampaignTypeManager, camp.GetCampaignType())
	assert.Equal(t, "A description of the campaign", camp.GetDescription())
	assert.Equal(t, certifications.CampaignReferenceCorrelatedStatusCorrelated, camp.GetCorrelatedStatus())
	assert.Equal(t, certifications.CampaignReferenceMandatoryCommentRequirementNoDecisions, camp.GetMandatoryCommentRequirement())

	assert.True(t, c.GetCompleted())
	assert.Equal(t, int32(5), c.GetIdentitiesCompleted())
	assert.Equal(t, int32(10), c.GetIdentitiesTotal())
	assert.Equal(t, int32(20), c.GetDecisionsMade())
	assert.Equal(t, int32(40), c.GetDecisionsTotal())
	assert.True(t, mustTime(t, "2018-06-25T20:22:28.104Z").Equal(c.GetCreated()))
	assert.True(t, mustTime(t, "2018-06-25T20:22:28.104Z").Equal(c.GetModified()))
	assert.True(t, mustTime(t, "2018-10-19T13:49:37.385Z").Equal(c.GetDue()))
	assert.True(t, mustTime(t, "2018-10-19T13:49:37.385Z").Equal(c.GetSigned()))

	rev := c.GetReviewer()
	require.NotNil(t, rev)
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", rev.GetID())
	assert.Equal(t, "Reviewer Name", rev.GetName())
	assert.Equal(t, "reviewer@test.com", rev.GetEmail())
	assert.Equal(t, certifications.ReviewerTypeIdentity, rev.GetType())

	re := c.GetReassignment()
	require.NotNil(t, re)
	assert.Equal(t, "Reassigned for a reason", re.GetComment())
	require.NotNil(t, re.GetFrom())
	assert.Equal(t, "Certification Name", re.GetFrom().GetName())
	assert.Equal(t, certifications.CertificationReferenceTypeCertification, re.GetFrom().GetType())
	assert.Equal(t, "reviewer@test.com", re.GetFrom().GetReviewer().GetEmail())

	require.NotNil(t, c.HasErrors, "hasErrors: false is present, not missing")
	assert.False(t, c.GetHasErrors())
	assert.Equal(t, "The certification has an error", c.GetErrorMessage())
	assert.Equal(t, certifications.CertificationPhaseActive, c.GetPhase())
}

// checkExampleReviewItem asserts the AccessReviewItem of the spec example
// of listIdentityAccessReviewItems.
func checkExampleReviewItem(t *testing.T, it *certifications.AccessReviewItem) {
	t.Helper()
	require.NotNil(t, it)
	assert.Equal(t, "ef38f94347e94562b5bb8424a56397d8", it.GetID())
	require.NotNil(t, it.Completed)
	assert.False(t, it.GetCompleted())
	require.NotNil(t, it.NewAccess)
	assert.False(t, it.GetNewAccess())
	assert.Equal(t, certifications.CertificationDecisionApprove, it.GetDecision())
	assert.Equal(t, "This user still needs access to this source", it.GetComments())

	who := it.GetIdentitySummary()
	require.NotNil(t, who)
	assert.Equal(t, "2c91808772a504f50172a9540e501ba7", who.GetID())
	assert.Equal(t, "Alison Ferguso", who.GetName())
	assert.Equal(t, "2c9180857182306001719937377a33de", who.GetIdentityID())
	assert.True(t, who.GetCompleted())

	sum := it.GetAccessSummary()
	require.NotNil(t, sum)
	assert.Equal(t, certifications.DtoTypeIdentity, sum.GetAccess().GetType())
	assert.Equal(t, "2c9180867160846801719932c5153fb7", sum.GetAccess().GetID())
	assert.Equal(t, "Entitlement for Company Database", sum.GetAccess().GetName())

	ent := sum.GetEntitlement()
	require.NotNil(t, ent)
	assert.Equal(t, "2c918085718230600171993742c63558", ent.GetID())
	assert.Equal(t, "CN=entitlement.bbb7c650", ent.GetName())
	assert.Equal(t, "ODS-AD-Source", ent.GetSourceName())
	assert.Equal(t, "Alison Ferguso", ent.GetOwner().GetName())
	assert.True(t, ent.GetRevocable())
	assert.True(t, ent.GetContainsDataAccess())
	require.NotNil(t, ent.GetDataAccess())
	assert.Equal(t, "Medium", ent.GetDataAccess().GetImpactScore().GetValue())
	require.Len(t, ent.GetDataAccess().GetCategories(), 1)
	assert.Equal(t, int64(10), ent.GetDataAccess().GetCategories()[0].GetMatchCount())
	acct := ent.GetAccount()
	require.NotNil(t, acct)
	assert.Equal(t, "CN=Alison Ferguso", acct.GetNativeIdentity())
	assert.Equal(t, int32(45), acct.GetActivityInsights().GetUsageDays())
	assert.Equal(t, certifications.ActivityInsightsUsageDaysStateComplete, acct.GetActivityInsights().GetUsageDaysState())
	assert.Equal(t, "Alison Ferguson", acct.GetOwner().GetDisplayName())

	ap := sum.GetAccessProfile()
	require.NotNil(t, ap)
	assert.Equal(t, "Employee-database-read-write", ap.GetName())
	assert.True(t, mustTime(t, "2021-12-25T00:00:00.000Z").Equal(ap.GetEndDate()))
	require.Len(t, ap.GetEntitlements(), 1)
	assert.Equal(t, "ODS-AD-Source", ap.GetEntitlements()[0].GetSourceName())

	role := sum.GetRole()
	require.NotNil(t, role)
	assert.Equal(t, "Accounting-Employees", role.GetName())
	require.NotNil(t, role.Revocable)
	assert.False(t, role.GetRevocable())
	require.Len(t, role.GetAccessProfiles(), 1)
	require.Len(t, role.GetEntitlements(), 1)
}
