// Package seeds embeds the default fact base — the articles (*.txt), their
// metadata (sources.yaml) and the curated facts (facts.yaml) in this folder —
// so that the binary answers with no files around it. The story lives in
// these data files; no Go code knows it.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt *.yaml
var files embed.FS

// FS returns the embedded facts folder.
func FS() fs.FS { return files }

// Dir is how the embedded folder is named in messages.
const Dir = "seeds"
