package diagnose_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/internal/evidencegen"
	"sipcompose/sipcompose"
	"sipcompose/sipcompose/diagnose"
	"sipcompose/sipcompose/evidence"
)

// identityDigests are the SHA-256 of what evidence.Read and Check give
// (their JSON, and each message as read) for every recorded sample and the
// first n generated inputs (evidencegen.Input, seeds 0 to n-1), checked
// against no document and against identityDoc. They were computed at
// 8631a9a, when the text readers still used regular expressions; a change
// that is meant to keep what Diagnose reads and says must keep them.
//
// A plain go test covers the samples and 2,000 inputs; with
// SIPCOMPOSE_IDENTITY=full, 20,000. SIPCOMPOSE_IDENTITY_DUMP=FILE writes
// one line per input (its name and digest), so two revisions' files can be
// diffed to find the inputs that differ; SIPCOMPOSE_FUZZ_CORPUS=DIR,...
// adds the inputs of Go fuzz corpus directories (such as
// $(go env GOCACHE)/fuzz/sipcompose/sipcompose/evidence/FuzzRead) to the
// dump, not to the digest.
var identityDigests = map[int]string{
	2_000:  "d0ffe60b8c3b5187ccee2ffd81816a70b4d1457952e19d77ac79f5c3070c97dd",
	20_000: "6d3748441a330de4505b2281fe4f1682397682ce8de7abbc92e4444a8ad82ce5",
}

// identityDoc sends a custom header and UUI, so the header checks run.
var identityDoc = sipcompose.Document{Targets: []sipcompose.Target{{
	User: "+14158675309", Host: "pbx.example.com",
	Headers: []sipcompose.Header{{Name: "X-customName", Value: "Bob,Shield+Title-Manager"}, {Name: "X-Case", Value: "A-1,b"}},
	UUI:     sipcompose.UUI{Data: "0A1B"},
}}}

func TestIdentity(t *testing.T) {
	n := 2_000
	if os.Getenv("SIPCOMPOSE_IDENTITY") == "full" {
		n = 20_000
	}
	dump := io.Discard
	if path := os.Getenv("SIPCOMPOSE_IDENTITY_DUMP"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = f
	}
	samples := evidencegen.Samples(t)
	all := sha256.New()
	one := func(name string, data []byte) []byte {
		h := sha256.New()
		writeOutputs(t, h, data)
		sum := h.Sum(nil)
		fmt.Fprintf(dump, "%s %x\n", name, sum)
		return sum
	}
	for _, s := range samples {
		all.Write(one(s.Name, s.Data))
	}
	for i := range n {
		all.Write(one(fmt.Sprint("input ", i), evidencegen.Input(samples, uint64(i))))
	}
	if dirs := os.Getenv("SIPCOMPOSE_FUZZ_CORPUS"); dirs != "" {
		for _, dir := range strings.Split(dirs, ",") {
			for i, data := range evidencegen.Corpus(t, dir) {
				one(fmt.Sprintf("%s/%d", filepath.Base(dir), i), data)
			}
		}
	}
	if got := hex.EncodeToString(all.Sum(nil)); got != identityDigests[n] {
		t.Errorf("what Diagnose reads and says of %d samples and %d generated inputs hashes to %s, want %s", len(samples), n, got, identityDigests[n])
	}
}

// writeOutputs writes what Read and Check give for one input.
func writeOutputs(t *testing.T, h hash.Hash, data []byte) {
	ev := evidence.Read(evidence.Input{Name: "in", Data: data})
	write := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%d:%s,", len(b), b)
	}
	write(ev)
	for _, m := range ev.Messages {
		write(m.Raw)
	}
	write(diagnose.Check(ev, nil))
	write(diagnose.Check(ev, &identityDoc))
}
