package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"testing/fstest"
)

// storyFiles are two small stories written for the tests of a bot that
// briefs on several stories: each has a person whose surname is also a
// person's of the other, so that a story's answers can be told apart.
//
//go:embed testdata/stories
var storyFiles embed.FS

// StoryNames are the test stories Story serves, besides the seeds.
func StoryNames() []string { return []string{"harbour", "budget"} }

// Story returns the facts folder of a test story.
func Story(name string) (fs.FS, error) {
	sub, err := fs.Sub(storyFiles, path.Join("testdata/stories", name))
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, "sources.yaml"); err != nil {
		return nil, fmt.Errorf("no test story %q: %w", name, err)
	}
	return sub, nil
}

// CopyStory writes a test story's folder into dir, for tests that need it
// on disk (to edit, break or reload).
func CopyStory(name, dir string) error {
	sub, err := Story(name)
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, sub); err != nil {
		return fmt.Errorf("copying test story %s to %s: %w", name, dir, err)
	}
	return nil
}

// BBCSection returns the articles of one section of the BBC corpus
// ("politics", "tech") as a facts folder in memory, with no metadata: a
// story of a few hundred articles. ok is false when the corpus is absent.
func BBCSection(section string) (fsys fs.FS, ok bool, err error) {
	arts, ok, err := BBCArticles()
	if !ok || err != nil {
		return nil, ok, err
	}
	folder := fstest.MapFS{}
	for _, a := range arts {
		if dir, file := path.Split(a.Name); dir == section+"/" {
			folder[file] = &fstest.MapFile{Data: []byte(a.Text)}
		}
	}
	if len(folder) == 0 {
		return nil, true, fmt.Errorf("no BBC section %q", section)
	}
	return folder, true, nil
}
