#!/usr/bin/env bash
# What Diagnose adds to app.wasm, package by package (BENCHMARKS.md, Rounds:
# "Diagnose (issue 25)"). Builds app.wasm as the Makefile's WASM_BUILD does
# (tools/goappwasm's go-app for the browser through -modfile, then
# tools/wasmdata), four times: as it is, then with one file added to main
# that calls capture, then capture and evidence, then all of Diagnose, each
# behind a condition the compiler cannot prove false so the linker keeps it.
# Prints raw and brotli sizes (quality 11, 16 MiB window, as the export
# writes app.wasm.br). DIAGNOSE_SIZE_GOPACKET=1 also builds gopacket's pcapgo
# and layers in capture's place (through a copy of the wasm go.mod, so the
# module's own is untouched; needs the module proxy).
# Heavy: run it under flock /tmp/sipcompose-heavy.lock. Needs brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
tmp=$(mktemp -d)
probe=main_diagnose_size_wasm.go
trap 'rm -rf "$tmp" "$probe"' EXIT

$GO run ./tools/goappwasm -out .cache/wasm >/dev/null
cp .cache/wasm/go.mod .cache/wasm/go.sum "$tmp/"

build() {
	GOOS=js GOARCH=wasm $GO build -modfile="$tmp/go.mod" -trimpath -ldflags='-s -w' -gcflags=all=-l -o "$tmp/$1.linked" .
	$GO run ./tools/wasmdata -o "$tmp/$1.wasm" "$tmp/$1.linked"
}
probe() { printf '//go:build wasm\n\npackage main\n\nimport (\n%s\n)\n\nfunc init() {\n\tif len(os.Args) > 1000 {\n%s\n\t}\n}\n' "$1" "$2" > "$probe"; }

# What the page's Diagnose panel calls: a capture fed in chunks, pasted
# text, the two put together, checked against the page's document.
readCapture='
	r := capture.NewReader()
	r.Write([]byte(os.Args[0]))
	println(r.Done())
	c := r.Close()'

rm -f "$probe"; build base
probe '"os"; "sipcompose/sipcompose/capture"' "$readCapture"'
	println(len(c.Messages), c.Format, len(c.Flows))'
build capture
probe '"os"; "sipcompose/sipcompose/capture"; "sipcompose/sipcompose/evidence"' "$readCapture"'
	ev := evidence.Read(evidence.Input{Name: "pasted", Data: []byte(os.Args[1])})
	ev.AddCapture("call.pcap", c)
	println(len(ev.Read), len(ev.Messages), ev.Readable())'
build evidence
probe '"os"; "sipcompose/sipcompose"; "sipcompose/sipcompose/capture"; "sipcompose/sipcompose/diagnose"; "sipcompose/sipcompose/evidence"' "$readCapture"'
	ev := evidence.Read(evidence.Input{Name: "pasted", Data: []byte(os.Args[1])})
	ev.AddCapture("call.pcap", c)
	rep := diagnose.Check(ev, &sipcompose.Document{})
	println(rep.Text(), len(rep.Findings))'
build diagnose
builds="base capture evidence diagnose"

if [ "${DIAGNOSE_SIZE_GOPACKET:-}" = 1 ]; then
	$GO get -modfile="$tmp/go.mod" github.com/google/gopacket@v1.1.19 >/dev/null 2>&1
	probe '"bytes"; "os"; "github.com/google/gopacket"; "github.com/google/gopacket/layers"; "github.com/google/gopacket/pcapgo"' '
	data := []byte(os.Args[0])
	var src *gopacket.PacketSource
	if rd, err := pcapgo.NewReader(bytes.NewReader(data)); err == nil {
		src = gopacket.NewPacketSource(rd, rd.LinkType())
	} else if ng, err := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.DefaultNgReaderOptions); err == nil {
		src = gopacket.NewPacketSource(ng, ng.LinkType())
	}
	for p := range src.Packets() {
		if u, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP); ok {
			println(len(u.Payload))
		}
		if t, ok := p.Layer(layers.LayerTypeTCP).(*layers.TCP); ok {
			println(t.Seq, len(t.Payload))
		}
	}'
	build gopacket
	builds="$builds gopacket"
fi

for v in $builds; do
	printf '%-9s raw %9d  brotli %8d\n' "$v" "$(stat -c %s "$tmp/$v.wasm")" "$(brotli -q 11 -w 24 -c "$tmp/$v.wasm" | wc -c)"
done
