#!/usr/bin/env bash
# make soak: the long reliability runs of issue 6, on loopback only, bounded
# in time, writing RELIABILITY.md. SOAK_FUZZTIME (default 5m) per fuzz
# target, SOAK_DURATION (default 60s) of wrk at high concurrency.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FUZZTIME=${SOAK_FUZZTIME:-5m}
DURATION=${SOAK_DURATION:-60s}
OUT=${SOAK_FILE:-RELIABILITY.md}

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	else
		echo "sipcompose soak: install wrk (sudo apt-get install wrk)" >&2
		exit 1
	fi
fi
make --no-print-directory build >/dev/null
build_id=$(git describe --always 2>/dev/null || echo dev)
# The report left from an earlier run does not make the build dirty.
[ -z "$(git status --porcelain -- . ":!$OUT" 2>/dev/null)" ] || build_id+=-dirty
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

# 1. Fuzzing: every parser and Compose, each target in the package it tests
# (package:target). New crashers land in that package's testdata/fuzz/ and
# make the run fail.
fuzz_rows=""
for entry in sipcompose:FuzzCompose sipcompose:FuzzRoundTrip sipcompose/sipuri:FuzzParseURI \
	sipcompose/twiml:FuzzParse sipcompose/document:FuzzDecodeDocument sipcompose/audit:FuzzAudit; do
	pkg=${entry%%:*} target=${entry#*:}
	echo "fuzzing $target ($pkg) for $FUZZTIME" >&2
	if ! $GO test "./$pkg/" -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 200x > "$tmp/$target.txt" 2>&1; then
		cat "$tmp/$target.txt" >&2
		echo "sipcompose soak: $target found a failure (kept in $pkg/testdata/fuzz/$target)" >&2
		exit 1
	fi
	execs=$(grep -o 'execs: [0-9]*' "$tmp/$target.txt" | tail -1 | awk '{print $2}')
	interesting=$(grep -o 'total: [0-9]*' "$tmp/$target.txt" | tail -1 | awk '{print $2}')
	fuzz_rows+="| \`$target\` (\`$pkg\`) | $FUZZTIME | $execs | $interesting | 0 |"$'\n'
done
corpus=$(find sipcompose -path '*/testdata/fuzz/*' -type f | wc -l)

# 2. The server under load: wrk at high concurrency, memory sampled.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./bin/sipcompose serve -addr "127.0.0.1:$port" -quiet &
pid=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
rss_start=$(rss)
( while kill -0 "$pid" 2>/dev/null; do rss >> "$tmp/rss.txt"; sleep 5; done ) &
sampler=$!
wasm=/$(cd dist && find v -path '*/web/app.wasm')
load_rows=""
failed=""
for path in / "$wasm"; do
	# wrk's default 2 s timeout is for small responses: 256 clients each
	# fetching the 1.5 MB wasm move 400 MB per round on 2 cores shared with
	# wrk, and a browser waits far longer than 2 s for it. Measured with 30 s
	# of this run on a busy machine: 0 errors, slowest response 0.49 s, so
	# 10 s still flags a real stall.
	timeout=2s
	[ "$path" = "$wasm" ] && timeout=10s
	wrk -t2 -c256 -d"$DURATION" --timeout "$timeout" --latency -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$port$path" > "$tmp/wrk.txt"
	reqs=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
	rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
	errs=$(grep -E 'Non-2xx|Socket errors' "$tmp/wrk.txt" | tr -s ' ' | tr '\n' ' ' || true)
	load_rows+="| \`$path\` | 256 | $DURATION | $reqs | $rps | ${errs:-0} |"$'\n'
	if [ -n "$errs" ]; then failed+="errors under load on $path: $errs; "; fi
done
kill "$sampler" 2>/dev/null || true
rss_end=$(rss)
rss_max=$(sort -n "$tmp/rss.txt" | tail -1)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)

# 3. Slow clients: 500 slowloris connections must be cut off by the header
# timeout while normal requests go on being served.
SOAK_SLOW_CLIENTS=500 $GO test -count=1 -run TestSlowClientsAreCutOff ./static/ > "$tmp/slow.txt" 2>&1 && slow=PASS || { slow=FAIL; failed+="slow clients starved the server; "; cat "$tmp/slow.txt" >&2; }

cat > "$OUT" <<MD
# Reliability

Written by \`make soak\` (\`bench/soak.sh\`) on $(date -u +%Y-%m-%d), build $build_id,
on $(nproc) cores; rerun it to reproduce. All traffic stayed on loopback. The quick versions of every check
below run in \`make test\`.

## Fuzzing (\`go test -fuzz\`)

| target | time | executions | corpus entries | failures |
| --- | --- | ---: | ---: | ---: |
${fuzz_rows}
Properties checked: no panic; the TwiML is well-formed for both etree and encoding/xml; every composed URI
parses with github.com/emiago/sipgo and gives back the decoded header values; compose → parse → compose is
stable; a parsed URI reads back the same; the audit gives a verdict per required rule or refuses with a message.
Seed corpora kept in \`testdata/fuzz/\` of each target's package under \`sipcompose/\`: $corpus files.

## The server under load (wrk, \`Accept-Encoding: br, gzip\`; a response slower than 2 s for \`/\` or 10 s for app.wasm counts as an error)

| path | connections | time | requests | requests/s | errors |
| --- | ---: | --- | ---: | ---: | --- |
${load_rows}
Memory (RSS): $((rss_start / 1024)) MiB at the start, at most $((rss_max / 1024)) MiB during the runs, $((rss_end / 1024)) MiB at the end
(peak VmHWM $((hwm / 1024)) MiB).

## Slow clients

500 slowloris connections dribbling headers one byte every 200 ms: $slow (all cut off by the 5 s
ReadHeaderTimeout; a normal request was answered within a second while they were connected).

## Also checked in \`make test\`

- Bad input through the CLI (\`cli/testdata/badinput/\`: XML metacharacters and \`]]>\`, CR/LF and NUL, \`? & ; = %\`,
  100 KB values, invalid UTF-8, emoji and right-to-left text, 11 targets, an empty document, wrong JSON types,
  truncated and trailing JSON) and through the page (the browser's XML parser accepts every preview): valid
  output with diagnostics or one clear line, never a panic, never a header split into two.
- Oversized headers get 431; traversal attempts (\`/../\`, \`%2e%2e\`, absolute paths, NUL) and methods other than
  GET and HEAD are refused (static/ tests).
- The open page keeps working and reloads with the server stopped; a full or refused localStorage gives a notice
  and the page keeps composing; a clipboard refusal selects the text and says so.
- The SIP password never reaches localStorage, a share link, the URL, the server's log, the console or any
  request; the CSP blocks an injected inline script; the page requests nothing from another origin.
MD
echo "wrote $OUT" >&2
# The report is written either way, so a failure can be read there too.
if [ -n "$failed" ]; then
	echo "sipcompose soak: FAILED: $failed" >&2
	exit 1
fi
