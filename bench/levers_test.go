//go:build bench && !wasm

package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"sipcompose/browsertest"
)

// TestNetworkLevers compares exports of the same app side by side on the
// office link (BENCH_LINK=loopback: on loopback), to keep only the start-up
// changes that help: set BENCH_SITES=name=dir,name=dir (each dir an export). Loads alternate
// between the sites so a burst of load on the shared machine hits them
// alike. Not part of make bench, which measures the one build.
func TestNetworkLevers(t *testing.T) {
	spec := os.Getenv("BENCH_SITES")
	if spec == "" {
		t.Skip("BENCH_SITES is not set")
	}
	type site struct {
		name, dir                 string
		cold, form, warm, coldFCP []float64
		wasmStart, wasmEnd        []float64 // the page's app.wasm fetch, cold
		compiled, warmCompile     []float64 // instantiated (cold); compile time (warm)
		bytes                     []float64
		warmSession               *browsertest.Session
	}
	var sites []*site
	for _, kv := range strings.Split(spec, ",") {
		name, dir, _ := strings.Cut(kv, "=")
		sites = append(sites, &site{name: name, dir: dir})
	}
	l := office
	if os.Getenv("BENCH_LINK") == "loopback" {
		l = loopback
	}
	open := func(st *site) *browsertest.Session {
		t.Setenv("SIPCOMPOSE_SITE", st.dir)
		return netSession(t, l)
	}
	for i := 0; i < networkLoads; i++ {
		for _, st := range sites {
			s := open(st)
			lt := interactive(t, s)
			pt := paintOf(t, s)
			st.cold = append(st.cold, lt.Interactive)
			st.form = append(st.form, pt.visible())
			st.coldFCP = append(st.coldFCP, pt.FCP)
			st.compiled = append(st.compiled, lt.CompileEnd)
			var fs []fetched
			if err := json.Unmarshal([]byte(s.Eval(waterfallJS)), &fs); err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if strings.HasSuffix(f.Name, "/app.wasm") && f.Bytes > 0 {
					st.wasmStart = append(st.wasmStart, f.Start)
					st.wasmEnd = append(st.wasmEnd, f.End)
				}
			}
			s.WaitServiceWorker()
			n, _ := servedBytes(s)
			st.bytes = append(st.bytes, n)
			s.Browser.Close()
		}
	}
	for _, st := range sites {
		s := open(st)
		interactive(t, s)
		s.WaitServiceWorker()
		interactive(t, s)
		st.warmSession = s
	}
	for i := 0; i < networkLoads; i++ {
		for _, st := range sites {
			lt := interactive(t, st.warmSession)
			st.warm = append(st.warm, lt.Interactive)
			st.warmCompile = append(st.warmCompile, lt.CompileEnd-lt.CompileStart)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| site | cold FCP | form visible | app.wasm requested | app.wasm arrived | instantiated | usable | range | warm: fetch + compile | warm usable | range | cold bytes |\n")
	fmt.Fprintf(&b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |\n")
	for _, st := range sites {
		fmt.Fprintf(&b, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %.0f | %.0f | %s | %.0f |\n", st.name, median(st.coldFCP), median(st.form),
			median(st.wasmStart), median(st.wasmEnd), median(st.compiled), median(st.cold), spread(st.cold),
			median(st.warmCompile), median(st.warm), spread(st.warm), median(st.bytes))
	}
	t.Logf("%s link:\n%s", l.name, b.String())
}
