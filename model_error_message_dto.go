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

// GetLocale returns Locale, or "" when it is unset or e is nil.
func (e *ErrorMessageDto) GetLocale() string {
	if e == nil || e.Locale == nil {
		return ""
	}
	return *e.Locale
}

// GetLocaleOrigin returns LocaleOrigin, or "" when it is unset or e is nil.
func (e *ErrorMessageDto) GetLocaleOrigin() LocaleOrigin {
	if e == nil || e.LocaleOrigin == nil {
		return ""
	}
	return *e.LocaleOrigin
}

// GetText returns Text, or "" when it is unset or e is nil.
func (e *ErrorMessageDto) GetText() string {
	if e == nil || e.Text == nil {
		return ""
	}
	return *e.Text
}
