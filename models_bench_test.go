package certifications

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// page repeats the single item of a list example n times.
func page(tb testing.TB, example string, n int) []byte {
	tb.Helper()
	var items []json.RawMessage
	require.NoError(tb, json.Unmarshal(readExample(tb, example), &items))
	require.Len(tb, items, 1)
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(items[0])
	}
	b.WriteByte(']')
	return b.Bytes()
}

// plainCertificationTask mirrors CertificationTask with a plain slice for the
// trail, as the baseline for the custom trail decoder.
type plainCertificationTask struct {
	ID                    *string                      `json:"id,omitempty"`
	Type                  *CertificationTaskType       `json:"type,omitempty"`
	TargetType            *CertificationTaskTargetType `json:"targetType,omitempty"`
	TargetID              *string                      `json:"targetId,omitempty"`
	Status                *CertificationTaskStatus     `json:"status,omitempty"`
	Errors                []ErrorMessageDto            `json:"errors,omitempty"`
	ReassignmentTrailDTOs []ReassignmentTrailDTO       `json:"reassignmentTrailDTOs,omitempty"`
	Created               *time.Time                   `json:"created,omitempty"`
}

// tasksPage builds n tasks whose trails are arrays, so the plain baseline
// can decode them too.
func tasksPage(tb testing.TB, n int) []byte {
	tb.Helper()
	var task map[string]any
	require.NoError(tb, json.Unmarshal(readExample(tb, "getCertificationTask"), &task))
	task["reassignmentTrailDTOs"] = []any{task["reassignmentTrailDTOs"], task["reassignmentTrailDTOs"]}
	tasks := make([]any, n)
	for i := range tasks {
		tasks[i] = task
	}
	b, err := json.Marshal(tasks)
	require.NoError(tb, err)
	return b
}

func benchmarkDecode[T any](b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAccessReviewItemsPage decodes a full page of 250 review
// items. The models use plain struct decoding; the generic decode into maps
// is there for scale.
func BenchmarkDecodeAccessReviewItemsPage(b *testing.B) {
	data := page(b, "listIdentityAccessReviewItems", 250)
	b.Run("model", func(b *testing.B) { benchmarkDecode[[]AccessReviewItem](b, data) })
	b.Run("baseline=generic", func(b *testing.B) { benchmarkDecode[[]map[string]any](b, data) })
}

// BenchmarkDecodeCertificationsPage decodes a full page of 250 certifications.
func BenchmarkDecodeCertificationsPage(b *testing.B) {
	data := page(b, "listIdentityCertifications", 250)
	b.Run("model", func(b *testing.B) { benchmarkDecode[[]IdentityCertificationDto](b, data) })
	b.Run("baseline=generic", func(b *testing.B) { benchmarkDecode[[]map[string]any](b, data) })
}

// BenchmarkDecodeCertificationTasksPage compares the tolerant trail decoder
// with a plain slice on 250 tasks carrying two trail entries each.
func BenchmarkDecodeCertificationTasksPage(b *testing.B) {
	data := tasksPage(b, 250)
	b.Run("model", func(b *testing.B) { benchmarkDecode[[]CertificationTask](b, data) })
	b.Run("baseline=plain-slice", func(b *testing.B) { benchmarkDecode[[]plainCertificationTask](b, data) })
}

// TestTasksBaselineDecodesTheSame makes sure the benchmark baseline and the
// model agree, so the benchmark compares like with like.
func TestTasksBaselineDecodesTheSame(t *testing.T) {
	data := tasksPage(t, 3)
	var model []CertificationTask
	var plain []plainCertificationTask
	require.NoError(t, json.Unmarshal(data, &model))
	require.NoError(t, json.Unmarshal(data, &plain))
	require.Len(t, model, 3)
	for i := range model {
		require.Equal(t, []ReassignmentTrailDTO(model[i].ReassignmentTrailDTOs), plain[i].ReassignmentTrailDTOs)
		require.Len(t, model[i].ReassignmentTrailDTOs, 2)
	}
}
