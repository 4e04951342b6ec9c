package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// specFile is Discord's OpenAPI description, beside the repository. When it
// is not there, payloads are checked against the plain Go limits only.
const specFile = "../../shared/discord-api-spec/openapi.json"

// apiSpec validates request bodies against the spec's request-body schema
// of the matching operation, compiling each schema on first use.
type apiSpec struct {
	paths map[string]map[string]any // template -> method -> operation

	mu       sync.Mutex
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
}

// loadSpec is shared by the tests of this package: compiling the spec takes
// a second or two, and the result is only read afterwards.
var loadSpec = sync.OnceValues(func() (*apiSpec, error) {
	f, err := os.Open(specFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", specFile, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("file:///openapi.json", doc); err != nil {
		return nil, err
	}
	paths := map[string]map[string]any{}
	for tmpl, item := range doc.(map[string]any)["paths"].(map[string]any) {
		ops := map[string]any{}
		for m, op := range item.(map[string]any) {
			ops[strings.ToUpper(m)] = op
		}
		paths[tmpl] = ops
	}
	return &apiSpec{paths: paths, compiler: c, schemas: map[string]*jsonschema.Schema{}}, nil
})

// match finds the path template for a concrete path: same number of
// segments, each literal or a {parameter}; the most literal match wins.
func (s *apiSpec) match(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	best, bestLit := "", -1
	for tmpl := range s.paths {
		ts := strings.Split(strings.Trim(tmpl, "/"), "/")
		if len(ts) != len(segs) {
			continue
		}
		lit := 0
		ok := true
		for i, t := range ts {
			switch {
			case strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"):
			case t == segs[i]:
				lit++
			default:
				ok = false
			}
		}
		if ok && lit > bestLit {
			best, bestLit = tmpl, lit
		}
	}
	return best
}

// validate checks one request body against its operation's schema.
func (s *apiSpec) validate(method, path string, body []byte) error {
	tmpl := s.match(path)
	if tmpl == "" {
		return fmt.Errorf("%s %s: no such path in the spec", method, path)
	}
	if _, ok := s.paths[tmpl][method]; !ok {
		return fmt.Errorf("%s %s: no such operation in the spec", method, tmpl)
	}
	if len(body) == 0 {
		return nil
	}
	s.mu.Lock()
	key := method + " " + tmpl
	sch, ok := s.schemas[key]
	if !ok {
		esc := strings.NewReplacer("~", "~0", "/", "~1")
		ptr := "file:///openapi.json#/paths/" + esc.Replace(tmpl) + "/" + strings.ToLower(method) + "/requestBody/content/application~1json/schema"
		var err error
		if sch, err = s.compiler.Compile(ptr); err != nil {
			s.mu.Unlock()
			return fmt.Errorf("compiling the schema of %s: %w", key, err)
		}
		s.schemas[key] = sch
	}
	s.mu.Unlock()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(knownDifferences(body)))
	if err != nil {
		return fmt.Errorf("%s %s: body is not JSON: %w", method, path, err)
	}
	if err := sch.Validate(v); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	return nil
}

// knownDifferences allows, explicitly, the one way discordgo departs from
// the spec: it sends default_member_permissions as a string of digits
// (which Discord accepts) where the spec says integer.
func knownDifferences(body []byte) []byte {
	var cmds []map[string]any
	if json.Unmarshal(body, &cmds) != nil {
		return body
	}
	for _, c := range cmds {
		if s, ok := c["default_member_permissions"].(string); ok {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				c["default_member_permissions"] = n
			}
		}
	}
	out, err := json.Marshal(cmds)
	if err != nil {
		return body
	}
	return out
}

// checkPayload checks a request the fake received: always against the
// plain Go limits, and against the OpenAPI spec when it is present.
func checkPayload(t testing.TB, method, path string, body []byte) {
	t.Helper()
	var err error
	switch {
	case strings.HasSuffix(path, "/callback"):
		err = checkCallback(body)
	case strings.HasPrefix(path, "/webhooks/") && len(body) > 0, strings.HasPrefix(path, "/channels/"):
		err = checkMessage(body)
	case strings.HasPrefix(path, "/applications/"):
		err = checkCommands(body)
	}
	if err != nil {
		t.Errorf("%s %s breaks a Discord limit: %v\n%s", method, path, err, body)
	}
	spec, err := loadSpec()
	if err != nil {
		t.Fatalf("loading the OpenAPI spec: %v", err)
	}
	if spec == nil {
		return
	}
	if err := spec.validate(method, path, body); err != nil {
		t.Errorf("not valid against Discord's OpenAPI spec: %v\n%s", err, body)
	}
}
