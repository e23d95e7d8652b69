package main

import (
	"context"
	"errors"
	"github.com/iscgo/certifications/internal/query"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func init() { register(tasksCmd) }

type task = certifications.CertificationTask

var taskColumns = []column[task]{
	col("id", (*task).GetID),
	col("type", func(t *task) string { return string(t.GetType()) }),
	col("targetType", func(t *task) string { return string(t.GetTargetType()) }).dropped(1),
	col("targetId", (*task).GetTargetID),
	col("status", func(t *task) string { return string(t.GetStatus()) }),
	col("created", func(t *task) string { return timeText(t.GetCreated()) }).asDay(),
}

// noLimit is the wait on a task when no --timeout is given: the context
// (Ctrl-C) ends it, nothing else.
const noLimit = 100 * 365 * 24 * time.Hour

// timeoutFlag adds --timeout, the longest wait on a task.
func timeoutFlag(f *pflag.FlagSet, timeout *time.Duration, usage string) {
	f.DurationVar(timeout, "timeout", 0, usage+" (default: no limit)")
}

// waitLimit is WaitOptions.Timeout for --timeout: no limit when not given.
func waitLimit(timeout time.Duration) time.Duration {
	if timeout <= 0 {
		return noLimit
	}
	return timeout
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
	queryFlags(list, &filters, nil, query.MustRoot("GetPendingCertificationTasks"), `type eq "REASSIGN"`)

	var timeout, poll time.Duration
	wait := &cobra.Command{
		Use:   "wait TASK",
		Short: "Wait until a certification task succeeds or fails, and show it",
		Args:  argsNamed("TASK"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if timeout < 0 {
				return usagef("--timeout %s: give a positive duration such as 10m, or leave it out for no limit", timeout)
			}
			api, err := a.api()
			if err != nil {
				return err
			}
			// The limit is the SDK's, checked between polls, and not a
			// deadline on the context, which would cut a poll short and
			// lose the task's last state.
			bar := a.newProgress(describeWait(args[0]), -1)
			stop := bar.animate()
			t, err := api.WaitForCertificationTask(a.ctx, args[0], &certifications.WaitOptions{Initial: poll, Timeout: waitLimit(timeout)})
			stop()
			if err != nil {
				bar.stop()
				if t != nil {
					// The last known state, whatever ended the wait.
					_ = printOne(a.stdout, a.outputFormat(formatTable), taskColumns, t)
				}
				return waitError(args[0], t, err)
			}
			bar.done()
			return printOne(a.stdout, a.outputFormat(formatTable), taskColumns, t)
		},
	}
	timeoutFlag(wait.Flags(), &timeout, "give up waiting after this long, e.g. 10m; the task goes on")
	pollFlag(wait.Flags(), &poll)
	return group("tasks", "List certification tasks and wait for them", list, wait)
}

// waitError words the end of a wait that ran out of time for the tool's
// user: the flag to change, and how to look again.
func waitError(taskID string, t *task, err error) error {
	if !errors.Is(err, context.DeadlineExceeded) || t == nil {
		return err
	}
	return failf("task %s is still %s after the time allowed; wait longer (--timeout) or look again later with: isccert tasks wait %s",
		taskID, t.GetStatus(), taskID)
}
