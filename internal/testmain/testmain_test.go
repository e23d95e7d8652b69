package testmain

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// exitEnv makes the test binary, started again by TestExitStatus, print a
// line and end through Exit with the status it holds.
const exitEnv = "TESTMAIN_EXIT_STATUS"

func TestMain(m *testing.M) {
	if s := os.Getenv(exitEnv); s != "" {
		code, err := strconv.Atoi(s)
		if err != nil {
			os.Exit(2)
		}
		fmt.Println("written before exit")
		Exit(code)
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
