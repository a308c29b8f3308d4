#!/usr/bin/env python3
"""Checks a day page as Chromium rendered it (--dump-dom) against the day's JSON.

Usage: check-dom.py DOM.html SUMMARY.json HOSTILE_TITLES.txt
Prints one "ok"/"FAIL" line per check and exits 1 on any failure."""
import json
import sys
from html.parser import HTMLParser

dom_path, json_path, hostile_path = sys.argv[1:4]
summary = json.load(open(json_path, encoding="utf-8"))
hostile = [line.rstrip("\n") for line in open(hostile_path, encoding="utf-8") if line.strip()]


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bars = []
        self.elements = []          # (tag, attrs)
        self.h3 = []
        self._h3 = None
        self.body_attrs = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "body":
            self.body_attrs = attrs
        if tag == "g" and "bar" in (attrs.get("class") or "").split():
            self.bars.append((attrs.get("data-topic"), int(attrs.get("data-count"))))
        if tag == "h3":
            self._h3 = []

    def handle_endtag(self, tag):
        if tag == "h3" and self._h3 is not None:
            self.h3.append("".join(self._h3))
            self._h3 = None

    def handle_data(self, data):
        if self._h3 is not None:
            self._h3.append(data)


page = Page()
page.feed(open(dom_path, encoding="utf-8").read())
failures = 0


def check(ok, what):
    global failures
    print(("ok   - " if ok else "FAIL - ") + what)
    if not ok:
        failures += 1


topics = {t["id"]: t["articles"] for t in summary["topics"]}
check(len(page.bars) == len(topics) and len(topics) > 0,
      f"one chart bar per topic: {len(page.bars)} bars, {len(topics)} topics in the JSON")
check(dict(page.bars) == topics, f"each bar's count is the JSON's: {sorted(dict(page.bars).items())}")
check(any(t["rising"] for t in summary["topics"]), "the day has a rising topic: "
      + ", ".join(t["name"] for t in summary["topics"] if t["rising"]))
check(any(t["new"] for t in summary["topics"]), "the day has a new topic: "
      + ", ".join(t["name"] for t in summary["topics"] if t["new"]))
tags = [tag for tag, _ in page.elements]
check("script" not in tags, "no script element in the rendered page")
check("img" not in tags, "no img element in the rendered page")
handlers = [(tag, name) for tag, attrs in page.elements for name in attrs if name.lower().startswith("on")]
check(not handlers, f"no event-handler attribute: {handlers}")
links = [attrs.get("href", "") for tag, attrs in page.elements if tag == "a"]
check(not [h for h in links if h.strip().lower().startswith("javascript")], "no javascript: link")
check(all(h == "index.html" or h.startswith("#section-") or h.endswith(".html") for h in links),
      f"every link is one of the archive's own pages ({len(links)} links)")
check("data-pwned" not in page.body_attrs, "nothing ran: the body has no data-pwned mark")
for title in hostile:
    check(title in page.h3, f"shown as text: {title!r}")
sys.exit(1 if failures else 0)
