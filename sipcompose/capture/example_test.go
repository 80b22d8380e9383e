package capture_test

import (
	"bytes"
	"fmt"
	"io"

	"sipcompose/sipcompose/capture"
)

// A capture is fed in chunks, as a browser reads a file slice by slice,
// and Done says how far it has got.
func ExampleReader() {
	// A pcap file with no packets: its 24-byte header alone.
	file := []byte("\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x01\x00\x00\x00")
	r := capture.NewReader()
	if _, err := io.CopyBuffer(r, bytes.NewReader(file), make([]byte, 10)); err != nil {
		fmt.Println(err)
	}
	fmt.Println(r.Done(), "bytes read")
	c := r.Close()
	fmt.Println(c.Format, c.Packets, "packets")
	// Output:
	// 24 bytes read
	// pcap 0 packets
}
