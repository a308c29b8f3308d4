#!/usr/bin/python3
"""powercutfs: a FUSE file system for tests that keeps only what was fsynced across a "power cut".

Usage: /usr/bin/python3 powercutfs.py STATE_FILE MOUNTPOINT
  Mounts an in-memory file system at MOUNTPOINT (foreground; run it in the background). Its
  durable state is loaded from STATE_FILE when it exists. On unmount (`umount MOUNTPOINT`) it
  writes ONLY the durable state back to STATE_FILE and exits: unmounting after kill -9 of every
  writer is a power cut, and mounting again is the reboot.

The model (the minimum POSIX promises, in the style of LazyFS):
  - A regular file's bytes (content and size) are durable only as of its last fsync(2) or
    fdatasync(2). A file never fsynced comes back empty (if its name survives at all).
  - A folder's entries (create, mkdir, link, unlink, rename in or out, symlink) are durable only
    as of the folder's last fsync(2). A rename between folders is two changes: the entry added
    to the destination and the entry removed from the source, each durable with its own folder.
    A file whose name is in no durable folder after the cut is gone.
  - Everything not synced is dropped at the cut, all of it (the worst case a disk may give).
  - Simplifications: permissions, owners and times are kept as set (they do not depend on a
    sync); symbolic links' targets are durable with their entry.
SQLite works on it: files are cached by the kernel (no direct_io), so the -shm file can be
mmap(2)ed shared and writable, and POSIX locks are handled by the kernel.

Run with Debian's python3-fusepy (module `fusepy`, libfuse 2) as root.
"""
import errno
import os
import pickle
import stat
import sys
import time

TRACE = os.environ.get("POWERCUTFS_TRACE") == "1"


def trace(*what):
    if TRACE:
        print(time.strftime("%H:%M:%S"), *what, flush=True)

try:
    from fusepy import FUSE, FuseOSError, Operations
except ImportError:  # fusepy from PyPI names its module `fuse`
    from fuse import FUSE, FuseOSError, Operations


class Node:
    __slots__ = ("ino", "mode", "uid", "gid", "nlink", "data", "synced", "entries", "durable",
                 "target", "atime", "mtime", "ctime")

    def __init__(self, ino, mode, uid=0, gid=0):
        now = time.time_ns()
        self.ino, self.mode, self.uid, self.gid = ino, mode, uid, gid
        self.nlink = 0
        self.data = bytearray() if stat.S_ISREG(mode) else None
        self.synced = b""                    # file bytes as of the last fsync
        self.entries = {} if stat.S_ISDIR(mode) else None   # name -> Node (now)
        self.durable = {}                    # folder: name -> ino as of the last fsync
        self.target = None
        self.atime = self.mtime = self.ctime = now

    @property
    def is_dir(self):
        return stat.S_ISDIR(self.mode)


class PowerCutFS(Operations):
    use_ns = True
    flag_nullpath_ok = 1     # reads and writes on open files whose name was removed

    def __init__(self, state_file):
        self.state_file = state_file
        self.nodes = {}
        self.handles = {}
        self.next_fh = 1
        self.stats = {"fsync": 0, "fsyncdir": 0}
        if os.path.exists(state_file):
            self._load()
        else:
            self.next_ino = 2
            self.root = Node(1, stat.S_IFDIR | 0o755)
            self.root.nlink = 2
            self.nodes[1] = self.root

    # ---- durable state --------------------------------------------------------------------
    def _load(self):
        with open(self.state_file, "rb") as f:
            saved = pickle.load(f)
        self.next_ino = saved["next_ino"]
        for ino, (mode, uid, gid, payload, times) in saved["nodes"].items():
            node = Node(ino, mode, uid, gid)
            node.atime, node.mtime, node.ctime = times
            if stat.S_ISREG(mode):
                node.synced = payload
                node.data = bytearray(payload)
            elif stat.S_ISDIR(mode):
                node.durable = dict(payload)
            else:
                node.target = payload
            self.nodes[ino] = node
        for node in self.nodes.values():
            if node.is_dir:
                node.entries = {name: self.nodes[ino] for name, ino in node.durable.items()}
                node.nlink += 2
                for child in node.entries.values():
                    child.nlink += 1 if not child.is_dir else 0
                    if child.is_dir:
                        node.nlink += 1
        self.root = self.nodes[1]

    def _save(self):
        """Only what is durable: the folders' synced entries, reachable from the root."""
        keep, todo = {}, [1]
        while todo:
            ino = todo.pop()
            if ino in keep:
                continue
            node = self.nodes[ino]
            if node.is_dir:
                payload = dict(node.durable)
                todo.extend(payload.values())
            elif stat.S_ISREG(node.mode):
                payload = bytes(node.synced)
            else:
                payload = node.target
            keep[ino] = (node.mode, node.uid, node.gid, payload, (node.atime, node.mtime, node.ctime))
        tmp = self.state_file + ".tmp"
        with open(tmp, "wb") as f:
            pickle.dump({"next_ino": self.next_ino, "nodes": keep}, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.state_file)

    def destroy(self, path):
        self._save()

    # ---- helpers --------------------------------------------------------------------------
    def _lookup(self, path):
        node = self.root
        for part in path.split("/"):
            if not part:
                continue
            if not node.is_dir:
                raise FuseOSError(errno.ENOTDIR)
            node = node.entries.get(part)
            if node is None:
                raise FuseOSError(errno.ENOENT)
        return node

    def _parent(self, path):
        head, name = path.rstrip("/").rsplit("/", 1)
        parent = self._lookup(head or "/")
        if not parent.is_dir:
            raise FuseOSError(errno.ENOTDIR)
        return parent, name

    def _new(self, mode):
        ctx_uid, ctx_gid, _ = fuse_context()
        node = Node(self.next_ino, mode, ctx_uid, ctx_gid)
        self.nodes[node.ino] = node
        self.next_ino += 1
        return node

    def _node(self, path, fh):
        if fh and fh in self.handles:
            return self.handles[fh]
        if path is None:
            raise FuseOSError(errno.EBADF)
        return self._lookup(path)

    def _touch(self, node):
        node.mtime = node.ctime = time.time_ns()

    def _drop_link(self, node):
        node.nlink -= 1
        node.ctime = time.time_ns()

    # ---- attributes -----------------------------------------------------------------------
    def getattr(self, path, fh=None):
        node = self._node(path, fh)
        if node.is_dir:
            size = 4096
        elif node.data is not None:
            size = len(node.data)
        else:
            size = len(node.target or b"")
        return {"st_ino": node.ino, "st_mode": node.mode, "st_nlink": max(node.nlink, 0),
                "st_uid": node.uid, "st_gid": node.gid, "st_size": size,
                "st_blocks": (size + 511) // 512, "st_blksize": 4096,
                "st_atime": node.atime, "st_mtime": node.mtime, "st_ctime": node.ctime}

    def chmod(self, path, mode):
        node = self._lookup(path)
        node.mode = stat.S_IFMT(node.mode) | (mode & 0o7777)
        node.ctime = time.time_ns()

    def chown(self, path, uid, gid):
        node = self._lookup(path)
        if uid != -1:
            node.uid = uid
        if gid != -1:
            node.gid = gid
        node.ctime = time.time_ns()

    def utimens(self, path, times=None):
        node = self._lookup(path)
        now = time.time_ns()
        node.atime, node.mtime = times if times else (now, now)

    def access(self, path, amode):
        self._lookup(path)

    def statfs(self, path):
        return {"f_bsize": 4096, "f_frsize": 4096, "f_blocks": 1 << 22, "f_bfree": 1 << 21,
                "f_bavail": 1 << 21, "f_files": 1 << 20, "f_ffree": 1 << 19, "f_namemax": 255}

    # ---- folders --------------------------------------------------------------------------
    def readdir(self, path, fh):
        node = self._lookup(path)
        return [".", ".."] + list(node.entries.keys())

    def mkdir(self, path, mode):
        parent, name = self._parent(path)
        if name in parent.entries:
            raise FuseOSError(errno.EEXIST)
        node = self._new(stat.S_IFDIR | (mode & 0o7777))
        node.nlink = 2
        parent.entries[name] = node
        parent.nlink += 1
        self._touch(parent)

    def rmdir(self, path):
        parent, name = self._parent(path)
        node = parent.entries.get(name)
        if node is None:
            raise FuseOSError(errno.ENOENT)
        if not node.is_dir:
            raise FuseOSError(errno.ENOTDIR)
        if node.entries:
            raise FuseOSError(errno.ENOTEMPTY)
        del parent.entries[name]
        parent.nlink -= 1
        node.nlink = 0
        self._touch(parent)

    def fsyncdir(self, path, datasync, fh):
        node = self._lookup(path) if path is not None else None
        if node is None or not node.is_dir:
            raise FuseOSError(errno.EBADF)
        node.durable = {name: child.ino for name, child in node.entries.items()}
        self.stats["fsyncdir"] += 1
        trace("fsyncdir", path, node.durable)

    # ---- names ----------------------------------------------------------------------------
    def create(self, path, mode, fi=None):
        trace("create", path)
        parent, name = self._parent(path)
        node = parent.entries.get(name)
        if node is None:
            node = self._new(stat.S_IFREG | (mode & 0o7777))
            node.nlink = 1
            parent.entries[name] = node
            self._touch(parent)
        return self._open_handle(node)

    def mknod(self, path, mode, dev):
        parent, name = self._parent(path)
        if name in parent.entries:
            raise FuseOSError(errno.EEXIST)
        if not stat.S_ISREG(mode):
            raise FuseOSError(errno.EPERM)
        node = self._new(mode)
        node.nlink = 1
        parent.entries[name] = node
        self._touch(parent)

    def symlink(self, target, source):
        parent, name = self._parent(target)
        if name in parent.entries:
            raise FuseOSError(errno.EEXIST)
        node = self._new(stat.S_IFLNK | 0o777)
        node.target = source
        node.nlink = 1
        parent.entries[name] = node
        self._touch(parent)

    def readlink(self, path):
        node = self._lookup(path)
        if node.target is None:
            raise FuseOSError(errno.EINVAL)
        return node.target

    def link(self, target, source):
        node = self._lookup(source)
        if node.is_dir:
            raise FuseOSError(errno.EPERM)
        parent, name = self._parent(target)
        if name in parent.entries:
            raise FuseOSError(errno.EEXIST)
        parent.entries[name] = node
        node.nlink += 1
        node.ctime = time.time_ns()
        self._touch(parent)

    def unlink(self, path):
        trace("unlink", path)
        parent, name = self._parent(path)
        node = parent.entries.get(name)
        if node is None:
            raise FuseOSError(errno.ENOENT)
        if node.is_dir:
            raise FuseOSError(errno.EISDIR)
        del parent.entries[name]
        self._drop_link(node)
        self._touch(parent)

    def rename(self, old, new):
        source_parent, source_name = self._parent(old)
        node = source_parent.entries.get(source_name)
        if node is None:
            raise FuseOSError(errno.ENOENT)
        dest_parent, dest_name = self._parent(new)
        existing = dest_parent.entries.get(dest_name)
        if existing is node:
            return
        if existing is not None:
            if existing.is_dir:
                if not node.is_dir:
                    raise FuseOSError(errno.EISDIR)
                if existing.entries:
                    raise FuseOSError(errno.ENOTEMPTY)
                dest_parent.nlink -= 1
                existing.nlink = 0
            elif node.is_dir:
                raise FuseOSError(errno.ENOTDIR)
            else:
                self._drop_link(existing)
        if node.is_dir:
            probe = dest_parent
            # No folder into itself: walk up is impossible without parent links; check down.
            stack = [node]
            while stack:
                folder = stack.pop()
                if folder is dest_parent:
                    raise FuseOSError(errno.EINVAL)
                stack.extend(child for child in folder.entries.values() if child.is_dir)
            source_parent.nlink -= 1
            dest_parent.nlink += 1
        del source_parent.entries[source_name]
        dest_parent.entries[dest_name] = node
        node.ctime = time.time_ns()
        self._touch(source_parent)
        self._touch(dest_parent)

    # ---- file contents --------------------------------------------------------------------
    def _open_handle(self, node):
        fh = self.next_fh
        self.next_fh += 1
        self.handles[fh] = node
        return fh

    def open(self, path, flags):
        node = self._lookup(path)
        if node.is_dir:
            raise FuseOSError(errno.EISDIR)
        return self._open_handle(node)

    def release(self, path, fh):
        self.handles.pop(fh, None)

    def flush(self, path, fh):
        pass

    def read(self, path, size, offset, fh):
        node = self._node(path, fh)
        return bytes(node.data[offset:offset + size])

    def write(self, path, data, offset, fh):
        node = self._node(path, fh)
        end = offset + len(data)
        if len(node.data) < offset:
            node.data.extend(b"\0" * (offset - len(node.data)))
        node.data[offset:end] = data
        self._touch(node)
        return len(data)

    def truncate(self, path, length, fh=None):
        node = self._node(path, fh)
        trace("truncate", path, node.ino, length)
        if node.data is None:
            raise FuseOSError(errno.EISDIR)
        if length < len(node.data):
            del node.data[length:]
        else:
            node.data.extend(b"\0" * (length - len(node.data)))
        self._touch(node)

    def fsync(self, path, datasync, fh):
        node = self._node(path, fh)
        if node.data is not None:
            node.synced = bytes(node.data)
        self.stats["fsync"] += 1
        trace("fsync", path, node.ino, len(node.synced))


def fuse_context():
    try:
        from fusepy import fuse_get_context
    except ImportError:
        from fuse import fuse_get_context
    return fuse_get_context()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    state_file, mountpoint = sys.argv[1], sys.argv[2]
    # Single-threaded: the model needs no locks. Kernel page cache on (mmap for SQLite's -shm);
    # hard_remove: an unlinked open file keeps working without a hidden rename.
    FUSE(PowerCutFS(os.path.abspath(state_file)), mountpoint, foreground=True, nothreads=True,
         allow_other=True, hard_remove=True, big_writes=True, fsname="powercutfs",
         use_ino=True, attr_timeout=0, entry_timeout=0, negative_timeout=0)


if __name__ == "__main__":
    main()
