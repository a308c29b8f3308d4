#!/usr/bin/env python3
"""The reference peer of `make bench`: what a user would write instead of bulletind, in Python
with watchdog (inotify) and sqlite3, doing the same job on the same files.

It watches an inbox; for each file renamed or written into it (hidden names ignored) it reads
it, splits it into articles (Diplo digest layout: title, body, optional "Why does it matter?",
the trailer line), classifies each with the rules of a bulletind topics file (same language:
words, "phrases", prefix*, AND/OR/NOT, field:, ^weight, threshold; title hits count 1.5x),
stores the bulletin, its articles, their topics and an FTS5 index in ONE transaction
(WAL, synchronous FULL: durable at commit, like bulletind), then renames the file to
archive/YYYY/MM/DD/NAME. Not handled (bulletind handles them): other layouts, encodings,
e-mail and HTML, quarantine, duplicates of articles, folder fsyncs, summaries.

    peer.py --inbox DIR --archive DIR --database FILE --rules topics.toml --ready FILE

Writes the file named by --ready once it watches the inbox; stops on SIGTERM or SIGINT.
Debian: python3-watchdog (make deps installs it).
"""
import argparse, datetime, hashlib, os, queue, re, signal, sqlite3, sys, tomllib, unicodedata

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

WORD = re.compile(r"\w+")
TOKEN = re.compile(r'"[^"]*"\*?|\(|\)|\^[0-9.]+|(?:title|body|why):|[^\s()"^]+')
TRAILER = re.compile(r"^Would you like to learn more about AI, tech")
SCHEMA = """
CREATE TABLE IF NOT EXISTS bulletin (id INTEGER PRIMARY KEY, file_name TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article (id INTEGER PRIMARY KEY, bulletin_id INTEGER NOT NULL REFERENCES bulletin,
    position INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, why TEXT);
CREATE TABLE IF NOT EXISTS article_topic (article_id INTEGER NOT NULL REFERENCES article,
    topic_id TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (article_id, topic_id));
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(title, body, why, content='article',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"""


def words(text):
    """Lower-case words without accents."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


class Rule:
    """One topic's rule as a tree of tuples: ("term", field, words, prefix, weight), ("and"|"or", a, b), ("not", a)."""

    def __init__(self, text):
        self.tokens, self.at = TOKEN.findall(text), 0
        self.tree = self.parse_or()
        self.terms = {}
        self.collect(self.tree, False)

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self):
        self.at += 1
        return self.tokens[self.at - 1]

    def parse_or(self):
        node = self.parse_and()
        while self.peek() == "OR":
            self.take()
            node = ("or", node, self.parse_and())
        return node

    def parse_and(self):
        node = self.parse_unary()
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
            node = ("and", node, self.parse_unary())
        return node

    def parse_unary(self):
        if self.peek() == "NOT":
            self.take()
            return ("not", self.parse_unary())
        return self.parse_primary(None)

    def parse_primary(self, field):
        token = self.take()
        if token.endswith(":") and token[:-1] in ("title", "body", "why"):
            return self.parse_primary(token[:-1])
        if token == "(":
            node = self.parse_or()
            self.take()                       # ")"
            return self.fielded(node, field) if field else node
        prefix = token.endswith("*")
        term = ("term", field, tuple(words(token.strip('*"'))), prefix, 1.0)
        if (self.peek() or "").startswith("^"):
            term = term[:4] + (float(self.take()[1:]),)
        return term

    def fielded(self, node, field):
        if node[0] == "term":
            return ("term", node[1] or field) + node[2:]
        return (node[0],) + tuple(self.fielded(child, field) for child in node[1:])

    def collect(self, node, negated):
        if node[0] == "term":
            if not negated:
                self.terms[node[:4]] = max(node[4], self.terms.get(node[:4], 0))
        else:
            for child in node[1:]:
                self.collect(child, negated or node[0] == "not")

    @staticmethod
    def found(term, fields):
        _, field, phrase, prefix = term[:4]
        for name in ((field,) if field else ("title", "body", "why")):
            tokens, joined = fields[name]
            if len(phrase) == 1 and not prefix:
                hit = phrase[0] in tokens
            elif prefix:
                head = " " + " ".join(phrase)
                hit = head in joined if len(phrase) > 1 else any(t.startswith(phrase[0]) for t in tokens)
            else:
                hit = " " + " ".join(phrase) + " " in joined
            if hit:
                return name
        return None

    def holds(self, node, fields, hits):
        kind = node[0]
        if kind == "term":
            return hits.setdefault(node[:4], self.found(node, fields)) is not None
        if kind == "not":
            return not self.holds(node[1], fields, hits)
        left = self.holds(node[1], fields, hits)
        if kind == "and":
            return left and self.holds(node[2], fields, hits)
        return left or self.holds(node[2], fields, hits)

    def score(self, fields):
        hits = {}
        if not self.holds(self.tree, fields, hits):
            return None
        total = 0.0
        for term, weight in self.terms.items():
            where = hits[term] if term in hits else self.found(term, fields)
            if where:
                total += weight * (1.5 if where == "title" and term[1] is None else 1.0)
        return total


def split(text):
    """(title, body, why) per article: paragraphs between blank lines, articles ended by the trailer."""
    articles, block = [], []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if TRAILER.match(paragraph):
            articles.append(block)
            block = []
        else:
            block.append(paragraph)
    if block:
        articles.append(block)
    result = []
    for block in articles:
        title, rest = block[0], block[1:]
        cut = rest.index("Why does it matter?") if "Why does it matter?" in rest else None
        body = "\n\n".join(rest if cut is None else rest[:cut])
        why = None if cut is None else "\n\n".join(rest[cut + 1:])
        result.append((title, body, why))
    return result


def fields_of(title, body, why):
    out = {}
    for name, text in (("title", title), ("body", body), ("why", why or "")):
        tokens = words(text)
        out[name] = (set(tokens), " " + " ".join(tokens) + " ")
    return out


class Peer:
    def __init__(self, args):
        self.args = args
        with open(args.rules, "rb") as f:
            self.topics = [(t["id"], Rule(t["rule"]), float(t.get("threshold", 1))) for t in tomllib.load(f)["topic"]]
        self.db = sqlite3.connect(args.database, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.executescript(SCHEMA)

    def handle(self, path):
        name = os.path.basename(path)
        if name.startswith(".") or os.path.dirname(path) != self.args.inbox or not os.path.isfile(path):
            return
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8", errors="replace")
        now = datetime.datetime.now(datetime.timezone.utc)
        cur = self.db.cursor()
        cur.execute("BEGIN")
        try:
            cur.execute("INSERT INTO bulletin (file_name, content_hash, received_at) VALUES (?, ?, ?)",
                        (name, hashlib.sha256(data).hexdigest(), now.isoformat()))
            bulletin = cur.lastrowid
            for position, (title, body, why) in enumerate(split(text), 1):
                cur.execute("INSERT INTO article (bulletin_id, position, title, body, why) VALUES (?, ?, ?, ?, ?)",
                            (bulletin, position, title, body, why))
                article = cur.lastrowid
                cur.execute("INSERT INTO article_fts (rowid, title, body, why) VALUES (?, ?, ?, ?)", (article, title, body, why))
                fields = fields_of(title, body, why)
                for topic, rule, threshold in self.topics:
                    score = rule.score(fields)
                    if score is not None and score >= threshold:
                        cur.execute("INSERT INTO article_topic VALUES (?, ?, ?)", (article, topic, score))
            cur.execute("COMMIT")
        except sqlite3.IntegrityError:
            cur.execute("ROLLBACK")        # a duplicate: archived like the others
        folder = os.path.join(self.args.archive, now.strftime("%Y/%m/%d"))
        os.makedirs(folder, exist_ok=True)
        os.rename(path, os.path.join(folder, name))


class Handler(FileSystemEventHandler):
    def __init__(self, paths):
        self.paths = paths

    def on_created(self, event):
        if not event.is_directory:
            self.paths.put(event.src_path)

    def on_moved(self, event):
        if not event.is_directory:
            self.paths.put(event.dest_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for option in ("--inbox", "--archive", "--database", "--rules", "--ready"):
        parser.add_argument(option, required=True)
    args = parser.parse_args()
    args.inbox = os.path.abspath(args.inbox)
    peer, paths = Peer(args), queue.Queue()
    observer = Observer()
    observer.schedule(Handler(paths), args.inbox, recursive=False)
    observer.start()
    for name in sorted(os.listdir(args.inbox)):
        paths.put(os.path.join(args.inbox, name))
    # The handler only sets a flag: it runs in the main thread between bytecodes, possibly
    # while that thread holds the queue's lock, so putting into the queue from it can deadlock.
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    signal.signal(signal.SIGINT, lambda *_: stop.append(True))
    open(args.ready, "w").close()
    while not stop:
        try:
            path = paths.get(timeout=0.1)
        except queue.Empty:
            continue
        try:
            peer.handle(path)
        except OSError as error:
            print(f"peer: {path}: {error}", file=sys.stderr)
    observer.stop()
    observer.join()


if __name__ == "__main__":
    main()
