#!/usr/bin/python3
"""A disk that loses power: a FUSE file system over a backing directory in which every write
stays in memory (a page cache) until the file is fsynced; the line "interrompi" on standard
input is the power cut, which drops whatever was not synced yet, as a real disk's cache would
lose it.

A SIGKILL cannot test this: the killed process's writes are in the kernel's page cache and
reach the disk anyway. Here they do not, unless fsync made them durable. Metadata changes
(create, unlink, rename) are durable at once, as after a journaled file system's commit; only
file contents are volatile, which is what SQLite's `synchronous` setting is about.

Usage: volatile-fs.py <backing dir> <mount point>. Prints "montato" once mounted and
"interrotto" after a power cut; unmount with `umount <mount point>`.
Test rig only (tests/integration/store/power-cut.test.ts), built on Debian's python3-fusepy.
"""
import errno
import os
import sys
import threading

from fusepy import FUSE, FuseOSError, Operations


class Volatile(Operations):
    def __init__(self, root):
        self.root = root
        self.mutex = threading.RLock()
        # path -> [content as the cache holds it, dirty (start, end) ranges, size on disk]
        self.cache = {}

    def _real(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def _entry(self, path):
        entry = self.cache.get(path)
        if entry is None:
            with open(self._real(path), 'rb') as f:
                content = bytearray(f.read())
            entry = [content, [], len(content)]
            self.cache[path] = entry
        return entry

    def power_cut(self):
        with self.mutex:
            self.cache.clear()

    # Metadata: straight to the backing directory.
    def getattr(self, path, fh=None):
        try:
            st = os.lstat(self._real(path))
        except OSError as e:
            raise FuseOSError(e.errno)
        attrs = {k: getattr(st, k) for k in ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime', 'st_nlink', 'st_size', 'st_uid')}
        with self.mutex:
            if path in self.cache:
                attrs['st_size'] = len(self.cache[path][0])
        return attrs

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self._real(path))

    def access(self, path, amode):
        if not os.access(self._real(path), amode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        os.chmod(self._real(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self._real(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._real(path), times)

    def mkdir(self, path, mode):
        os.mkdir(self._real(path), mode)

    def rmdir(self, path):
        os.rmdir(self._real(path))

    def statfs(self, path):
        st = os.statvfs(self._real(path))
        return {k: getattr(st, k) for k in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def unlink(self, path):
        with self.mutex:
            os.unlink(self._real(path))
            self.cache.pop(path, None)

    def rename(self, old, new):
        with self.mutex:
            os.rename(self._real(old), self._real(new))
            if old in self.cache:
                self.cache[new] = self.cache.pop(old)
            else:
                self.cache.pop(new, None)

    def create(self, path, mode, fi=None):
        with self.mutex:
            os.close(os.open(self._real(path), os.O_WRONLY | os.O_CREAT, mode))
            return 0

    def open(self, path, flags):
        if not os.path.exists(self._real(path)):
            raise FuseOSError(errno.ENOENT)
        return 0

    # Contents: through the cache.
    def read(self, path, size, offset, fh):
        with self.mutex:
            return bytes(self._entry(path)[0][offset:offset + size])

    def write(self, path, data, offset, fh):
        with self.mutex:
            content, dirty, _ = self._entry(path)
            if len(content) < offset:
                content.extend(b'\0' * (offset - len(content)))
            content[offset:offset + len(data)] = data
            dirty.append((offset, offset + len(data)))
            return len(data)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            content, dirty, _ = self._entry(path)
            if length < len(content):
                del content[length:]
            else:
                dirty.append((len(content), length))
                content.extend(b'\0' * (length - len(content)))

    def fsync(self, path, datasync, fh):
        with self.mutex:
            entry = self.cache.get(path)
            if entry is None:
                return 0
            content, dirty, _ = entry
            fd = os.open(self._real(path), os.O_WRONLY)
            try:
                os.ftruncate(fd, len(content))
                for start, end in dirty:
                    if start < len(content):
                        os.pwrite(fd, bytes(content[start:min(end, len(content))]), start)
                os.fsync(fd)
            finally:
                os.close(fd)
            entry[1] = []
            entry[2] = len(content)
            return 0

    def fsyncdir(self, path, datasync, fh):
        return 0

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return 0


def main():
    if len(sys.argv) != 3:
        sys.exit('uso: volatile-fs.py <cartella> <punto di montaggio>')
    fs = Volatile(os.path.abspath(sys.argv[1]))

    # Commands on standard input, read by a thread: the FUSE loop holds the main thread in C,
    # where Python signal handlers never run.
    def commands():
        for line in sys.stdin:
            if line.strip() == 'interrompi':
                fs.power_cut()
                print('interrotto', flush=True)

    threading.Thread(target=commands, daemon=True).start()
    # Reported from a thread once the mount is visible: FUSE() blocks until unmounted.
    mountpoint = os.path.abspath(sys.argv[2])

    def announce():
        import time
        for _ in range(500):
            with open('/proc/self/mounts') as m:
                if any(line.split()[1] == mountpoint for line in m):
                    print('montato', flush=True)
                    return
            time.sleep(0.01)

    threading.Thread(target=announce, daemon=True).start()
    FUSE(fs, mountpoint, foreground=True, nothreads=False, allow_other=False, default_permissions=False)


if __name__ == '__main__':
    main()
