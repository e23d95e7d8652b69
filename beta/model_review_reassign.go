package beta

import "github.com/iscgo/certifications"

// ReviewReassign is the body of SubmitReassignCertsAsync: which items or
// identities move, to whom, and why. The beta schema is identical to v3, so
// this is an alias of certifications.ReviewReassign, and its Validate method
// applies (the asynchronous call takes up to
// certifications.MaxReassignAsync entries).
type ReviewReassign = certifications.ReviewReassign
