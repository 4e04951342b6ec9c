package bot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/commands"
)

// writeArticle adds an article to a facts folder.
func writeArticle(t testing.TB, dir, id, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// beforeHandling makes b call hook with the command's name before it
// handles each request: to hold a handler back, slow it or make it panic.
func beforeHandling(b *Bot, hook func(command string)) {
	next := b.handle
	b.handle = func(req commands.Request) (commands.Answer, error) {
		hook(req.Command)
		return next(req)
	}
}
