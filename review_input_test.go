package certifications

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// workflowCalls calls every workflow of s with ctx and valid arguments
// otherwise, and returns each one's error by name.
func workflowCalls(s *CertificationsApiService, ctx context.Context) map[string]func() error {
	approve := leaveIf(func(int) bool { return false })
	decisions := []ReviewDecision{{ID: "item-1", Decision: CertificationDecisionApprove}}
	body := ReviewReassign{
		Reassign:   []ReassignReference{{ID: "identity-1", Type: ReassignReferenceTypeIdentitySummary}},
		ReassignTo: "reviewer-2",
		Reason:     "moving on",
	}
	return map[string]func() error{
		"Review": func() error {
			res, err := s.Review(ctx, "cert-1", approve, nil)
			if res != nil {
				return nil
			}
			return err
		},
		"DecideAll": func() error {
			res, err := s.DecideAll(ctx, "cert-1", decisions, nil)
			if res != nil {
				return nil
			}
			return err
		},
		"ReassignAll": func() error {
			_, err := s.ReassignAll(ctx, "cert-1", body, nil)
			return err
		},
		"ReassignAll async": func() error {
			_, err := s.ReassignAll(ctx, "cert-1", body, &ReassignOptions{Async: true})
			return err
		},
		"WaitForCertificationTask": func() error {
			_, err := s.WaitForCertificationTask(ctx, "task-1", nil)
			return err
		},
		"SignOffWhenComplete": func() error {
			_, err := s.SignOffWhenComplete(ctx, "cert-1")
			return err
		},
	}
}

// refusedWith runs call, which must not panic, and returns the
// *ValidationError it must return for param.
func refusedWith(t *testing.T, call func() error, param string) *ValidationError {
	t.Helper()
	var err error
	require.NotPanics(t, func() { err = call() })
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, param, ve.Parameter)
	return ve
}

// A service that NewAPIClient did not make (a nil pointer or a zero value)
// gets a *ValidationError from every workflow, as from every operation,
// and no panic.
func TestWorkflowsRefuseAServiceWithoutClient(t *testing.T) {
	for name, s := range map[string]*CertificationsApiService{"nil": nil, "zero": {}} {
		for call, run := range workflowCalls(s, context.Background()) {
			t.Run(name+"/"+call, func(t *testing.T) {
				ve := refusedWith(t, run, "client")
				assert.Contains(t, ve.Error(), "NewAPIClient")
			})
		}
	}
}

// A nil context is refused by every workflow with a *ValidationError
// before anything is sent, as NewRequest refuses it, and no panic.
func TestWorkflowsRefuseANilContext(t *testing.T) {
	for call := range workflowCalls(nil, nil) {
		t.Run(call, func(t *testing.T) {
			f, c := newFakeCert(t, 300)
			refusedWith(t, workflowCalls(c.CertificationsApi, nil)[call], "ctx")
			assert.Empty(t, f.requests(), "nothing is sent")
		})
	}
}

// ReviewOptions.Filters is parsed on its own and sent as one operand after
// the undecided restriction: text that would close its parentheses is a
// syntax error at a byte of what the caller wrote, a blank value is
// refused, and nothing is sent in either case.
func TestReviewFiltersCannotWidenTheListing(t *testing.T) {
	approve := leaveIf(func(int) bool { return false })
	for name, tc := range map[string]struct {
		filters, problem string
	}{
		"closes the parentheses": {filters: `x") or (completed eq true`},
		"closes after a filter":  {filters: `access.type eq "ROLE") or (completed eq true`},
		"blank":                  {filters: "   ", problem: "blank"},
		"tab":                    {filters: "\t", problem: "blank"},
	} {
		t.Run(name, func(t *testing.T) {
			f, c := newFakeCert(t, 10)
			res, err := c.CertificationsApi.Review(context.Background(), "cert-1", approve, &ReviewOptions{Filters: tc.filters})
			assert.Nil(t, res)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "filters", ve.Parameter)
			if tc.problem != "" {
				assert.Contains(t, ve.Problem, tc.problem)
			} else {
				var se *FilterSyntaxError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tc.filters, se.Input, "the error points into what the caller wrote")
				assert.LessOrEqual(t, se.Pos, len(tc.filters))
			}
			assert.Empty(t, f.requests(), "nothing is sent")
		})
	}
}

// A valid filter is sent in its parsed form, in parentheses after the
// undecided restriction, so that its or binds inside them.
func TestReviewFiltersAreSentAsOneOperand(t *testing.T) {
	got, res, err := reviewFiltersSent(t, `access.type eq "ROLE"   or access.type eq "ENTITLEMENT"`)
	require.NoError(t, err)
	assert.Zero(t, res.Total)
	assert.Equal(t, []string{`completed eq false and (access.type eq "ROLE" or access.type eq "ENTITLEMENT")`}, got)
}
