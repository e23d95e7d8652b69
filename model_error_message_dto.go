package certifications

// ErrorMessageDto is one localized error message.
type ErrorMessageDto struct {
	// Locale is the message's BCP 47 language tag, e.g. "en-US"; it may be null.
	Locale *string `json:"locale,omitempty"`
	// LocaleOrigin says how the locale was chosen; it may be null.
	LocaleOrigin *LocaleOrigin `json:"localeOrigin,omitempty"`
	// Text is the message itself.
	Text *string `json:"text,omitempty"`
}
