// Command wasmdata merges a WebAssembly module's data segments into one.
// Go's linker writes the initial contents of memory as up to 100,000 data
// segments, leaving out every run of 8 or more zero bytes, and each segment
// costs a header of about 8 bytes that compresses badly: merged, with the
// zero runs written out (which brotli and gzip shrink to almost nothing),
// app.wasm is about 109 KB smaller as brotli. Nothing the program sees
// changes: a fresh memory is all zeros, so one segment holding the same
// bytes at the same offsets, zeros between, leaves memory as it was.
//
//	go run ./tools/wasmdata -o web/app.wasm .cache/app.linked.wasm
//
// It refuses a module it cannot merge safely (a passive segment, an offset
// that is not a constant, an imported memory), and before writing it checks
// that the merged module's memory image equals the original's byte for byte
// and that every other section is unchanged.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

func main() {
	out := flag.String("o", "", "the merged module's path")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmdata -o OUT.wasm IN.wasm")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmdata:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	wasm, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	merged, err := merge(wasm)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	// Written whole or not at all: make must not take a half-written
	// module for a built one.
	tmp, err := os.CreateTemp(filepath.Dir(out), ".wasmdata-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(merged); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// merge returns wasm with its data segments merged into one active segment
// from the lowest offset any of them writes to the highest, and a data
// count section, if there is one, saying 1. A module with one data segment
// or none comes back as it is.
func merge(wasm []byte) ([]byte, error) {
	sections, segs, err := read(wasm)
	if err != nil {
		return nil, err
	}
	if len(segs) <= 1 {
		return wasm, nil
	}
	start, image := memoryImage(segs)
	sections = slices.Clone(sections)
	for i, s := range sections {
		switch s.id {
		case sectionData:
			sections[i].body = dataSection(start, image)
		case sectionDataCount:
			sections[i].body = appendU32(nil, 1)
		}
	}
	merged := writeModule(sections)
	if err := sameMemory(wasm, merged); err != nil {
		return nil, fmt.Errorf("the merged module would not be the same program: %w", err)
	}
	return merged, nil
}

// read splits wasm into sections and reads its data segments, refusing a
// module whose memory is imported.
func read(wasm []byte) ([]section, []segment, error) {
	sections, err := readSections(wasm)
	if err != nil {
		return nil, nil, err
	}
	var segs []segment
	for _, s := range sections {
		switch s.id {
		case sectionImport:
			imported, err := importsMemory(s.body)
			if err != nil {
				return nil, nil, err
			}
			if imported {
				return nil, nil, errors.New("the module imports its memory, so bytes between segments are not known to be zero")
			}
		case sectionData:
			if segs, err = readData(s.body); err != nil {
				return nil, nil, err
			}
		}
	}
	return sections, segs, nil
}

// sameMemory reports how b differs from a as a program: in the memory
// image its data segments write, or in any section but the data and data
// count sections.
func sameMemory(a, b []byte) error {
	sa, da, err := read(a)
	if err != nil {
		return err
	}
	sb, db, err := read(b)
	if err != nil {
		return err
	}
	startA, imageA := memoryImage(da)
	startB, imageB := memoryImage(db)
	if startA != startB || !bytes.Equal(imageA, imageB) {
		return fmt.Errorf("the memory image differs (%d bytes at %d, then %d bytes at %d)", len(imageA), startA, len(imageB), startB)
	}
	other := func(s section) bool { return s.id == sectionData || s.id == sectionDataCount }
	sa, sb = slices.DeleteFunc(sa, other), slices.DeleteFunc(sb, other)
	if !slices.EqualFunc(sa, sb, func(x, y section) bool { return x.id == y.id && bytes.Equal(x.body, y.body) }) {
		return errors.New("a section other than the data differs")
	}
	return nil
}
