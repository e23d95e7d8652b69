package certtest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iscgo/certifications/internal/optable"
)

// Every declared operation has a handler, and every handler serves a
// declared operation: the table is the sandbox's routing.
func TestEveryDeclaredOperationHasAHandler(t *testing.T) {
	s := &Server{}
	root, beta := s.handlersV3AndV1(), s.handlersBeta()
	served := map[string]map[string]bool{"root": {}, "beta": {}}
	for _, op := range optable.Ops {
		handlers, group := root, "root"
		if strings.HasPrefix(op.Service, "beta.") {
			handlers, group = beta, "beta"
		}
		assert.Contains(t, handlers, op.ID, "%s %s has no handler", op.Service, op.ID)
		served[group][op.ID] = true
	}
	for id := range root {
		assert.True(t, served["root"][id], "handler %s serves no declared operation", id)
	}
	for id := range beta {
		assert.True(t, served["beta"][id], "beta handler %s serves no declared operation", id)
	}
}
