package main

import (
	"context"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func init() { register(tasksCmd) }

type task = certifications.CertificationTask

var taskColumns = []column[task]{
	{"id", (*task).GetID},
	{"type", func(t *task) string { return string(t.GetType()) }},
	{"targetType", func(t *task) string { return string(t.GetTargetType()) }},
	{"targetId", (*task).GetTargetID},
	{"status", func(t *task) string { return string(t.GetStatus()) }},
	{"created", func(t *task) string { return timeText(t.GetCreated()) }},
}

// pollFlag adds --poll, the first wait between two looks at a task.
func pollFlag(f *pflag.FlagSet, poll *time.Duration) {
	f.DurationVar(poll, "poll", 0, "first wait between two looks at a task, growing by half each time up to 10s (default 500ms)")
}

func tasksCmd(a *app) *cobra.Command {
	var reviewer, filters string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the pending certification tasks (every page)",
		Args:  argsNamed(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			api, err := a.api()
			if err != nil {
				return err
			}
			type R = certifications.ApiGetPendingCertificationTasksRequest
			req := with(with(api.GetPendingCertificationTasks(a.ctx), reviewer, R.ReviewerIdentity), filters, R.Filters)
			return writeAll(a, "listing tasks", req.Pager(), formatTable, taskColumns, same)
		},
	}
	list.Flags().StringVar(&reviewer, "reviewer", "", `only the tasks of this reviewer identity id ("me" for yourself)`)
	queryFlags(list, &filters, nil, certifications.RulesGetPendingCertificationTasks(), `type eq "REASSIGN"`)

	var timeout, poll time.Duration
	wait := &cobra.Command{
		Use:   "wait TASK",
		Short: "Wait until a certification task succeeds or fails, and show it",
		Args:  argsNamed("TASK"),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := a.api()
			if err != nil {
				return err
			}
			ctx := a.ctx
			if timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, timeout)
				defer cancel()
			}
			bar := a.newProgress("waiting for task "+args[0], -1)
			stop := bar.animate()
			t, err := api.WaitForCertificationTask(ctx, args[0], &certifications.WaitOptions{Initial: poll})
			stop()
			if err != nil {
				bar.stop()
				if t != nil {
					_ = printOne(a.stdout, a.outputFormat(formatTable), taskColumns, t)
				}
				return err
			}
			bar.done()
			return printOne(a.stdout, a.outputFormat(formatTable), taskColumns, t)
		},
	}
	wait.Flags().DurationVar(&timeout, "timeout", 0, "give up after this long, e.g. 10m (default: no limit)")
	pollFlag(wait.Flags(), &poll)
	return group("tasks", "List certification tasks and wait for them", list, wait)
}
