import Foundation
import Testing
@testable import BulletinSplitter

/// bulletind's own pattern matcher (`LinePattern`) answers what ICU's `NSRegularExpression`
/// answered before it, case-insensitively, for the default pattern lists on the fixture lines
/// and for probe patterns and lines built where engines differ: full case folding (ß/ss, ſ,
/// ﬁ, ǰ), `\b` beside a curly apostrophe, a colon, a digit at the end or a combining mark,
/// line terminators, set closure (the Kelvin sign in `[a-z]`). ICU is asked here, in the
/// test target only, as the reference.
@Suite struct LinePatternParityTests {
    static let lists: [(name: String, patterns: [String], limit: Int)] = [
        ("trailer", SplitterConfig.defaultTrailerPatterns, LinePatternSet.maximumLineLength),
        ("why", SplitterConfig.defaultWhyHeadingPatterns, LinePatternSet.maximumLineLength),
        ("footer", SplitterConfig.defaultFooterPatterns, CompiledPatterns.footerLineLengthLimit),
        ("caption", SplitterConfig.defaultCaptionPatterns, LinePatternSet.maximumLineLength),
        ("masthead", SplitterConfig.defaultMastheadPatterns, LinePatternSet.maximumLineLength),
        ("house", SplitterConfig.defaultHousePatterns, LinePatternSet.maximumLineLength),
        ("digital-watch", SplitterLayout.digitalWatch.config.trailerPatterns, LinePatternSet.maximumLineLength),
    ]

    static let probeLines = [
        "Issue 7", "ISSUE 12", "Vol. 3 No. 4", "Weekly Digest — 30 November 2026", "Dear readers,",
        "WHY IT MATTERS", "Why it matters:", "Why this matters", "Unsubscribe", "unsubscribe’more", "unsubscribe:now",
        "unſubscribe", "UNSUBSCRIBE | Privacy policy", "© 2026 Example Ltd. All rights reserved.", "Copyright 2026",
        "Copyright 2026x", "copyright ©2026", "You are receiving this e-mail because you subscribed.", "View in browser",
        "Forward to a friend", "Photo: Reuters", "Source: OECD", "Read more", "Read more »", "Image: © ÉLYSÉE",
        "That's all for this issue", "That’s it for today!", "Thanks for reading", "Best regards,", "Straße", "STRASSE",
        "STRAẞE", "ﬁnal", "ﬆop here", "\u{212A}elvin", "İstanbul bulletin", "ΣΑΣ weekly", "Café society newsletter",
        "Cafe\u{301} newsletter", "e\u{301}dition 5", "issue 5\u{301}", "Issue 7\u{AD}", "issue 7\n", "issue 7\r\n",
        "issue 7\u{2028}", "why it matters\u{B}", "why it\u{85}matters", "why\u{A0}it matters", "👩‍💻 The dev digest 👩‍💻",
        "contributors' corner", "Readers’ mailbag:", "about us", "donate now!", "issue7", "no. 42 — 2026", "In this issue:",
        "Table of contents", "Highlights.", " ", "a", "7", "ss", "ß", "s", "ſ", "k", "K", "fi", "ﬁ",
        "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!",
        "WOULD YOU LIKE TO LEARN MORE ABOUT ﬁnance? IF SO, ASK OUR CHATBOT",
        "Curious about cybersecurity? Chat with our Diplo AI assistant.",
        "For more information on these topics, visit diplomacy.edu.", String(repeating: "x", count: 401),
    ]

    static let probePatterns = [
        #"issue \d+\b.*"#, #"\w+ \d\b"#, #"unsubscribe\b.*"#, #"\bwhy\b.*"#, "straße", "strasse", "ss", "ß", "s", "ſ+",
        "[a-z]+", "[^a-z]+", "[k]elvin", #"[\w’]+"#, #"\S+"#, #"\s*why\s+it\s+matters\s*"#, "ﬁnal", "(fi|fl)nal",
        "ǰump|ǰump", "stop .*", "café.*", #"cafe\p{Mn} newsletter"#, #"\p{Lu}.*"#, #"(\w+) and \1"#, #"(?<w>\w+) \k<w>"#,
        #"(?=.*\d).{5,}"#, #"(?!why).*"#, #".*(?<=rights reserved)\.?"#, #"(?>a+)b"#, "x*+x", "a{2,3}?b", #"\Qa.b\E.*"#,
        #"\x{41}.*"#, #"\y\%.*"#, #"\u00e9.*"#, "(?i)issue.*", "(?#note)issue.*", #"[\x27’]s.*"#, #"\h*\d+"#, "issue 7$", #"issue 7\z"#,
        #"\Aissue.*"#, "issue 7.", #"[\s\S]*"#, #"\B\w+"#,
    ]

    static func fixtureLines() throws -> [String] {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                lines.append(line.trimmingCharacters(in: .whitespaces))
                lines.append(line.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ ")))
            }
        }
        return lines
    }

    static func icu(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
    }

    static func icuMatches(_ expression: NSRegularExpression, _ line: String) -> Bool {
        expression.firstMatch(in: line, options: [.anchored], range: NSRange(location: 0, length: line.utf16.count)) != nil
    }

    @Test func defaultPatternListsAnswerWhatICUAnswered() throws {
        let lines = try Self.fixtureLines() + Self.probeLines
        #expect(lines.count > 300)
        var matched = 0
        for list in Self.lists {
            let set = try LinePatternSet(list.patterns, lengthLimit: list.limit)
            let expressions = try list.patterns.map(Self.icu)
            for line in lines {
                let expected = !line.isEmpty && line.utf8.count <= list.limit && expressions.contains { Self.icuMatches($0, line) }
                #expect(set.matches(line) == expected, "\(list.name): \(line.debugDescription)")
                if expected { matched += 1 }
            }
        }
        // The lines really exercise the patterns: many match, most do not.
        #expect(matched > 60)
    }

    @Test func probePatternsAnswerWhatICUAnswered() throws {
        let lines = try Self.fixtureLines().prefix(200) + Self.probeLines + [
            "more and more", "more and less", "word word", "abc 12345", "why not", "All rights reserved.", "aaab", "xx",
            "aab", "aaab", "a.b tail", "Ab", "é tail", "'s day", "’S DAY", "  42", "jump", "J\u{30C}ump", "\u{1F0}ump",
            "y%", "Y%z", "ſſ", "SS", "Ss", "sſ", "ǰ",
        ]
        var matched = 0
        for pattern in Self.probePatterns {
            let mine = try LinePattern(pattern)
            let expression = try Self.icu(pattern)
            for line in lines where !line.isEmpty {
                let expected = Self.icuMatches(expression, line)
                #expect(mine.matchesWhole(Array(line.unicodeScalars)) == expected, "\(pattern) on \(line.debugDescription)")
                if expected { matched += 1 }
            }
        }
        #expect(matched > 100)
    }

    /// Layout subjects are searched anywhere in the subject, as `range(of:options: .regularExpression)` did.
    @Test func subjectSearchAnswersWhatICUAnswered() throws {
        let subjects = ["Digital Watch newsletter #12", "DIPLO weekly", "Diplomacy today", "News from diplo", "diplo’s digest", ""]
        for pattern in [#"digital watch|diplo\b"#, #"#\d+"#, "weekly$", "^news"] {
            for subject in subjects {
                let expected = subject.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
                #expect(try LinePattern(pattern).occurs(in: subject) == expected, "\(pattern) in \(subject)")
            }
        }
    }

    /// A pattern that is not valid, or uses syntax the matcher does not take, is refused with
    /// what is wrong and where.
    @Test func badPatternsAreExplained() {
        let cases: [(String, String)] = [
            ("broken (group", "unclosed group \"(\" at character 8"),
            ("[unclosed", "unclosed bracket expression \"[\" at character 1"),
            ("a)|(b", "unmatched \")\" at character 2"),
            ("x{2,1}", "bounds the wrong way round at character 2"),
            ("*x", "nothing to repeat"),
            (#"\X"#, "unsupported escape \\X"),
            ("(?x) a b", "inline flags"),
            (#"\p{Nonsense}"#, "unknown property"),
            (#"(a)\2"#, "back-reference \\2"),
        ]
        for (pattern, message) in cases {
            #expect {
                _ = try LinePatternSet(["fine", pattern])
            } throws: { error in
                let error = error as? SplitterConfigError
                return error?.pattern == pattern && error?.message.contains(message) == true
                    && error?.description.hasPrefix("invalid pattern \"\(pattern)\": ") == true
            }
            // ICU refused these too (except what it has and this matcher does not).
            if pattern != "(?x) a b" && pattern != #"\X"# {
                #expect(throws: (any Error).self, "\(pattern)") { _ = try NSRegularExpression(pattern: pattern) }
            }
        }
    }
}
