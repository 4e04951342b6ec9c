//go:build !unix

package facts

import "io/fs"

// linkCount is unknown here: the platform gives no link count.
func linkCount(fs.FileInfo) (uint64, bool) { return 0, false }
