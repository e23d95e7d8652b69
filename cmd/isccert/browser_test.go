package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"
)

// A real browser for the tests of the HTML status page: Chromium, headless,
// driven through the DevTools protocol over a pipe (--remote-debugging-pipe:
// the browser reads commands on fd 3 and answers on fd 4, one JSON message
// per NUL-terminated chunk). A pipe needs no WebSocket client and no port,
// so the tests depend on nothing but the browser.

// chromiumCandidates are where the browser is looked for, first found wins.
var chromiumCandidates = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// findChromium returns the browser, or fails the test saying how to
// install it: a missing browser is a broken test machine, not a pass.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range chromiumCandidates {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatalf("Chromium is missing: install it (Debian, Ubuntu: apt-get update && apt-get install -y chromium) or put chromium on PATH; .ci/run installs it")
	return ""
}

// browser is one headless Chromium process.
type browser struct {
	t      *testing.T
	cmd    *exec.Cmd
	toB    *os.File // our end of the browser's fd 3
	fromB  *bufio.Reader
	fromF  *os.File
	nextID int
	events []cdpMessage // every event received so far, in order
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// startBrowser starts Chromium with nothing that reaches the network on
// its own (no updates, no sync, no QUIC probes) and a profile of its own.
func startBrowser(t *testing.T) *browser {
	t.Helper()
	path := findChromium(t)
	cmdR, cmdW, err := os.Pipe() // commands: we write, the browser reads (fd 3)
	require.NoError(t, err)
	outR, outW, err := os.Pipe() // answers: the browser writes (fd 4), we read
	require.NoError(t, err)
	cmd := exec.Command(path,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, outW}
	require.NoError(t, cmd.Start())
	cmdR.Close()
	outW.Close()
	b := &browser{t: t, cmd: cmd, toB: cmdW, fromB: bufio.NewReaderSize(outR, 1<<20), fromF: outR}
	t.Cleanup(b.close)
	return b
}

// call sends one command (to the browser, or to a page's session) and
// returns its result, keeping the events that arrive meanwhile.
func (b *browser) call(session, method string, params any, result any) {
	b.t.Helper()
	b.nextID++
	id := b.nextID
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	raw, err := json.Marshal(msg)
	require.NoError(b.t, err)
	_, err = b.toB.Write(append(raw, 0))
	require.NoError(b.t, err, "sending %s to the browser", method)
	for {
		m := b.read()
		if m.ID != id {
			if m.Method != "" {
				b.events = append(b.events, m)
			}
			continue
		}
		require.Nil(b.t, m.Error, "%s: %+v", method, m.Error)
		if result != nil {
			require.NoError(b.t, json.Unmarshal(m.Result, result), "%s result", method)
		}
		return
	}
}

// waitLoad reads until the page's session reports the load event of the
// navigation with that loader id (the blank page it opened with has its
// own).
func (b *browser) waitLoad(session, loaderID string) {
	b.t.Helper()
	isLoad := func(e cdpMessage) bool {
		if e.SessionID != session || e.Method != "Page.lifecycleEvent" {
			return false
		}
		var p struct{ Name, LoaderID string }
		return json.Unmarshal(e.Params, &p) == nil && p.Name == "load" && p.LoaderID == loaderID
	}
	for _, e := range b.events {
		if isLoad(e) {
			return
		}
	}
	for {
		m := b.read()
		if m.Method != "" {
			b.events = append(b.events, m)
		}
		if isLoad(m) {
			return
		}
	}
}

func (b *browser) read() cdpMessage {
	b.t.Helper()
	raw, err := b.fromB.ReadBytes(0)
	require.NoError(b.t, err, "the browser stopped answering")
	var m cdpMessage
	require.NoError(b.t, json.Unmarshal(raw[:len(raw)-1], &m), "%s", raw)
	return m
}

func (b *browser) close() {
	if b.cmd.ProcessState == nil {
		// Browser.close ends the process cleanly; a kill is the fallback.
		raw, _ := json.Marshal(map[string]any{"id": -1, "method": "Browser.close"})
		if _, err := b.toB.Write(append(raw, 0)); err != nil {
			_ = b.cmd.Process.Kill()
		}
		_ = b.cmd.Wait()
	}
	b.toB.Close()
	b.fromF.Close()
}

// pageReport is what loading a page showed: what its console and the
// browser's log reported, the requests it made, what a script read from
// its DOM, and a screenshot of the whole page.
type pageReport struct {
	Problems []string        // console errors and warnings, exceptions, log errors
	Requests []string        // the URL of every request the page made
	Value    json.RawMessage // the result of the expression
	PNG      []byte
}

// load opens url in a new tab of width pixels, waits for its load event,
// evaluates expr (a JavaScript expression with a JSON-able value) and
// takes a screenshot of the whole page.
func (b *browser) load(url string, width int, expr string) pageReport {
	b.t.Helper()
	var target struct {
		TargetID string `json:"targetId"`
	}
	b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	s := attached.SessionID
	first := len(b.events)
	for _, domain := range []string{"Page", "Runtime", "Log", "Network"} {
		b.call(s, domain+".enable", nil, nil)
	}
	b.call(s, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": 600, "deviceScaleFactor": 1, "mobile": false}, nil)
	b.call(s, "Page.setLifecycleEventsEnabled", map[string]any{"enabled": true}, nil)
	var nav struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	b.call(s, "Page.navigate", map[string]any{"url": url}, &nav)
	require.Empty(b.t, nav.ErrorText, "loading %s", url)
	b.waitLoad(s, nav.LoaderID)

	var eval struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	b.call(s, "Runtime.evaluate", map[string]any{"expression": "JSON.stringify(" + expr + ")", "returnByValue": true}, &eval)
	require.Nil(b.t, eval.ExceptionDetails, "evaluating %s: %s", expr, eval.ExceptionDetails)
	var rep pageReport
	var text string
	require.NoError(b.t, json.Unmarshal(eval.Result.Value, &text))
	rep.Value = json.RawMessage(text)

	var height float64
	var h struct {
		Result struct {
			Value float64 `json:"value"`
		} `json:"result"`
	}
	b.call(s, "Runtime.evaluate", map[string]any{"expression": "document.documentElement.scrollHeight", "returnByValue": true}, &h)
	height = h.Result.Value
	b.call(s, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": int(height), "deviceScaleFactor": 1, "mobile": false}, nil)
	var shot struct {
		Data string `json:"data"`
	}
	b.call(s, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	require.NoError(b.t, err)
	rep.PNG = png

	for _, e := range b.events[first:] {
		if e.SessionID != s {
			continue
		}
		if p := problem(e); p != "" {
			rep.Problems = append(rep.Problems, p)
		}
		if e.Method == "Network.requestWillBeSent" {
			var r struct {
				Request struct {
					URL string `json:"url"`
				} `json:"request"`
			}
			require.NoError(b.t, json.Unmarshal(e.Params, &r))
			rep.Requests = append(rep.Requests, r.Request.URL)
		}
	}
	b.call("", "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	return rep
}

// problem describes an event that a clean page never causes, or "".
func problem(e cdpMessage) string {
	switch e.Method {
	case "Runtime.consoleAPICalled":
		var p struct {
			Type string            `json:"type"`
			Args []json.RawMessage `json:"args"`
		}
		if json.Unmarshal(e.Params, &p) == nil && (p.Type == "error" || p.Type == "warning" || p.Type == "assert") {
			return fmt.Sprintf("console.%s: %s", p.Type, p.Args)
		}
	case "Runtime.exceptionThrown":
		return "exception: " + string(e.Params)
	case "Log.entryAdded":
		var p struct {
			Entry struct {
				Level, Source, Text, URL string
			} `json:"entry"`
		}
		if json.Unmarshal(e.Params, &p) == nil && (p.Entry.Level == "error" || p.Entry.Level == "warning") {
			return fmt.Sprintf("%s %s: %s %s", p.Entry.Source, p.Entry.Level, p.Entry.Text, p.Entry.URL)
		}
	}
	return ""
}
