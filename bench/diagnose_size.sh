#!/usr/bin/env bash
# What Diagnose would add to app.wasm, and what gopacket would instead
# (BENCHMARKS.md, Rounds: "Diagnose (issue 25)"). Builds app.wasm four
# times as the Makefile does, each with one file added to main that calls
# the code behind a condition the compiler cannot prove false, and prints
# raw and brotli (quality 11, 16 MiB window) sizes. gopacket is brought in
# through a copy of go.mod (-modfile), so the module's own is untouched.
# Heavy: run it under flock /tmp/sipcompose-heavy.lock. Needs brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
tmp=$(mktemp -d)
probe=main_diagnose_size_wasm.go
trap 'rm -rf "$tmp" "$probe"' EXIT
cp go.mod "$tmp/go.mod"; cp go.sum "$tmp/go.sum"
$GO get -modfile="$tmp/go.mod" github.com/google/gopacket@v1.1.19 >/dev/null 2>&1

build() { GOOS=js GOARCH=wasm $GO build -modfile="$tmp/go.mod" -trimpath -ldflags='-s -w' -gcflags=all=-l -o "$tmp/$1.wasm" .; }
probe() { printf '//go:build wasm\n\npackage main\n\nimport (\n%s\n)\n\nfunc init() {\n\tif len(os.Args) > 1000 {\n%s\n\t}\n}\n' "$1" "$2" > "$probe"; }

rm -f "$probe"; build base
probe '"os"; "sipcompose/sipcompose/capture"' '
	r := capture.NewReader()
	r.Write([]byte(os.Args[0]))
	c := r.Close()
	println(len(c.Messages), c.Format, len(c.Flows))'
build capture
probe '"os"; "sipcompose/sipcompose"; "sipcompose/sipcompose/capture"; "sipcompose/sipcompose/diagnose"; "sipcompose/sipcompose/evidence"' '
	r := capture.NewReader()
	r.Write([]byte(os.Args[0]))
	ev := evidence.Read(evidence.Input{Name: "pasted", Data: []byte(os.Args[1])})
	ev.AddCapture("call.pcap", r.Close())
	rep := diagnose.Check(ev, &sipcompose.Document{})
	println(rep.Text(), len(rep.Findings))'
build diagnose
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
for v in base capture diagnose gopacket; do
	printf '%-9s raw %9d  brotli %8d\n' "$v" "$(stat -c %s "$tmp/$v.wasm")" "$(brotli -q 11 -w 24 -c "$tmp/$v.wasm" | wc -c)"
done
