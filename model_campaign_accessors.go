package certifications

// The getters and enum value lists of the campaign models. They are kept
// apart from the model files, in this one file, so that generated accessors
// can replace them as a whole.

import (
	"slices"
	"time"
)

// GetID returns ID, or "" when it is unset or c is nil.
func (c *Campaign) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when c is nil.
func (c *Campaign) GetName() string {
	if c == nil {
		return ""
	}
	return c.Name
}

// GetDescription returns Description, or "" when it is unset or c is nil.
func (c *Campaign) GetDescription() string {
	if c == nil || c.Description == nil {
		return ""
	}
	return *c.Description
}

// GetDeadline returns Deadline, or the zero time when it is unset or c is nil.
func (c *Campaign) GetDeadline() time.Time {
	if c == nil || c.Deadline == nil {
		return time.Time{}
	}
	return *c.Deadline
}

// GetType returns Type, or "" when c is nil.
func (c *Campaign) GetType() CampaignReferenceCampaignType {
	if c == nil {
		return ""
	}
	return c.Type
}

// GetEmailNotificationEnabled returns EmailNotificationEnabled, or false when it is unset or c is nil.
func (c *Campaign) GetEmailNotificationEnabled() bool {
	if c == nil || c.EmailNotificationEnabled == nil {
		return false
	}
	return *c.EmailNotificationEnabled
}

// GetAutoRevokeAllowed returns AutoRevokeAllowed, or false when it is unset or c is nil.
func (c *Campaign) GetAutoRevokeAllowed() bool {
	if c == nil || c.AutoRevokeAllowed == nil {
		return false
	}
	return *c.AutoRevokeAllowed
}

// GetRecommendationsEnabled returns RecommendationsEnabled, or false when it is unset or c is nil.
func (c *Campaign) GetRecommendationsEnabled() bool {
	if c == nil || c.RecommendationsEnabled == nil {
		return false
	}
	return *c.RecommendationsEnabled
}

// GetStatus returns Status, or "" when it is unset or c is nil.
func (c *Campaign) GetStatus() CampaignStatus {
	if c == nil || c.Status == nil {
		return ""
	}
	return *c.Status
}

// GetCorrelatedStatus returns CorrelatedStatus, or "" when it is unset or c is nil.
func (c *Campaign) GetCorrelatedStatus() CampaignReferenceCorrelatedStatus {
	if c == nil || c.CorrelatedStatus == nil {
		return ""
	}
	return *c.CorrelatedStatus
}

// GetCreated returns Created, or the zero time when it is unset or c is nil.
func (c *Campaign) GetCreated() time.Time {
	if c == nil || c.Created == nil {
		return time.Time{}
	}
	return *c.Created
}

// GetTotalCertifications returns TotalCertifications, or 0 when it is unset or c is nil.
func (c *Campaign) GetTotalCertifications() int32 {
	if c == nil || c.TotalCertifications == nil {
		return 0
	}
	return *c.TotalCertifications
}

// GetCompletedCertifications returns CompletedCertifications, or 0 when it is unset or c is nil.
func (c *Campaign) GetCompletedCertifications() int32 {
	if c == nil || c.CompletedCertifications == nil {
		return 0
	}
	return *c.CompletedCertifications
}

// GetAlerts returns Alerts, or nil when c is nil.
func (c *Campaign) GetAlerts() []CampaignAlert {
	if c == nil {
		return nil
	}
	return c.Alerts
}

// GetModified returns Modified, or the zero time when it is unset or c is nil.
func (c *Campaign) GetModified() time.Time {
	if c == nil || c.Modified == nil {
		return time.Time{}
	}
	return *c.Modified
}

// GetFilter returns Filter, or nil when c is nil.
func (c *Campaign) GetFilter() *CampaignFilterRef {
	if c == nil {
		return nil
	}
	return c.Filter
}

// GetSunsetCommentsRequired returns SunsetCommentsRequired, or false when it is unset or c is nil.
func (c *Campaign) GetSunsetCommentsRequired() bool {
	if c == nil || c.SunsetCommentsRequired == nil {
		return false
	}
	return *c.SunsetCommentsRequired
}

// GetSourceOwnerCampaignInfo returns SourceOwnerCampaignInfo, or nil when c is nil.
func (c *Campaign) GetSourceOwnerCampaignInfo() *SourceOwnerCampaignInfo {
	if c == nil {
		return nil
	}
	return c.SourceOwnerCampaignInfo
}

// GetSearchCampaignInfo returns SearchCampaignInfo, or nil when c is nil.
func (c *Campaign) GetSearchCampaignInfo() *SearchCampaignInfo {
	if c == nil {
		return nil
	}
	return c.SearchCampaignInfo
}

// GetRoleCompositionCampaignInfo returns RoleCompositionCampaignInfo, or nil when c is nil.
func (c *Campaign) GetRoleCompositionCampaignInfo() *RoleCompositionCampaignInfo {
	if c == nil {
		return nil
	}
	return c.RoleCompositionCampaignInfo
}

// GetMachineAccountCampaignInfo returns MachineAccountCampaignInfo, or nil when c is nil.
func (c *Campaign) GetMachineAccountCampaignInfo() *MachineAccountCampaignInfo {
	if c == nil {
		return nil
	}
	return c.MachineAccountCampaignInfo
}

// GetSourcesWithOrphanEntitlements returns SourcesWithOrphanEntitlements, or nil when c is nil.
func (c *Campaign) GetSourcesWithOrphanEntitlements() []SourceWithOrphanEntitlements {
	if c == nil {
		return nil
	}
	return c.SourcesWithOrphanEntitlements
}

// GetMandatoryCommentRequirement returns MandatoryCommentRequirement, or "" when it is unset or c is nil.
func (c *Campaign) GetMandatoryCommentRequirement() CampaignReferenceMandatoryCommentRequirement {
	if c == nil || c.MandatoryCommentRequirement == nil {
		return ""
	}
	return *c.MandatoryCommentRequirement
}

// GetLevel returns Level, or "" when it is unset or c is nil.
func (c *CampaignAlert) GetLevel() CampaignAlertLevel {
	if c == nil || c.Level == nil {
		return ""
	}
	return *c.Level
}

// GetLocalizations returns Localizations, or nil when c is nil.
func (c *CampaignAlert) GetLocalizations() []ErrorMessageDto {
	if c == nil {
		return nil
	}
	return c.Localizations
}

// GetID returns ID, or "" when it is unset or f is nil.
func (f *CampaignFilterRef) GetID() string {
	if f == nil || f.ID == nil {
		return ""
	}
	return *f.ID
}

// GetType returns Type, or "" when it is unset or f is nil.
func (f *CampaignFilterRef) GetType() CampaignFilterRefType {
	if f == nil || f.Type == nil {
		return ""
	}
	return *f.Type
}

// GetName returns Name, or "" when it is unset or f is nil.
func (f *CampaignFilterRef) GetName() string {
	if f == nil || f.Name == nil {
		return ""
	}
	return *f.Name
}

// GetSourceIDs returns SourceIDs, or nil when i is nil.
func (i *SourceOwnerCampaignInfo) GetSourceIDs() []string {
	if i == nil {
		return nil
	}
	return i.SourceIDs
}

// GetType returns Type, or "" when i is nil.
func (i *SearchCampaignInfo) GetType() SearchCampaignInfoType {
	if i == nil {
		return ""
	}
	return i.Type
}

// GetDescription returns Description, or "" when it is unset or i is nil.
func (i *SearchCampaignInfo) GetDescription() string {
	if i == nil || i.Description == nil {
		return ""
	}
	return *i.Description
}

// GetReviewer returns Reviewer, or nil when i is nil.
func (i *SearchCampaignInfo) GetReviewer() *CampaignInfoReviewer {
	if i == nil {
		return nil
	}
	return i.Reviewer
}

// GetQuery returns Query, or "" when it is unset or i is nil.
func (i *SearchCampaignInfo) GetQuery() string {
	if i == nil || i.Query == nil {
		return ""
	}
	return *i.Query
}

// GetIdentityIDs returns IdentityIDs, or nil when i is nil.
func (i *SearchCampaignInfo) GetIdentityIDs() []string {
	if i == nil {
		return nil
	}
	return i.IdentityIDs
}

// GetAccessConstraints returns AccessConstraints, or nil when i is nil.
func (i *SearchCampaignInfo) GetAccessConstraints() []AccessConstraint {
	if i == nil {
		return nil
	}
	return i.AccessConstraints
}

// GetType returns Type, or "" when it is unset or c is nil.
func (c *CampaignInfoReviewer) GetType() CampaignInfoReviewerType {
	if c == nil || c.Type == nil {
		return ""
	}
	return *c.Type
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CampaignInfoReviewer) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when it is unset or c is nil.
func (c *CampaignInfoReviewer) GetName() string {
	if c == nil || c.Name == nil {
		return ""
	}
	return *c.Name
}

// GetType returns Type, or "" when a is nil.
func (a *AccessConstraint) GetType() AccessConstraintType {
	if a == nil {
		return ""
	}
	return a.Type
}

// GetIDs returns IDs, or nil when a is nil.
func (a *AccessConstraint) GetIDs() []string {
	if a == nil {
		return nil
	}
	return a.IDs
}

// GetOperator returns Operator, or "" when a is nil.
func (a *AccessConstraint) GetOperator() AccessConstraintOperator {
	if a == nil {
		return ""
	}
	return a.Operator
}

// GetReviewerID returns ReviewerID, or "" when it is unset or i is nil.
func (i *RoleCompositionCampaignInfo) GetReviewerID() string {
	if i == nil || i.ReviewerID == nil {
		return ""
	}
	return *i.ReviewerID
}

// GetReviewer returns Reviewer, or nil when i is nil.
func (i *RoleCompositionCampaignInfo) GetReviewer() *CampaignInfoReviewer {
	if i == nil {
		return nil
	}
	return i.Reviewer
}

// GetRoleIDs returns RoleIDs, or nil when i is nil.
func (i *RoleCompositionCampaignInfo) GetRoleIDs() []string {
	if i == nil {
		return nil
	}
	return i.RoleIDs
}

// GetRemediatorRef returns RemediatorRef, or its zero value when i is nil.
func (i *RoleCompositionCampaignInfo) GetRemediatorRef() RemediatorRef {
	if i == nil {
		return RemediatorRef{}
	}
	return i.RemediatorRef
}

// GetQuery returns Query, or "" when it is unset or i is nil.
func (i *RoleCompositionCampaignInfo) GetQuery() string {
	if i == nil || i.Query == nil {
		return ""
	}
	return *i.Query
}

// GetDescription returns Description, or "" when it is unset or i is nil.
func (i *RoleCompositionCampaignInfo) GetDescription() string {
	if i == nil || i.Description == nil {
		return ""
	}
	return *i.Description
}

// GetType returns Type, or "" when r is nil.
func (r *RemediatorRef) GetType() RemediatorRefType {
	if r == nil {
		return ""
	}
	return r.Type
}

// GetID returns ID, or "" when r is nil.
func (r *RemediatorRef) GetID() string {
	if r == nil {
		return ""
	}
	return r.ID
}

// GetName returns Name, or "" when it is unset or r is nil.
func (r *RemediatorRef) GetName() string {
	if r == nil || r.Name == nil {
		return ""
	}
	return *r.Name
}

// GetSourceIDs returns SourceIDs, or nil when i is nil.
func (i *MachineAccountCampaignInfo) GetSourceIDs() []string {
	if i == nil {
		return nil
	}
	return i.SourceIDs
}

// GetReviewerType returns ReviewerType, or "" when it is unset or i is nil.
func (i *MachineAccountCampaignInfo) GetReviewerType() MachineAccountReviewerType {
	if i == nil || i.ReviewerType == nil {
		return ""
	}
	return *i.ReviewerType
}

// GetID returns ID, or "" when it is unset or s is nil.
func (s *SourceWithOrphanEntitlements) GetID() string {
	if s == nil || s.ID == nil {
		return ""
	}
	return *s.ID
}

// GetType returns Type, or "" when it is unset or s is nil.
func (s *SourceWithOrphanEntitlements) GetType() SourceWithOrphanEntitlementsType {
	if s == nil || s.Type == nil {
		return ""
	}
	return *s.Type
}

// GetName returns Name, or "" when it is unset or s is nil.
func (s *SourceWithOrphanEntitlements) GetName() string {
	if s == nil || s.Name == nil {
		return ""
	}
	return *s.Name
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CampaignTemplate) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when c is nil.
func (c *CampaignTemplate) GetName() string {
	if c == nil {
		return ""
	}
	return c.Name
}

// GetDescription returns Description, or "" when c is nil.
func (c *CampaignTemplate) GetDescription() string {
	if c == nil {
		return ""
	}
	return c.Description
}

// GetCreated returns Created, or the zero time when it is unset or c is nil.
func (c *CampaignTemplate) GetCreated() time.Time {
	if c == nil || c.Created == nil {
		return time.Time{}
	}
	return *c.Created
}

// GetModified returns Modified, or the zero time when it is unset or c is nil.
func (c *CampaignTemplate) GetModified() time.Time {
	if c == nil || c.Modified == nil {
		return time.Time{}
	}
	return *c.Modified
}

// GetScheduled returns Scheduled, or false when it is unset or c is nil.
func (c *CampaignTemplate) GetScheduled() bool {
	if c == nil || c.Scheduled == nil {
		return false
	}
	return *c.Scheduled
}

// GetOwnerRef returns OwnerRef, or nil when c is nil.
func (c *CampaignTemplate) GetOwnerRef() *CampaignTemplateOwnerRef {
	if c == nil {
		return nil
	}
	return c.OwnerRef
}

// GetDeadlineDuration returns DeadlineDuration, or "" when it is unset or c is nil.
func (c *CampaignTemplate) GetDeadlineDuration() string {
	if c == nil || c.DeadlineDuration == nil {
		return ""
	}
	return *c.DeadlineDuration
}

// GetCampaign returns Campaign, or its zero value when c is nil.
func (c *CampaignTemplate) GetCampaign() Campaign {
	if c == nil {
		return Campaign{}
	}
	return c.Campaign
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CampaignTemplateOwnerRef) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetType returns Type, or "" when it is unset or c is nil.
func (c *CampaignTemplateOwnerRef) GetType() CampaignTemplateOwnerRefType {
	if c == nil || c.Type == nil {
		return ""
	}
	return *c.Type
}

// GetName returns Name, or "" when it is unset or c is nil.
func (c *CampaignTemplateOwnerRef) GetName() string {
	if c == nil || c.Name == nil {
		return ""
	}
	return *c.Name
}

// GetEmail returns Email, or "" when it is unset or c is nil.
func (c *CampaignTemplateOwnerRef) GetEmail() string {
	if c == nil || c.Email == nil {
		return ""
	}
	return *c.Email
}

// GetType returns Type, or "" when s is nil.
func (s *Schedule) GetType() ScheduleType {
	if s == nil {
		return ""
	}
	return s.Type
}

// GetMonths returns Months, or nil when s is nil.
func (s *Schedule) GetMonths() *ScheduleSelector {
	if s == nil {
		return nil
	}
	return s.Months
}

// GetDays returns Days, or nil when s is nil.
func (s *Schedule) GetDays() *ScheduleSelector {
	if s == nil {
		return nil
	}
	return s.Days
}

// GetHours returns Hours, or its zero value when s is nil.
func (s *Schedule) GetHours() ScheduleSelector {
	if s == nil {
		return ScheduleSelector{}
	}
	return s.Hours
}

// GetExpiration returns Expiration, or the zero time when it is unset or s is nil.
func (s *Schedule) GetExpiration() time.Time {
	if s == nil || s.Expiration == nil {
		return time.Time{}
	}
	return *s.Expiration
}

// GetTimeZoneID returns TimeZoneID, or "" when it is unset or s is nil.
func (s *Schedule) GetTimeZoneID() string {
	if s == nil || s.TimeZoneID == nil {
		return ""
	}
	return *s.TimeZoneID
}

// GetType returns Type, or "" when s is nil.
func (s *ScheduleSelector) GetType() ScheduleSelectorType {
	if s == nil {
		return ""
	}
	return s.Type
}

// GetValues returns Values, or nil when s is nil.
func (s *ScheduleSelector) GetValues() []string {
	if s == nil {
		return nil
	}
	return s.Values
}

// GetInterval returns Interval, or 0 when it is unset or s is nil.
func (s *ScheduleSelector) GetInterval() int64 {
	if s == nil || s.Interval == nil {
		return 0
	}
	return *s.Interval
}

// GetType returns Type, or "" when it is unset or c is nil.
func (c *CampaignReport) GetType() CampaignReportType {
	if c == nil || c.Type == nil {
		return ""
	}
	return *c.Type
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CampaignReport) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetName returns Name, or "" when it is unset or c is nil.
func (c *CampaignReport) GetName() string {
	if c == nil || c.Name == nil {
		return ""
	}
	return *c.Name
}

// GetStatus returns Status, or "" when it is unset or c is nil.
func (c *CampaignReport) GetStatus() CampaignReportStatus {
	if c == nil || c.Status == nil {
		return ""
	}
	return *c.Status
}

// GetReportType returns ReportType, or "" when it is unset or c is nil.
func (c *CampaignReport) GetReportType() ReportType {
	if c == nil || c.ReportType == nil {
		return ""
	}
	return *c.ReportType
}

// GetLastRunAt returns LastRunAt, or the zero time when it is unset or c is nil.
func (c *CampaignReport) GetLastRunAt() time.Time {
	if c == nil || c.LastRunAt == nil {
		return time.Time{}
	}
	return *c.LastRunAt
}

// GetIdentityAttributeColumns returns IdentityAttributeColumns, or nil when c is nil.
func (c *CampaignReportsConfig) GetIdentityAttributeColumns() []string {
	if c == nil {
		return nil
	}
	return c.IdentityAttributeColumns
}

// GetCertificationIDs returns CertificationIDs, or nil when a is nil.
func (a *AdminReviewReassign) GetCertificationIDs() []string {
	if a == nil {
		return nil
	}
	return a.CertificationIDs
}

// GetReassignTo returns ReassignTo, or nil when a is nil.
func (a *AdminReviewReassign) GetReassignTo() *AdminReviewReassignReassignTo {
	if a == nil {
		return nil
	}
	return a.ReassignTo
}

// GetReason returns Reason, or "" when it is unset or a is nil.
func (a *AdminReviewReassign) GetReason() string {
	if a == nil || a.Reason == nil {
		return ""
	}
	return *a.Reason
}

// GetID returns ID, or "" when it is unset or a is nil.
func (a *AdminReviewReassignReassignTo) GetID() string {
	if a == nil || a.ID == nil {
		return ""
	}
	return *a.ID
}

// GetType returns Type, or "" when it is unset or a is nil.
func (a *AdminReviewReassignReassignTo) GetType() AdminReviewReassignReassignToType {
	if a == nil || a.Type == nil {
		return ""
	}
	return *a.Type
}

// GetTimeZone returns TimeZone, or "" when it is unset or o is nil.
func (o *ActivateCampaignOptions) GetTimeZone() string {
	if o == nil || o.TimeZone == nil {
		return ""
	}
	return *o.TimeZone
}

// GetAutoCompleteAction returns AutoCompleteAction, or "" when it is unset or o is nil.
func (o *CampaignCompleteOptions) GetAutoCompleteAction() AutoCompleteAction {
	if o == nil || o.AutoCompleteAction == nil {
		return ""
	}
	return *o.AutoCompleteAction
}

// GetIDs returns IDs, or nil when c is nil.
func (c *CampaignsDeleteRequest) GetIDs() []string {
	if c == nil {
		return nil
	}
	return c.IDs
}

// GetOp returns Op, or "" when o is nil.
func (o *JSONPatchOperation) GetOp() JSONPatchOperationOp {
	if o == nil {
		return ""
	}
	return o.Op
}

// GetPath returns Path, or "" when o is nil.
func (o *JSONPatchOperation) GetPath() string {
	if o == nil {
		return ""
	}
	return o.Path
}

// GetValue returns Value, or nil when o is nil.
func (o *JSONPatchOperation) GetValue() any {
	if o == nil {
		return nil
	}
	return o.Value
}

// GetFrom returns From, or "" when it is unset or o is nil.
func (o *JSONPatchOperation) GetFrom() string {
	if o == nil || o.From == nil {
		return ""
	}
	return *o.From
}

// GetID returns ID, or "" when f is nil.
func (f *CampaignFilterDetails) GetID() string {
	if f == nil {
		return ""
	}
	return f.ID
}

// GetName returns Name, or "" when f is nil.
func (f *CampaignFilterDetails) GetName() string {
	if f == nil {
		return ""
	}
	return f.Name
}

// GetDescription returns Description, or "" when it is unset or f is nil.
func (f *CampaignFilterDetails) GetDescription() string {
	if f == nil || f.Description == nil {
		return ""
	}
	return *f.Description
}

// GetOwner returns Owner, or "" when it is unset or f is nil.
func (f *CampaignFilterDetails) GetOwner() string {
	if f == nil || f.Owner == nil {
		return ""
	}
	return *f.Owner
}

// GetMode returns Mode, or "" when f is nil.
func (f *CampaignFilterDetails) GetMode() CampaignFilterMode {
	if f == nil {
		return ""
	}
	return f.Mode
}

// GetCriteriaList returns CriteriaList, or nil when f is nil.
func (f *CampaignFilterDetails) GetCriteriaList() []CampaignFilterCriteria {
	if f == nil {
		return nil
	}
	return f.CriteriaList
}

// GetIsSystemFilter returns IsSystemFilter, or false when f is nil.
func (f *CampaignFilterDetails) GetIsSystemFilter() bool {
	if f == nil {
		return false
	}
	return f.IsSystemFilter
}

// GetType returns Type, or "" when c is nil.
func (c *CampaignFilterCriteria) GetType() CampaignFilterCriteriaType {
	if c == nil {
		return ""
	}
	return c.Type
}

// GetOperation returns Operation, or "" when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetOperation() CampaignFilterCriteriaOperation {
	if c == nil || c.Operation == nil {
		return ""
	}
	return *c.Operation
}

// GetProperty returns Property, or "" when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetProperty() string {
	if c == nil || c.Property == nil {
		return ""
	}
	return *c.Property
}

// GetValue returns Value, or "" when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetValue() string {
	if c == nil || c.Value == nil {
		return ""
	}
	return *c.Value
}

// GetNegateResult returns NegateResult, or false when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetNegateResult() bool {
	if c == nil || c.NegateResult == nil {
		return false
	}
	return *c.NegateResult
}

// GetShortCircuit returns ShortCircuit, or false when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetShortCircuit() bool {
	if c == nil || c.ShortCircuit == nil {
		return false
	}
	return *c.ShortCircuit
}

// GetRecordChildMatches returns RecordChildMatches, or false when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetRecordChildMatches() bool {
	if c == nil || c.RecordChildMatches == nil {
		return false
	}
	return *c.RecordChildMatches
}

// GetID returns ID, or "" when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetID() string {
	if c == nil || c.ID == nil {
		return ""
	}
	return *c.ID
}

// GetSuppressMatchedItems returns SuppressMatchedItems, or false when it is unset or c is nil.
func (c *CampaignFilterCriteria) GetSuppressMatchedItems() bool {
	if c == nil || c.SuppressMatchedItems == nil {
		return false
	}
	return *c.SuppressMatchedItems
}

// GetChildren returns Children, or nil when c is nil.
func (c *CampaignFilterCriteria) GetChildren() []CampaignFilterCriteria {
	if c == nil {
		return nil
	}
	return c.Children
}

// GetItems returns Items, or nil when c is nil.
func (c *CampaignFilterPage) GetItems() []CampaignFilterDetails {
	if c == nil {
		return nil
	}
	return c.Items
}

// GetCount returns Count, or 0 when it is unset or c is nil.
func (c *CampaignFilterPage) GetCount() int64 {
	if c == nil || c.Count == nil {
		return 0
	}
	return *c.Count
}

// GetReportType returns ReportType, or "" when it is unset or r is nil.
func (r *ReportResults) GetReportType() ReportResultsReportType {
	if r == nil || r.ReportType == nil {
		return ""
	}
	return *r.ReportType
}

// GetTaskDefName returns TaskDefName, or "" when it is unset or r is nil.
func (r *ReportResults) GetTaskDefName() string {
	if r == nil || r.TaskDefName == nil {
		return ""
	}
	return *r.TaskDefName
}

// GetID returns ID, or "" when it is unset or r is nil.
func (r *ReportResults) GetID() string {
	if r == nil || r.ID == nil {
		return ""
	}
	return *r.ID
}

// GetCreated returns Created, or the zero time when it is unset or r is nil.
func (r *ReportResults) GetCreated() time.Time {
	if r == nil || r.Created == nil {
		return time.Time{}
	}
	return *r.Created
}

// GetStatus returns Status, or "" when it is unset or r is nil.
func (r *ReportResults) GetStatus() ReportResultsStatus {
	if r == nil || r.Status == nil {
		return ""
	}
	return *r.Status
}

// GetDuration returns Duration, or 0 when it is unset or r is nil.
func (r *ReportResults) GetDuration() int64 {
	if r == nil || r.Duration == nil {
		return 0
	}
	return *r.Duration
}

// GetRows returns Rows, or 0 when it is unset or r is nil.
func (r *ReportResults) GetRows() int64 {
	if r == nil || r.Rows == nil {
		return 0
	}
	return *r.Rows
}

// GetAvailableFormats returns AvailableFormats, or nil when r is nil.
func (r *ReportResults) GetAvailableFormats() []ReportResultsFormat {
	if r == nil {
		return nil
	}
	return r.AvailableFormats
}

// campaignStatusValues lists the CampaignStatus values the API defines, in its order.
var campaignStatusValues = []CampaignStatus{CampaignStatusPending, CampaignStatusStaged, CampaignStatusCanceling, CampaignStatusActivating, CampaignStatusActive, CampaignStatusCompleting, CampaignStatusCompleted, CampaignStatusError, CampaignStatusArchived}

// CampaignStatusValues returns the values of CampaignStatus defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignStatusValues() []CampaignStatus {
	return slices.Clone(campaignStatusValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignStatus) IsKnown() bool {
	return slices.Contains(campaignStatusValues, v)
}

// campaignAlertLevelValues lists the CampaignAlertLevel values the API defines, in its order.
var campaignAlertLevelValues = []CampaignAlertLevel{CampaignAlertLevelError, CampaignAlertLevelWarn, CampaignAlertLevelInfo}

// CampaignAlertLevelValues returns the values of CampaignAlertLevel defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignAlertLevelValues() []CampaignAlertLevel {
	return slices.Clone(campaignAlertLevelValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignAlertLevel) IsKnown() bool {
	return slices.Contains(campaignAlertLevelValues, v)
}

// campaignFilterRefTypeValues lists the CampaignFilterRefType values the API defines, in its order.
var campaignFilterRefTypeValues = []CampaignFilterRefType{CampaignFilterRefTypeCampaignFilter}

// CampaignFilterRefTypeValues returns the values of CampaignFilterRefType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignFilterRefTypeValues() []CampaignFilterRefType {
	return slices.Clone(campaignFilterRefTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignFilterRefType) IsKnown() bool {
	return slices.Contains(campaignFilterRefTypeValues, v)
}

// searchCampaignInfoTypeValues lists the SearchCampaignInfoType values the API defines, in its order.
var searchCampaignInfoTypeValues = []SearchCampaignInfoType{SearchCampaignInfoTypeIdentity, SearchCampaignInfoTypeAccess}

// SearchCampaignInfoTypeValues returns the values of SearchCampaignInfoType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func SearchCampaignInfoTypeValues() []SearchCampaignInfoType {
	return slices.Clone(searchCampaignInfoTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v SearchCampaignInfoType) IsKnown() bool {
	return slices.Contains(searchCampaignInfoTypeValues, v)
}

// campaignInfoReviewerTypeValues lists the CampaignInfoReviewerType values the API defines, in its order.
var campaignInfoReviewerTypeValues = []CampaignInfoReviewerType{CampaignInfoReviewerTypeGovernanceGroup, CampaignInfoReviewerTypeIdentity}

// CampaignInfoReviewerTypeValues returns the values of CampaignInfoReviewerType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignInfoReviewerTypeValues() []CampaignInfoReviewerType {
	return slices.Clone(campaignInfoReviewerTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignInfoReviewerType) IsKnown() bool {
	return slices.Contains(campaignInfoReviewerTypeValues, v)
}

// accessConstraintTypeValues lists the AccessConstraintType values the API defines, in its order.
var accessConstraintTypeValues = []AccessConstraintType{AccessConstraintTypeEntitlement, AccessConstraintTypeAccessProfile, AccessConstraintTypeRole}

// AccessConstraintTypeValues returns the values of AccessConstraintType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func AccessConstraintTypeValues() []AccessConstraintType {
	return slices.Clone(accessConstraintTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v AccessConstraintType) IsKnown() bool {
	return slices.Contains(accessConstraintTypeValues, v)
}

// accessConstraintOperatorValues lists the AccessConstraintOperator values the API defines, in its order.
var accessConstraintOperatorValues = []AccessConstraintOperator{AccessConstraintOperatorAll, AccessConstraintOperatorSelected}

// AccessConstraintOperatorValues returns the values of AccessConstraintOperator defined by the API, in the
// order the API lists them. Each call returns a new slice.
func AccessConstraintOperatorValues() []AccessConstraintOperator {
	return slices.Clone(accessConstraintOperatorValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v AccessConstraintOperator) IsKnown() bool {
	return slices.Contains(accessConstraintOperatorValues, v)
}

// remediatorRefTypeValues lists the RemediatorRefType values the API defines, in its order.
var remediatorRefTypeValues = []RemediatorRefType{RemediatorRefTypeIdentity}

// RemediatorRefTypeValues returns the values of RemediatorRefType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func RemediatorRefTypeValues() []RemediatorRefType {
	return slices.Clone(remediatorRefTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v RemediatorRefType) IsKnown() bool {
	return slices.Contains(remediatorRefTypeValues, v)
}

// machineAccountReviewerTypeValues lists the MachineAccountReviewerType values the API defines, in its order.
var machineAccountReviewerTypeValues = []MachineAccountReviewerType{MachineAccountReviewerTypeAccountOwner}

// MachineAccountReviewerTypeValues returns the values of MachineAccountReviewerType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func MachineAccountReviewerTypeValues() []MachineAccountReviewerType {
	return slices.Clone(machineAccountReviewerTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v MachineAccountReviewerType) IsKnown() bool {
	return slices.Contains(machineAccountReviewerTypeValues, v)
}

// sourceWithOrphanEntitlementsTypeValues lists the SourceWithOrphanEntitlementsType values the API defines, in its order.
var sourceWithOrphanEntitlementsTypeValues = []SourceWithOrphanEntitlementsType{SourceWithOrphanEntitlementsTypeSource}

// SourceWithOrphanEntitlementsTypeValues returns the values of SourceWithOrphanEntitlementsType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func SourceWithOrphanEntitlementsTypeValues() []SourceWithOrphanEntitlementsType {
	return slices.Clone(sourceWithOrphanEntitlementsTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v SourceWithOrphanEntitlementsType) IsKnown() bool {
	return slices.Contains(sourceWithOrphanEntitlementsTypeValues, v)
}

// campaignTemplateOwnerRefTypeValues lists the CampaignTemplateOwnerRefType values the API defines, in its order.
var campaignTemplateOwnerRefTypeValues = []CampaignTemplateOwnerRefType{CampaignTemplateOwnerRefTypeIdentity}

// CampaignTemplateOwnerRefTypeValues returns the values of CampaignTemplateOwnerRefType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignTemplateOwnerRefTypeValues() []CampaignTemplateOwnerRefType {
	return slices.Clone(campaignTemplateOwnerRefTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignTemplateOwnerRefType) IsKnown() bool {
	return slices.Contains(campaignTemplateOwnerRefTypeValues, v)
}

// scheduleTypeValues lists the ScheduleType values the API defines, in its order.
var scheduleTypeValues = []ScheduleType{ScheduleTypeWeekly, ScheduleTypeMonthly, ScheduleTypeAnnually, ScheduleTypeCalendar}

// ScheduleTypeValues returns the values of ScheduleType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ScheduleTypeValues() []ScheduleType {
	return slices.Clone(scheduleTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ScheduleType) IsKnown() bool {
	return slices.Contains(scheduleTypeValues, v)
}

// scheduleSelectorTypeValues lists the ScheduleSelectorType values the API defines, in its order.
var scheduleSelectorTypeValues = []ScheduleSelectorType{ScheduleSelectorTypeList, ScheduleSelectorTypeRange}

// ScheduleSelectorTypeValues returns the values of ScheduleSelectorType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ScheduleSelectorTypeValues() []ScheduleSelectorType {
	return slices.Clone(scheduleSelectorTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ScheduleSelectorType) IsKnown() bool {
	return slices.Contains(scheduleSelectorTypeValues, v)
}

// campaignReportTypeValues lists the CampaignReportType values the API defines, in its order.
var campaignReportTypeValues = []CampaignReportType{CampaignReportTypeReportResult}

// CampaignReportTypeValues returns the values of CampaignReportType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignReportTypeValues() []CampaignReportType {
	return slices.Clone(campaignReportTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReportType) IsKnown() bool {
	return slices.Contains(campaignReportTypeValues, v)
}

// campaignReportStatusValues lists the CampaignReportStatus values the API defines, in its order.
var campaignReportStatusValues = []CampaignReportStatus{CampaignReportStatusSuccess, CampaignReportStatusWarning, CampaignReportStatusError, CampaignReportStatusTerminated, CampaignReportStatusTempError, CampaignReportStatusPending}

// CampaignReportStatusValues returns the values of CampaignReportStatus defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignReportStatusValues() []CampaignReportStatus {
	return slices.Clone(campaignReportStatusValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignReportStatus) IsKnown() bool {
	return slices.Contains(campaignReportStatusValues, v)
}

// reportTypeValues lists the ReportType values the API defines, in its order.
var reportTypeValues = []ReportType{ReportTypeCampaignCompositionReport, ReportTypeCampaignRemediationStatusReport, ReportTypeCampaignStatusReport, ReportTypeCertificationSignoffReport}

// ReportTypeValues returns the values of ReportType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ReportTypeValues() []ReportType {
	return slices.Clone(reportTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReportType) IsKnown() bool {
	return slices.Contains(reportTypeValues, v)
}

// adminReviewReassignReassignToTypeValues lists the AdminReviewReassignReassignToType values the API defines, in its order.
var adminReviewReassignReassignToTypeValues = []AdminReviewReassignReassignToType{AdminReviewReassignReassignToTypeIdentity}

// AdminReviewReassignReassignToTypeValues returns the values of AdminReviewReassignReassignToType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func AdminReviewReassignReassignToTypeValues() []AdminReviewReassignReassignToType {
	return slices.Clone(adminReviewReassignReassignToTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v AdminReviewReassignReassignToType) IsKnown() bool {
	return slices.Contains(adminReviewReassignReassignToTypeValues, v)
}

// autoCompleteActionValues lists the AutoCompleteAction values the API defines, in its order.
var autoCompleteActionValues = []AutoCompleteAction{AutoCompleteActionApprove, AutoCompleteActionRevoke}

// AutoCompleteActionValues returns the values of AutoCompleteAction defined by the API, in the
// order the API lists them. Each call returns a new slice.
func AutoCompleteActionValues() []AutoCompleteAction {
	return slices.Clone(autoCompleteActionValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v AutoCompleteAction) IsKnown() bool {
	return slices.Contains(autoCompleteActionValues, v)
}

// jSONPatchOperationOpValues lists the JSONPatchOperationOp values the API defines, in its order.
var jSONPatchOperationOpValues = []JSONPatchOperationOp{JSONPatchOperationOpAdd, JSONPatchOperationOpRemove, JSONPatchOperationOpReplace, JSONPatchOperationOpMove, JSONPatchOperationOpCopy, JSONPatchOperationOpTest}

// JSONPatchOperationOpValues returns the values of JSONPatchOperationOp defined by the API, in the
// order the API lists them. Each call returns a new slice.
func JSONPatchOperationOpValues() []JSONPatchOperationOp {
	return slices.Clone(jSONPatchOperationOpValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v JSONPatchOperationOp) IsKnown() bool {
	return slices.Contains(jSONPatchOperationOpValues, v)
}

// campaignFilterModeValues lists the CampaignFilterMode values the API defines, in its order.
var campaignFilterModeValues = []CampaignFilterMode{CampaignFilterModeInclusion, CampaignFilterModeExclusion}

// CampaignFilterModeValues returns the values of CampaignFilterMode defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignFilterModeValues() []CampaignFilterMode {
	return slices.Clone(campaignFilterModeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignFilterMode) IsKnown() bool {
	return slices.Contains(campaignFilterModeValues, v)
}

// campaignFilterCriteriaTypeValues lists the CampaignFilterCriteriaType values the API defines, in its order.
var campaignFilterCriteriaTypeValues = []CampaignFilterCriteriaType{CampaignFilterCriteriaTypeComposite, CampaignFilterCriteriaTypeRole, CampaignFilterCriteriaTypeIdentity, CampaignFilterCriteriaTypeIdentityAttribute, CampaignFilterCriteriaTypeEntitlement, CampaignFilterCriteriaTypeAccessProfile, CampaignFilterCriteriaTypeSource, CampaignFilterCriteriaTypeAccount, CampaignFilterCriteriaTypeAggregatedEntitlement, CampaignFilterCriteriaTypeInvalidCertifiableEntity, CampaignFilterCriteriaTypeInvalidCertifiableBundle}

// CampaignFilterCriteriaTypeValues returns the values of CampaignFilterCriteriaType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignFilterCriteriaTypeValues() []CampaignFilterCriteriaType {
	return slices.Clone(campaignFilterCriteriaTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignFilterCriteriaType) IsKnown() bool {
	return slices.Contains(campaignFilterCriteriaTypeValues, v)
}

// campaignFilterCriteriaOperationValues lists the CampaignFilterCriteriaOperation values the API defines, in its order.
var campaignFilterCriteriaOperationValues = []CampaignFilterCriteriaOperation{CampaignFilterCriteriaOperationEquals, CampaignFilterCriteriaOperationNotEquals, CampaignFilterCriteriaOperationContains, CampaignFilterCriteriaOperationStartsWith, CampaignFilterCriteriaOperationEndsWith, CampaignFilterCriteriaOperationAnd, CampaignFilterCriteriaOperationOr}

// CampaignFilterCriteriaOperationValues returns the values of CampaignFilterCriteriaOperation defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignFilterCriteriaOperationValues() []CampaignFilterCriteriaOperation {
	return slices.Clone(campaignFilterCriteriaOperationValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignFilterCriteriaOperation) IsKnown() bool {
	return slices.Contains(campaignFilterCriteriaOperationValues, v)
}

// reportResultsReportTypeValues lists the ReportResultsReportType values the API defines, in its order.
var reportResultsReportTypeValues = []ReportResultsReportType{ReportResultsReportTypeAccounts, ReportResultsReportTypeIdentitiesDetails, ReportResultsReportTypeIdentities, ReportResultsReportTypeIdentityProfileIdentityError, ReportResultsReportTypeOrphanIdentities, ReportResultsReportTypeSearchExport, ReportResultsReportTypeUncorrelatedAccounts}

// ReportResultsReportTypeValues returns the values of ReportResultsReportType defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ReportResultsReportTypeValues() []ReportResultsReportType {
	return slices.Clone(reportResultsReportTypeValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReportResultsReportType) IsKnown() bool {
	return slices.Contains(reportResultsReportTypeValues, v)
}

// reportResultsStatusValues lists the ReportResultsStatus values the API defines, in its order.
var reportResultsStatusValues = []ReportResultsStatus{ReportResultsStatusSuccess, ReportResultsStatusFailure, ReportResultsStatusWarning, ReportResultsStatusTerminated}

// ReportResultsStatusValues returns the values of ReportResultsStatus defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ReportResultsStatusValues() []ReportResultsStatus {
	return slices.Clone(reportResultsStatusValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReportResultsStatus) IsKnown() bool {
	return slices.Contains(reportResultsStatusValues, v)
}

// reportResultsFormatValues lists the ReportResultsFormat values the API defines, in its order.
var reportResultsFormatValues = []ReportResultsFormat{ReportResultsFormatCSV, ReportResultsFormatPDF}

// ReportResultsFormatValues returns the values of ReportResultsFormat defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ReportResultsFormatValues() []ReportResultsFormat {
	return slices.Clone(reportResultsFormatValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReportResultsFormat) IsKnown() bool {
	return slices.Contains(reportResultsFormatValues, v)
}

// campaignDetailValues lists the CampaignDetail values the API defines, in its order.
var campaignDetailValues = []CampaignDetail{CampaignDetailSlim, CampaignDetailFull}

// CampaignDetailValues returns the values of CampaignDetail defined by the API, in the
// order the API lists them. Each call returns a new slice.
func CampaignDetailValues() []CampaignDetail {
	return slices.Clone(campaignDetailValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v CampaignDetail) IsKnown() bool {
	return slices.Contains(campaignDetailValues, v)
}

// reportFileFormatValues lists the ReportFileFormat values the API defines, in its order.
var reportFileFormatValues = []ReportFileFormat{ReportFileFormatCSV, ReportFileFormatPDF}

// ReportFileFormatValues returns the values of ReportFileFormat defined by the API, in the
// order the API lists them. Each call returns a new slice.
func ReportFileFormatValues() []ReportFileFormat {
	return slices.Clone(reportFileFormatValues)
}

// IsKnown reports whether v is one of the values defined by the API.
func (v ReportFileFormat) IsKnown() bool {
	return slices.Contains(reportFileFormatValues, v)
}
