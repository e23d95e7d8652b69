package certifications

// AccessConstraintOperator says which access of its type an
// AccessConstraint keeps. Unknown values are kept as sent.
type AccessConstraintOperator string

// AccessConstraintOperator values defined by the API.
const (
	// AccessConstraintOperatorAll means all access of the type.
	AccessConstraintOperatorAll AccessConstraintOperator = "ALL"
	// AccessConstraintOperatorSelected means only the access listed in IDs.
	AccessConstraintOperatorSelected AccessConstraintOperator = "SELECTED"
)
