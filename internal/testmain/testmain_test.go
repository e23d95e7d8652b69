package testmain

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// exitEnv makes the test binary, started again by TestExitStatus, print a
// line and end through Exit with the status it holds.
const exitEnv = "TESTMAIN_EXIT_STATUS"

// parallelEnv makes the test binary, started again by
// TestParallelKeepsTheCommandLine, call Parallel with the number it holds
// and print -test.parallel.
const parallelEnv = "TESTMAIN_PARALLEL"

func TestMain(m *testing.M) {
	if s := os.Getenv(exitEnv); s != "" {
		code, err := strconv.Atoi(s)
		if err != nil {
			os.Exit(2)
		}
		fmt.Println("written before exit")
		Exit(code)
	}
	if s := os.Getenv(parallelEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			os.Exit(2)
		}
		Parallel(n)
		fmt.Println(flag.Lookup("test.parallel").Value)
		Exit(0)
	}
	Main(m)
}

// Exit ends the process with the status it is given, 0 included, and what
// the process wrote before stays written.
func TestExitStatus(t *testing.T) {
	for _, code := range []int{0, 1, 3} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), exitEnv+"="+strconv.Itoa(code))
		out, err := cmd.Output()
		got := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			got = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("status %d: %v", code, err)
		}
		if got != code {
			t.Errorf("Exit(%d) ended the process with status %d", code, got)
		}
		if string(out) != "written before exit\n" {
			t.Errorf("Exit(%d): the process wrote %q", code, out)
		}
	}
}

// Parallel raises -test.parallel to its number, and leaves it as the
// command line set it.
func TestParallelKeepsTheCommandLine(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "7"},
		{[]string{"-test.parallel=3"}, "3"},
		{[]string{"-test.parallel", "1"}, "1"},
	} {
		cmd := exec.Command(os.Args[0], c.args...)
		cmd.Env = append(os.Environ(), parallelEnv+"=7")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if got := strings.TrimSpace(string(out)); got != c.want {
			t.Errorf("%v: -test.parallel is %s, want %s", c.args, got, c.want)
		}
	}
}
