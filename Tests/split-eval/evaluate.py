#!/usr/bin/env python3
"""Scores `bulletind split --json` on the split-eval corpus against its truth files.

    python3 Tests/split-eval/evaluate.py [--binary PATH] [--config FILE]
                                         [--family NAME]... [--file NAME]... [--verbose]
    python3 Tests/split-eval/evaluate.py --check-truth     # the truth files against the bulletins
    python3 Tests/split-eval/evaluate.py --coverage        # which files cover which failure kind
    python3 Tests/split-eval/evaluate.py --self-test       # the evaluator on perfect and damaged splits

Prints one row per family (files exact, articles right, extra, missing, wrong content,
skipped lines right, lines lost), a total row, and "N passed, N failed" (files). Exits 0
only when every file is exact and no line is lost; README.md says what each column means.
Standard library only.
"""

import argparse
import difflib
import email
import email.policy
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


# ---------------------------------------------------------------------------------------
# Comparison text: lower-case words only, so that markup ("## ", "**", "[text](url)"), list
# numbers, curly or straight quotes and final punctuation do not count as differences.

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
LIST_NUMBER = re.compile(r"^\s*(?:[-*+>]\s+)*\d{1,3}[.)]\s+")


def norm(text):
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = LINK.sub(r"\1", text)
    text = "\n".join(LIST_NUMBER.sub("", line) for line in text.split("\n"))
    text = text.replace("_", " ").replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.findall(r"\w+", text.lower()))


def kinds(value):
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------------------------------
# Decoding: the bulletin's non-blank lines as the reader sees them (approximately: the
# reader is Swift; this follows its documented rules: BOM, UTF-16, UTF-8 else
# Windows-1252, e-mail parts and transfer encodings, format=flowed, HTML blocks).

BLOCK_TAGS = {
    "p", "div", "table", "tbody", "thead", "tfoot", "tr", "blockquote", "section", "article",
    "header", "footer", "main", "nav", "aside", "ul", "ol", "dl", "center", "form", "fieldset",
    "figure", "figcaption", "address", "hr", "html", "caption", "details", "summary", "menu",
    "hgroup", "legend", "noscript", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre",
    "br", "body",
}
HIDDEN_TAGS = {"script", "style", "template", "iframe", "head", "title"}


class HTMLLines(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.lines.append("")
        elif tag in ("td", "th"):
            self.lines[-1] += " "

    def handle_data(self, data):
        if not self.hidden:
            self.lines[-1] += data


def html_lines(text):
    parser = HTMLLines()
    parser.feed(text)
    parser.close()
    return [" ".join(line.split()) for line in parser.lines]


def decode_bytes(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", "replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def unflow(text, delsp=False):
    out = []
    pending = None
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]
        if pending is not None:
            line = pending + line
            pending = None
        if line.endswith(" ") and line.strip() != "--":
            pending = line[:-1] if delsp else line
        else:
            out.append(line)
    if pending is not None:
        out.append(pending)
    return "\n".join(out)


def email_text(data):
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain", "markdown", "html")) or message
    text = part.get_content()
    if not isinstance(text, str):
        text = decode_bytes(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_subtype() == "html":
        return html_lines(text)
    if part.get_param("format", "").lower() == "flowed":
        text = unflow(text, part.get_param("delsp", "").lower() == "yes")
    return text.split("\n")


def decoded_lines(path):
    with open(path, "rb") as handle:
        data = handle.read()
    extension = os.path.splitext(path)[1].lower()
    if extension == ".eml":
        lines = email_text(data)
    else:
        text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
        if extension in (".html", ".htm") or re.match(r"\s*<(!doctype html|html)", text, re.I):
            lines = html_lines(text)
        else:
            lines = text.split("\n")
    return [line.strip() for line in lines if line.strip()]


# ---------------------------------------------------------------------------------------
# Finding a line in a set of texts, each occurrence used once.


class Pool:
    """Normalised texts in which occurrences of lines are found and used up, so that one
    title cannot account for both its contents-list line and itself."""

    def __init__(self):
        self.texts = []
        self.used = []

    def add(self, text, tag=None):
        self.texts.append((norm(text), tag))
        self.used.append([])

    def take_whole(self, line, accept=None):
        """Uses a text equal to `line` that is not used at all; returns its tag (True when
        it has none) or None."""
        for index, (text, tag) in enumerate(self.texts):
            if text == line and not self.used[index] and (accept is None or accept(tag)):
                self.used[index].append((0, len(text)))
                return tag if tag is not None else True
        return None

    def take(self, line, accept=None):
        """Finds `line` (normalised) in a text not yet used there; returns its tag or None."""
        if not line:
            return None
        for index, (text, tag) in enumerate(self.texts):
            if accept is not None and not accept(tag):
                continue
            start = text.find(line)
            while start >= 0:
                end = start + len(line)
                word_edges = (start == 0 or text[start - 1] == " ") and (end == len(text) or text[end] == " ")
                if word_edges and all(end <= a or start >= b for a, b in self.used[index]):
                    self.used[index].append((start, end))
                    return tag if tag is not None else True
                start = text.find(line, start + 1)
        return None


# ---------------------------------------------------------------------------------------
# Scoring one file


class Score:
    def __init__(self, truth, path):
        self.truth = truth
        self.path = path
        self.family = truth["family"]
        self.expected = len(truth["articles"])
        self.right = 0
        self.extra = 0
        self.missing = 0
        self.wrong = 0
        self.skips_expected = len(truth["skipped"])
        self.skips_right = None     # None: the binary reports no skipped lines
        self.over_skipped = 0
        self.lost = 0
        self.error = None
        self.notes = []

    @property
    def exact(self):
        return (self.error is None and self.right == self.expected and not self.extra and not self.missing
                and not self.wrong and not self.lost and not self.over_skipped
                and (self.skips_right is None or self.skips_right == self.skips_expected))


def body_matches(expected_words, body, captions):
    text = norm(body)
    for _ in range(len(captions) + 1):
        stripped = False
        for caption in captions:
            c = norm(caption)
            if c and text.startswith(c):
                text = text[len(c):].lstrip()
                stripped = True
        if not stripped:
            break
    return text.startswith(norm(expected_words))


def why_matches(truth_article, why):
    expected = truth_article.get("why")
    if expected is None:
        return not (why and why.strip())
    text = norm(why)
    heading = norm(truth_article.get("why_heading"))
    if heading and text.startswith(heading):
        text = text[len(heading):].lstrip()
    return text.startswith(norm(expected))


def kept_lines(truth, articles):
    """{output article index: [lines the truth skips (trailer, footer, house ...) that the
    article's body or why section contains as a line of its own]}. A skipped line of five
    words or more also counts when a body line merely starts with it (a hard-wrapped
    trailer unwrapped into the paragraph before it)."""
    pieces = [(norm(entry["text"]), entry["text"]) for entry in truth["skipped"]]
    pieces = [(n, text) for n, text in pieces if n]
    out = {}
    for j, article in enumerate(articles):
        for field in ("body", "why"):
            for line in (article.get(field) or "").split("\n"):
                n = norm(line)
                if not n:
                    continue
                for piece, text in pieces:
                    if n == piece or (len(piece.split()) >= 5 and n.startswith(piece)):
                        out.setdefault(j, []).append(text)
                        break
    return out


def score_file(truth, path, result, lines):
    score = Score(truth, path)
    if result is None:
        score.error = "no output"
        return score
    if result.get("error"):
        score.error = result["error"]
    articles = result.get("articles") or []
    expected = truth["articles"]
    want = [norm(a["title"]) for a in expected]
    got = [norm(a.get("title")) for a in articles]
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        else:
            for i in range(i1, i2):
                score.missing += 1
                score.notes.append(f"missing article {i + 1}: {expected[i]['title']!r}")
            for j in range(j1, j2):
                score.extra += 1
                score.notes.append(f"extra article {j + 1}: {articles[j].get('title')!r} "
                                   f"(body starts {' '.join((articles[j].get('body') or '').split()[:10])!r})")
    kept = kept_lines(truth, articles)
    for i, j in pairs:
        t, a = expected[i], articles[j]
        problems = [f"keeps a line that is not the article's: {line!r}" for line in kept.get(j, [])]
        if t.get("body") is not None and not body_matches(t["body"], a.get("body"), t.get("captions", [])):
            problems.append(f"body should start {t['body']!r}, starts "
                            f"{' '.join((a.get('body') or '').split()[:12])!r}")
        if not why_matches(t, a.get("why")):
            problems.append(f"why should start {t.get('why')!r}, is "
                            f"{' '.join((a.get('why') or '').split()[:12]) if a.get('why') else None!r}")
        if problems:
            score.wrong += 1
            score.notes.append(f"article {i + 1} {t['title']!r}: " + "; ".join(problems))
        else:
            score.right += 1

    skipped = result.get("skipped")
    captions = {norm(c) for t in expected for c in t.get("captions", [])}
    headings = {norm(t["why_heading"]) for t in expected if t.get("why_heading")}
    if skipped is not None:
        pool = Pool()
        for entry in skipped:
            pool.add(entry.get("text"), entry.get("as"))
        # Each truth line is looked for as a whole skipped line of an accepted kind, then
        # inside a longer skipped text of an accepted kind (a skipped paragraph of several
        # lines), then with any kind (a wrong kind).
        pending = []
        for entry in truth["skipped"]:
            if norm(entry["text"]):
                pending.append(entry)
            else:
                score.skips_expected -= 1      # decoration: not scored
        right = 0
        for attempt in ("whole", "inside", "any kind"):
            remaining = []
            for entry in pending:
                accepted = kinds(entry["as"])
                accept = None if attempt == "any kind" else (lambda kind, accepted=accepted: kind in accepted)
                n = norm(entry["text"])
                tag = pool.take_whole(n, accept) if attempt == "whole" else pool.take(n, accept)
                if tag is None:
                    remaining.append(entry)
                elif attempt == "any kind":
                    score.notes.append(f"skipped as {tag!r}, should be {'/'.join(accepted)}: {entry['text']!r}")
                else:
                    right += 1
            pending = remaining
        for entry in pending:
            score.notes.append(f"not skipped (should be {'/'.join(kinds(entry['as']))}): {entry['text']!r}")
        score.skips_right = right
        # Skipped lines the truth does not skip: fine for decoration (no words), why
        # headings and the article's captions; otherwise a line taken out of an article.
        for index, (text, tag) in enumerate(pool.texts):
            if not text or text in headings:
                continue
            used = sum(b - a for a, b in pool.used[index])
            if used >= len(text.replace(" ", "")) * 0.9 or used >= len(text) - 1:
                continue
            if tag == "caption" and text in captions:
                continue
            score.over_skipped += 1
            score.notes.append(f"skipped as {tag!r} but belongs to an article: {skipped[index].get('text')!r}")

    # Lines lost: non-blank lines found in no title, body, why nor skipped entry.
    pool = Pool()
    for a in articles:
        pool.add(a.get("title"))
        pool.add(a.get("body"))
        pool.add(a.get("why"))
    # A why heading belongs to the why section that follows it: each article that has
    # one accounts for one why heading line (the truth's wordings of it).
    headings_text = " ".join(sorted({t["why_heading"] for t in expected if t.get("why_heading")}))
    for a in articles:
        if headings_text and (a.get("why") or "").strip():
            pool.add(headings_text)
    if skipped is not None:
        for entry in skipped:
            pool.add(entry.get("text"))
    else:
        # Without `skipped`, the lines the truth skips count as accounted for: what is
        # measured is the text lost from articles.
        for entry in truth["skipped"]:
            pool.add(entry["text"])
    if lines is not None:
        # Whole-text matches first (a title line takes the title, not the longer contents
        # line that contains it), then lines found inside longer texts.
        rest = [line for line in lines if norm(line) and pool.take_whole(norm(line)) is None]
        for line in rest:
            if pool.take(norm(line)) is None:
                score.lost += 1
                score.notes.append(f"line lost: {line[:100]!r}")
    return score


# ---------------------------------------------------------------------------------------


def find_truths(families, files):
    truths = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.truth.json"))):
        with open(path, encoding="utf-8") as handle:
            truth = json.load(handle)
        bulletin = os.path.join(os.path.dirname(path), truth["file"])
        if families and truth["family"] not in families:
            continue
        if files and not any(f in (truth["file"], os.path.relpath(bulletin, CORPUS)) or f in bulletin for f in files):
            continue
        truths.append((truth, bulletin))
    return truths


def default_config(binary):
    """The configuration of the checkout the binary was built in (…/.build/debug/bulletind)."""
    checkout = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(binary))))
    for candidate in (os.path.join(checkout, "Config", "bulletind.toml"), os.path.join(ROOT, "Config", "bulletind.toml")):
        if os.path.exists(candidate):
            return candidate
    return None


def run_split(binary, config, paths):
    """{path: result} from one `split --json` call; one call per file if the batch fails."""
    command = [binary, "split", "--json"] + (["--config", config] if config else [])
    try:
        done = subprocess.run(command + paths, capture_output=True, timeout=600)
        results = json.loads(done.stdout)
        return {path: result for path, result in zip(paths, results)}
    except (ValueError, subprocess.TimeoutExpired):
        pass
    out = {}
    for path in paths:
        try:
            done = subprocess.run(command + [path], capture_output=True, timeout=120)
            out[path] = json.loads(done.stdout)[0]
        except (ValueError, IndexError, subprocess.TimeoutExpired) as error:
            stderr = done.stderr.decode("utf-8", "replace").strip() if "done" in locals() else ""
            out[path] = {"error": f"split --json failed: exit {getattr(done, 'returncode', '?')}: {stderr[-300:] or error}",
                         "articles": []}
    return out


def result_lines(result, path):
    """The decoded non-blank lines: from the binary when it gives them, else our decoding."""
    if result:
        if isinstance(result.get("lines"), list):
            texts = [l.get("text") if isinstance(l, dict) else l for l in result["lines"]]
            if all(isinstance(t, str) for t in texts):
                return [t.strip() for t in texts if t.strip()], "binary"
        if isinstance(result.get("text"), str):
            return [l.strip() for l in result["text"].split("\n") if l.strip()], "binary"
    return decoded_lines(path), "evaluator"


def check_truth(truths):
    """Each truth file against its bulletin: every title, caption and skipped line is a line
    of the decoded text, every body and why start occurs in it."""
    problems = 0
    for truth, path in truths:
        lines = decoded_lines(path)
        normalised = [norm(l) for l in lines]
        whole = " ".join(normalised)
        def line_has(text):
            n = norm(text)
            return any(n == l or l.startswith(n) or n in l for l in normalised)
        found = []
        for a in truth["articles"]:
            if norm(a["title"]) not in normalised:
                found.append(f"title not a line: {a['title']!r}")
            for key in ("body", "why"):
                if a.get(key) and norm(a[key]) not in whole:
                    found.append(f"{key} not in text: {a[key]!r}")
            for c in a.get("captions", []):
                if not line_has(c):
                    found.append(f"caption not a line: {c!r}")
        for s in truth["skipped"]:
            if not line_has(s["text"]):
                found.append(f"skipped not a line: {s['text']!r}")
        if not truth["articles"]:
            found.append("no articles")
        for f in found:
            print(f"{os.path.relpath(path, ROOT)}: {f}")
        problems += len(found)
    print(f"check-truth: {len(truths)} truth files, {problems} problems")
    return 1 if problems else 0


def oracle(truth, path):
    """The `split --json` result a perfect splitter would print for this file, built from the
    decoded lines and the truth: for --self-test, which checks that the evaluator passes a
    perfect split and fails a damaged one."""
    lines = decoded_lines(path)
    skips = [s for s in truth["skipped"] if norm(s["text"])]
    titles = truth["articles"]
    articles, skipped = [], []
    k = t = 0
    current = None
    for number, line in enumerate(lines, 1):
        n = norm(line)
        if not n:
            continue
        if k < len(skips) and n == norm(skips[k]["text"]):
            skipped.append({"line": number, "text": line, "as": kinds(skips[k]["as"])[0]})
            k += 1
            continue
        if t < len(titles) and n == norm(titles[t]["title"]):
            current = {"title": line, "body": [], "why": [], "in_why": False, "heading": titles[t].get("why_heading")}
            articles.append(current)
            t += 1
            continue
        if current is None:
            raise SystemExit(f"self-test: {path}: line {number} belongs nowhere: {line!r}")
        if current["heading"] and n == norm(current["heading"]):
            current["in_why"] = True
            continue
        current["why" if current["in_why"] else "body"].append(line)
    if k != len(skips) or t != len(titles):
        raise SystemExit(f"self-test: {path}: {len(skips) - k} skipped lines and {len(titles) - t} titles not met in order")
    return {"file": path, "lines": lines, "skipped": skipped,
            "articles": [{"title": a["title"], "body": "\n\n".join(a["body"]),
                          "why": "\n\n".join(a["why"]) or None, "position": i + 1} for i, a in enumerate(articles)]}


def self_test(truths):
    """The evaluator on a perfect split of every file (must be exact, nothing lost) and on
    damaged ones (each must fail the way it was damaged)."""
    import copy
    failures = 0
    damages = 0
    for truth, path in truths:
        perfect = oracle(truth, path)
        score = score_file(truth, path, perfect, perfect["lines"])
        if not score.exact:
            failures += 1
            print(f"self-test: perfect split of {path} not exact: {score.notes}")
        # Equally perfect: consecutive skipped lines of one kind reported as one entry, and
        # the why headings reported as skipped lines.
        variant = copy.deepcopy(perfect)
        merged = []
        for entry in variant["skipped"]:
            if merged and merged[-1]["as"] == entry["as"]:
                merged[-1]["text"] += "\n" + entry["text"]
            else:
                merged.append(entry)
        variant["skipped"] = merged
        for a in truth["articles"]:
            if a.get("why_heading"):
                variant["skipped"].append({"line": 0, "text": a["why_heading"], "as": "house"})
        score = score_file(truth, path, variant, variant["lines"])
        if not score.exact:
            failures += 1
            print(f"self-test: merged skipped entries of {path} not exact: {score.notes}")
        cases = []
        bad = copy.deepcopy(perfect)          # a title lost
        lost_title = bad["articles"].pop(0)["title"]
        cases.append(("title dropped", bad, lambda s: s.missing == 1 and s.lost >= 1))
        if perfect["skipped"]:
            bad = copy.deepcopy(perfect)      # a skipped line lost
            bad["skipped"].pop()
            cases.append(("skipped line dropped", bad, lambda s: s.lost == 1 and s.skips_right == s.skips_expected - 1))
            bad = copy.deepcopy(perfect)      # wrong kind
            bad["skipped"][0]["as"] = "caption" if bad["skipped"][0]["as"] != "caption" else "footer"
            cases.append(("skipped kind changed", bad, lambda s: not s.exact and s.lost == 0))
            bad = copy.deepcopy(perfect)      # a skipped line left at the end of the last body
            entry = bad["skipped"].pop()
            bad["articles"][-1]["body"] += "\n\n" + entry["text"]
            cases.append(("skipped line kept in a body", bad, lambda s: s.wrong == 1 and s.lost == 0))
        bad = copy.deepcopy(perfect)          # two articles merged
        if len(bad["articles"]) > 1:
            second = bad["articles"].pop(1)
            heading = truth["articles"][1].get("why_heading")
            bad["articles"][0]["body"] += "\n\n" + second["title"] + "\n\n" + second["body"] + (
                "\n\n" + heading + "\n\n" + second["why"] if second["why"] else "")
            cases.append(("articles merged", bad, lambda s: s.missing == 1 and s.lost == 0 and not s.exact))
        bad = copy.deepcopy(perfect)          # a subheading/paragraph split off as an article
        body = bad["articles"][0]["body"].split("\n\n")
        if len(body) > 1:
            bad["articles"][0]["body"] = body[0]
            bad["articles"].insert(1, {"title": body[1], "body": "\n\n".join(body[2:]) or "x", "why": None, "position": 2})
            cases.append(("paragraph taken for a title", bad, lambda s: s.extra == 1 and not s.exact))
        for name, damaged, expected in cases:
            damages += 1
            score = score_file(truth, path, damaged, damaged["lines"])
            if score.exact or not expected(score):
                failures += 1
                print(f"self-test: {path}: {name}: exact={score.exact} missing={score.missing} extra={score.extra} "
                      f"wrong={score.wrong} lost={score.lost} skipped={score.skips_right}/{score.skips_expected}")
    print(f"self-test: {2 * len(truths)} perfect splits and {damages} damaged ones, {failures} failures")
    return 1 if failures else 0


def coverage(truths):
    covers = {}
    for truth, path in truths:
        for kind in truth.get("covers", []):
            covers.setdefault(kind, []).append(os.path.relpath(path, CORPUS))
    for kind in sorted(covers):
        print(f"{kind:32} {len(covers[kind]):3}  {', '.join(covers[kind][:4])}{' …' if len(covers[kind]) > 4 else ''}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "bulletind"),
                        help="the bulletind binary (default: this checkout's debug build)")
    parser.add_argument("--config", help="configuration passed to split (default: Config/bulletind.toml of the "
                                         "checkout the binary was built in)")
    parser.add_argument("--family", action="append", default=[], help="only this family (repeatable)")
    parser.add_argument("--file", action="append", default=[], help="only this bulletin (name or path; repeatable)")
    parser.add_argument("--verbose", "-v", action="store_true", help="show what differs in each failing file")
    parser.add_argument("--check-truth", action="store_true", help="check the truth files against the bulletins")
    parser.add_argument("--coverage", action="store_true", help="list the failure kinds each file covers")
    parser.add_argument("--self-test", action="store_true",
                        help="score perfect and damaged splits built from the truth (tests the evaluator)")
    options = parser.parse_args()

    truths = find_truths(options.family, options.file)
    if not truths:
        print("split-eval: no bulletin matches the filters", file=sys.stderr)
        return 2
    if options.check_truth:
        return check_truth(truths)
    if options.coverage:
        return coverage(truths)
    if options.self_test:
        return self_test(truths)
    if not os.access(options.binary, os.X_OK):
        print(f"split-eval: {options.binary} is not an executable (build it: swift build --product bulletind)",
              file=sys.stderr)
        return 2
    config = options.config or default_config(options.binary)
    try:
        results = run_split(options.binary, config, [path for _, path in truths])
    except OSError as error:
        print(f"split-eval: cannot run {options.binary}: {error}", file=sys.stderr)
        return 2

    scores = []
    line_sources = set()
    has_skipped = True
    for truth, path in truths:
        result = results.get(path)
        lines, source = result_lines(result, path)
        line_sources.add(source)
        if result is None or "skipped" not in result:
            has_skipped = False
        scores.append(score_file(truth, path, result, lines))

    print(f"split-eval: {options.binary}" + (f" --config {config}" if config else ""))
    if options.verbose:
        for s in scores:
            if not s.exact:
                print(f"\n--- {os.path.relpath(s.path, ROOT)}: {s.truth['description']}")
                if s.error:
                    print(f"    error: {s.error}")
                for note in s.notes:
                    print(f"    {note}")
        print()

    header = ["family", "files", "exact", "articles right", "extra", "missing", "wrong", "skipped right", "lines lost"]
    rows = []
    families = sorted({s.family for s in scores})

    def row(name, group):
        skips = ("n/a" if any(s.skips_right is None for s in group)
                 else f"{sum(s.skips_right for s in group)}/{sum(s.skips_expected for s in group)}")
        return [name, str(len(group)), str(sum(s.exact for s in group)),
                f"{sum(s.right for s in group)}/{sum(s.expected for s in group)}",
                str(sum(s.extra for s in group)), str(sum(s.missing for s in group)),
                str(sum(s.wrong for s in group)), skips, str(sum(s.lost for s in group))]

    for family in families:
        rows.append(row(family, [s for s in scores if s.family == family]))
    rows.append(row("total", scores))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i]) for i in range(len(r))))

    passed = sum(s.exact for s in scores)
    lost = sum(s.lost for s in scores)
    if not has_skipped:
        print("note: the binary's split --json has no \"skipped\" list: skipped lines are not scored, and "
              "\"lines lost\" counts only lines the truth puts in articles")
    if "evaluator" in line_sources:
        print("note: decoded lines come from the evaluator's own decoding (split --json gives no \"lines\")")
    print(f"{passed} passed, {len(scores) - passed} failed")
    if passed == len(scores) and lost == 0 and has_skipped:
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
