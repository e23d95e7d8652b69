package sailconfig

import (
	"errors"

	"github.com/zalando/go-keyring"
)

// Keyring reads secrets by service and user, as the OS keyrings store them.
type Keyring interface {
	// Get returns the secret, or an error matching ErrNotFound when none
	// is stored.
	Get(service, user string) (string, error)
}

// ErrNotFound is what a Keyring returns (or wraps) when it stores no secret
// for a service and user.
var ErrNotFound = errors.New("sailconfig: secret not found in the keyring")

// OSKeyring returns the keyring the sail tool stores its secrets in: the
// macOS Keychain, the Windows Credential Manager, or the Secret Service
// (GNOME Keyring, KWallet) on Linux and BSD. Reading it may ask the user to
// unlock it.
func OSKeyring() Keyring { return osKeyring{} }

type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) {
	v, err := keyring.Get(service, user)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNotFound
	}
	return v, err
}
