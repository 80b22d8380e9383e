//go:build !wasm

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"sipcompose/internal/testenv"
)

// module assembles a module from sections.
func module(sections ...section) []byte { return writeModule(sections) }

// dataOf is a data section's body: segments given as offset and data.
func dataOf(segs ...segment) []byte {
	b := appendU32(nil, uint32(len(segs)))
	for _, s := range segs {
		b = appendU32(b, 0)
		b = append(b, opI32Const)
		b = appendI32(b, int32(s.offset))
		b = append(b, opEnd)
		b = appendU32(b, uint32(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// handMade is a module of one page of memory, exported as "mem", with
// overlapping and far-apart segments, a data count section and a custom
// section, which merge must keep.
func handMade() []byte {
	return module(
		section{5, []byte{1, 0x00, 1}},                           // memory: one, min 1 page
		section{7, append(append([]byte{1, 3}, "mem"...), 2, 0)}, // export "mem" = memory 0
		section{sectionDataCount, appendU32(nil, 4)},
		section{sectionData, dataOf(
			segment{16, []byte("abcdef")},
			segment{100, []byte("far away")},
			segment{18, []byte("Q")}, // overwrites the c
			segment{60000, []byte{0, 0, 1}},
		)},
		section{0, append([]byte{4}, "keep, unchanged"...)},
	)
}

func TestMergeHandMade(t *testing.T) {
	in := handMade()
	out, err := merge(in)
	if err != nil {
		t.Fatal(err)
	}
	sections, segs, err := read(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 1 || segs[0].offset != 16 || len(segs[0].data) != 60003-16 {
		t.Fatalf("merged into %d segments, the first at %d of %d bytes; want one at 16 of %d", len(segs), segs[0].offset, len(segs[0].data), 60003-16)
	}
	want := append(append([]byte("abQdef"), make([]byte, 100-22)...), "far away"...)
	if got := segs[0].data[:len(want)]; !bytes.Equal(got, want) {
		t.Errorf("merged data starts %q, want %q", got, want)
	}
	for _, s := range sections {
		if s.id == sectionDataCount && !bytes.Equal(s.body, []byte{1}) {
			t.Errorf("data count section says %v, want 1", s.body)
		}
	}
	if !bytes.HasSuffix(out, append([]byte{0, 16, 4}, "keep, unchanged"...)) {
		t.Error("the custom section was not kept as it was")
	}
	if err := sameMemory(in, out); err != nil {
		t.Error(err)
	}
	// Node instantiates both and compares what their memories hold: an
	// oracle that shares no code with the merge.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "in.wasm"), filepath.Join(dir, "out.wasm")
	writeFile(t, a, in)
	writeFile(t, b, out)
	got := node(t, `
const fs = require("fs"), crypto = require("crypto");
(async () => {
  for (const f of process.argv.slice(1)) {
    const bytes = fs.readFileSync(f);
    const { instance } = await WebAssembly.instantiate(bytes, {});
    const mem = new Uint8Array(instance.exports.mem.buffer);
    console.log(WebAssembly.validate(bytes), mem.length, crypto.createHash("sha256").update(mem).digest("hex"));
  }
})().catch((e) => { console.log(String(e)); process.exit(1); });`, a, b)
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 2 || lines[0] != lines[1] || !strings.HasPrefix(lines[0], "true 65536 ") {
		t.Errorf("Node's view of the two memories (valid, size, SHA-256):\n%s", got)
	}
}

// A Go program's output is the same after the merge: Go's own linker made
// its segments, and Node runs it with Go's wasm_exec.
func TestMergeGoProgram(t *testing.T) {
	dir := t.TempDir()
	linked, merged := filepath.Join(dir, "gomem.wasm"), filepath.Join(dir, "merged.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", linked, "./testdata/gomem")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the test program: %v\n%s", err, out)
	}
	if err := run(linked, merged); err != nil {
		t.Fatal(err)
	}
	in, out := readFile(t, linked), readFile(t, merged)
	if _, segs, _ := read(in); len(segs) < 100 {
		t.Fatalf("the linker wrote %d data segments: the test needs many", len(segs))
	}
	if _, segs, _ := read(out); len(segs) != 1 {
		t.Fatalf("merged into %d data segments, want 1", len(segs))
	}
	if err := sameMemory(in, out); err != nil {
		t.Fatal(err)
	}
	execJS := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js")
	before, after := node(t, "", execJS, linked), node(t, "", execJS, merged)
	if before != after || !strings.HasPrefix(before, "DIGEST ") {
		t.Errorf("the program printed %q, and after the merge %q", before, after)
	}
}

// TestAppWasm checks the build's own app.wasm against what the linker
// wrote (make test names both): one data segment, the same memory image,
// every other section the same, and valid to Node.
func TestAppWasm(t *testing.T) {
	linked, merged := os.Getenv("SIPCOMPOSE_WASM_LINKED"), os.Getenv("SIPCOMPOSE_WASM")
	if linked == "" || merged == "" {
		testenv.Unavailable(t, "SIPCOMPOSE_WASM_LINKED and SIPCOMPOSE_WASM are not set: run make test, which builds app.wasm")
	}
	in, out := readFile(t, linked), readFile(t, merged)
	_, before, err := read(in)
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := read(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 1 {
		t.Errorf("%s has %d data segments, want 1 (the linker wrote %d)", merged, len(after), len(before))
	}
	if err := sameMemory(in, out); err != nil {
		t.Error(err)
	}
	if got := node(t, `console.log(WebAssembly.validate(require("fs").readFileSync(process.argv[1])))`, merged); got != "true\n" {
		t.Errorf("Node's WebAssembly.validate: %s", got)
	}
}

func TestRefused(t *testing.T) {
	mem := section{5, []byte{1, 0, 1}}
	for name, c := range map[string]struct {
		wasm []byte
		want string
	}{
		"not wasm":  {[]byte("\x7fELF\x02\x01\x01\x00"), "not a WebAssembly module"},
		"truncated": {handMade()[:40], "past the end"},
		"passive": {module(mem, section{sectionData, []byte{2, 1, 1, 'a', 0, opI32Const, 9, opEnd, 1, 'b'}}),
			"passive"},
		"global offset": {module(mem, section{sectionData, []byte{2, 0, opI32Const, 0, opEnd, 1, 'a', 0, 0x23, 0, opEnd, 1, 'b'}}),
			"not an i32.const"},
		"imported memory": {module(section{sectionImport, append(append(append([]byte{1, 3}, "env"...), 3), append([]byte("mem"), importMemory, 0, 1)...)},
			section{sectionData, dataOf(segment{0, []byte("a")}, segment{9, []byte("b")})}), "imports its memory"},
		"trailing bytes": {module(mem, section{sectionData, append(dataOf(segment{0, []byte("a")}, segment{9, []byte("b")}), 0)}), "after the data section"},
	} {
		_, err := merge(c.wasm)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: merge says %v, want an error saying %q", name, err, c.want)
		}
	}
}

// A module with one data segment or none is written back as it was.
func TestNothingToMerge(t *testing.T) {
	mem := section{5, []byte{1, 0, 1}}
	for _, in := range [][]byte{
		module(mem),
		module(mem, section{sectionData, dataOf(segment{8, []byte("only")})}),
	} {
		out, err := merge(in)
		if err != nil || !bytes.Equal(out, in) {
			t.Errorf("merge(%x) = %x, %v; want it unchanged", in, out, err)
		}
	}
}

func TestLEB128(t *testing.T) {
	for _, v := range []int32{0, 1, -1, 63, 64, -64, -65, 127, 128, 4096, 103970, 1<<31 - 1, -1 << 31} {
		r := &reader{b: appendI32(nil, v)}
		if got := r.i32(); got != v || r.err != nil || len(r.b) != 0 {
			t.Errorf("i32 %d: read back %d, %v, %d bytes left", v, got, r.err, len(r.b))
		}
		u := uint32(v)
		r = &reader{b: appendU32(nil, u)}
		if got := r.u32(); got != u || r.err != nil || len(r.b) != 0 {
			t.Errorf("u32 %d: read back %d, %v, %d bytes left", u, got, r.err, len(r.b))
		}
	}
	for _, b := range [][]byte{{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, {0xff, 0xff, 0xff, 0xff, 0x1f}} {
		r := &reader{b: b}
		if r.u32(); r.err == nil {
			t.Errorf("u32 % x: read without an error", b)
		}
	}
}

// node runs script (or, when script is empty, the file named first) with
// args and returns what it printed.
func node(t *testing.T, script string, args ...string) string {
	t.Helper()
	bin := testenv.LookPath(t, "node", "apt-get install nodejs")
	if script != "" {
		args = append([]string{"-e", script}, args...)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("node %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
