package certifications

import "slices"

// LocaleOrigin says where the locale of an ErrorMessageDto came from. The
// API may add values; unknown ones are kept as sent.
type LocaleOrigin string

// LocaleOrigin values defined by the API. The API also allows null, which
// decodes to a nil *LocaleOrigin.
const (
	// LocaleOriginDefault means the system default locale was used.
	LocaleOriginDefault LocaleOrigin = "DEFAULT"
	// LocaleOriginRequest means the locale came from the Accept-Language header.
	LocaleOriginRequest LocaleOrigin = "REQUEST"
)

// IsKnown reports whether v is one of the values defined by the API.
func (v LocaleOrigin) IsKnown() bool {
	return slices.Contains(localeOriginValues, v)
}

// localeOriginValues lists the LocaleOrigin values the API defines, in its order.
var localeOriginValues = []LocaleOrigin{LocaleOriginDefault, LocaleOriginRequest}

// LocaleOriginValues returns the values of LocaleOrigin defined by the API,
// in the order the API lists them. Each call returns a new slice.
func LocaleOriginValues() []LocaleOrigin {
	return slices.Clone(localeOriginValues)
}
