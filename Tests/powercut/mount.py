"""Mounting powercutfs and cutting the power, for the self-test and the scenario.

    with PowerCutMount(work_folder) as fs:   # fs.path is the mount point
        ...                                  # write, fsync, rename
        fs.cut()                             # everything not synced is gone; mounted again
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Debian's fusepy is a module of /usr/bin/python3; `python3` on PATH may be another one.
PYTHON = "/usr/bin/python3"


class PowerCutMount:
    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        self.path = os.path.join(self.folder, "mnt")
        self.state = os.path.join(self.folder, "durable.pickle")
        self.log = os.path.join(self.folder, "powercutfs.log")
        self.process = None
        self.cuts = 0
        os.makedirs(self.path, exist_ok=True)

    def __enter__(self):
        self.mount()
        return self

    def __exit__(self, *exc):
        self.unmount()

    def mount(self):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([PYTHON, os.path.join(HERE, "powercutfs.py"), self.state, self.path],
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not os.path.ismount(self.path):
            if self.process.poll() is not None:
                raise RuntimeError(f"powercutfs exited with {self.process.returncode}; see {self.log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"powercutfs did not mount {self.path} within 60 s; see {self.log}")
            time.sleep(0.05)

    def unmount(self):
        """Unmounts; the file system keeps only its durable state (in self.state)."""
        if self.process is None:
            return
        for attempt in range(600):
            if subprocess.run(["umount", self.path], stderr=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(0.1)   # still busy: a process killed a moment ago is closing its files
        else:
            subprocess.run(["umount", "-l", self.path])
        code = self.process.wait(timeout=120)
        self.process = None
        if code != 0:
            raise RuntimeError(f"powercutfs exited with {code}; see {self.log}")

    def cut(self):
        """The power cut and the reboot: unmount (dropping everything not synced), mount again.
        Every process writing to the mount must be dead (kill -9) before."""
        self.unmount()
        self.cuts += 1
        self.mount()


def fsync_path(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path, data, sync=True):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


if __name__ == "__main__":
    sys.exit("a module: see selftest.py and scenario.py")
