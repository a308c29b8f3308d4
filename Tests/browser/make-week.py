#!/usr/bin/env python3
"""Writes a fortnight of invented newsletter bulletins (e-mail, text/plain) in the shapes of
real digests: title line, paragraphs, "Why does it matter?", a trailer. None of the text is
copied from a real newsletter.

Usage: make-week.py OUT_DIR
Writes OUT_DIR/NN-name.eml and OUT_DIR/days.tsv: file name <TAB> YYYY-MM-DD HH:MM (UTC) on
which the test pretends the file arrived. The last day, 2026-11-29 (a Sunday, the end of ISO
week 2026-W48), has a rising topic (Cybersecurity: 1 a day before, 5 that day), a new topic
(Online safety: none before), and one bulletin whose titles are hostile (HTML, an attribute
break-out, a javascript: link and Markdown link syntax)."""
import os
import sys

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

TRAILER = "Would you like to learn more about digital policy? If so, ask our Policy chatbot!"

# (title, body, why) per theme: invented items, several per theme so days differ.
THEMES = {
    "telecoms": [
        ("Regulator opens 6G spectrum consultation", "The national telecom regulator opened a consultation on mid-band spectrum for 6G networks. Operators have until March to respond.", "Spectrum rules decide which operators can build 6G first."),
        ("Rural broadband programme reaches new villages", "A broadband programme connected 400 more villages to fibre this quarter. Mobile network coverage also improved.", "Connectivity gaps still shape access to public services."),
        ("Operators test satellite internet for ships", "Two telecom operators tested satellite internet links for cargo ships. The pilot ran for six weeks.", "Maritime connectivity is a growing market for telecoms."),
    ],
    "ai": [
        ("Retailers adopt AI assistants at scale", "Large retailers reported wider use of AI assistants in customer service. Adoption doubled in a year.", "Enterprise AI adoption is moving from pilots to daily operations."),
        ("Start-up raises funds for AI chip design tools", "A start-up raised new funding to build AI tools for chip design. Investors cited demand from foundries.", "AI industry money keeps flowing into developer tooling."),
        ("Banks expand generative AI in back offices", "Banks are expanding generative AI models to process documents. Staff review every output.", "Financial services are a bellwether for AI adoption."),
    ],
    "datacentres": [
        ("Data centre operator signs wind power deal", "A data centre operator signed a ten-year wind power purchase agreement. The site will draw 80 MW.", "Energy supply is becoming the bottleneck for data centres."),
        ("City pauses new data centre permits over grid strain", "A city council paused permits for new data centres while the grid operator studies capacity.", "Electricity demand from data centres is now a planning issue."),
    ],
    "cyber": [
        ("Ransomware group targets municipal services", "A ransomware attack disrupted municipal payment services for two days. Backups restored most systems.", "Local governments remain soft targets for cyber criminals."),
        ("Agency warns of phishing wave against exporters", "The national cybersecurity agency warned of a phishing campaign against exporters. The emails impersonate customs.", "Phishing still opens the door to most intrusions."),
        ("Critical infrastructure operators must report cyber incidents within a day", "New rules require critical infrastructure operators to report cyber incidents within 24 hours.", "Faster reporting helps contain attacks across sectors."),
        ("Botnet of home routers dismantled", "Police dismantled a botnet of hijacked home routers used for cyber attacks. Owners are being notified.", "Insecure consumer devices feed large attacks."),
        ("Hackers exploit a vulnerability in VPN appliances", "Hackers are exploiting a vulnerability in widely used VPN appliances. A patch is available.", "Unpatched edge devices are a favourite cyber entry point."),
        ("Espionage campaign hits research institutes", "Researchers attributed a cyber espionage campaign against research institutes to a state group.", "Research data is a strategic cyber target."),
    ],
    "safety": [
        ("Platforms must add age verification for adult sites", "A new law requires age verification before adult content is shown. Platforms have six months.", "Online safety rules are reshaping how platforms check users."),
        ("Children's online safety code takes effect", "A code on children's online safety took effect, covering social media feeds and messaging.", "It sets design duties for services children use."),
        ("Regulator fines app over harmful content to minors", "A regulator fined a video app for failing to remove harmful content shown to minors.", "Enforcement of child safety duties has begun."),
    ],
}

FILLER = [
    ("Officials said further steps would follow in the coming months, and industry groups asked for clear timelines and a proper consultation on the details.",
     "Observers noted that the decision fits a wider pattern seen this year, in which authorities move from general statements of intent to specific and enforceable measures."),
    ("The announcement was welcomed by some trade associations, while others warned that the costs of compliance would fall hardest on smaller companies.",
     "A first review of the measure is planned for next year, when the authority will publish figures on how it has worked in practice."),
    ("Details were published in an official notice on the same day, together with answers to the questions most often asked by companies and the public.",
     "Similar steps have been taken elsewhere in recent months, and analysts expect more governments to follow before the end of the next year."),
]


def bulletin(name, subject, date_header, items):
    lines = [
        "From: Policy Weekly <news@example.org>",
        "To: analyst@example.org",
        f"Subject: {subject}",
        f"Date: {date_header}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Policy Weekly: the week in digital policy, in brief",
        "",
    ]
    for index, (title, body, why) in enumerate(items):
        # Real items run to several paragraphs; the splitter expects a body, not one line.
        lines += [title, "", body, "", FILLER[index % len(FILLER)][0], "", FILLER[index % len(FILLER)][1], "",
                  "Why does it matter?", "", why, "", TRAILER, ""]
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
days = []
# 2026-11-16 is a Monday. Weekdays only before the last day, which is Sunday the 29th.
for day in list(range(16, 21)) + list(range(23, 28)):
    weekday = WEEKDAYS[(day - 16) % 7]
    n = day - 16
    items = [
        THEMES["telecoms"][n % 3], THEMES["ai"][n % 3], THEMES["datacentres"][n % 2],
        THEMES["cyber"][n % 6],
    ]
    # Each day's articles differ from the other days' (a day number in the text).
    items = [(t, f"{b} It was reported in the issue of 2026-11-{day:02d}, after weeks of preparation by those involved.", w) for t, b, w in items]
    name = f"{day:02d}-policy-weekly.eml"
    bulletin(name, f"Policy Weekly — {day} November 2026", f"{weekday}, {day:02d} Nov 2026 07:00:00 +0000", items)
    days.append((name, f"2026-11-{day:02d} 07:30"))

# The last day: five cybersecurity stories (rising), three online-safety ones (new).
last = [THEMES["cyber"][i] for i in range(5)] + THEMES["safety"] + [THEMES["telecoms"][0]]
last = [(t, f"{b} It was reported in the Sunday issue of 2026-11-29, after weeks of preparation by those involved.", w) for t, b, w in last]
bulletin("29-policy-weekly.eml", "Policy Weekly — Sunday edition", "Sun, 29 Nov 2026 07:00:00 +0000", last)
days.append(("29-policy-weekly.eml", "2026-11-29 07:30"))

hostile = [
    ("<script>document.body.dataset.pwned='script'</script> Regulator fines a cloud provider over a data breach",
     "Regulators fined a cloud provider after a data breach exposed customer records. <b>It will appeal.</b>",
     "It sets a precedent for cybersecurity duties of cloud providers."),
    ("\"><img src=x onerror=\"document.body.dataset.pwned='img'\"> Ransomware hits a hospital network",
     "A ransomware attack disrupted a hospital network for three days. Patients were moved.",
     "Cybersecurity of health systems is under strain."),
    ("<a href=\"javascript:document.body.dataset.pwned='link'\">Spectrum</a> auction for 6G opens",
     "The telecom regulator opened a 6G spectrum auction for mid-band licences.",
     "Spectrum decides who builds 6G networks first."),
    ("[Click here](javascript:document.body.dataset.pwned='md') to read about broadband vouchers",
     "A broadband voucher scheme for rural homes opened. Operators must sign up.",
     "Vouchers close connectivity gaps faster than new networks."),
]
bulletin("29-hostile.eml", "Policy Weekly <b>special</b> \"><script>x</script>", "Sun, 29 Nov 2026 09:00:00 +0000", hostile)
days.append(("29-hostile.eml", "2026-11-29 09:30"))

with open(os.path.join(OUT, "days.tsv"), "w", encoding="utf-8") as f:
    for name, when in days:
        f.write(f"{name}\t{when}\n")
