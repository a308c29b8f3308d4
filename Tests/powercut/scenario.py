#!/usr/bin/python3
"""The power-cut scenario (docs/RELIABILITY.md, scenario 7): the daemon on powercutfs, power cut
at random moments while bulletins arrive; every bulletin must be accounted for exactly once.

Usage (root): /usr/bin/python3 Tests/powercut/scenario.py PATH/TO/bulletind
Environment: POWERCUT_BULLETINS (300), POWERCUT_CUTS (50), POWERCUT_SEED (1), POWERCUT_KEEP=1
(keep the scratch folder), POWERCUT_PRECREATE=1 (create the archive's day folders, quarantine
and summaries durably before the daemon starts, to look at the order of commit and moves alone).

The inbox, archive, quarantine, summaries and database all live on one powercutfs mount.
Bulletins are dropped the safe way (hidden name, fsync, rename, fsync of the inbox), some of
them duplicates of earlier ones and some that must be quarantined (binary with NUL bytes). Each
cut: kill -9 the daemon at a random moment, drop everything not fsynced (unmount), mount again,
check (integrity_check, the full-text index's integrity-check, every archived file stored,
every quarantined file with its reason, the summary whole), restart the daemon. At the end the
inbox is drained and every dropped file must be found exactly once: archived and stored, or
quarantined with its reason. Prints the figures and "powercut: N passed, N failed".

Runs the daemon as root: nothing in it depends on permissions (the mount is root's).
"""
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Tests", "stress"))
from tool import bulletin  # noqa: E402  (the stress suite's invented bulletins)
from mount import PowerCutMount, fsync_path  # noqa: E402

BULLETINS = int(os.environ.get("POWERCUT_BULLETINS", "300"))
CUTS = int(os.environ.get("POWERCUT_CUTS", "50"))
SEED = int(os.environ.get("POWERCUT_SEED", "1"))

passed = failed = 0


def check(description, condition):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   - {description}", flush=True)
    else:
        failed += 1
        print(f"FAIL - {description}", flush=True)


def sha(data):
    return hashlib.sha256(data).hexdigest()


class Scenario:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.fs = PowerCutMount(os.path.join(work, "fs"))
        self.rng = random.Random(SEED)
        self.daemon = None
        self.dropped = []            # (name, kind, hash) of every file whose drop completed
        self.problems = []           # one line per problem found after a cut
        self.archived_not_stored = {}  # name -> first cut it was seen at
        self.summary_checks = 0
        self.cuts_in_flight = 0      # cuts that found dropped files still waiting in the inbox

    # ---- paths ---------------------------------------------------------------------------
    def p(self, *parts):
        return os.path.join(self.fs.path, *parts)

    @property
    def database(self):
        return self.p("state", "bulletind.sqlite")

    def write_config(self):
        self.config = os.path.join(self.work, "bulletind.toml")
        with open(self.config, "w") as f:
            f.write(f'''inbox = "{self.p("inbox")}"
archive = "{self.p("state", "archive")}"
quarantine = "{self.p("state", "quarantine")}"
database = "{self.database}"
summaries = "{self.p("state", "summaries")}"
rules = "{REPO}/Config/topics.toml"
time_zone = "UTC"
rescan_interval = 2
summary_debounce = 0.3
''')

    # ---- the bulletins -------------------------------------------------------------------
    def plan(self):
        """(name, kind, bytes) for every file to drop: mostly new bulletins, some copies of an
        earlier one under another name, some files that must be quarantined."""
        files, originals = [], []
        for i in range(1, BULLETINS + 1):
            roll = self.rng.random()
            if roll < 0.08 and originals:
                files.append((f"copy-{i:05d}.txt", "duplicate", self.rng.choice(originals)))
            elif roll < 0.16:
                junk = bytes(self.rng.randrange(256) for _ in range(200)) + b"\0\0" + str(i).encode()
                files.append((f"junk-{i:05d}.txt", "quarantine", junk))
            else:
                data = bulletin("cut", i, 2).encode()
                originals.append(data)
                files.append((f"cut-{i:05d}.txt", "stored", data))
        return files

    def drop(self, name, kind, data):
        """The safe way: hidden name, write, fsync, rename, fsync of the inbox."""
        hidden = self.p("inbox", f".{name}.part")
        fd = os.open(hidden, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(hidden, self.p("inbox", name))
        fsync_path(self.p("inbox"))
        self.dropped.append((name, kind, sha(data)))

    # ---- the daemon ----------------------------------------------------------------------
    def start(self):
        self.log = os.path.join(self.work, "daemon.log")
        with open(self.log, "ab") as log:
            self.log_offset = log.tell()
            self.daemon = subprocess.Popen([self.binary, "run", "--config", self.config],
                                           stdout=log, stderr=subprocess.STDOUT, cwd=self.work)

    def wait_ready(self):
        """Until the daemon logs that it watches the inbox (generous deadline; no assertion)."""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and self.daemon.poll() is None:
            with open(self.log, "rb") as f:
                f.seek(self.log_offset)
                if b"watching " in f.read():
                    return True
            time.sleep(0.05)
        return False

    def kill(self):
        if self.daemon is not None:
            self.daemon.send_signal(signal.SIGKILL)
            self.daemon.wait()
            self.daemon = None

    def stop(self):
        if self.daemon is not None:
            self.daemon.send_signal(signal.SIGTERM)
            self.daemon.wait(timeout=300)
            self.daemon = None

    # ---- what is on the disk ---------------------------------------------------------------
    def files_in(self, folder, skip_sidecars=False):
        found = {}
        root = self.p(folder)
        for here, _, names in os.walk(root):
            for name in names:
                if skip_sidecars and name.endswith(".error"):
                    continue
                if name.startswith("."):
                    continue          # hidden: a drop in progress or an atomic write's temp file
                path = os.path.join(here, name)
                with open(path, "rb") as f:
                    found.setdefault(sha(f.read()), []).append(os.path.relpath(path, self.fs.path))
        return found

    def stored(self):
        """content hash -> filed, from the database; runs both integrity checks."""
        if not os.path.exists(self.database):
            return {}, "ok", "ok"
        con = sqlite3.connect(self.database, timeout=60, isolation_level=None)
        try:
            integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
            try:
                con.execute("INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)")
                fts = "ok"
            except sqlite3.DatabaseError as error:   # no table yet: nothing durable to check
                fts = "ok" if "no such table" in str(error) else str(error)
            rows = dict(con.execute("SELECT content_hash, filed FROM bulletin").fetchall()) \
                if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'bulletin'").fetchone() else {}
        finally:
            con.close()
        return rows, integrity, fts

    def check_after_cut(self, cut):
        """What must hold after every cut, before the daemon runs again."""
        rows, integrity, fts = self.stored()
        if integrity != "ok":
            self.problems.append(f"cut {cut}: integrity_check: {integrity}")
        if fts != "ok":
            self.problems.append(f"cut {cut}: full-text integrity-check: {fts}")
        archived = self.files_in(os.path.join("state", "archive"))
        for digest, paths in archived.items():
            if digest not in rows:
                for path in paths:
                    if path not in self.archived_not_stored:
                        self.archived_not_stored[path] = cut
        if os.environ.get("POWERCUT_VERBOSE") == "1":
            print(f"# cut {cut}: dropped {len(self.dropped)}, stored {len(rows)}, "
                  f"archived {sum(len(v) for v in archived.values())}, "
                  f"archived but not stored {len(self.archived_not_stored)}", flush=True)
        for digest, paths in self.files_in(os.path.join("state", "quarantine"), skip_sidecars=True).items():
            for path in paths:
                if not self.reason(path):
                    self.problems.append(f"cut {cut}: {path} quarantined without its reason")
        self.check_summary(cut)
        if self.files_in("inbox"):
            self.cuts_in_flight += 1

    def log_count(self, needle):
        with open(self.log, "rb") as f:
            return f.read().count(needle)

    def reason(self, path):
        try:
            with open(self.p(path + ".error")) as f:
                return next((line[len("reason: "):].strip() for line in f if line.startswith("reason: ")), "")
        except FileNotFoundError:
            return ""

    def check_summary(self, cut):
        folder = self.p("state", "summaries")
        if not os.path.isdir(folder):
            return
        for name in os.listdir(folder):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                data = f.read()
            self.summary_checks += 1
            if name.endswith(".json"):
                try:
                    summary = json.loads(data)
                    whole = isinstance(summary, dict) and data.endswith(b"\n") or data.endswith(b"}")
                except ValueError:
                    whole = False
            elif name.endswith(".html"):
                # The day and week pages and index.html: a whole page, start to end.
                whole = data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")
            else:
                whole = data.startswith(b"#") and data.endswith(b"\n")
            if not whole:
                self.problems.append(f"cut {cut}: summary {name} empty or torn ({len(data)} bytes)")

    # ---- the run ---------------------------------------------------------------------------
    def run(self):
        files = self.plan()
        self.fs.mount()
        # The inbox and the state folder exist, durably, before the daemon starts (the admin's
        # or systemd-tmpfiles' doing); the daemon creates everything inside the state folder.
        os.makedirs(self.p("inbox"))
        os.makedirs(self.p("state"))
        fsync_path(self.fs.path)
        if os.environ.get("POWERCUT_PRECREATE") == "1":
            # Also the folders the daemon would create (to look at the order of commit and
            # moves alone, on a daemon that does not make its new folders durable).
            now = time.time()
            for day in (now, now + 86400):
                parts = time.strftime("%Y/%m/%d", time.gmtime(day)).split("/")
                for depth in range(len(parts) + 1):
                    os.makedirs(self.p("state", "archive", *parts[:depth]), exist_ok=True)
                    fsync_path(self.p("state", "archive", *parts[:depth]))
            for folder in ("quarantine", "summaries"):
                os.makedirs(self.p("state", folder))
            fsync_path(self.p("state"))
        self.write_config()
        self.start()
        # The files are spread over the cuts in chunks of random size. Each round: once the
        # daemon watches the inbox (one round in ten: at once, to cut during start-up), a chunk
        # is dropped quickly (so batches build up), then the power is cut after a random delay
        # (0 to 1.5 s; one in four at once).
        bounds = sorted(self.rng.randint(0, len(files)) for _ in range(CUTS - 1))
        chunks = [b - a for a, b in zip([0] + bounds, bounds + [len(files)])]
        next_file = 0
        for cut in range(1, CUTS + 1):
            if self.rng.random() >= 0.1:
                self.wait_ready()
            count = chunks[cut - 1]
            for name, kind, data in files[next_file:next_file + count]:
                self.drop(name, kind, data)
                if self.rng.random() < 0.3:
                    time.sleep(self.rng.uniform(0, 0.02))
            next_file += count
            time.sleep(0 if self.rng.random() < 0.25 else self.rng.uniform(0, 1.5))
            self.kill()
            self.fs.cut()
            self.check_after_cut(cut)
            self.start()
            if cut % 10 == 0:
                print(f"# cut {cut}: dropped {len(self.dropped)}, archived but not stored so far "
                      f"{len(self.archived_not_stored)}", flush=True)
        for name, kind, data in files[next_file:]:
            self.drop(name, kind, data)
        # Drain: wait (generously) until the inbox holds no visible file and the daemon is idle.
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            if not [n for n in os.listdir(self.p("inbox")) if not n.startswith(".")]:
                break
            time.sleep(0.5)
        time.sleep(3)
        self.stop()
        self.fs.cut()         # one more cut after a clean stop: what was done must stay done
        self.check_after_cut(CUTS + 1)
        self.account()
        self.fs.unmount()

    def account(self):
        rows, integrity, fts = self.stored()
        archive = self.files_in(os.path.join("state", "archive"))
        quarantine = self.files_in(os.path.join("state", "quarantine"), skip_sidecars=True)
        inbox = self.files_in("inbox")
        expected = {}
        kinds = {}
        for name, kind, digest in self.dropped:
            expected[digest] = expected.get(digest, 0) + 1
            kinds.setdefault(digest, kind if kind != "duplicate" else "stored")
        lost = twice = misplaced = 0
        lost_names = []
        for digest, want in expected.items():
            found = len(archive.get(digest, [])) + len(quarantine.get(digest, [])) + len(inbox.get(digest, []))
            if found < want:
                lost += want - found
                lost_names += [n for n, _, d in self.dropped if d == digest]
            twice += max(0, found - want)
            if kinds[digest] == "stored" and digest in quarantine or kinds[digest] == "quarantine" and digest in archive:
                misplaced += 1
        not_stored = sorted(path for digest, paths in archive.items() if digest not in rows for path in paths)
        unfiled = sum(1 for digest, filed in rows.items() if not filed)
        distinct_stored = sum(1 for d, k in kinds.items() if k == "stored")
        no_reason = [path for paths in quarantine.values() for path in paths if not self.reason(path)]
        n_archived = sum(len(v) for v in archive.values())
        n_quarantined = sum(len(v) for v in quarantine.values())
        n_inbox = sum(len(v) for v in inbox.values())
        unexpected = sum(len(v) for place in (archive, quarantine, inbox) for d, v in place.items() if d not in expected)
        print(f"powercut: cuts {self.fs.cuts}, bulletins dropped {len(self.dropped)} "
              f"({sum(1 for _, k, _ in self.dropped if k == 'stored')} new, "
              f"{sum(1 for _, k, _ in self.dropped if k == 'duplicate')} duplicates, "
              f"{sum(1 for _, k, _ in self.dropped if k == 'quarantine')} to quarantine), "
              f"lost {lost}, twice {twice}, archived but not stored {len(not_stored)} "
              f"(seen after {len(set(self.archived_not_stored.values()))} cut(s)), "
              f"stored but not filed {unfiled}, archived {n_archived}, quarantined {n_quarantined}, "
              f"left in the inbox {n_inbox}, bulletins in the database {len(rows)}, "
              f"summary files checked {self.summary_checks}, cuts with bulletins waiting {self.cuts_in_flight}, "
              f"filed after a restart {self.log_count(b'outcome=stored-earlier')}, "
              f"recorded as filed at start-up {self.log_count(b'whose file had left the inbox')}")
        if not_stored:
            print("powercut: archived but not stored: " + ", ".join(not_stored))
        for line in self.problems[:40]:
            print(f"powercut: {line}")
        if lost_names:
            print("powercut: lost: " + ", ".join(lost_names[:40]))
        check(f"powercut: {self.fs.cuts} cuts (>= {CUTS}), {len(self.dropped)} bulletins dropped (>= {BULLETINS})",
              self.fs.cuts >= CUTS and len(self.dropped) >= BULLETINS)
        check(f"powercut: lost = 0 ({lost})", lost == 0)
        check(f"powercut: twice = 0 ({twice})", twice == 0)
        check(f"powercut: no file archived but not stored, at any cut ({len(self.archived_not_stored)})",
              not self.archived_not_stored)
        check(f"powercut: the inbox is drained ({n_inbox})", n_inbox == 0 and unexpected == 0)
        check(f"powercut: every bulletin in its place, archived or quarantined ({misplaced} misplaced)", misplaced == 0)
        check(f"powercut: bulletins stored = distinct bulletins dropped ({len(rows)} = {distinct_stored})",
              len(rows) == distinct_stored)
        check(f"powercut: every stored bulletin filed ({unfiled} not)", unfiled == 0)
        check(f"powercut: every quarantined file has its reason ({len(no_reason)} without)", not no_reason)
        check(f"powercut: integrity_check and the full-text integrity-check ok after every cut "
              f"({integrity}, {fts}; problems {len(self.problems)})",
              integrity == "ok" and fts == "ok" and not [p for p in self.problems if "integrity" in p])
        check(f"powercut: summaries whole after every cut ({self.summary_checks} checked)",
              self.summary_checks > 0 and not [p for p in self.problems if "summary" in p])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if os.geteuid() != 0:
        print("powercut: skipped: needs root (it mounts a FUSE file system)")
        return 0
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="bulletind-powercut.")
    scenario = Scenario(binary, work)
    print(f"# 7. power cuts: {BULLETINS} bulletins, {CUTS} cuts (seed {SEED}) on powercutfs in {work}", flush=True)
    try:
        scenario.run()
    finally:
        scenario.kill()
        if scenario.fs.process is not None:
            subprocess.run(["umount", "-l", scenario.fs.path])
            scenario.fs.process.wait(timeout=60)
        if os.environ.get("POWERCUT_KEEP") == "1":
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"powercut: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
