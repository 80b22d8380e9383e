package sipcompose

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sipcompose/internal/testenv"
	"sipcompose/sipcompose/codegen"
)

// nodeHarness runs each program in a function of its own with a console
// and a process that record, and a recorder for twilio-node's httpClient
// option, then lets its promises settle.
const nodeHarness = `
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const results = [];
  for (const p of input) {
    const out = [], err = [], requests = [];
    const recorder = {
      request: async (opts) => {
        const form = [];
        for (const [k, v] of Object.entries(opts.data || {})) {
          for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined) form.push([k, String(x)]);
        }
        requests.push(form);
        return { statusCode: 201, body: JSON.stringify({ sid: "CA" + requests.length }), headers: {} };
      },
    };
    const fakeConsole = { log: (...a) => out.push(a.join(" ")), error: (...a) => err.push(a.join(" ")) };
    const fakeProcess = { env: p.env, exitCode: undefined };
    try {
      new Function("require", "console", "process", "recorder", p.src)(require, fakeConsole, fakeProcess, recorder);
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    } catch (e) {
      err.push(String((e && e.stack) || e));
    }
    if (fakeProcess.exitCode) err.push("exit code " + fakeProcess.exitCode);
    results.push({ out: out.join("\n"), err: err.join("\n"), requests });
  }
  process.stdout.write(JSON.stringify(results));
})();
`

func TestCodeNodeLibrary(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Unavailable(t, "sipcompose: the twilio-node tests need Node.js: apt-get install nodejs")
	}
	modules := os.Getenv("SIPCOMPOSE_NODE_PATH")
	if modules == "" {
		modules, _ = filepath.Abs("../.cache/npm/node_modules")
	}
	if _, err := os.Stat(filepath.Join(modules, "twilio", "package.json")); err != nil {
		testenv.Unavailable(t, "sipcompose: npm twilio is missing: run make test (it installs it into .cache/npm)")
	}
	script := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(script, []byte(nodeHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	checkCodeLib(t, codegen.LangNode,
		withClient(codegen.NodeClientLine, strings.TrimSuffix(codegen.NodeClientLine, ");")+", { httpClient: recorder });"),
		func(t *testing.T, runs []codeRun) []codeOut {
			cmd := exec.Command(node, script)
			cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
			return runHarness(t, cmd, runs)
		})
}

// pythonHarness runs each program with exec, its output captured, its
// environment its own, and a recorder for twilio-python's http_client.
const pythonHarness = `
import contextlib, io, json, os, sys, traceback
from twilio.http import HttpClient
from twilio.http.response import Response

class Recorder(HttpClient):
    def __init__(self):
        self.requests = []

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        form = []
        for k, v in (data or {}).items():
            for x in v if isinstance(v, list) else [v]:
                form.append([k, str(x)])
        self.requests.append(form)
        return Response(201, json.dumps({"sid": "CA%d" % len(self.requests)}))

results = []
saved = dict(os.environ)
for p in json.load(sys.stdin):
    rec, out, err = Recorder(), io.StringIO(), ""
    os.environ.clear()
    os.environ.update(p["env"])
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(p["src"], "<program>", "exec"), {"__name__": "__main__", "recorder": rec})
    except BaseException:
        err = traceback.format_exc()
    os.environ.clear()
    os.environ.update(saved)
    results.append({"out": out.getvalue(), "err": err, "requests": rec.requests})
json.dump(results, sys.stdout)
`

// debianPython is Debian's python3, which has python3-twilio; the first
// python3 on PATH may be another build without it.
const debianPython = "/usr/bin/python3"

func TestCodePythonLibrary(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "import twilio.rest, twilio.twiml.voice_response").Run(); err != nil {
		testenv.Unavailable(t, "sipcompose: the twilio-python tests need Debian's python3-twilio: apt-get install python3-twilio")
	}
	checkCodeLib(t, codegen.LangPython,
		withClient(codegen.PythonClientLine, strings.TrimSuffix(codegen.PythonClientLine, ")")+", http_client=recorder)"),
		func(t *testing.T, runs []codeRun) []codeOut {
			return runHarness(t, exec.Command(debianPython, "-c", pythonHarness), runs)
		})
}

// TestCodeGoLibrary builds the programs with twilio-go inside this module,
// which requires it: each program becomes a file of one harness package,
// its main renamed mainN, which runs them in turn with their own
// environment and standard output and with http.DefaultTransport (which
// twilio-go's default client uses) replaced by a recorder. One package
// a batch, because compiling against twilio-go's REST packages is slow.
func TestCodeGoLibrary(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		testenv.Unavailable(t, "sipcompose: the twilio-go tests need the go command")
	}
	// A leading _ keeps the directory out of ./... patterns.
	root, err := os.MkdirTemp("..", "_codetest")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	n := 0
	checkCodeLib(t, codegen.LangGo, func(src string) string { return src }, func(t *testing.T, runs []codeRun) []codeOut {
		n++
		dir := filepath.Join(root, fmt.Sprintf("run%d", n))
		var calls strings.Builder
		for i, r := range runs {
			if strings.Count(r.Src, "func main() {\n") != 1 {
				t.Fatalf("program %d lacks one func main:\n%s", i, r.Src)
			}
			src := strings.NewReplacer("func main() {\n", fmt.Sprintf("func main%d() {\n", i),
				"mustGetenv", fmt.Sprintf("mustGetenv%d", i)).Replace(r.Src)
			writeFile(t, filepath.Join(dir, fmt.Sprintf("prog%d.go", i)), src)
			fmt.Fprintf(&calls, "\t\tmain%d,\n", i)
		}
		writeFile(t, filepath.Join(dir, "harness.go"), strings.Replace(goHarness, "CALLS", calls.String(), 1))
		cmd := exec.Command(goTool, "run", "./"+filepath.Base(root)+"/"+filepath.Base(dir))
		cmd.Dir = ".."
		return runHarness(t, cmd, runs)
	})
}

const goHarness = `package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type recorder struct{ requests [][][]string }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	form := [][]string{}
	pairs := strings.Split(string(body), "&")
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		form = append(form, []string{k, v})
	}
	r.requests = append(r.requests, form)
	return &http.Response{
		StatusCode: 201, Header: http.Header{"Content-Type": {"application/json"}}, Request: req,
		Body: io.NopCloser(strings.NewReader(fmt.Sprintf("{\"sid\":\"CA%d\"}", len(r.requests)))),
	}, nil
}

type result struct {
	Out      string       ` + "`json:\"out\"`" + `
	Err      string       ` + "`json:\"err\"`" + `
	Requests [][][]string ` + "`json:\"requests\"`" + `
}

func main() {
	var runs []struct{ Env map[string]string }
	if err := json.NewDecoder(os.Stdin).Decode(&runs); err != nil {
		panic(err)
	}
	mains := []func(){
CALLS	}
	stdout := os.Stdout
	var results []result
	for i, run := range mains {
		rec := &recorder{}
		http.DefaultTransport = rec
		os.Clearenv()
		for k, v := range runs[i].Env {
			os.Setenv(k, v)
		}
		f, err := os.CreateTemp("", "out")
		if err != nil {
			panic(err)
		}
		os.Stdout = f
		run()
		os.Stdout = stdout
		out, _ := os.ReadFile(f.Name())
		f.Close()
		os.Remove(f.Name())
		results = append(results, result{Out: string(out), Requests: rec.requests})
	}
	json.NewEncoder(stdout).Encode(results)
}
`

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
