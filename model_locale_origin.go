package certifications

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
