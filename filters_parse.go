package certifications

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FilterSyntaxError reports a filter expression ParseFilter cannot parse.
// It also satisfies errors.As with a **ValidationError target (Parameter
// "filters"), so callers that only look for *ValidationError see it too.
type FilterSyntaxError struct {
	// Pos is the byte offset in Input where the problem was found.
	Pos int
	// Expected says what the parser was looking for at Pos.
	Expected string
	// Found is the offending text as written, or "end of input".
	Found string
	// Input is the whole expression.
	Input string
}

// foundEOF is the Found text at the end of the input.
const foundEOF = "end of input"

// Error gives the byte offset, what was expected and what was found, on one
// line. Context adds the input with a caret under the offset.
func (e *FilterSyntaxError) Error() string {
	return fmt.Sprintf("certifications: filter syntax error at byte %d: expected %s, found %s", e.Pos, e.Expected, e.found())
}

// found quotes Found unless it is the end of the input.
func (e *FilterSyntaxError) found() string {
	if e.Found == foundEOF {
		return foundEOF
	}
	return strconv.Quote(e.Found)
}

// Context returns the input (or up to 60 bytes either side of Pos) on one
// line and a caret under Pos on the next, for showing to a person. Control
// characters are shown as spaces so that the caret lines up.
func (e *FilterSyntaxError) Context() string {
	in := e.Input
	pos := min(max(e.Pos, 0), len(in))
	const span = 60
	start, end := 0, len(in)
	prefix, suffix := "", ""
	if pos > span {
		start, prefix = pos-span, "..."
		for start < pos && !utf8.RuneStart(in[start]) {
			start++
		}
	}
	if end-pos > span {
		end, suffix = pos+span, "..."
		for end < len(in) && !utf8.RuneStart(in[end]) {
			end++
		}
	}
	show := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return ' '
			}
			return r
		}, s)
	}
	col := utf8.RuneCountInString(prefix + show(in[start:pos]))
	return prefix + show(in[start:end]) + suffix + "\n" + strings.Repeat(" ", col) + "^"
}

// As lets errors.As convert the syntax error to a *ValidationError for the
// "filters" parameter.
func (e *FilterSyntaxError) As(target any) bool {
	t, ok := target.(**ValidationError)
	if !ok {
		return false
	}
	*t = &ValidationError{
		Parameter: "filters",
		Problem:   fmt.Sprintf("syntax error at byte %d: found %s", e.Pos, e.found()),
		Allowed:   e.Expected,
	}
	return true
}

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tString
	tNumber
	tDateTime
	tLParen
	tRParen
	tComma
	tBad // a byte or rune that starts no token
)

type fToken struct {
	kind tokKind
	pos  int    // byte offset of the first byte
	text string // the token as written
	val  string // for tString the unescaped content, else text
}

// parser is a recursive-descent parser over a lazily lexed input, so that
// errors are reported in input order.
type fParser struct {
	in    string
	off   int    // next byte to lex
	tok   fToken // current token
	depth int    // levels of not and parentheses entered
}

// Expected texts shared by several error sites.
const (
	expectOperand  = "a field name, not, pr or ("
	expectOperator = "an operator: eq, ne, gt, ge, lt, le, in, co, sw, ca, pr or isnull"
	expectValue    = `a value: a "quoted string", a number, true, false or an RFC 3339 date-time`
)

// ParseFilter parses an ISC filter expression into a Filter. It accepts the
// full grammar: comparisons with eq, ne, gt, ge, lt, le, co, sw, in and ca,
// `pr field` as well as `field pr`, `field isnull`, the connectives not,
// and, or (binding in that order), parentheses, value lists, double-quoted
// strings with \" and \\ escapes, numbers such as -2 or 1.5, true and false,
// bare RFC 3339 date-times, and dotted field names. Operators must be lower
// case. Connectives of one kind are flattened, as And and Or do, so
// ParseFilter(f.String()) equals f for every valid f the builder makes.
//
// Errors are *FilterSyntaxError. Nesting beyond maxFilterNesting is an
// error too.
func ParseFilter(s string) (Filter, error) {
	p := &fParser{in: s}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tEOF {
		return nil, p.fail("a filter expression (the input is empty)")
	}
	f, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		if err := p.checkCase("and", "or"); err != nil {
			return nil, err
		}
		return nil, p.fail("and, or or end of input")
	}
	return f, nil
}

func (p *fParser) fail(expected string) *FilterSyntaxError {
	found := foundEOF
	if p.tok.kind != tEOF {
		found = clip(p.tok.text)
	}
	return &FilterSyntaxError{Pos: p.tok.pos, Expected: expected, Found: found, Input: p.in}
}

// clip shortens long token text for error messages.
func clip(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// checkCase returns an error when the current token is one of words
// written in another case.
func (p *fParser) checkCase(words ...string) error {
	if p.tok.kind != tIdent {
		return nil
	}
	for _, w := range words {
		if p.tok.text != w && strings.EqualFold(p.tok.text, w) {
			return p.fail(fmt.Sprintf("%s (operators are lower case)", w))
		}
	}
	return nil
}

func (p *fParser) isWord(w string) bool { return p.tok.kind == tIdent && p.tok.text == w }

// enter records one more level of nesting.
func (p *fParser) enter() error {
	if p.depth++; p.depth > maxFilterNesting {
		return p.fail(fmt.Sprintf("at most %d levels of not and parentheses", maxFilterNesting))
	}
	return nil
}

// parseOr parses and-expressions joined by "or".
func (p *fParser) parseOr() (Filter, error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	if !p.isWord("or") {
		return first, nil
	}
	ops := []Filter{first}
	for p.isWord("or") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		next, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		ops = append(ops, next)
	}
	return Or(ops...), nil
}

// parseAnd parses unary expressions joined by "and".
func (p *fParser) parseAnd() (Filter, error) {
	first, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	if !p.isWord("and") {
		return first, nil
	}
	ops := []Filter{first}
	for p.isWord("and") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		next, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		ops = append(ops, next)
	}
	return And(ops...), nil
}

// parseUnary parses "not" prefixes and a primary.
func (p *fParser) parseUnary() (Filter, error) {
	if !p.isWord("not") {
		return p.parsePrimary()
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	operand, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	p.depth--
	return &Negation{Operand: operand}, nil
}

// parsePrimary parses a parenthesised expression, `pr field` or a
// comparison.
func (p *fParser) parsePrimary() (Filter, error) {
	switch p.tok.kind {
	case tLParen:
		if err := p.enter(); err != nil {
			return nil, err
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		f, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tRParen {
			if err := p.checkCase("and", "or"); err != nil {
				return nil, err
			}
			return nil, p.fail("and, or or )")
		}
		p.depth--
		return f, p.advance()
	case tIdent:
		if p.tok.text == "pr" {
			if err := p.advance(); err != nil {
				return nil, err
			}
			field, err := p.parseField()
			if err != nil {
				return nil, err
			}
			return &Comparison{Field: field, Op: OpPr}, nil
		}
		if err := p.checkCase("not", "pr"); err != nil {
			return nil, err
		}
		field, err := p.parseField()
		if err != nil {
			return nil, err
		}
		return p.parseComparison(field)
	}
	return nil, p.fail(expectOperand)
}

// parseField consumes a field name; reserved words are refused.
func (p *fParser) parseField() (string, error) {
	if p.tok.kind != tIdent {
		return "", p.fail("a field name")
	}
	if isReserved(p.tok.text) {
		return "", p.fail(fmt.Sprintf("a field name (%s is a reserved word)", p.tok.text))
	}
	field := p.tok.text
	return field, p.advance()
}

// parseComparison parses the operator and values that follow a field.
func (p *fParser) parseComparison(field string) (Filter, error) {
	if p.tok.kind != tIdent {
		return nil, p.fail(expectOperator)
	}
	op := Operator(p.tok.text)
	n, ok := op.arity()
	if !ok {
		for _, known := range comparisonOps {
			if strings.EqualFold(p.tok.text, string(known)) {
				return nil, p.fail(fmt.Sprintf("%s (operators are lower case)", known))
			}
		}
		return nil, p.fail(expectOperator)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	c := &Comparison{Field: field, Op: op}
	switch {
	case n == 1:
		if (op == OpCo || op == OpSw) && p.tok.kind != tString {
			return nil, p.fail(fmt.Sprintf(`a "quoted string" after %s`, op))
		}
		v, err := p.parseValue()
		if err != nil {
			return nil, err
		}
		c.Values = []Value{v}
	case n < 0:
		if p.tok.kind != tLParen {
			return nil, p.fail(fmt.Sprintf("( to open the list of values after %s", op))
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		for {
			v, err := p.parseValue()
			if err != nil {
				return nil, err
			}
			c.Values = append(c.Values, v)
			if p.tok.kind == tRParen {
				break
			}
			if p.tok.kind != tComma {
				return nil, p.fail(", or ) in the list of values")
			}
			if err := p.advance(); err != nil {
				return nil, err
			}
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// parseValue consumes one literal.
func (p *fParser) parseValue() (Value, error) {
	var v Value
	switch p.tok.kind {
	case tString:
		v = Value{Kind: KindString, Raw: p.tok.val}
	case tNumber:
		v = Value{Kind: KindNumber, Raw: p.tok.text}
	case tDateTime:
		v = Value{Kind: KindDateTime, Raw: p.tok.text}
	case tIdent:
		switch t := p.tok.text; {
		case t == "true" || t == "false":
			v = Value{Kind: KindBool, Raw: t}
		case strings.EqualFold(t, "true") || strings.EqualFold(t, "false"):
			return v, p.fail(expectValue + " (booleans are lower case)")
		case strings.EqualFold(t, "null"):
			return v, p.fail(expectValue + " (there is no null literal: use isnull or pr)")
		default:
			return v, p.fail(expectValue + ` (strings must be "double-quoted")`)
		}
	default:
		return v, p.fail(expectValue)
	}
	return v, p.advance()
}

// advance lexes the next token into p.tok.
func (p *fParser) advance() error {
	for p.off < len(p.in) && isSpace(p.in[p.off]) {
		p.off++
	}
	start := p.off
	if start == len(p.in) {
		p.tok = fToken{kind: tEOF, pos: start}
		return nil
	}
	c := p.in[start]
	single := func(k tokKind) error {
		p.off++
		p.tok = fToken{kind: k, pos: start, text: p.in[start:p.off], val: p.in[start:p.off]}
		return nil
	}
	switch {
	case c == '(':
		return single(tLParen)
	case c == ')':
		return single(tRParen)
	case c == ',':
		return single(tComma)
	case c == '"':
		return p.lexString()
	case c == '-' || isDigit(c):
		return p.lexLiteral()
	case isIdentStart(c):
		return p.lexIdent()
	}
	_, size := utf8.DecodeRuneInString(p.in[start:])
	p.off += size
	p.tok = fToken{kind: tBad, pos: start, text: p.in[start:p.off]}
	return nil
}

// lexString lexes a double-quoted string; only \" and \\ are escapes.
func (p *fParser) lexString() error {
	start := p.off
	var b strings.Builder
	for i := start + 1; ; {
		if i >= len(p.in) || p.in[i] == '\\' && i+1 >= len(p.in) {
			return &FilterSyntaxError{Pos: len(p.in), Expected: fmt.Sprintf(`a closing " for the string opened at byte %d`, start),
				Found: foundEOF, Input: p.in}
		}
		switch c := p.in[i]; c {
		case '"':
			p.off = i + 1
			p.tok = fToken{kind: tString, pos: start, text: p.in[start:p.off], val: b.String()}
			return nil
		case '\\':
			next := p.in[i+1]
			if next != '"' && next != '\\' {
				_, size := utf8.DecodeRuneInString(p.in[i+1:])
				return &FilterSyntaxError{Pos: i, Expected: `\" or \\ (the only escapes in a string)`,
					Found: p.in[i : i+1+size], Input: p.in}
			}
			b.WriteByte(next)
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
}

// lexLiteral lexes a number or a date-time. It takes the whole run of
// characters that may belong to either, so that "1and" or "2024-01-31" is
// one bad token rather than a number followed by something else.
func (p *fParser) lexLiteral() error {
	start := p.off
	end := start
	for end < len(p.in) && isLiteralByte(p.in[end]) {
		end++
	}
	text := p.in[start:end]
	switch {
	case isNumberLiteral(text):
		p.tok = fToken{kind: tNumber, pos: start, text: text, val: text}
	case isDateTimeShape(text):
		if _, ok := parseDateTime(text); !ok {
			return &FilterSyntaxError{Pos: start, Expected: "a valid RFC 3339 date-time (a field is out of range)", Found: clip(text), Input: p.in}
		}
		p.tok = fToken{kind: tDateTime, pos: start, text: text, val: text}
	case len(text) > 4 && strings.ContainsAny(text[1:], "-:T"):
		return &FilterSyntaxError{Pos: start, Expected: "an RFC 3339 date-time such as 2024-01-31T00:00:00Z", Found: clip(text), Input: p.in}
	default:
		return &FilterSyntaxError{Pos: start, Expected: "a number such as 7, -2 or 1.5", Found: clip(text), Input: p.in}
	}
	p.off = end
	return nil
}

// lexIdent lexes a word: an operator, keyword, boolean or dotted field name.
func (p *fParser) lexIdent() error {
	start := p.off
	end := start
	for end < len(p.in) && (isIdentByte(p.in[end]) || p.in[end] == '.') {
		end++
	}
	text := p.in[start:end]
	for _, seg := range strings.Split(text, ".") {
		if seg == "" || !isIdentStart(seg[0]) {
			return &FilterSyntaxError{Pos: start, Expected: "a field name made of dot-separated words such as campaign.id",
				Found: clip(text), Input: p.in}
		}
	}
	p.off = end
	p.tok = fToken{kind: tIdent, pos: start, text: text, val: text}
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isLiteralByte(c byte) bool {
	return isIdentByte(c) || c == '.' || c == ':' || c == '+' || c == '-'
}
