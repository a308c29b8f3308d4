#!/usr/bin/env python3
"""Helpers for Tests/stress/run.sh: invent bulletins, account for files, query the database.

  tool.py gen DIR COUNT PREFIX [ARTICLES]      write COUNT distinct bulletins PREFIX-00001.txt…
  tool.py drop SRC INBOX [PAUSE_MS] [SEED]     move (rename) or copy the files of SRC into INBOX,
                                               in order, alternating the two ways, pausing 0..PAUSE_MS
  tool.py account STATE MANIFEST_DIR           every file of MANIFEST_DIR (by content) found exactly
                                               once in STATE/{inbox,archive,quarantine}? prints JSON
  tool.py db DATABASE                          bulletins, articles, duplicates, integrity as JSON
  tool.py fts DATABASE                         FTS5 'integrity-check' of the full-text index against
                                               the article table: "ok" or SQLite's message (a write:
                                               run it with the daemon stopped)
  tool.py lock DATABASE SECONDS                hold a write transaction for SECONDS
  tool.py notify SOCKET OUT                    a NOTIFY_SOCKET (mode 0666) for a daemon not run by
                                               systemd: appends each message to OUT as one line;
                                               exits after STOPPING=1 (or 900 s of silence)
The bulletins are invented: made-up digital-policy news, a "Why does it matter?" section and a
trailer line in the shape the default splitter patterns expect.
"""
import hashlib, json, os, random, shutil, socket, sqlite3, sys, time

PLACES = ["Harbour", "Valley", "Northern", "Coastal", "Capital", "Island", "Mountain", "River"]
BODIES = ["council", "agency", "regulator", "court", "ministry", "assembly", "observatory", "registry"]
ACTS = ["publishes", "drafts", "pauses", "reviews", "funds", "audits", "expands", "tests"]
THINGS = ["a cable map", "a data charter", "a biometric tender", "cloud rules", "a mesh network",
          "an AI sandbox", "domain records", "a spectrum plan"]


def bulletin(prefix, index, articles):
    rng = random.Random(f"{prefix}-{index}")
    parts = []
    for a in range(1, articles + 1):
        title = (f"{rng.choice(PLACES)} {rng.choice(BODIES)} {rng.choice(ACTS)} "
                 f"{rng.choice(THINGS)} ({prefix} {index}.{a})")
        body = (f"Officials in case {prefix}-{index}-{a} said the work would take {rng.randint(2, 40)} "
                f"months and involve {rng.randint(3, 90)} partners. Critics asked for public hearings "
                f"before any contract is signed.")
        why = f"Decision {index}.{a} shapes how {rng.choice(THINGS)} is governed for years."
        parts.append(f"{title}\n\n{body}\n\nWhy does it matter?\n\n{why}\n\n"
                     f"Would you like to learn more about policy notes? If so, ask our chatbot!\n")
    return "\n".join(parts)


def gen(folder, count, prefix, articles=2):
    os.makedirs(folder, exist_ok=True)
    for i in range(1, count + 1):
        with open(os.path.join(folder, f"{prefix}-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(bulletin(prefix, i, articles))


def drop(src, inbox, pause_ms=0, seed=1):
    rng = random.Random(seed)
    for n, name in enumerate(sorted(os.listdir(src))):
        path = os.path.join(src, name)
        if n % 2 == 0:
            os.rename(path, os.path.join(inbox, name))           # IN_MOVED_TO
        else:
            shutil.copyfile(path, os.path.join(inbox, name))     # IN_CLOSE_WRITE
            os.unlink(path)
        if pause_ms:
            time.sleep(rng.uniform(0, pause_ms) / 1000)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def account(state, manifest):
    expected = {}
    for name in os.listdir(manifest):
        expected.setdefault(digest(os.path.join(manifest, name)), []).append(name)
    found = {"inbox": {}, "archive": {}, "quarantine": {}}
    for place in found:
        root = os.path.join(state, place)
        for folder, _, names in os.walk(root):
            for name in names:
                if place == "quarantine" and name.endswith(".error"):
                    continue
                path = os.path.join(folder, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                found[place].setdefault(digest(path), []).append(name)
    result = {"expected": sum(len(v) for v in expected.values()), "lost": 0, "duplicated": 0,
              "inbox": 0, "archive": 0, "quarantine": 0, "unexpected": 0}
    for h, names in expected.items():
        seen = sum(len(found[p].get(h, [])) for p in found)
        for p in found:
            result[p] += min(len(found[p].get(h, [])), len(names))
        result["lost"] += max(0, len(names) - seen)
        result["duplicated"] += max(0, seen - len(names))
    result["unexpected"] = sum(len(v) for p in found for h, v in found[p].items() if h not in expected)
    print(json.dumps(result))


def db(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    q = lambda sql: con.execute(sql).fetchone()[0]
    print(json.dumps({"bulletins": q("SELECT count(*) FROM bulletin"), "articles": q("SELECT count(*) FROM article"),
                      "duplicates": q("SELECT coalesce(sum(duplicate_count), 0) FROM bulletin"),
                      "integrity": q("PRAGMA integrity_check")}))


def fts(path):
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        con.execute("INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)")
        print("ok")
    except sqlite3.DatabaseError as error:
        print(error)
    finally:
        con.close()


def lock(path, seconds):
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("CREATE TABLE IF NOT EXISTS stress_lock (x)")
    print("locked", flush=True)
    time.sleep(seconds)
    con.execute("ROLLBACK")


def notify(path, out):
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    os.chmod(path, 0o666)
    sock.settimeout(900)
    with open(out, "a", encoding="utf-8") as f:
        while True:
            try:
                message = sock.recv(65536).decode("utf-8", "replace")
            except socket.timeout:
                return
            f.write(message.replace("\n", " ") + "\n")
            f.flush()
            if "STOPPING=1" in message.split("\n"):
                return


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "gen": gen(args[0], int(args[1]), args[2], int(args[3]) if len(args) > 3 else 2)
    elif cmd == "drop": drop(args[0], args[1], float(args[2]) if len(args) > 2 else 0, int(args[3]) if len(args) > 3 else 1)
    elif cmd == "account": account(args[0], args[1])
    elif cmd == "db": db(args[0])
    elif cmd == "fts": fts(args[0])
    elif cmd == "lock": lock(args[0], float(args[1]))
    elif cmd == "notify": notify(args[0], args[1])
    else: sys.exit(__doc__)
