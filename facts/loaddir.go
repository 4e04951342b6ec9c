package facts

import (
	"fmt"
	"os"
	"strings"
)

// LoadDir loads the facts folder at dir on disk, as Load does. The folder
// is opened as an os.Root rather than an os.DirFS: the loader refuses
// symbolic links itself, and the root makes sure that even a file swapped
// for a link while the folder is read cannot lead outside it.
func LoadDir(dir string, o Options) (*Base, []Problem, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("facts folder: %w", err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("facts folder %s: not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("facts folder: %w", err)
	}
	defer root.Close()
	return LoadWith(root.FS(), strings.TrimRight(dir, "/"), o)
}
