package sailconfig

import "strings"

// Error reports a configuration that is missing or broken, in one line:
// what is wrong, the places looked at, and what to set.
type Error struct {
	// Problem says what is missing or wrong.
	Problem string
	// Looked lists the places looked at, each with what was found there
	// (never a value).
	Looked []string
	// Fix says what to set or change.
	Fix string
	// Err is the underlying error, if any (a *certifications.ValidationError,
	// a JSON or YAML error, a file error).
	Err error
}

// Error returns the one-line message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("sailconfig: ")
	b.WriteString(e.Problem)
	if len(e.Looked) > 0 {
		b.WriteString("; looked at ")
		b.WriteString(strings.Join(e.Looked, ", "))
	}
	if e.Fix != "" {
		b.WriteString("; ")
		b.WriteString(e.Fix)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
