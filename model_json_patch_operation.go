package certifications

// JSONPatchOperation is one operation of an RFC 6902 JSON Patch, as
// UpdateCampaign and PatchCampaignTemplate take them.
type JSONPatchOperation struct {
	// Op is the operation.
	Op JSONPatchOperationOp `json:"op"`
	// Path is the JSON Pointer of the value to change, e.g. "/name".
	Path string `json:"path"`
	// Value is the new value for add, replace and test: a string, bool, number, object or array.
	Value any `json:"value,omitempty"`
	// From is the JSON Pointer of the value to move or copy (RFC 6902); the API's examples use it though its schema leaves it out.
	From *string `json:"from,omitempty"`
}
