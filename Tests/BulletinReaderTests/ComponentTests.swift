import Foundation
import Testing
@testable import BulletinReader

@Suite("Normalisation")
struct TextNormalizerTests {
    @Test func spacesControlsAndBlankLines() {
        let input = "\u{FEFF}\n \n  Title\u{A0}\u{2007}\u{202F}\u{3000}\t\r\n\r\n\r\n\r\nA\u{200B}B\u{00AD}C\u{2060}D\u{0}E\u{7F}F\u{85}G\rH\u{2028}I\u{2029}\n\n"
        #expect(TextNormalizer.normalize(input) == "  Title\n\nABCDEFG\nH\nI")
    }

    @Test func emojiJoinersAreKept() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(TextNormalizer.normalize("\(family) ok") == "\(family) ok")
    }

    @Test func linesAreNeverJoined() {
        let input = "a hard-wrapped\nparagraph that\ncontinues"
        #expect(TextNormalizer.normalize(input) == input)
    }

    @Test func singleLineCollapsesAllWhitespace() {
        #expect(TextNormalizer.singleLine("  a \n\n b\u{A0}\tc  ") == "a b c")
    }
}

@Suite("E-mail building blocks")
struct EmailPartsTests {
    @Test func encodedWords() {
        #expect(EncodedWord.decode("=?utf-8?Q?Caf=C3=A9?= =?utf-8?Q?_cr=C3=A8me?=") == "Café crème")
        #expect(EncodedWord.decode("=?ISO-8859-1?B?SGVsbG8g6Q==?= and plain") == "Hello é and plain")
        #expect(EncodedWord.decode("Re: =?iso-8859-15?q?=A4uro?= news") == "Re: €uro news")
        // A multi-byte character split across two words.
        #expect(EncodedWord.decode("=?utf-8?B?4oI=?=\n =?utf-8?B?rA==?=") == "€")
        #expect(EncodedWord.decode("=?utf-8*en?Q?A_B?=") == "A B")
        #expect(EncodedWord.decode("=?broken =?utf-8?X?abc?= plain =?") == "=?broken =?utf-8?X?abc?= plain =?")
    }

    @Test func quotedPrintable() {
        let decoded = QuotedPrintable.decode(Array("a=3Db=3db soft=  \r\nline=\nend =ZZ =".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "a=b=b softlineend =ZZ ")
    }

    @Test func base64WithLineBreaksAndMissingPadding() {
        #expect(Base64.decode(Array("SGVs\r\nbG8g\nd29y bGQ".utf8)).map { String(decoding: $0, as: UTF8.self) } == "Hello world")
        #expect(Base64.decode(Array("!!!".utf8)) == [])
    }

    @Test func headerUnfoldingAndParameters() {
        let (headers, bodyStart) = HeaderFields.parse(Array("From mbox line\nSubject: one\r\n two\r\nContent-Type: text/plain;\n\tcharset=\"utf-8\"; format=flowed\n\nbody".utf8))
        #expect(headers["SUBJECT"] == "one two")
        let type = HeaderValue(parsing: headers["content-type"] ?? "")
        #expect(type.main == "text/plain")
        #expect(type.parameters == ["charset": "utf-8", "format": "flowed"])
        #expect(bodyStart == 94)
    }

    @Test func multipartSplitKeepsPartsExact() {
        let body = Array("preamble\r\n--b\r\nA\r\n--b \r\n\r\nB\r\n--b--\r\nepilogue".utf8)
        let parts = MIMEPart.split(body, boundary: Array("b".utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(parts == ["A", "\r\nB"])
    }

    @Test func agreesWithFoundationOnTheCanonicalForm() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        for value in ["Sun, 29 Nov 2026 07:30:00 +0100", "Thu, 01 Jan 1970 00:00:00 +0000", "Mon, 31 Dec 2096 23:59:59 -1130"] {
            #expect(RFC5322Date.parse(value) == formatter.date(from: value), "\(value)")
        }
    }

    @Test func dates() {
        let base = 1_795_910_400.0 // 2026-11-29T00:00:00Z
        #expect(RFC5322Date.parse("Sun, 29 Nov 2026 07:30:00 +0100") == Date(timeIntervalSince1970: base + 6.5 * 3600))
        #expect(RFC5322Date.parse("29 Nov 2026 07:30 UT") == Date(timeIntervalSince1970: base + 7.5 * 3600))
        #expect(RFC5322Date.parse("Sunday,29 November 26 23:59:60 -0030 (weird)") == Date(timeIntervalSince1970: base + 86_400 + 1800))
        #expect(RFC5322Date.parse("29 Nov 2026 07:30:00 PDT") == Date(timeIntervalSince1970: base + 14.5 * 3600))
        #expect(RFC5322Date.parse("29 Nov 2026 07:30:00 A") == Date(timeIntervalSince1970: base + 7.5 * 3600))
        #expect(RFC5322Date.parse("29 Feb 2028 00:00:00 +0000") == Date(timeIntervalSince1970: 1_835_395_200))
        for bad in ["29 Feb 2027 00:00:00 +0000", "31 Apr 2026 00:00", "", "yesterday", "32 Nov 2026 07:30", "29 Foo 2026 07:30", "29 Nov 2026 24:00", "29 Nov 2026 07:30 +99999", "29 Nov 2026 7"] {
            #expect(RFC5322Date.parse(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Format sniffing")
struct FormatSnifferTests {
    @Test(arguments: [
        ("a.txt", nil), ("a", nil), (".eml", nil), ("a.weird", nil), ("dir.v2/a", nil),
        ("a.md", .markdown), ("A.MARKDOWN", .markdown), ("a.Html", .html), ("a.HTM", .html),
        ("x/y/a.EmL", .email),
    ] as [(String, DocumentFormat?)])
    func extensions(name: String, format: DocumentFormat?) {
        #expect(FormatSniffer.format(forFileName: name) == format)
    }

    @Test func content() {
        #expect(FormatSniffer.sniff("  <HTML><p>x") == .html)
        #expect(FormatSniffer.sniff("Received: from x\n\tby y\nFrom: a\n\nbody") == .email)
        #expect(FormatSniffer.sniff("From: a\nbody without blank line") == .text)
        #expect(FormatSniffer.sniff("X-Custom: a\nFrom: b\n\nbody") == .text)
        #expect(FormatSniffer.sniff("Plain bulletin\n\nText") == .text)
    }
}
