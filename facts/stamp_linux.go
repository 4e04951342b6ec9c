//go:build linux

package facts

import (
	"io/fs"
	"syscall"
	"time"
)

// sysStamp is the part of a file's stamp Linux gives besides size and
// times: the inode and device tell a file replaced by another (an editor's
// save by rename, rsync) even with the same size and modification time, and
// the status-change time moves at every write and cannot be set back, as a
// modification time can (touch -d, cp -p, tar).
type sysStamp struct {
	dev, ino uint64
	ctime    int64 // nanoseconds since 1970
}

func sysStampOf(fi fs.FileInfo) sysStamp {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return sysStamp{}
	}
	sec, nsec := st.Ctim.Unix()
	return sysStamp{dev: uint64(st.Dev), ino: uint64(st.Ino), ctime: sec*1e9 + nsec}
}

// before reports whether the status change was before t (true when it is
// unknown: the modification time is then all there is).
func (s sysStamp) before(t time.Time) bool {
	return s.ctime == 0 || s.ctime < t.UnixNano()
}
