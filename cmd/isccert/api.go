package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/spf13/cobra"
)

func init() { register(apiCmd) }

// maxDataBytes bounds a request body read from a file or stdin.
const maxDataBytes = 64 << 20

func apiCmd(a *app) *cobra.Command {
	var data string
	cmd := &cobra.Command{
		Use:   "api METHOD PATH",
		Short: "Call any endpoint through the SDK (authentication, pacing, retries, errors)",
		Long: `Call any endpoint of the tenant. PATH is relative to the API root and starts
with the API version (v3/..., beta/...); a query string may follow. The
response body is written as JSON (-o json, the default) or, with -o jsonl, a
JSON array one element per line.`,
		Example: `  isccert api GET 'v3/certifications?limit=1'
  isccert api GET v3/certification-tasks -o jsonl | jq -r .status
  isccert api POST v3/certifications/CERT/decide --data '[{"id":"ITEM","decision":"APPROVE","bulk":false}]'
  isccert api POST v3/certifications/CERT/decide --data @decisions.json`,
		Args: argsNamed("METHOD", "PATH"),
		RunE: func(cmd *cobra.Command, args []string) error {
			method := strings.ToUpper(args[0])
			if strings.Trim(method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				return usagef("METHOD %q is not an HTTP method such as GET or POST", args[0])
			}
			format := a.outputFormat(formatJSON)
			if format != formatJSON && format != formatJSONL {
				return usagef("api writes JSON: use -o json or -o jsonl")
			}
			path, rawQuery, _ := strings.Cut(args[1], "?")
			if strings.Contains(path, "://") {
				return usagef("PATH %q: give the path after the tenant's API root, e.g. v3/certifications", args[1])
			}
			query, err := url.ParseQuery(rawQuery)
			if err != nil {
				return usagef("PATH %q: the query string is not valid: %v", args[1], err)
			}
			var body any
			if cmd.Flags().Changed("data") {
				raw, err := a.readData(data)
				if err != nil {
					return err
				}
				body = json.RawMessage(raw)
			}
			client, err := a.connect()
			if err != nil {
				return err
			}
			req, err := client.NewRequest(a.ctx, method, path, query, body)
			if err != nil {
				return err
			}
			var out json.RawMessage
			if _, err := client.Do(req, &out); err != nil {
				return err
			}
			return writeJSON(a.stdout, format, out)
		},
	}
	cmd.Flags().StringVarP(&data, "data", "d", "", "JSON request body, @FILE to read it from a file, or - for stdin")
	return cmd
}

// readData reads --data: the JSON itself, @FILE or - (stdin), and checks
// that it is JSON before anything is sent.
func (a *app) readData(data string) ([]byte, error) {
	raw := []byte(data)
	if name, ok := strings.CutPrefix(data, "@"); ok || data == "-" {
		if data == "-" {
			name = "-"
		}
		in, err := a.openInput(name)
		if err != nil {
			return nil, err
		}
		defer in.Close()
		raw, err = io.ReadAll(io.LimitReader(in, maxDataBytes+1))
		if err != nil {
			return nil, failf("reading %s: %v", inputName(name), err)
		}
		if len(raw) > maxDataBytes {
			return nil, failf("%s is larger than %d bytes", inputName(name), maxDataBytes)
		}
	}
	if !json.Valid(raw) {
		var v any
		err := json.Unmarshal(raw, &v)
		return nil, failf("--data is not valid JSON: %v; nothing was sent", err)
	}
	return raw, nil
}

// writeJSON writes a response body: indented, or compact with the elements
// of an array one per line.
func writeJSON(w io.Writer, format string, body json.RawMessage) error {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil
	}
	var buf bytes.Buffer
	if format == formatJSON {
		if err := json.Indent(&buf, body, "", "  "); err != nil {
			return err
		}
		buf.WriteByte('\n')
		_, err := w.Write(buf.Bytes())
		return err
	}
	var elems []json.RawMessage
	if body[0] != '[' || json.Unmarshal(body, &elems) != nil {
		elems = []json.RawMessage{body}
	}
	for _, e := range elems {
		if err := json.Compact(&buf, e); err != nil {
			return err
		}
		buf.WriteByte('\n')
	}
	_, err := w.Write(buf.Bytes())
	return err
}
