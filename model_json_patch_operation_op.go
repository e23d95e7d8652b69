package certifications

// JSONPatchOperationOp is the operation of a JSONPatchOperation (RFC 6902).
// Unknown values are kept as sent.
type JSONPatchOperationOp string

// JSONPatchOperationOp values defined by the API.
const (
	// JSONPatchOperationOpAdd means adds a value.
	JSONPatchOperationOpAdd JSONPatchOperationOp = "add"
	// JSONPatchOperationOpRemove means removes a value.
	JSONPatchOperationOpRemove JSONPatchOperationOp = "remove"
	// JSONPatchOperationOpReplace means replaces a value.
	JSONPatchOperationOpReplace JSONPatchOperationOp = "replace"
	// JSONPatchOperationOpMove means moves a value.
	JSONPatchOperationOpMove JSONPatchOperationOp = "move"
	// JSONPatchOperationOpCopy means copies a value.
	JSONPatchOperationOpCopy JSONPatchOperationOp = "copy"
	// JSONPatchOperationOpTest means checks a value.
	JSONPatchOperationOpTest JSONPatchOperationOp = "test"
)
