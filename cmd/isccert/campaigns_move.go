package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

// moveRow is one certification campaigns move handed to a new reviewer.
type moveRow struct {
	CertificationID   string `json:"certificationId"`
	CertificationName string `json:"certificationName"`
	From              string `json:"from"`
	To                string `json:"to"`
	TaskID            string `json:"taskId"`
	TaskStatus        string `json:"taskStatus"`
}

var moveColumns = []column[moveRow]{
	{name: "certification", get: func(r *moveRow) string { return r.CertificationID }},
	{name: "name", get: func(r *moveRow) string { return r.CertificationName }},
	{name: "from", get: func(r *moveRow) string { return r.From }},
	{name: "to", get: func(r *moveRow) string { return r.To }},
	{name: "task", get: func(r *moveRow) string { return r.TaskID }},
	{name: "status", get: func(r *moveRow) string { return r.TaskStatus }},
}

func campaignsMoveCmd(a *app) *cobra.Command {
	var from, to, reason string
	var certs []string
	var poll time.Duration
	c := &cobra.Command{
		Use:   "move CAMPAIGN --from REVIEWER --to IDENTITY --reason TEXT [--cert ID ...]",
		Short: "Move certifications of a campaign from one reviewer to another (admin reassign)",
		Long: `Move the certifications a reviewer has in a campaign to another identity:
all of them, or those given with --cert. --from and --to take identity ids.
The move runs as certification tasks; the command waits for them and shows
each certification with the status of its task.`,
		Example: `  isccert campaigns move CAMPAIGN --from 2c91808a... --to 2c91808b... --reason "Ann is on leave"
  isccert campaigns move CAMPAIGN --from ID1 --to ID2 --reason "team change" --cert CERT1 --cert CERT2`,
		Args: argsNamed("CAMPAIGN"),
		RunE: func(cmd *cobra.Command, args []string) error {
			from, to, reason = strings.TrimSpace(from), strings.TrimSpace(to), strings.TrimSpace(reason)
			switch {
			case from == "":
				return usagef("move needs --from: the identity id of the reviewer whose certifications move")
			case to == "":
				return usagef("move needs --to: the identity id of the new reviewer")
			case reason == "":
				return usagef(`move needs --reason: say why the certifications move, e.g. --reason "Ann is on leave"`)
			case from == to:
				return usagef("--from and --to are the same identity: nothing would move")
			}
			for _, id := range certs {
				if strings.TrimSpace(id) == "" {
					return usagef("--cert is empty: give a certification id")
				}
			}
			c, err := a.connect()
			if err != nil {
				return err
			}
			moving, err := a.reviewerCertifications(c.CertificationsApi, args[0], from, certs)
			if err != nil {
				return err
			}
			rows, err := a.move(c, args[0], moving, to, reason, poll)
			out := newList(a.stdout, a.outputFormat(formatTable), moveColumns)
			for i := range rows {
				_ = out.add(&rows[i])
			}
			if cerr := out.close(); err == nil {
				err = cerr
			}
			return err
		},
	}
	c.Flags().StringVar(&from, "from", "", "identity id of the reviewer whose certifications move")
	c.Flags().StringVar(&to, "to", "", "identity id of the new reviewer")
	c.Flags().StringVar(&reason, "reason", "", "why the certifications move (kept in the reassignment trail)")
	c.Flags().StringArrayVar(&certs, "cert", nil, "move only this certification (repeat for more; default: all of the reviewer's in the campaign)")
	pollFlag(c.Flags(), &poll)
	return c
}

// reviewerCertifications reads the certifications the reviewer from has in
// the campaign, and keeps only those of only when it is given. A
// certification of only that is not the reviewer's in the campaign is
// refused before anything moves.
func (a *app) reviewerCertifications(api *certifications.CertificationsApiService, campaignID, from string, only []string) ([]certifications.IdentityCertificationDto, error) {
	req := api.ListIdentityCertifications(a.ctx).Filters(certifications.Eq("campaign.id", campaignID).String())
	var mine []certifications.IdentityCertificationDto
	_, err := stream(a, "reading the campaign's certifications", req.Pager(), func(c *certifications.IdentityCertificationDto) error {
		if c.GetReviewer().GetID() == from {
			mine = append(mine, *c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(only) > 0 {
		picked := make([]certifications.IdentityCertificationDto, 0, len(only))
		for _, id := range only {
			i := slices.IndexFunc(mine, func(c certifications.IdentityCertificationDto) bool { return c.GetID() == id })
			if i < 0 {
				return nil, failf("certification %s is not one of reviewer %s in campaign %s; nothing was moved", id, from, campaignID)
			}
			if !slices.ContainsFunc(picked, func(c certifications.IdentityCertificationDto) bool { return c.GetID() == id }) {
				picked = append(picked, mine[i])
			}
		}
		mine = picked
	}
	if len(mine) == 0 {
		return nil, failf("reviewer %s has no certifications in campaign %s; nothing was moved", from, campaignID)
	}
	return mine, nil
}

// move reassigns the certifications in calls of at most the API's limit,
// waits for each call's task, and returns a row per certification sent.
func (a *app) move(c *certifications.APIClient, campaignID string, certs []certifications.IdentityCertificationDto, to, reason string, poll time.Duration) ([]moveRow, error) {
	bar := a.newProgress("moving certifications", int64(len(certs)))
	var rows []moveRow
	for chunk := range slices.Chunk(certs, certifications.MaxCampaignMove) {
		ids := make([]string, len(chunk))
		for i := range chunk {
			ids[i] = chunk[i].GetID()
		}
		body := certifications.AdminReviewReassign{
			CertificationIDs: ids,
			ReassignTo: &certifications.AdminReviewReassignReassignTo{
				ID:   certifications.Ptr(to),
				Type: certifications.Ptr(certifications.AdminReviewReassignReassignToTypeIdentity),
			},
			Reason: certifications.Ptr(reason),
		}
		task, _, err := c.CertificationCampaignsApi.Move(a.ctx, campaignID).AdminReviewReassign(body).Execute()
		if err != nil {
			bar.stop()
			return rows, err
		}
		if id := task.GetID(); id != "" {
			done, err := c.CertificationsApi.WaitForCertificationTask(a.ctx, id, &certifications.WaitOptions{Initial: poll})
			if done != nil {
				task = done
			}
			if err != nil {
				bar.stop()
				return append(rows, moveRows(chunk, to, task)...), err
			}
		}
		rows = append(rows, moveRows(chunk, to, task)...)
		bar.add(len(chunk))
	}
	bar.done()
	moved := len(rows)
	fmt.Fprintf(a.stderr, "isccert: moved %s to %s\n", plural(moved, "certification"), to)
	return rows, nil
}

func moveRows(certs []certifications.IdentityCertificationDto, to string, task *certifications.CertificationTask) []moveRow {
	rows := make([]moveRow, len(certs))
	for i := range certs {
		rows[i] = moveRow{
			CertificationID:   certs[i].GetID(),
			CertificationName: certs[i].GetName(),
			From:              certs[i].GetReviewer().GetName(),
			To:                to,
			TaskID:            task.GetID(),
			TaskStatus:        string(task.GetStatus()),
		}
	}
	return rows
}
