# sipcompose: `make run` builds and serves the app, `make test` checks it all.
# Every target installs what a fresh machine lacks (Go modules; Chromium for
# the browser tests) or says in one line what to install.

GO       ?= go
ADDR     ?= 127.0.0.1:8000
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo dev)
WASM     := web/app.wasm
DIAGNOSE_WASM := web/diagnose.wasm
SITE     := dist
BIN      := bin/sipcompose
CHROMIUM ?= /usr/bin/chromium

# The one place that builds the PWA's WebAssembly; reuse it, don't copy it.
# It links against go-app as tools/goappwasm prepares it, without what only
# a server runs (go-app's Handler with net/http and crypto/tls, regexp
# routes, AES, uuid's hashes: docs/development.md, "app.wasm's size"), then
# tools/wasmdata merges the linker's data segments into one; together with
# the page's own trims, 1.69 MB brotli became 1.08 MB (BENCHMARKS.md).
# -gcflags=all=-l (no inlining) makes the raw wasm larger but its brotli
# form 8% smaller (1.77 MB vs 1.92 MB at quality 9, measured 2026-11-25),
# which is what a visitor downloads; see BENCHMARKS.md.
WASM_MODS   := .cache/wasm
WASM_LINKED := $(WASM_MODS)/app.wasm
WASM_BUILD = $(GO) run ./tools/goappwasm -out $(WASM_MODS) && \
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_MODS)/go.mod -trimpath -ldflags='-s -w' -gcflags=all=-l -o $(WASM_LINKED) . && \
	$(GO) run ./tools/wasmdata -o $(WASM) $(WASM_LINKED)
# Diagnose's engine, a program of its own that the page runs in a Web
# Worker only when Diagnose is used (docs/diagnose.md, "The Diagnose
# worker"): the same flags and data-segment merge as app.wasm, with the
# project's own go.mod (it has no go-app in it to trim).
DIAGNOSE_LINKED := $(WASM_MODS)/diagnose.wasm
DIAGNOSE_BUILD = GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -gcflags=all=-l -o $(DIAGNOSE_LINKED) ./diagnoseworker && \
	$(GO) run ./tools/wasmdata -o $(DIAGNOSE_WASM) $(DIAGNOSE_LINKED)
LDFLAGS    = -s -w -X sipcompose/cli.version=$(VERSION)

GO_SRC  := $(shell find . -name '*.go' -not -name '*_test.go' -not -path './dist/*' -not -path './.cache/*' 2>/dev/null) go.mod go.sum
WEB_SRC := $(shell find web -type f -not -name 'app.wasm*' -not -name 'diagnose.wasm*' 2>/dev/null)
# go-app's replacement files, their manifest and the wasm build's uuid module.
THIRD_PARTY := $(shell find third_party -type f 2>/dev/null)
STAMP   := .cache/version

AXE      := .cache/npm/node_modules/axe-core/axe.min.js
TWILIO_NODE := .cache/npm/node_modules/twilio/package.json
# Debian's python3 has python3-twilio; the first python3 on PATH may not.
DEBIAN_PYTHON := /usr/bin/python3

.PHONY: all build run test bench soak export screenshot clean deps chromium firewall netns sip-tools python-twilio check-go

all: build

check-go:
	@command -v $(GO) >/dev/null 2>&1 || { echo "sipcompose: Go is missing: install Go 1.26 from https://go.dev/dl/" >&2; exit 1; }

deps: check-go
	@$(GO) mod download

# Rewritten only when the build id changes, so a new commit re-exports the
# site (new service-worker version) and an unchanged tree does not.
$(STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@

.PHONY: FORCE
FORCE:

$(WASM): $(GO_SRC) $(THIRD_PARTY) | deps
	$(WASM_BUILD)

$(DIAGNOSE_WASM): $(GO_SRC) | deps
	@mkdir -p $(WASM_MODS)
	$(DIAGNOSE_BUILD)

# The export is made by a plain build (which reads web/), then built into
# the final binary with -tags embedsite.
$(SITE)/index.html: $(WASM) $(DIAGNOSE_WASM) $(WEB_SRC) $(GO_SRC) $(STAMP) | deps
	$(GO) run -trimpath -ldflags='$(LDFLAGS)' . export -out $(SITE) -web web

$(BIN): $(SITE)/index.html $(GO_SRC) $(STAMP) | deps
	$(GO) build -trimpath -tags embedsite -ldflags='$(LDFLAGS)' -o $(BIN) .

build: $(BIN)

run: build
	./$(BIN) serve -addr $(ADDR)

export: build
	@echo "static site in $(SITE)/ (see docs/hosting.md)"

chromium:
	@[ -x $(CHROMIUM) ] || command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	  else echo "sipcompose: the browser tests need Chromium: run 'sudo apt-get install chromium'" >&2; exit 1; fi; }

# The firewall tests load rules with Debian's iptables and nftables inside
# a network namespace of their own (unshare, from util-linux).
firewall:
	@PATH="$$PATH:/usr/sbin:/sbin"; command -v iptables-restore >/dev/null 2>&1 && command -v nft >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y iptables nftables; \
	  else echo "sipcompose: the firewall tests need iptables and nftables: run 'sudo apt-get install iptables nftables'" >&2; exit 1; fi; }

# The probe's tests (and testenv.Enter's) run in a network namespace of
# their own: unshare (util-linux) makes it, ip (iproute2) sets it up.
netns:
	@PATH="$$PATH:/usr/sbin:/sbin"; command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y util-linux iproute2; \
	  else echo "sipcompose: the SIP tests need unshare and ip: run 'sudo apt-get install util-linux iproute2'" >&2; exit 1; fi; }

# The Diagnose tests play real SIP traffic inside a network namespace of
# their own: SIPp (Debian's sip-tester), tcpdump and kamailio.
sip-tools:
	@PATH="$$PATH:/usr/sbin:/sbin"; command -v sipp >/dev/null 2>&1 && command -v tcpdump >/dev/null 2>&1 && command -v kamailio >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y sip-tester tcpdump kamailio; \
	  else echo "sipcompose: the Diagnose tests need SIPp, tcpdump and kamailio: run 'sudo apt-get install sip-tester tcpdump kamailio'" >&2; exit 1; fi; }

# axe-core checks the page's accessibility in the browser tests.
$(AXE):
	@command -v npm >/dev/null 2>&1 || { echo "sipcompose: the accessibility test needs npm: install Node.js (apt-get install npm)" >&2; exit 1; }
	npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4

# The Code panel's programs run in the tests with the real helper
# libraries: twilio-node from npm, Debian's python3-twilio, and twilio-go
# (a module this one requires).
$(TWILIO_NODE):
	@command -v npm >/dev/null 2>&1 || { echo "sipcompose: the twilio-node tests need npm: install Node.js (apt-get install npm)" >&2; exit 1; }
	npm install --silent --no-audit --no-fund --prefix .cache/npm twilio@5

python-twilio:
	@$(DEBIAN_PYTHON) -c 'import twilio' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y python3-twilio; \
	  else echo "sipcompose: the twilio-python tests need Debian's python3-twilio: run 'sudo apt-get install python3-twilio'" >&2; exit 1; fi; }

test: build chromium firewall netns sip-tools $(AXE) $(TWILIO_NODE) python-twilio
	@out="$$(gofmt -l $$(find . -name '*.go' -not -path './dist/*' -not -path './.cache/*'))"; \
	  if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	SIPCOMPOSE_SITE=$(CURDIR)/$(SITE) SIPCOMPOSE_AXE=$(CURDIR)/$(AXE) SIPCOMPOSE_NODE_PATH=$(CURDIR)/.cache/npm/node_modules \
	  SIPCOMPOSE_WASM=$(CURDIR)/$(WASM) SIPCOMPOSE_WASM_LINKED=$(CURDIR)/$(WASM_LINKED) $(GO) test ./...

# Rewrites docs/screenshot-{desktop,375}{,-dark}.png from the
# running app (README's pictures).
screenshot: build chromium
	UPDATE_SCREENSHOTS=1 SIPCOMPOSE_SITE=$(CURDIR)/$(SITE) $(GO) test -count=1 -run '^TestScreenshots$$' ./e2e/

# Measures size, load, typing, native compose and serving against peers
# and writes BENCHMARKS.md (bench/run.sh); installs wrk and nginx if needed.
bench: build chromium
	GO=$(GO) bash bench/run.sh

# The long reliability runs (fuzzing 5 min per target, load, slow clients);
# writes RELIABILITY.md. About 25 minutes.
soak: build
	GO=$(GO) bash bench/soak.sh

clean:
	rm -rf bin $(SITE) $(WASM) $(WASM).br $(WASM).gz $(DIAGNOSE_WASM) .cache
