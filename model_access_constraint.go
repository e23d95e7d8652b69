package certifications

// AccessConstraint narrows a SEARCH campaign to some kinds of access.
type AccessConstraint struct {
	// Type is the kind of access constrained.
	Type AccessConstraintType `json:"type"`
	// IDs lists the access to review when Operator is SELECTED.
	IDs []string `json:"ids,omitempty"`
	// Operator says whether all access of the type is reviewed or only IDs.
	Operator AccessConstraintOperator `json:"operator"`
}
