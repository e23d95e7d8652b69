package conformance_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iscgo/certifications"
	"github.com/iscgo/certifications/beta"
	"github.com/iscgo/certifications/internal/spectest"
)

// exception tolerates the findings of one check of TestConformance: every
// place where the published definition contradicts itself, or where the
// SDK departs from the letter of the definition on purpose.
type exception struct {
	// in names the definitions the finding is about; TestConformance
	// fails when the exception matches nothing in one of them.
	in []string
	// check is the check that reports it (see subtestChecks).
	check string
	// subject is the finding's subject; each * stands for any run of
	// characters.
	subject string
	// reason says why the finding is tolerated.
	reason string
}

// specExceptions is the one list of tolerated findings. TestConformance
// logs each finding it covers with the reason, and fails when an entry
// matches nothing in one of its definitions, so that the list cannot
// outlive what it excuses.
var specExceptions = []exception{
	{
		in:      []string{"v3", "v1"},
		check:   spectest.CheckExample,
		subject: "Certification Task.reassignmentTrailDTOs",
		reason: "The definition contradicts itself: reassignmentTrailDTOs is typed as an array, but its example is " +
			"a single object. The SDK follows the schema (ReassignmentTrailDTOs is a slice, encoded as an array) and " +
			"also decodes a single object, as servers built from the example send it.",
	},
	{
		in:      []string{"v3", "v1"},
		check:   checkRoundTrip,
		subject: "* 200 assembled *.reassignmentTrailDTOs.*",
		reason: "The same contradiction, seen in the examples assembled for the three task-returning operations: " +
			"the example carries the trail as one object (.reassignmentTrailDTOs.x), the SDK re-encodes it as the " +
			"one-element array the schema documents (.reassignmentTrailDTOs[].x). No value is lost " +
			"(TestSingleValueExamplesSurviveAsArrays).",
	},
	{
		in:      []string{"v3", "summaries-v3", "beta", "v1", "summaries-v1"},
		check:   spectest.CheckEnum,
		subject: "LocaleOrigin=null",
		reason: "ErrorMessageDto.localeOrigin is a nullable enum that also lists null among its values. null is the " +
			"absence of a LocaleOrigin, not one of its values: the SDK decodes it as a nil *LocaleOrigin.",
	},
	{
		in:      []string{"v3", "beta", "v1"},
		check:   spectest.CheckRequired,
		subject: "CampaignReference.description",
		reason: "Required but nullable: the API always sends description but may send null, so the field is a " +
			"*string (nil for null) and is encoded without omitempty, so that the property is always present. " +
			"beta.CampaignReference is the v3 type.",
	},
	{
		in:      []string{"beta"},
		check:   spectest.CheckUndefinedRequired,
		subject: "Certification Dto.campaignOwner",
		reason: "The definition contradicts itself: CertificationDto lists campaignOwner as required but does not " +
			"define it (no type, no example), so the SDK has no field for it.",
	},
	{
		in:      []string{"beta"},
		check:   checkInverse,
		subject: "listCertifications 200 assembled [].campaignOwner",
		reason: "The same contradiction: the schema requires campaignOwner, which it never defines, so neither its " +
			"example nor what the SDK re-encodes from it can carry one.",
	},
	{
		in:      []string{"beta"},
		check:   spectest.CheckExample,
		subject: "Certification Reference Dto.type",
		reason: "The definition contradicts itself: CertificationReference.type is an enum of the one value " +
			"CERTIFICATION, but its example is IDENTITY.",
	},
	{
		in:      []string{"beta"},
		check:   checkInverse,
		subject: "listCertifications 200 assembled [].reassignment.from.type",
		reason: "The same contradiction: the SDK keeps unknown enum values as sent (style: decode tolerantly), so " +
			"the example's IDENTITY comes back out unchanged, and the enum refuses it.",
	},
	{
		in:      []string{"beta"},
		check:   checkRoundTrip,
		subject: "* 200 assembled *.errors",
		reason: "The example of IdentityCertificationTask.errors is an empty list. The SDK decodes it to an empty " +
			"slice and, like every optional list of its models, leaves an empty list out when encoding " +
			"(omitempty): for the API an absent list of errors and an empty one both mean no errors. A non-empty " +
			"list survives (TestBetaTaskErrorsSurvive).",
	},

	// The per-resource v1 definitions against their v3 twins.
	{
		in:      []string{"v1", "summaries-v1"},
		check:   checkTwin,
		subject: "*.email nullable",
		reason: "v1 marks the e-mail address of reviewers and owners (IdentityReferenceWithNameAndEmail) nullable; " +
			"v3 does not. The property is optional in both, so the one model serves both: Email is a *string with " +
			"omitempty, nil for an absent address and for null.",
	},
	{
		in:      []string{"v1"},
		check:   checkTwin,
		subject: "getIdentityCertificationItemPermissions 200 [] title",
		reason:  `The schema's title is "Permission DTO" in v1 and "Permission Dto" in v3: prose, not structure.`,
	},
	{
		in:      []string{"v1"},
		check:   checkTwin,
		subject: "* 200 *.errors example|getIdentityCertificationItemPermissions 200 [].rights example",
		reason: "v1 adds examples that v3 lacks: CertificationTask.errors (a single ErrorMessageDto) and " +
			"PermissionDto.rights (a single string). Both contradict their array schemas (see the v1 example " +
			"exception); the structure is the same, and the one model decodes both.",
	},
	{
		in:      []string{"v1"},
		check:   spectest.CheckExample,
		subject: "Certification Task.errors|Permission DTO.rights",
		reason: "The v1 definition contradicts itself: CertificationTask.errors is an array of ErrorMessageDto " +
			"and PermissionDto.rights an array of strings, but their examples are a single object and a single " +
			"string. The SDK follows the schema (ErrorMessageDtos and PermissionRights are slices, encoded as " +
			"arrays) and also decodes a single value, as servers built from the example send it.",
	},
	{
		in:      []string{"v1"},
		check:   checkRoundTrip,
		subject: "* 200 assembled *.errors.*",
		reason: "The same contradiction, seen in the examples assembled for the three task-returning operations: " +
			"the example carries the errors as one object (.errors.x), the SDK re-encodes it as the one-element " +
			"array the schema documents (.errors[].x). No value is lost (TestSingleValueExamplesSurviveAsArrays). " +
			"The single right of the permissions example becomes a one-element array too, which loses no path.",
	},
}

// TestBetaTaskErrorsSurvive backs the roundtrip exception for the empty
// errors example: errors that are there are kept.
func TestBetaTaskErrorsSurvive(t *testing.T) {
	var task beta.IdentityCertificationTask
	require.NoError(t, json.Unmarshal([]byte(`{"id":"t1","errors":["reviewer not found"]}`), &task))
	got, err := spectest.Normalize(task)
	require.NoError(t, err)
	assert.Equal(t, []any{"reviewer not found"}, got.(map[string]any)["errors"])
}

// TestSingleValueExamplesSurviveAsArrays backs the roundtrip exceptions
// above: decoding an example whose list property is a single value, and
// encoding the result, gives that value as the only element of an array.
func TestSingleValueExamplesSurviveAsArrays(t *testing.T) {
	tests := []struct {
		version, op, property string
		decode                func(b []byte) (any, error)
	}{
		{"v3", "getCertificationTask", "reassignmentTrailDTOs", decodeInto[certifications.CertificationTask]},
		{"v1", "getCertificationTaskV1", "reassignmentTrailDTOs", decodeInto[certifications.CertificationTask]},
		{"v1", "getCertificationTaskV1", "errors", decodeInto[certifications.CertificationTask]},
		{"v1", "getIdentityCertificationItemPermissionsV1", "rights", decodeInto[[]certifications.PermissionDto]},
	}
	for _, tt := range tests {
		t.Run(tt.version+" "+tt.op+" "+tt.property, func(t *testing.T) {
			op := spectest.FindOperation(t, tt.version, tt.op)
			example := spectest.Example(op.Operation.Responses.Value("200").Value.Content.Get("application/json").Schema).Value
			object, list := example.(map[string]any)
			if !list {
				require.IsType(t, []any{}, example)
				object = example.([]any)[0].(map[string]any)
			}
			single := object[tt.property]
			require.NotNil(t, single)
			_, isArray := single.([]any)
			require.False(t, isArray, "the published example is a single value")

			b, err := json.Marshal(example)
			require.NoError(t, err)
			decoded, err := tt.decode(b)
			require.NoError(t, err)
			got, err := spectest.Normalize(decoded)
			require.NoError(t, err)
			if !list {
				got = got.([]any)[0]
			}
			assert.Equal(t, []any{single}, got.(map[string]any)[tt.property])
		})
	}
}

// decodeInto decodes b into a new T and returns a pointer to it.
func decodeInto[T any](b []byte) (any, error) {
	v := new(T)
	return v, json.Unmarshal(b, v)
}
