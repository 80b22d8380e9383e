package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
)

// The WebAssembly binary format, as far as merging data segments needs it
// (https://webassembly.github.io/spec/core/binary/modules.html): a header,
// then sections, each an id byte, its size as an unsigned LEB128 and its
// body.
const (
	sectionImport    = 2
	sectionData      = 11
	sectionDataCount = 12

	importMemory = 0x02 // an import's kind byte for a memory
	opI32Const   = 0x41
	opEnd        = 0x0b
)

var header = []byte("\x00asm\x01\x00\x00\x00")

type section struct {
	id   byte
	body []byte
}

// segment is an active data segment of memory 0: data is copied to offset
// when the module is instantiated.
type segment struct {
	offset uint32
	data   []byte
}

// reader reads the binary format's integers and vectors from b, keeping
// the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail("unexpected end of the module")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes(n uint32) []byte {
	if uint64(n) > uint64(len(r.b)) {
		r.fail("a length of %d runs past the end of the module", n)
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

// leb reads a LEB128 of at most 5 bytes, sign-extended when signed.
func (r *reader) leb(signed bool) int64 {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if signed && c&0x40 != 0 {
				v |= -1 << (shift + 7) // the sign bit, extended
			}
			return v
		}
	}
	r.fail("an integer longer than 5 bytes")
	return 0
}

// u32 reads an unsigned LEB128 of at most 32 bits.
func (r *reader) u32() uint32 {
	v := r.leb(false)
	if v > math.MaxUint32 {
		r.fail("an unsigned integer over 32 bits")
	}
	return uint32(v)
}

// i32 reads a signed LEB128 of at most 32 bits.
func (r *reader) i32() int32 {
	v := r.leb(true)
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail("a signed integer over 32 bits")
	}
	return int32(v)
}

func (r *reader) name() string { return string(r.bytes(r.u32())) }

// readSections splits a module into its sections, bodies unread.
func readSections(wasm []byte) ([]section, error) {
	if !bytes.HasPrefix(wasm, header) {
		return nil, errors.New("not a WebAssembly module of version 1")
	}
	r := &reader{b: wasm[len(header):]}
	var sections []section
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		body := r.bytes(r.u32())
		sections = append(sections, section{id, body})
	}
	return sections, r.err
}

// readData reads a data section's segments. Only active segments of memory
// 0 at a constant offset can be merged, which is all Go's linker writes; a
// passive segment (which memory.init names by its index) or an offset read
// from a global is refused.
func readData(body []byte) ([]segment, error) {
	r := &reader{b: body}
	n := r.u32()
	var segs []segment
	for i := uint32(0); i < n && r.err == nil; i++ {
		switch flags := r.u32(); flags {
		case 0:
		case 2:
			if mem := r.u32(); mem != 0 {
				r.fail("data segment %d is for memory %d", i, mem)
			}
		default:
			r.fail("data segment %d is passive (flags %d): its index may be used by memory.init", i, flags)
		}
		if op := r.byte(); op != opI32Const {
			r.fail("data segment %d's offset is not an i32.const (opcode 0x%02x)", i, op)
		}
		offset := uint32(r.i32())
		if op := r.byte(); op != opEnd {
			r.fail("data segment %d's offset is more than one i32.const", i)
		}
		data := r.bytes(r.u32())
		if uint64(offset)+uint64(len(data)) > 1<<32 {
			r.fail("data segment %d ends past 4 GiB", i)
		}
		segs = append(segs, segment{offset, data})
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d bytes after the data section's last segment", len(r.b))
	}
	return segs, r.err
}

// importsMemory reports whether an import section imports a memory, whose
// contents the instantiating code may have set: then a byte that no segment
// writes is not known to be zero.
func importsMemory(body []byte) (bool, error) {
	r := &reader{b: body}
	n := r.u32()
	for i := uint32(0); i < n && r.err == nil; i++ {
		r.name()
		r.name()
		switch kind := r.byte(); kind {
		case 0x00: // a function: its type index
			r.u32()
		case 0x01: // a table: its element type and limits
			r.byte()
			limits(r)
		case importMemory:
			return true, r.err
		case 0x03: // a global: its value type and mutability
			r.byte()
			r.byte()
		case 0x04: // a tag (exception handling): attribute and type index
			r.byte()
			r.u32()
		default:
			r.fail("import %d has an unknown kind 0x%02x", i, kind)
		}
	}
	return false, r.err
}

func limits(r *reader) {
	if flags := r.byte(); flags&1 != 0 {
		r.u32()
	}
	r.u32()
}

// memoryImage is what a module's data segments write into its memory when
// it is instantiated: the bytes from start on, each segment applied at its
// offset in order (a later one overwrites an earlier one), zero where none
// writes. A module without data has an empty image.
func memoryImage(segs []segment) (start uint32, image []byte) {
	if len(segs) == 0 {
		return 0, nil
	}
	start, end := segs[0].offset, uint64(0)
	for _, s := range segs {
		start = min(start, s.offset)
		end = max(end, uint64(s.offset)+uint64(len(s.data)))
	}
	image = make([]byte, end-uint64(start))
	for _, s := range segs {
		copy(image[s.offset-start:], s.data)
	}
	return start, image
}

// appendU32 appends v as an unsigned LEB128.
func appendU32(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// appendI32 appends v as a signed LEB128.
func appendI32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// dataSection is the body of a data section of one active segment that
// writes image at start.
func dataSection(start uint32, image []byte) []byte {
	b := appendU32(nil, 1)
	b = appendU32(b, 0) // active, memory 0
	b = append(b, opI32Const)
	b = appendI32(b, int32(start))
	b = append(b, opEnd)
	b = appendU32(b, uint32(len(image)))
	return append(b, image...)
}

func writeModule(sections []section) []byte {
	out := append([]byte{}, header...)
	for _, s := range sections {
		out = append(out, s.id)
		out = appendU32(out, uint32(len(s.body)))
		out = append(out, s.body...)
	}
	return out
}
