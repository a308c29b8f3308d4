#!/usr/bin/env python3
"""Writes the split-eval corpus: every bulletin under corpus/<family>/ and its truth file.

The article texts are ours, written for this corpus (sources/*.txt); this script lays them
out in the shapes of real newsletters (text, CRLF, BOM, Windows-1252, HTML, e-mail,
Markdown, hard-wrapped ...) and writes, beside each bulletin, NAME.truth.json: what a
careful human reader says the bulletin contains (see README.md). Because each bulletin is
built from the same logical lines as its truth, the two cannot drift apart.

    python3 Tests/split-eval/generate.py        # rewrites corpus/ (deterministic)

Standard library only. The generated files are committed; edit this script or sources/
and rerun it rather than editing a bulletin by hand.
"""

import email.charset
import email.message
import email.policy
import html
import json
import os
import re
import shutil
import sys
import textwrap
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
BODY_WORDS = 8


# ---------------------------------------------------------------------------------------
# Sources


class Item:
    """One article of a source file: title, blocks (("P"|"S", text)), why paragraphs and
    the optional caption / related / source lines a layout may print under the title."""

    def __init__(self, ident):
        self.ident = ident
        self.title = None
        self.blocks = []
        self.why = []
        self.caption = None
        self.related = None
        self.source = None


def read_source(name):
    items = {}
    order = []
    current = None
    with open(os.path.join(HERE, "sources", name), encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("@@ "):
                current = Item(line[3:].strip())
                items[current.ident] = current
                order.append(current)
                continue
            key, _, text = line.partition(": ")
            if key == "T":
                current.title = text
            elif key in ("P", "S", "L"):
                current.blocks.append((key, text))
            elif key == "W":
                current.why.append(text)
            elif key == "C":
                current.caption = text
            elif key == "R":
                current.related = text
            elif key == "O":
                current.source = text
            else:
                raise SystemExit(f"{name}: unknown line {line!r}")
    return items, order


POLICY, POLICY_ORDER = read_source("policy.txt")
PROJECT, PROJECT_ORDER = read_source("project.txt")
WIRE, WIRE_ORDER = read_source("wire.txt")
RIGHTS, RIGHTS_ORDER = read_source("rights.txt")


def first_words(text, count=BODY_WORDS):
    return " ".join(text.split()[:count])


# ---------------------------------------------------------------------------------------
# The logical document: groups of lines (a group is printed without blank lines inside),
# each line with its role. Rendered to text, Markdown or HTML; the truth comes from it.


class Line:
    def __init__(self, kind, text, skip_as=None, article=None, tag=None, href=None):
        self.kind = kind          # title sub para whyhead why trailer skip caption
        self.text = text
        self.skip_as = skip_as    # for kind skip: a kind or a list of accepted kinds
        self.article = article    # index of the article the line belongs to
        self.tag = tag            # layout hint for the HTML/Markdown renderers
        self.href = href


class Doc:
    def __init__(self):
        self.groups = []
        self.articles = []        # truth entries
        self.features = set()

    # -- building --
    def group(self, *lines):
        self.groups.append(list(lines))

    def skip(self, text, skip_as, tag=None, href=None):
        self.group(Line("skip", text, skip_as, tag=tag, href=href))

    def skip_lines(self, texts, skip_as, tag=None, hrefs=None):
        hrefs = hrefs or [None] * len(texts)
        self.group(*[Line("skip", t, skip_as, tag=tag, href=h) for t, h in zip(texts, hrefs)])

    def article(self, item, *, why_heading="Why does it matter?", trailer=None, with_why=True,
                caption=False, related=False, source=False, subs=True, drop_period=False,
                title_text=None, caption_tag=None, inner_caption=None):
        """Adds `item` as one article. `drop_period`: the final period of its long
        one-sentence paragraphs (L: in the sources) is removed, so that they look like
        titles to a splitter that goes by final punctuation."""
        index = len(self.articles)
        title = title_text or item.title
        truth = {"title": title, "body": None, "why": None, "captions": []}
        self.articles.append(truth)
        self.group(Line("title", title, article=index))
        for flag, text in ((caption, item.caption), (related, item.related), (source, item.source)):
            if flag and text:
                self.group(Line("caption", text, article=index, tag=caption_tag))
                truth["captions"].append(text)
        paragraph_index = 0
        for kind, text in item.blocks:
            if kind == "S":
                if subs:
                    self.group(Line("sub", text, article=index))
                    self.features.add("subheading-in-article")
                    if truth["body"] is None:
                        # Directly under the title: the body may start with it, or it
                        # may be set aside as a caption.
                        truth["captions"].append(text)
                        self.features.add("title-then-subheading")
                continue
            if drop_period and kind == "L":
                assert text.endswith(".") and len(text.split()) <= 25, text
                text = text[:-1]
                self.features.add("sentence-without-period")
            if truth["body"] is None:
                truth["body"] = first_words(text)
            self.group(Line("para", text, article=index))
            paragraph_index += 1
            if inner_caption and paragraph_index == 1:
                # An image inside the item, after its first paragraph.
                self.group(Line("caption", inner_caption, article=index, tag="figcaption"))
                truth["captions"].append(inner_caption)
                self.features.add("caption-in-article")
        if with_why and item.why:
            truth["why"] = first_words(item.why[0])
            truth["why_heading"] = why_heading
            self.group(Line("whyhead", why_heading, article=index))
            for text in item.why:
                self.group(Line("why", text, article=index))
        if trailer:
            self.group(Line("trailer", trailer, "trailer", article=index))
        return truth

    # -- truth --
    def truth(self, family, name, description, covers, physical_skips):
        articles = []
        for entry in self.articles:
            out = {"title": entry["title"], "body": entry["body"], "why": entry["why"]}
            if entry.get("why_heading"):
                out["why_heading"] = entry["why_heading"]
            if entry["captions"]:
                out["captions"] = entry["captions"]
            articles.append(out)
        return {
            "family": family,
            "file": name,
            "description": description,
            "covers": sorted(set(covers)),
            "articles": articles,
            "skipped": [{"text": text, "as": skip_as} for text, skip_as in physical_skips],
        }


# ---------------------------------------------------------------------------------------
# Renderers. Each returns (text, [(skipped line text, kind)]) in document order.


def skipped_lines(doc, wrap=None):
    out = []
    for group in doc.groups:
        for line in group:
            if line.kind in ("skip", "trailer"):
                for piece in wrap_line(line.text, wrap):
                    out.append((piece, line.skip_as))
    return out


def wrap_line(text, width):
    if not width or len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def render_text(doc, *, paragraph_gap="\n\n", wrap=None, wrap_titles=False):
    """Plain text: groups separated by a blank line (or one newline), optional hard wrap."""
    groups = []
    for group in doc.groups:
        lines = []
        for line in group:
            if line.kind in ("title", "sub", "whyhead") and not wrap_titles:
                lines.append(line.text)
            else:
                lines.extend(wrap_line(line.text, wrap))
        groups.append("\n".join(lines))
    return paragraph_gap.join(groups) + "\n", skipped_lines(doc, wrap)


def md_inline(line):
    if line.href:
        return f"[{line.text}]({line.href})"
    return line.text


def render_markdown(doc, *, title="## ", sub="### ", whyhead="**{}**", trailer="*{}*",
                    caption="*{}*", gap="\n\n", separator=None):
    groups = []
    for group in doc.groups:
        lines = []
        for line in group:
            if line.kind == "title":
                if separator and line.article and line.article > 0:
                    lines.append(separator)
                    lines.append("")
                lines.append(title + line.text if not title.count("{}") else title.format(line.text))
            elif line.kind == "sub":
                lines.append(sub + line.text if not sub.count("{}") else sub.format(line.text))
            elif line.kind == "whyhead":
                lines.append(whyhead.format(line.text))
            elif line.kind == "trailer":
                lines.append(trailer.format(line.text))
            elif line.kind == "caption":
                lines.append(caption.format(line.text))
            elif line.kind == "skip" and line.tag == "li":
                lines.append("- " + md_inline(line))
            elif line.kind == "skip" and line.tag and line.tag.startswith("#"):
                lines.append(line.tag + " " + line.text)
            elif line.kind == "skip" and line.tag == "b":
                lines.append(f"**{line.text}**")
            elif line.kind == "skip" and line.tag == "i":
                lines.append(f"*{line.text}*")
            else:
                lines.append(md_inline(line))
        groups.append("\n".join(lines))
    return gap.join(groups) + "\n", skipped_lines(doc)


HTML_TAGS = {
    "title": ("<h2>", "</h2>"),
    "sub": ("<h3>", "</h3>"),
    "whyhead": ("<h3>", "</h3>"),
    "why": ("<p>", "</p>"),
    "para": ("<p>", "</p>"),
    "trailer": ("<p><em>", "</em></p>"),
    "caption": ('<p class="caption">', "</p>"),
    "skip": ("<p>", "</p>"),
}


def render_html(doc, *, page_title, tags=None, head_extra="", wrap_article=False, table=False):
    tags = dict(HTML_TAGS, **(tags or {}))
    out = []
    open_list = False
    open_article = False
    for group in doc.groups:
        for line in group:
            tag = line.tag
            if open_list and tag != "li":
                out.append("</ul>")
                open_list = False
            if line.kind == "title" and wrap_article:
                if open_article:
                    out.append("</article>")
                out.append("<article>")
                open_article = True
            if line.kind == "skip" and not line.article and open_article and wrap_article:
                out.append("</article>")
                open_article = False
            text = html.escape(line.text, quote=False)
            if line.href:
                text = f'<a href="{html.escape(line.href)}">{text}</a>'
            if tag == "li":
                if not open_list:
                    out.append("<ul>")
                    open_list = True
                out.append(f"  <li>{text}</li>")
            elif tag == "figcaption":
                out.append(f'<figure><img src="https://img.example.org/{zlib.crc32(line.text.encode()) % 9973}.jpg" alt="">'
                           f"<figcaption>{text}</figcaption></figure>")
            elif tag and tag.startswith("<"):
                close = "</" + tag[1:].split(" ")[0].split(">")[0] + ">"
                out.append(f"{tag}{text}{close}")
            else:
                start, end = tags[line.kind]
                out.append(f"{start}{text}{end}")
    if open_list:
        out.append("</ul>")
    if open_article:
        out.append("</article>")
    body = "\n".join(out)
    if table:
        body = ('<table width="100%" cellpadding="0" cellspacing="0"><tr><td>\n'
                '<table class="content" width="600"><tr><td>\n' + body +
                "\n</td></tr></table>\n</td></tr></table>")
    page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(page_title)}</title>\n{head_extra}</head>\n<body>\n{body}\n</body>\n</html>\n")
    return page, skipped_lines(doc)


# ---------------------------------------------------------------------------------------
# Byte-level variants


def email_bytes(text, *, subject, sender, date, list_id=None, subtype="plain", cte="quoted-printable",
                charset="utf-8", flowed=False):
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = "analysts@example.org"
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = f"<{zlib.crc32(subject.encode())}@{sender.split('@')[-1].rstrip('>')}>"
    if list_id:
        message["List-Id"] = list_id
        address = list_id[list_id.index("<") + 1:list_id.index(">")]
        message["List-Unsubscribe"] = f"<mailto:leave-{address}>"
    message["MIME-Version"] = "1.0"
    if cte == "quoted-printable":
        cs = email.charset.Charset(charset)
        cs.body_encoding = email.charset.QP
        message.set_payload(text, charset=cs)
        message.replace_header("Content-Type", f'text/{subtype}; charset="{charset}"' +
                               ("; format=flowed" if flowed else ""))
    else:
        message.set_content(text, subtype=subtype, charset=charset, cte=cte)
        if flowed:
            message.replace_header("Content-Type", f'text/{subtype}; charset="{charset}"; format=flowed')
    return message.as_bytes()


def flow(text, width=72):
    """format=flowed (RFC 3676): long lines broken into pieces that end with a space."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width + 4:
            out.append(line)
            continue
        pieces = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        out.extend(piece + " " for piece in pieces[:-1])
        out.append(pieces[-1])
    return "\n".join(out)


def typographic(text):
    """Curly apostrophes and quotes, as a word processor would type them."""
    text = re.sub(r"(\w)'(\w)", "\u2019".join([r"\1", r"\2"]), text)
    text = re.sub(r"(\w)'", "\\1\u2019", text)
    return text


def typographic_truth(doc, skips):
    """The truth of a bulletin whose text went through `typographic`: the same change
    applied to its titles, first words and skipped lines."""
    for entry in doc.articles:
        for key in ("title", "body", "why"):
            if entry[key]:
                entry[key] = typographic(entry[key])
    return [(typographic(text), kind) for text, kind in skips]


# ---------------------------------------------------------------------------------------
# Writing


written = []


def write(family, name, data, doc, description, covers, skips):
    folder = os.path.join(CORPUS, family)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
    # Lines without a letter or digit ("--", "* * *") are decoration: in no truth list.
    skips = [(text, kind) for text, kind in skips if re.search(r"\w", text)]
    truth = doc.truth(family, name, description, list(covers) + sorted(doc.features), skips)
    stem = name.rsplit(".", 1)[0]
    with open(os.path.join(folder, stem + ".truth.json"), "w", encoding="utf-8") as handle:
        json.dump(truth, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    written.append((family, name))


def rotate(order, start, count):
    return [order[(start + i) % len(order)] for i in range(count)]


# The sample publisher's trailer lines: the current wording in its three spellings, the
# older one, and two newer ones.
NEW = "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!"
NEW_COMMA = "Would you like to learn more about AI, tech, and digital diplomacy? If so, ask our Diplo chatbot!"
NEW_GLUED = "Would you like to learn more about AI, tech and digital diplomacyIf so, ask our Diplo chatbot!"
OLD = "For more information on these topics, visit diplomacy.edu."
NEWER = "Want to learn more about AI, tech and digital diplomacy? Ask our Diplo chatbot!"
NEWER_2 = "Curious about AI, tech and digital diplomacy? Chat with our Diplo AI assistant."
NEW_CYCLE = [NEW, NEW_GLUED, NEW_COMMA]

MASTHEAD = ["masthead"]
INTRO = ["intro", "masthead"]
FOOTER = ["footer"]
CONTENTS = ["contents"]


def diplo_front(doc, items, *, issue="Issue 118", date="3 December 2026", contents=True, view_online=True):
    if view_online:
        doc.skip("View this email in your browser", ["masthead", "footer"])
    doc.skip_lines(["Diplo Weekly Digest", f"{issue} | {date}"], MASTHEAD)
    doc.skip("Dear readers,", INTRO)
    doc.skip("This week, governments moved on several fronts at once: from where public data may be stored "
             "to how satellites share the sky. Below you will find our selection of the developments that "
             "shaped digital policy, each with a short note on why it matters.", INTRO)
    doc.skip_lines(["Happy reading,", "The Digital Policy team"], INTRO)
    if contents:
        doc.skip_lines(["In this issue"] + [item.title for item in items], CONTENTS)


def diplo_footer(doc):
    doc.skip("You are receiving this email because you subscribed to the Diplo Weekly Digest.", FOOTER)
    doc.skip("Unsubscribe | Update your preferences | Privacy policy", FOOTER)
    doc.skip("© 2026 Diplo. All rights reserved.", FOOTER)


def diplo_doc(items, trailers, subs=False):
    """Articles of the sample's publisher. Its articles rarely carry subheadings: they are
    left out (subs=False) except in the files that are about them, so that each layout
    variant tests its layout."""
    doc = Doc()
    for index, item in enumerate(items):
        doc.article(item, trailer=trailers(index) if callable(trailers) else trailers, subs=subs)
    return doc


def build_diplo():
    fam = "diplo"
    order = POLICY_ORDER
    P = POLICY

    def cycle(index):
        return NEW_CYCLE[index % 3]

    # 1. Plain text like the sample.
    items = rotate(order, 0, 8)
    doc = diplo_doc(items, cycle)
    text, skips = render_text(doc)
    write(fam, "plain.txt", text, doc, "Plain UTF-8 text like the sample: title, paragraphs, why section, trailer (three spellings).",
          ["trailer-new"], skips)

    # 2. CRLF.
    items = rotate(order, 8, 7)
    doc = diplo_doc(items, cycle)
    text, skips = render_text(doc)
    write(fam, "crlf.txt", text.replace("\n", "\r\n"), doc, "CRLF line endings.", ["crlf", "trailer-new"], skips)

    # 3. UTF-8 with BOM, trailing spaces after some trailers.
    items = rotate(order, 15, 7)
    doc = diplo_doc(items, cycle)
    text, skips = render_text(doc)
    text = text.replace(NEW_GLUED + "\n", NEW_GLUED + "  \n")
    write(fam, "bom.txt", "\ufeff" + text, doc, "UTF-8 with a byte order mark; trailing spaces after some trailers.",
          ["bom", "trailer-new"], skips)

    # 4. Windows-1252, typographic quotes and a euro sign.
    items = rotate(order, 3, 7)
    doc = diplo_doc(items, NEW)
    text, skips = render_text(doc)
    text = typographic(text).replace("the equivalent of 2 billion euros", "\u20ac2 billion")
    skips = typographic_truth(doc, skips)
    write(fam, "windows-1252.txt", text.encode("cp1252"), doc,
          "Windows-1252 bytes: curly apostrophes and a euro sign that are not UTF-8.", ["windows-1252"], skips)

    # 5. Windows-1252 + CRLF + the older trailer.
    items = rotate(order, 11, 6)
    doc = diplo_doc(items, OLD)
    text, skips = render_text(doc)
    text = typographic(text)
    skips = typographic_truth(doc, skips)
    write(fam, "windows-1252-crlf-old-trailer.txt", text.replace("\n", "\r\n").encode("cp1252"), doc,
          "Windows-1252, CRLF and the older trailer on every article.", ["windows-1252", "crlf", "trailer-old"], skips)

    # 6. Web edition: HTML, h2 titles, h3 why heading.
    items = rotate(order, 18, 6)
    doc = diplo_doc(items, cycle)
    page, skips = render_html(doc, page_title="Weekly digest | Diplo")
    write(fam, "web.html", page, doc, "HTML web edition: h2 titles, h3 'Why does it matter?', trailer in <em>.",
          ["html", "trailer-new"], skips)

    # 7. HTML e-mail layout: nested tables, titles in <p><strong>, masthead + contents + footer.
    items = rotate(order, 5, 7)
    doc = Doc()
    diplo_front(doc, items, issue="Issue 119", date="10 December 2026")
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False)
    diplo_footer(doc)
    page, skips = render_html(doc, page_title="Diplo Weekly Digest 119", table=True,
                              tags={"title": ("<p><strong>", "</strong></p>"),
                                    "whyhead": ("<p><strong>", "</strong></p>")})
    write(fam, "email-layout.html", page, doc,
          "HTML e-mail layout in nested tables: bold paragraphs as titles, masthead with greeting and editor's intro, contents, footer.",
          ["html", "masthead-intro-greeting", "contents", "footer", "trailer-new"], skips)

    # 8. Quoted-printable text/plain e-mail.
    items = rotate(order, 9, 6)
    doc = Doc()
    doc.skip_lines(["Diplo Weekly Digest", "Issue 120 | 17 December 2026"], MASTHEAD)
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False)
    diplo_footer(doc)
    text, skips = render_text(doc)
    data = email_bytes(typographic(text), subject="Diplo Weekly Digest 120", sender="Diplo <digest@diplo.example>",
                       date="Thu, 17 Dec 2026 08:00:00 +0100", list_id="<weekly.diplo.example>")
    skips = typographic_truth(doc, skips)
    write(fam, "quoted-printable.eml", data, doc, "E-mail, text/plain in quoted-printable UTF-8 (soft line breaks, =E2=80=99).",
          ["email", "quoted-printable", "masthead", "footer", "trailer-new"], skips)

    # 9. Quoted-printable text/html e-mail.
    items = rotate(order, 14, 6)
    doc = Doc()
    doc.skip("View this email in your browser", ["masthead", "footer"])
    doc.skip("Diplo Weekly Digest", MASTHEAD, tag="<h1>")
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False)
    diplo_footer(doc)
    page, skips = render_html(doc, page_title="Diplo Weekly Digest 121")
    data = email_bytes(page, subject="Diplo Weekly Digest 121", sender="Diplo <digest@diplo.example>",
                       date="Thu, 24 Dec 2026 08:00:00 +0100", list_id="<weekly.diplo.example>", subtype="html")
    write(fam, "quoted-printable-html.eml", data, doc, "E-mail, text/html only, quoted-printable: h1 masthead, h2 titles.",
          ["email", "quoted-printable", "html", "masthead", "footer", "trailer-new"], skips)

    # 10. Markdown.
    items = rotate(order, 2, 7)
    doc = Doc()
    doc.skip("Diplo Weekly Digest, 31 December 2026", MASTHEAD, tag="#")
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index))
    text, skips = render_markdown(doc)
    write(fam, "digest.md", text, doc, "Markdown: '#' masthead, '##' titles, '###' subheadings, bold why heading, italic trailer.",
          ["markdown", "masthead", "trailer-new"], skips)

    # 11. Missing trailers: three of eight articles have none.
    items = rotate(order, 6, 8)
    doc = diplo_doc(items, lambda i: None if i in (1, 4, 5) else cycle(i))
    text, skips = render_text(doc)
    write(fam, "missing-trailers.txt", text, doc, "Trailers missing after three of eight articles (two in a row).",
          ["missing-trailers", "trailer-new"], skips)

    # 12. Hard-wrapped at 72 columns.
    items = rotate(order, 12, 7)
    doc = diplo_doc(items, cycle)
    text, skips = render_text(doc, wrap=72)
    write(fam, "hard-wrapped.txt", text, doc, "Paragraphs and trailers hard-wrapped at 72 columns (the trailer spans two lines).",
          ["hard-wrapped", "trailer-new"], skips)

    # 13. Single newlines between paragraphs.
    items = rotate(order, 16, 7)
    doc = diplo_doc(items, cycle)
    text, skips = render_text(doc, paragraph_gap="\n")
    write(fam, "single-newlines.txt", text, doc, "No blank lines at all: one newline between title, paragraphs, why and trailer.",
          ["single-newlines", "trailer-new"], skips)

    # 14. Masthead, greeting, editor's intro, contents, footer (text).
    items = rotate(order, 1, 7)
    doc = Doc()
    diplo_front(doc, items)
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False)
    diplo_footer(doc)
    text, skips = render_text(doc)
    write(fam, "masthead-contents-footer.txt", text, doc,
          "Masthead, greeting, editor's intro and sign-off, contents list, then articles with trailers, then footer.",
          ["masthead-intro-greeting", "contents", "footer", "trailer-new"], skips)

    # 15. No trailers, why sections; a short question title after longer ones.
    items = [P["lakeland-cloud"], P["semiconductor-subsidies"], P["child-safety-code"], P["quantum-networks"],
             P["digital-id-wallet"], P["broadband-universal-service"]]
    doc = diplo_doc(items, None)
    text, skips = render_text(doc)
    write(fam, "no-trailers.txt", text, doc,
          "No trailers; why sections delimit. 'Who will govern quantum networks?' (5 words) follows longer titles.",
          ["no-trailers", "short-question-title"], skips)

    # 16. No trailers, no why sections, masthead with greeting and intro; short question title.
    items = [P["submarine-cables"], P["e-waste-standards"], P["data-centre-water"], P["quantum-networks"],
             P["online-voting-trial"], P["fintech-sandbox"], P["space-debris-guidelines"]]
    doc = Doc()
    diplo_front(doc, items, issue="Issue 117", date="26 November 2026", contents=False, view_online=False)
    for item in items:
        doc.article(item, with_why=False, subs=False)
    text, skips = render_text(doc)
    write(fam, "no-trailers-no-why.txt", text, doc,
          "Neither trailers nor why sections; masthead with greeting, editor's intro and sign-off; a 5-word question title after longer titles.",
          ["no-trailers", "short-question-title", "masthead-intro-greeting"], skips)

    # 16b. Neither trailers, why sections nor masthead: only the titles' shape tells.
    items = [P["lakeland-cloud"], P["ai-safety-institute-network"], P["telecom-foreign-investment"],
             P["quantum-networks"], P["health-data-space"], P["cyber-workforce"]]
    doc = Doc()
    for item in items:
        doc.article(item, with_why=False, subs=False)
    text, skips = render_text(doc)
    write(fam, "titles-only.txt", text, doc,
          "No trailers, no why sections, no masthead: long titles, then the 5-word 'Who will govern quantum networks?'.",
          ["no-trailers", "short-question-title"], skips)

    # 17. The older trailer.
    items = rotate(order, 17, 7)
    doc = diplo_doc(items, OLD)
    text, skips = render_text(doc)
    write(fam, "old-trailer.txt", text, doc, "Every article ends with the older trailer 'For more information on these topics, visit diplomacy.edu.'",
          ["trailer-old"], skips)

    # 18. Mixed trailers: old, current, newer wordings.
    items = rotate(order, 4, 8)
    mix = [OLD, NEW, NEWER, NEW_GLUED, NEWER_2, OLD, NEW_COMMA, NEWER]
    doc = diplo_doc(items, lambda i: mix[i])
    text, skips = render_text(doc)
    write(fam, "mixed-trailers.txt", text, doc, "Old, current and two newer trailer wordings in one digest.",
          ["trailer-old", "trailer-new", "trailer-newer"], skips)

    # 19. In-article subheadings followed by paragraphs, inside trailer-delimited articles.
    items = [P["ai-procurement-guidelines"], P["northland-satellite"], P["cyber-norms-dialogue"],
             P["ai-copyright-consultation"], P["platform-transparency-reports"], P["cyber-workforce"]]
    doc = diplo_doc(items, cycle, subs=True)
    text, skips = render_text(doc)
    write(fam, "subheadings.txt", text, doc,
          "Two articles carry in-article subheadings, each followed by a paragraph, inside trailer-delimited articles.",
          ["subheading-in-trailer-article", "trailer-new"], skips)

    # 20. Long body sentences without their final period, followed by a paragraph.
    items = [P["lakeland-cloud"], P["child-safety-code"], P["misinformation-elections"],
             P["data-centre-water"], P["telecom-foreign-investment"], P["health-data-space"]]
    assert sum(1 for item in items for kind, _ in item.blocks if kind == "L") == 3
    doc = Doc()
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False, drop_period=True)
    text, skips = render_text(doc)
    write(fam, "sentence-without-period.txt", text, doc,
          "Three long one-sentence paragraphs (20+ words, commas, ending in a lower-case word) lack their final period and are followed by a paragraph.",
          ["sentence-without-period", "trailer-new"], skips)

    # 21. Web-page copy: a caption of comma-separated words directly under each title.
    items = [P["lakeland-cloud"], P["northland-satellite"], P["submarine-cables"], P["ai-safety-institute-network"],
             P["digital-trade-agreement"], P["space-debris-guidelines"]]
    doc = Doc()
    for index, item in enumerate(items):
        doc.article(item, trailer=cycle(index), subs=False, caption=True)
    text, skips = render_text(doc)
    write(fam, "title-caption.txt", text, doc,
          "Copied from the web edition: a caption of comma-separated topic words directly under three titles.",
          ["title-then-caption", "trailer-new"], skips)


# ---------------------------------------------------------------------------------------


def circuit_front(doc, number):
    doc.skip("The Circuit", ["masthead"], tag="<h1>")
    doc.skip(f"Issue {number} · A weekly look at technology and the state", ["masthead"])
    doc.skip("Good morning! Here is what caught our attention in tech policy this week.", INTRO)


def circuit_footer(doc):
    doc.skip("Forward this email to a friend", FOOTER)
    doc.skip("You received this email because you signed up for The Circuit. Unsubscribe", FOOTER)


def build_html_items():
    fam = "html-items"
    P = POLICY
    order = POLICY_ORDER

    # 1. h1 masthead, intro, h2 per item, footer.
    doc = Doc()
    circuit_front(doc, 52)
    for item in rotate(order, 7, 7):
        doc.article(item, with_why=False)
    circuit_footer(doc)
    page, skips = render_html(doc, page_title="The Circuit #52")
    write(fam, "circuit-52.html", page, doc, "h1 masthead and greeting intro, one h2 per item, footer.",
          ["html", "masthead-intro-greeting", "footer"], skips)

    # 2. h3 subheadings, one directly under its h2.
    doc = Doc()
    circuit_front(doc, 53)
    items = [P["cyber-norms-dialogue"], P["ai-procurement-guidelines"], P["broadband-universal-service"],
             P["fintech-sandbox"], P["semiconductor-subsidies"]]
    # A first item whose first line is a subheading.
    lead = Item("lead")
    lead.title = "Inside the race for sovereign AI models"
    lead.blocks = [("S", "Five governments, five strategies"),
                   ("P", "Governments that once bought software off the shelf now want language models trained on their own languages, laws and archives. We asked officials in five countries what they are building and why."),
                   ("S", "Lakeland: a model for the civil service"),
                   ("P", "Lakeland's model is trained on decades of parliamentary records and public documents. It will draft replies to citizens' letters, always reviewed by a clerk before they are sent."),
                   ("S", "Southport: compute first"),
                   ("P", "Southport has put its money into a national computing centre rather than a model of its own, betting that universities and start-ups will build what the country needs.")]
    for item in [lead] + items:
        doc.article(item, with_why=False)
    circuit_footer(doc)
    page, skips = render_html(doc, page_title="The Circuit #53")
    write(fam, "circuit-53.html", page, doc,
          "h3 subheadings inside items; the first item's h2 is directly followed by an h3.",
          ["html", "title-then-subheading", "subheading-in-article", "masthead-intro-greeting", "footer"], skips)

    # 3. Figures: a comma-separated figcaption directly under the h2.
    doc = Doc()
    circuit_front(doc, 54)
    items = [P["lakeland-cloud"], P["northland-satellite"], P["submarine-cables"], P["online-voting-trial"],
             P["space-debris-guidelines"], P["e-waste-standards"]]
    for item in items:
        doc.article(item, with_why=False, caption=True, caption_tag="figcaption")
    circuit_footer(doc)
    page, skips = render_html(doc, page_title="The Circuit #54")
    write(fam, "circuit-54.html", page, doc,
          "An image with a figcaption of comma-separated words directly under four h2 titles.",
          ["html", "title-then-caption", "masthead-intro-greeting", "footer"], skips)

    # 4. <article> wrappers, nav contents list, footer.
    doc = Doc()
    circuit_front(doc, 55)
    items = rotate(order, 13, 6)
    doc.skip_lines([item.title for item in items], CONTENTS, tag="li")
    assert [item.ident for item in items][1:4:2] == ["online-voting-trial", "fintech-sandbox"]
    credits = {1: "Photo: a polling station at the last general election (Fairhaven electoral commission)",
               3: "The central bank's headquarters in Southport. Photo: Southport central bank"}
    for number, item in enumerate(items):
        doc.article(item, with_why=False, inner_caption=credits.get(number))
    circuit_footer(doc)
    page, skips = render_html(doc, page_title="The Circuit #55", wrap_article=True)
    write(fam, "circuit-55.html", page, doc, "Items in <article> elements, a contents list of links to them, image credits inside two items, footer.",
          ["html", "contents", "footer"], skips)

    # 5. HTML e-mail (base64), h2 items, why sections as h3.
    doc = Doc()
    circuit_front(doc, 56)
    items = rotate(order, 19, 5)
    for item in items:
        doc.article(item, why_heading="Why it matters")
    circuit_footer(doc)
    page, skips = render_html(doc, page_title="The Circuit #56")
    data = email_bytes(page, subject="The Circuit #56: sovereign clouds and orbital debris",
                       sender="The Circuit <hello@circuit.example>", date="Fri, 11 Dec 2026 07:30:00 +0000",
                       list_id="<circuit.circuit.example>", subtype="html", cte="base64")
    write(fam, "circuit-56.eml", data, doc, "HTML e-mail in base64: h2 items with an h3 'Why it matters' section.",
          ["email", "html", "masthead-intro-greeting", "footer"], skips)


# ---------------------------------------------------------------------------------------


HOUSE = ["house"]
LINKS = ["link-list"]

JOBS = [("Senior Rust engineer, scheduler team (remote)", "https://jobs.example.com/1183"),
        ("Developer advocate, Europe", "https://jobs.example.com/1190"),
        ("Site reliability engineer, Tidewater Cloud", "https://jobs.example.com/1201"),
        ("Technical writer (part-time)", "https://jobs.example.com/1204")]
EVENTS = [("14 Jan: Tidewater community call (online)", "https://tidewater.example/calls"),
          ("22 Jan: Scheduling meetup, Rotterdam", "https://meetup.example/sched-rtm"),
          ("5 Feb: Tidewater Day, Lisbon", "https://tidewater.example/day")]
LINKS_OF_WEEK = [("Running Tidewater on a Raspberry Pi cluster", "https://blog.example.net/pi-tide"),
                 ("A visual guide to job dependencies", "https://diagrams.example.io/deps"),
                 ("Why we moved our nightly batch to Tidewater", "https://eng.example.com/nightly"),
                 ("Podcast: scheduling at the edge", "https://pod.example.fm/ep42")]
GOOD_FIRST = [("#2291 Improve the error when a cron expression is invalid", "https://git.example/tide/issues/2291"),
              ("#2304 Add a --quiet flag to tide status", "https://git.example/tide/issues/2304"),
              ("#2310 Document the agent's environment variables", "https://git.example/tide/issues/2310")]


def tide_front(doc, number, date):
    doc.skip(f"Tidewater Weekly #{number}", MASTHEAD, tag="#")
    doc.skip(f"{date} · the news from the Tidewater community", MASTHEAD, tag="i")
    doc.skip("Hello everyone,", INTRO)
    doc.skip("Another busy week in the project. Grab a coffee: here is what happened.", INTRO)


def tide_links(doc, heading, links):
    doc.skip(heading, LINKS, tag="##")
    doc.skip_lines([t for t, _ in links], LINKS, tag="li", hrefs=[h for _, h in links])


def tide_contributors(doc, names):
    doc.skip("Contributors' corner", HOUSE, tag="##")
    doc.skip("A warm welcome to the people who made their first contribution this week:", HOUSE)
    doc.skip_lines(names, HOUSE, tag="li")


def tide_questions(doc, question, answer):
    doc.skip("Questions box", HOUSE, tag="##")
    doc.skip(question, HOUSE, tag="b")
    doc.skip(answer, HOUSE)
    doc.skip("Have a question? Reply to this email and we may answer it here next week.", HOUSE, tag="i")


def tide_signoff(doc):
    doc.skip("That's all for this week. See you next Tuesday!", HOUSE)
    doc.skip("— The Tidewater team", HOUSE)


def build_md_project():
    fam = "md-project"
    T = PROJECT
    # 1
    doc = Doc()
    tide_front(doc, 41, "6 January 2027")
    for key in ("release-3-4", "rfc-plugins", "ci-migration", "docs-sprint", "conference"):
        doc.article(T[key])
    tide_contributors(doc, ["@amaru-q", "@lenka.h", "@tobi-dev"])
    tide_links(doc, "Jobs", JOBS)
    tide_links(doc, "Events", EVENTS)
    tide_signoff(doc)
    text, skips = render_markdown(doc)
    write(fam, "tidewater-41.md", text, doc,
          "Markdown project newsletter: masthead + greeting, '##' items, contributors' corner, jobs and events link lists, sign-off.",
          ["markdown", "masthead-intro-greeting", "house-section", "link-list"], skips)

    # 2 items separated by --- ; questions box; links of the week
    doc = Doc()
    tide_front(doc, 42, "13 January 2027")
    for key in ("security-advisory", "windows-support", "governance", "survey", "translation"):
        doc.article(T[key])
    tide_questions(doc, "Can one agent serve two clusters?",
                   "Not today: an agent registers with exactly one scheduler. Running two agents on the same machine works, as long as they use different work directories.")
    tide_links(doc, "Links of the week", LINKS_OF_WEEK)
    tide_signoff(doc)
    text, skips = render_markdown(doc, separator="---")
    write(fam, "tidewater-42.md", text, doc,
          "Items separated by '---' rules; a questions box with a question and a prose answer; a link round-up; sign-off.",
          ["markdown", "house-section", "link-list", "rule-separator"], skips)

    # 3 subheadings inside an item
    doc = Doc()
    tide_front(doc, 43, "20 January 2027")
    for key in ("perf-scheduler", "deprecations", "translation", "rfc-plugins", "docs-sprint"):
        doc.article(T[key])
    tide_contributors(doc, ["@yusuf-k", "@marisol"])
    tide_links(doc, "Good first issues", GOOD_FIRST)
    tide_questions(doc, "Where do I find the old 2.x documentation?",
                   "It lives on under docs.tidewater.example/2.x and will stay online until the end of 2027.")
    tide_signoff(doc)
    text, skips = render_markdown(doc)
    write(fam, "tidewater-43.md", text, doc,
          "'###' subheadings with prose inside a '##' item; contributors' corner, good-first-issues links, questions box, sign-off.",
          ["markdown", "subheading-in-article", "house-section", "link-list"], skips)

    # 4 setext headings
    doc = Doc()
    doc.skip("Tidewater Weekly #44", MASTHEAD)
    doc.skip("Hi all, a shorter issue this week while half the team is at a conference.", INTRO)
    for key in ("conference", "release-3-4", "survey", "governance", "security-advisory"):
        doc.article(T[key])
    tide_links(doc, "Events", EVENTS)
    tide_signoff(doc)
    text, skips = render_markdown(doc, title="{}\n" + "-" * 30)
    write(fam, "tidewater-44.md", text, doc,
          "Setext headings (title underlined with dashes) instead of '##'; events link list; sign-off.",
          ["markdown", "setext-headings", "link-list", "house-section", "masthead-intro-greeting"], skips)

    # 5 e-mail version (text/plain markdown) with thanks list
    doc = Doc()
    tide_front(doc, 45, "3 February 2027")
    for key in ("deprecations", "docs-sprint", "ci-migration", "rfc-plugins", "windows-support"):
        doc.article(T[key])
    doc.skip("Thanks", HOUSE, tag="##")
    doc.skip("This issue was put together by Ada, Kenji and Priya, with corrections from the whole maintainer team.", HOUSE)
    tide_links(doc, "Jobs", JOBS[:2])
    tide_signoff(doc)
    text, skips = render_markdown(doc)
    data = email_bytes(text, subject="Tidewater Weekly #45", sender="Tidewater Weekly <weekly@tidewater.example>",
                       date="Tue, 03 Feb 2027 09:00:00 +0000", list_id="<weekly.tidewater.example>",
                       subtype="markdown", cte="8bit")
    write(fam, "tidewater-45.eml", data, doc,
          "The same newsletter as a text/markdown e-mail: items, a thanks house section, jobs links, sign-off.",
          ["email", "markdown", "house-section", "link-list", "masthead-intro-greeting"], skips)


# ---------------------------------------------------------------------------------------


def wire_front(doc, date):
    doc.skip("POLICY WIRE", MASTHEAD)
    doc.skip(f"Your daily digest of technology policy headlines · {date}", MASTHEAD)


def wire_footer(doc):
    doc.skip("Policy Wire collects headlines from public sources. Summaries are written by our editors.", FOOTER)
    doc.skip("Manage your subscription | Unsubscribe", FOOTER)


def build_wire():
    fam = "wire"
    W = WIRE_ORDER

    # 1 blank lines everywhere
    doc = Doc()
    wire_front(doc, "7 December 2026")
    for item in W[0:8]:
        doc.article(item, source=True)
    wire_footer(doc)
    text, skips = render_text(doc)
    write(fam, "wire-1207.txt", text, doc, "Headline, source line, paragraph, each separated by a blank line.",
          ["source-line"], skips)

    # 2 single newlines within an item, source with date
    doc = Doc()
    wire_front(doc, "8 December 2026")
    for item in W[8:16]:
        it = Item(item.ident)
        it.title, it.blocks, it.source = item.title, item.blocks, f"{item.source} · 8 Dec 2026"
        doc.article(it, source=True)
    wire_footer(doc)
    groups = []
    for group in doc.groups:
        if group[0].kind == "title":
            groups.append([group[0]])
        elif group[0].kind in ("caption", "para") and groups and groups[-1][0].kind == "title":
            groups[-1].extend(group)
        else:
            groups.append(group)
    doc.groups = groups
    text, skips = render_text(doc)
    write(fam, "wire-1208.txt", text, doc, "Headline, 'Source · date' line and paragraph on consecutive lines; a blank line between items.",
          ["source-line"], skips)

    # 3 Markdown with linked headlines and italic source
    doc = Doc()
    wire_front(doc, "9 December 2026")
    for item in [W[i] for i in (16, 1, 3, 5, 7, 9, 11)]:
        doc.article(item, source=True)
    wire_footer(doc)
    text, skips = render_markdown(doc, title="### {}", caption="*{}*")
    write(fam, "wire-1209.md", text, doc, "Markdown: '###' headlines, italic source line, paragraph; a 6-word question headline.",
          ["markdown", "source-line", "short-question-title"], skips)

    # 4 plain-text e-mail, source as "— Source"
    doc = Doc()
    wire_front(doc, "10 December 2026")
    for item in [W[i] for i in (17, 0, 2, 4, 6, 8, 10, 12)]:
        it = Item(item.ident)
        it.title, it.blocks, it.source = item.title, item.blocks, f"— {item.source}"
        doc.article(it, source=True)
    wire_footer(doc)
    text, skips = render_text(doc)
    data = email_bytes(text, subject="Policy Wire, 10 December 2026", sender="Policy Wire <wire@policywire.example>",
                       date="Thu, 10 Dec 2026 06:00:00 +0000", list_id="<daily.policywire.example>")
    write(fam, "wire-1210.eml", data, doc, "Plain-text e-mail (quoted-printable): headline, '— Source' line, paragraph.",
          ["email", "source-line"], skips)

    # 5 HTML
    doc = Doc()
    wire_front(doc, "11 December 2026")
    for item in [W[i] for i in (13, 14, 15, 16, 2, 5)]:
        doc.article(item, source=True)
    wire_footer(doc)
    page, skips = render_html(doc, page_title="Policy Wire — 11 December 2026",
                              tags={"title": ("<h3>", "</h3>"), "caption": ('<p class="source">', "</p>")})
    write(fam, "wire-1211.html", page, doc, "HTML: h3 headline, <p class=source>, paragraph.",
          ["html", "source-line"], skips)


# ---------------------------------------------------------------------------------------


def build_email_toc():
    fam = "email-toc"
    P = POLICY

    def briefing(number, items, *, upper=False, numbered=True, bullet="", rule=None, flowed=False,
                 charset="utf-8", wrap=None, date="Mon, 07 Dec 2026 07:00:00 +0100"):
        doc = Doc()
        if charset == "utf-8":
            masthead = [f"CIVIC TECH BRIEFING — No. {number}", "A fortnightly letter on digital government"]
        else:
            masthead = [f"CIVIC TECH BRIEFING - No. {number}", "A fortnightly letter on digital government · édition européenne"]
        doc.skip_lines(masthead, MASTHEAD)
        doc.skip("IN THIS ISSUE", CONTENTS)
        toc = []
        for index, item in enumerate(items, 1):
            label = item.title.upper() if upper else item.title
            toc.append(f"{bullet}{index}. {label}" if numbered else f"{bullet}{label}")
        doc.skip_lines(toc, CONTENTS)
        for index, item in enumerate(items, 1):
            label = item.title.upper() if upper else item.title
            if numbered:
                label = f"{index}. {label}"
            if rule and index > 1:
                doc.group(Line("skip", rule, None))
            doc.article(item, with_why=False, title_text=label)
        doc.skip("--", FOOTER)
        doc.skip("Civic Tech Briefing is written by volunteers and sent to 4,200 readers.", FOOTER)
        doc.skip("To unsubscribe, reply with UNSUBSCRIBE in the subject line.", FOOTER)
        # Rule lines (no letters) are decoration: not in the truth's skipped list.
        for group in doc.groups:
            for line in group:
                if line.kind == "skip" and line.skip_as is None:
                    line.kind = "rule"
        text, skips = render_text(doc, wrap=wrap)
        skips = [(t, k) for t, k in skips if k is not None]
        if flowed:
            text = flow(text)
        data = email_bytes(text, subject=f"Civic Tech Briefing No. {number}",
                           sender="Civic Tech Briefing <briefing@civictech.example>", date=date,
                           list_id="Civic Tech Briefing <briefing.civictech.example>", flowed=flowed,
                           charset=charset, cte="quoted-printable" if charset != "utf-8" or not flowed else "8bit")
        return doc, data, skips

    doc, data, skips = briefing(87, [P["ai-procurement-guidelines"], P["digital-id-wallet"], P["health-data-space"],
                                     P["online-voting-trial"], P["broadband-universal-service"]])
    write(fam, "briefing-87.eml", data, doc, "Numbered contents list, numbered titles, '--' signature footer.",
          ["email", "contents", "footer"], skips)

    doc, data, skips = briefing(88, [P["platform-transparency-reports"], P["misinformation-elections"],
                                     P["cyber-workforce"], P["data-centre-water"], P["fintech-sandbox"],
                                     P["e-waste-standards"]], upper=True, numbered=False)
    write(fam, "briefing-88.eml", data, doc, "Titles in capitals, contents list in capitals, no numbers.",
          ["email", "contents", "footer", "uppercase-titles"], skips)

    doc, data, skips = briefing(89, [P["cyber-norms-dialogue"], P["submarine-cables"], P["space-debris-guidelines"],
                                     P["ai-safety-institute-network"], P["digital-trade-agreement"]],
                                numbered=False, bullet="* ", rule="* * *", flowed=True)
    write(fam, "briefing-89.eml", data, doc, "format=flowed e-mail; '* ' contents bullets; '* * *' between articles; subheadings.",
          ["email", "contents", "footer", "format-flowed", "subheading-in-article"], skips)

    items = [P["lakeland-cloud"], P["child-safety-code"], P["ai-copyright-consultation"], P["quantum-networks"],
             P["telecom-foreign-investment"], P["semiconductor-subsidies"]]
    doc, data, skips = briefing(90, items, charset="iso-8859-1", wrap=70)
    write(fam, "briefing-90.eml", data, doc, "ISO-8859-1 quoted-printable, hard-wrapped at 70; a 5-word question title after longer ones.",
          ["email", "contents", "footer", "hard-wrapped", "short-question-title"], skips)


# ---------------------------------------------------------------------------------------


def build_rights():
    fam = "rights"
    R = RIGHTS_ORDER

    def front(doc, month):
        doc.skip(f"Open Circuit Monitor — {month}", MASTHEAD)
        doc.skip("Dear friends,", INTRO)
        doc.skip("This month brought two rare victories for privacy and a worrying spread of biometric checks. "
                 "As always, our team has read the reports so that you do not have to.", INTRO)
        doc.skip("— Helena Marsh, director", INTRO)

    def back(doc):
        doc.skip("Support our work", HOUSE)
        doc.skip("Open Circuit is funded by its readers. A monthly donation of any size keeps our research independent.", HOUSE)
        doc.skip("Donate: opencircuit.example/donate", HOUSE)
        doc.skip("Open Circuit, 12 Harbour Lane, Westvale. You are receiving this because you subscribed on our website.", FOOTER)
        doc.skip("Unsubscribe", FOOTER)

    doc = Doc()
    front(doc, "November 2026")
    for item in R[0:5]:
        doc.article(item, related=True)
    back(doc)
    text, skips = render_text(doc)
    write(fam, "monitor-2026-11.txt", text, doc,
          "Title directly followed by a 'Related topics:' line; in-article subheadings; director's letter; donation house section; footer.",
          ["title-then-related", "subheading-in-article", "masthead-intro-greeting", "house-section", "footer"], skips)

    doc = Doc()
    front(doc, "December 2026")
    for item in R[3:8]:
        doc.article(item, related=True)
    back(doc)
    page, skips = render_html(doc, page_title="Open Circuit Monitor — December 2026",
                              tags={"caption": ('<p class="related">', "</p>")})
    write(fam, "monitor-2026-12.html", page, doc, "HTML: h2 titles, p.related line under each, h3 subheadings.",
          ["html", "title-then-related", "subheading-in-article", "masthead-intro-greeting", "house-section", "footer"], skips)

    doc = Doc()
    front(doc, "January 2027")
    for item in [R[i] for i in (7, 6, 1, 0, 2)]:
        doc.article(item, related=True)
    back(doc)
    text, skips = render_markdown(doc, caption="_{}_")
    write(fam, "monitor-2027-01.md", text, doc, "Markdown: '##' titles, italic related line, '###' subheadings.",
          ["markdown", "title-then-related", "subheading-in-article", "house-section", "footer"], skips)

    doc = Doc()
    front(doc, "February 2027")
    for item in [R[i] for i in (2, 4, 5, 3, 6)]:
        doc.article(item, related=True)
    back(doc)
    text, skips = render_text(doc)
    data = email_bytes(text, subject="Open Circuit Monitor — February 2027",
                       sender="Open Circuit <monitor@opencircuit.example>", date="Mon, 01 Feb 2027 10:00:00 +0000",
                       list_id="<monitor.opencircuit.example>")
    write(fam, "monitor-2027-02.eml", data, doc, "Plain-text e-mail of the monitor: related lines, subheadings, house section.",
          ["email", "title-then-related", "subheading-in-article", "house-section", "footer"], skips)


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    build_diplo()
    build_html_items()
    build_md_project()
    build_wire()
    build_email_toc()
    build_rights()
    families = sorted({f for f, _ in written})
    print(f"{len(written)} bulletins in {len(families)} families: " +
          ", ".join(f"{f} {sum(1 for g, _ in written if g == f)}" for f in families))


if __name__ == "__main__":
    sys.exit(main())
