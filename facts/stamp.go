package facts

import (
	"io/fs"
	"time"
)

// fileStamp is what the file system says of a file without reading it:
// its size, mode and modification time and, where the platform tells
// (Unix), its inode, device and status-change time. Like git's index, a
// reload trusts an article whose stamp is unchanged since the previous
// load read it, and takes that load's hash and work instead of reading
// the file again: at twenty thousand articles, opening, reading and hashing
// them all is a good part of a reload.
type fileStamp struct {
	size  int64
	mode  fs.FileMode
	mtime int64    // nanoseconds since 1970: == compares it, as it would not a time.Time's location
	sys   sysStamp // zero where the platform says nothing more
}

// stampOf is fi's stamp; ok is false when the file system gives no
// modification time (fstest.MapFS files made without one, embed.FS), as
// then nothing would tell a changed file from the same one.
func stampOf(fi fs.FileInfo) (s fileStamp, ok bool) {
	if fi.ModTime().IsZero() {
		return fileStamp{}, false
	}
	return fileStamp{size: fi.Size(), mode: fi.Mode(), mtime: fi.ModTime().UnixNano(), sys: sysStampOf(fi)}, true
}

// racyWindow is how close to the start of a load a file's times may be
// for its stamp to be distrusted. A file system stores times at some
// granularity (a second or two on FAT and some network file systems, a
// kernel tick on Linux), so a file written just after the load read it can
// keep the modification time the load saw, and the same size: its stamp
// would say "unchanged" for ever. Git calls such an entry racy. A file
// changed after a load started has times at or after the start, less one
// granularity; so only a stamp whose times are older than that, by a
// margin for coarse or skewed clocks, proves that any later change shows.
const racyWindow = 3 * time.Second

// provesSame reports whether a file whose stamp is now s is, byte for
// byte, the file that had stamp was when a load that started at readAt
// read it (or trusted it): the stamps are the same and was is not racy.
func (was fileStamp) provesSame(s fileStamp, readAt time.Time) bool {
	if was != s || was.mtime == 0 || readAt.IsZero() {
		return false
	}
	before := readAt.Add(-racyWindow)
	return was.mtime < before.UnixNano() && was.sys.before(before)
}
