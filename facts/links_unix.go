//go:build unix

package facts

import (
	"io/fs"
	"syscall"
)

// linkCount returns how many directory entries name the file, when the
// file system says (files of os.DirFS on Unix do; embedded ones do not).
func linkCount(fi fs.FileInfo) (uint64, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Nlink), true
}
