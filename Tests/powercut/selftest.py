#!/usr/bin/python3
"""powercutfs's own tests: it loses exactly what was not synced, and SQLite's WAL works on it.

Usage (root): /usr/bin/python3 Tests/powercut/selftest.py
Prints one line per check and "powercutfs self-test: N passed, N failed"; exits 1 on a failure.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from mount import PYTHON, PowerCutMount, fsync_path, write_file

SQLITE_CHILD = """
import os, sqlite3, sys
db, mode = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, isolation_level=None)
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA synchronous = " + mode)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("CREATE TABLE t (x)")
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")   # the table is durable, in the database file
c.execute("INSERT INTO t VALUES (1)")
reader = sqlite3.connect(db, isolation_level=None)
print(reader.execute("SELECT x FROM t").fetchall(), flush=True)
os.kill(os.getpid(), 9)
"""

passed = failed = 0


def check(description, condition):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   - {description}")
    else:
        failed += 1
        print(f"FAIL - {description}")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main():
    work = tempfile.mkdtemp(prefix="powercutfs-selftest.")
    try:
        with PowerCutMount(work) as fs:
            m = fs.path
            p = lambda *names: os.path.join(m, *names)
            # Each case in its own folder, so one folder's fsync does not sync another case.
            cases = ["synced", "data-only", "name-only", "overwrite", "rename", "rename-synced",
                     "unlink", "unlink-synced", "move-dest", "move-both", "move-source", "mkdir"]
            for case in cases:
                os.mkdir(p(case))
                if case.startswith("move"):
                    os.mkdir(p(case, "from"))
                    os.mkdir(p(case, "to"))
            fsync_path(m)
            for case in cases:
                if case.startswith("move"):
                    fsync_path(p(case))
            # The writes and the syncs each case makes.
            write_file(p("synced", "f"), b"kept")                       # file fsync, folder fsync
            fsync_path(p("synced"))
            write_file(p("data-only", "f"), b"data synced, name not")   # file fsync only
            write_file(p("name-only", "f"), b"never fsynced", sync=False)  # folder fsync only
            fsync_path(p("name-only"))
            for case in ("overwrite", "rename", "rename-synced", "unlink", "unlink-synced"):
                write_file(p(case, "f"), case.encode())
                fsync_path(p(case))
            for case in ("move-dest", "move-both", "move-source"):
                write_file(p(case, "from", "f"), case.encode())
                fsync_path(p(case, "from"))
            with open(p("overwrite", "f"), "r+b") as f:
                f.write(b"NEW, never fsynced")
            os.rename(p("rename", "f"), p("rename", "g"))
            os.rename(p("rename-synced", "f"), p("rename-synced", "g"))
            fsync_path(p("rename-synced"))
            os.unlink(p("unlink", "f"))
            os.unlink(p("unlink-synced", "f"))
            fsync_path(p("unlink-synced"))
            for case in ("move-dest", "move-both", "move-source"):
                os.rename(p(case, "from", "f"), p(case, "to", "f"))
            fsync_path(p("move-dest", "to"))
            fsync_path(p("move-both", "to"))
            fsync_path(p("move-both", "from"))
            fsync_path(p("move-source", "from"))
            os.mkdir(p("mkdir", "sub"))
            write_file(p("mkdir", "sub", "f"), b"synced in a folder whose name is not")
            fsync_path(p("mkdir", "sub"))

            # The same view before the cut, to prove the writes really happened.
            check("before the cut: the unsynced overwrite is visible", read(p("overwrite", "f")) == b"NEW, never fsynced")
            check("before the cut: the unsynced rename is visible", read(p("rename", "g")) == b"rename")
            check("before the cut: the unsynced unlink is visible", read(p("unlink", "f")) is None)

            fs.cut()

            check("file fsync + folder fsync: kept", read(p("synced", "f")) == b"kept")
            check("file fsynced, folder not: the name is gone", read(p("data-only", "f")) is None)
            check("name synced, data never fsynced: the file is empty", read(p("name-only", "f")) == b"")
            check("overwrite without fsync: the old content is back", read(p("overwrite", "f")) == b"overwrite")
            check("rename without folder fsync: undone",
                  read(p("rename", "f")) == b"rename" and read(p("rename", "g")) is None)
            check("rename with folder fsync: kept",
                  read(p("rename-synced", "g")) == b"rename-synced" and read(p("rename-synced", "f")) is None)
            check("unlink without folder fsync: the file is back", read(p("unlink", "f")) == b"unlink")
            check("unlink with folder fsync: gone", read(p("unlink-synced", "f")) is None)
            check("move between folders, only the destination synced: in both",
                  read(p("move-dest", "from", "f")) == b"move-dest" and read(p("move-dest", "to", "f")) == b"move-dest")
            check("move between folders, both synced: only in the destination",
                  read(p("move-both", "from", "f")) is None and read(p("move-both", "to", "f")) == b"move-both")
            check("move between folders, only the source synced: in neither (so fsync the destination first)",
                  read(p("move-source", "from", "f")) is None and read(p("move-source", "to", "f")) is None)
            check("a folder whose name was not synced: gone with its synced contents",
                  not os.path.exists(p("mkdir", "sub")))

            # SQLite in WAL mode (mmap of -shm, POSIX locks) and what `synchronous` means: a
            # child commits one row (a second connection reads it through -shm) and is killed
            # -9 with the connections open, so nothing is checkpointed; then the cut.
            for mode, expected in (("NORMAL", []), ("FULL", [(1,)])):
                db = p(f"wal-{mode}.sqlite")
                child = subprocess.run([PYTHON, "-c", SQLITE_CHILD, db, mode], capture_output=True, text=True)
                check(f"WAL ({mode}): a second connection saw the commit through -shm before the cut",
                      child.returncode == -9 and child.stdout.strip() == "[(1,)]")
                fs.cut()
                c = sqlite3.connect(db, isolation_level=None)
                check(f"WAL ({mode}): integrity_check ok after the cut",
                      c.execute("PRAGMA integrity_check").fetchall() == [("ok",)])
                check(f"WAL ({mode}) commit after a cut: {'kept' if expected else 'lost (the log is not fsynced at commit)'}",
                      c.execute("SELECT x FROM t").fetchall() == expected)
                c.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"powercutfs self-test: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
