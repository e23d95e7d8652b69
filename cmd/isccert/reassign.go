package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/iscgo/certifications"
	"github.com/spf13/cobra"
)

func init() { register(reassignCmd) }

// reassignOutcome is what reassign writes to stdout.
type reassignOutcome struct {
	Certification string `json:"certification"`
	ReassignTo    string `json:"reassignTo"`
	Async         bool   `json:"async"`
	Reassigned    int    `json:"reassigned"`
	Total         int    `json:"total"`
	// Tasks are the finished tasks of an asynchronous run.
	Tasks []string `json:"tasks,omitempty"`
	// Submitted are the items of an asynchronous call the server accepted
	// whose task was not seen to finish: they may move yet. SubmittedTask
	// is that task, to follow with isccert tasks wait.
	Submitted     []string `json:"submitted,omitempty"`
	SubmittedTask string   `json:"submittedTask,omitempty"`
	// Remaining are the items not sent because a call failed.
	Remaining []string `json:"remaining,omitempty"`
}

var reassignColumns = []column[reassignOutcome]{
	col("certification", func(o *reassignOutcome) string { return o.Certification }),
	col("reassignTo", func(o *reassignOutcome) string { return o.ReassignTo }),
	col("async", func(o *reassignOutcome) string { return fmt.Sprint(o.Async) }),
	col("reassigned", func(o *reassignOutcome) string { return fmt.Sprint(o.Reassigned) }),
	col("total", func(o *reassignOutcome) string { return fmt.Sprint(o.Total) }),
	col("tasks", func(o *reassignOutcome) string { return strings.Join(o.Tasks, " ") }),
	col("submitted", func(o *reassignOutcome) string { return fmt.Sprint(len(o.Submitted)) }),
	col("submittedTask", func(o *reassignOutcome) string { return o.SubmittedTask }),
	col("remaining", func(o *reassignOutcome) string { return fmt.Sprint(len(o.Remaining)) }),
}

func reassignCmd(a *app) *cobra.Command {
	var to, reason, file string
	var items []string
	var async bool
	var poll, timeout time.Duration
	cmd := &cobra.Command{
		Use:   "reassign CERT --to IDENTITY --reason TEXT (--item ID ... | --file F) [--async]",
		Short: "Move review items to another reviewer",
		Long: `Move review items of a certification to another reviewer. The items come
from --item (repeatable) or from a file: a CSV with an id column (such as the
rows of items export you keep), JSON Lines with an "id", or one id per line.

Up to 50 items are moved synchronously, more asynchronously (waiting for
each task); --async or --async=false chooses. Every id is checked against
the certification before anything is sent.`,
		Example: `  isccert reassign CERT --to 2c9180867624cbd7017642d8c8c81f67 --reason "their team" --item ITEM1 --item ITEM2
  awk -F, 'NR == 1 || $7 == "Workday"' items.csv | isccert reassign CERT --to IDENTITY --reason "HR owns Workday" --file -`,
		Args: argsNamed("CERT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if timeout < 0 {
				return usagef("--timeout %s: give a positive duration such as 10m, or leave it out for no limit", timeout)
			}
			refs, source, err := a.reassignRefs(items, file)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("async") {
				async = len(refs) > certifications.MaxReassignSync
			}
			opts := &certifications.ReassignOptions{Async: async, Wait: &certifications.WaitOptions{Initial: poll, Timeout: waitLimit(timeout)}}
			return a.reassign(args[0], source, refs, certifications.ReviewReassign{ReassignTo: to, Reason: reason}, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&to, "to", "", "identity id of the new reviewer")
	f.StringVar(&reason, "reason", "", "why the items move (kept in the certification's history)")
	f.StringArrayVar(&items, "item", nil, "id of an item to move (repeatable)")
	f.StringVarP(&file, "file", "f", "", "file of item ids to move (- for stdin)")
	f.BoolVar(&async, "async", false, "use the asynchronous call (default: when more than 50 items move)")
	pollFlag(f, &poll)
	timeoutFlag(f, &timeout, "with --async, give up waiting on a task after this long, e.g. 10m; the task goes on")
	_ = cmd.MarkFlagRequired("to")
	_ = cmd.MarkFlagRequired("reason")
	cmd.MarkFlagsOneRequired("item", "file")
	cmd.MarkFlagsMutuallyExclusive("item", "file")
	return cmd
}

// reassignRefs collects the item ids to move, once each.
func (a *app) reassignRefs(items []string, file string) ([]idRef, string, error) {
	var refs []idRef
	source := "--item"
	if file != "" {
		in, err := a.openInput(file)
		if err != nil {
			return nil, "", err
		}
		refs, err = readItemIDs(inputName(file), in)
		_ = in.Close()
		if err != nil {
			return nil, "", err
		}
		source = inputName(file)
	}
	for _, id := range items {
		if id = strings.TrimSpace(id); id != "" {
			refs = append(refs, idRef{where: "--item", id: id})
		}
	}
	seen := map[string]bool{}
	kept := refs[:0]
	for _, r := range refs {
		if !seen[r.id] {
			seen[r.id] = true
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return nil, "", failf("%s names no item; nothing was sent", source)
	}
	return kept, source, nil
}

func (a *app) reassign(certID, source string, refs []idRef, body certifications.ReviewReassign, opts *certifications.ReassignOptions) error {
	api, cert, err := a.certification(certID)
	if err != nil {
		return err
	}
	states, err := a.itemStates(api, certID, refs, int(cert.GetDecisionsTotal()))
	if err != nil {
		return err
	}
	if err := checkMembers(source, cert, len(refs), refs, states); err != nil {
		return err
	}
	for _, r := range refs {
		body.Reassign = append(body.Reassign, certifications.ReassignReference{ID: r.id, Type: certifications.ReassignReferenceTypeItem})
	}
	bar := a.newProgress("reassigning", int64(len(refs)))
	opts.Progress = func(done, _ int) { bar.set(done) }
	res, err := api.ReassignAll(a.ctx, certID, body, opts)
	if res == nil {
		bar.stop()
		return err
	}
	out := reassignOutcome{Certification: certID, ReassignTo: body.ReassignTo, Async: opts.Async, Reassigned: len(res.Reassigned), Total: len(refs),
		Submitted: res.Submitted, SubmittedTask: res.SubmittedTask}
	for _, t := range res.Tasks {
		out.Tasks = append(out.Tasks, t.GetID())
	}
	for _, r := range refs[min(len(res.Reassigned)+len(res.Submitted), len(refs)):] {
		out.Remaining = append(out.Remaining, r.id)
	}
	if err != nil {
		bar.stop()
	} else {
		bar.done()
	}
	if perr := printOne(a.stdout, a.outputFormat(formatTable), reassignColumns, &out); perr != nil && err == nil {
		return perr
	}
	if err == nil {
		return nil
	}
	cause := plainError(err)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		cause = "a task did not finish in the time allowed (--timeout)"
	case errors.Is(err, context.Canceled) && a.ctx.Err() != nil:
		cause = "interrupted"
	}
	msg := fmt.Sprintf("reassigned %d of %d items, then: %s", out.Reassigned, out.Total, cause)
	if n := len(out.Submitted); n > 0 {
		check := "check the certification before sending them again"
		if out.SubmittedTask != "" {
			check = fmt.Sprintf("see whether it finished with: isccert tasks wait %s", out.SubmittedTask)
		}
		msg += fmt.Sprintf("; %s submitted and may still move (the server accepted them, their task had not finished): do not send them again, %s",
			plural(n, "item"), check)
	}
	if n := len(out.Remaining); n > 0 {
		msg += fmt.Sprintf("; the other %d were not sent and stay where they were (-o json lists them under remaining)", n)
	}
	return failf("%s", msg)
}

// readItemIDs reads the ids of a file: JSON Lines with "id", a CSV with an
// id column, or one id per line.
func readItemIDs(name string, r io.Reader) ([]idRef, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	skipBOM(br)
	p := &problems{name: name}
	var refs []idRef
	first, _ := peekNonSpace(br)
	b, _ := br.Peek(br.Size())
	header, _, _ := bytes.Cut(b, []byte("\n"))
	switch {
	case first == '{':
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 0, 64<<10), maxLineBytes)
		for line := 1; sc.Scan(); line++ {
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			var v struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil || strings.TrimSpace(v.ID) == "" {
				p.add(lineNo(line), "has no \"id\"")
				continue
			}
			refs = append(refs, idRef{where: lineNo(line), id: strings.TrimSpace(v.ID)})
		}
		if err := sc.Err(); err != nil {
			return nil, failf("reading %s: %v", name, err)
		}
	case bytes.ContainsAny(header, ",;\t"):
		cr := csv.NewReader(br)
		cr.Comma = sniffComma(br)
		head, err := cr.Read()
		if err != nil {
			return nil, csvError(name, err)
		}
		col := -1
		for i, h := range head {
			if strings.EqualFold(strings.TrimSpace(h), "id") {
				col = i
			}
		}
		if col < 0 {
			return nil, failf("%s line 1: no \"id\" column", name)
		}
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, csvError(name, err)
			}
			line, _ := cr.FieldPos(0)
			if id := strings.TrimSpace(rec[col]); id != "" {
				refs = append(refs, idRef{where: lineNo(line), id: id})
			}
		}
	default:
		sc := bufio.NewScanner(br)
		for line := 1; sc.Scan(); line++ {
			id := strings.TrimSpace(sc.Text())
			if id != "" && !(line == 1 && strings.EqualFold(id, "id")) {
				refs = append(refs, idRef{where: lineNo(line), id: id})
			}
		}
		if err := sc.Err(); err != nil {
			return nil, failf("reading %s: %v", name, err)
		}
	}
	if len(refs) > maxFileRows {
		return nil, failf("%s names more than %d items", name, maxFileRows)
	}
	return refs, p.err()
}
