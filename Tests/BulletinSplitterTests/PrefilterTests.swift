import Foundation
import Testing
@testable import BulletinSplitter

/// The literal pre-checks in front of the pattern regexes must never change an answer.
@Suite struct PrefilterTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func defaultTrailerAndWhyPatternsHaveLiteralPrefixes() {
        let trailer = PatternLiterals(pattern: SplitterConfig.defaultTrailerPatterns[0])
        #expect(trailer.prefixes == [Self.bytes("would you like to learn more about ")])
        for pattern in SplitterConfig.defaultWhyHeadingPatterns {
            #expect(PatternLiterals(pattern: pattern).prefixes == [Self.bytes("why ")])
        }
    }

    @Test func everyDefaultPatternSetHasAPrefilter() {
        let config = SplitterConfig.default
        for patterns in [config.trailerPatterns, config.whyHeadingPatterns, config.footerPatterns, config.captionPatterns,
                         config.mastheadPatterns, config.housePatterns] {
            #expect(LinePrefilter(patterns: patterns) != nil, "\(patterns)")
        }
    }

    @Test func literalsFollowGroupsAlternativesAndQuantifiers() {
        #expect(PatternLiterals(pattern: "(?:foo|bar)baz").prefixes == [Self.bytes("foo"), Self.bytes("bar")])
        #expect(PatternLiterals(pattern: "(?:foo|bar)bazaar").contained == [Self.bytes("bazaar")])
        #expect(PatternLiterals(pattern: "Read (more)+ here").prefixes == [Self.bytes("read ")])
        #expect(PatternLiterals(pattern: "Read (more) here").prefixes == [Self.bytes("read more here")])
        #expect(PatternLiterals(pattern: "a?bc").prefixes == nil)
        #expect(PatternLiterals(pattern: "a?bc").contained == [Self.bytes("bc")])
        #expect(PatternLiterals(pattern: #"\bSOURCE\.\s*x"#).prefixes == [Self.bytes("source.")])
        #expect(PatternLiterals(pattern: "(?:ab)*cd").prefixes == nil)
        #expect(PatternLiterals(pattern: "x{0,3}yz").contained == [Self.bytes("yz")])
        #expect(PatternLiterals(pattern: "(?=abc)def").prefixes == [Self.bytes("def")])
        #expect(PatternLiterals(pattern: "© .*").prefixes == [Self.bytes("© ")])
        #expect(PatternLiterals(pattern: "é.*").prefixes == nil)
        #expect(PatternLiterals(pattern: ".*|abc").contained == nil)
    }

    @Test(arguments: [
        "(?i)abc", "(?x) a b c", #"\Qabc\E"#, #"\x41bc"#, #"\u0041bc"#, #"\N{LATIN SMALL LETTER A}bc"#,
        #"\p{L}bc"#, "[]a]bc", "(?#note)abc", #"\0101bc"#, #"(?<n>a)\k<n>bc"#, "ab)c", "a**",
    ])
    func unfamiliarSyntaxGivesNoLiterals(_ pattern: String) {
        #expect(PatternLiterals(pattern: pattern) == .unknown)
    }

    /// Whatever the pattern and the line, the set answers exactly what the bare regex answers.
    @Test func prefilteredAnswersEqualTheRegexAnswers() throws {
        let config = SplitterConfig.default
        let patterns = config.trailerPatterns + config.whyHeadingPatterns + config.footerPatterns + config.captionPatterns + [
            "k.*", "s", "ss", "stop .*", "(fi|fl)nal", "[a-z]+ist", #"(\w+) and \1"#, "wi.*", "ǰ.*", "Straße", "•.*",
            "read (more|less)+", "(?:copy)?right", "ok|okay", "(?=x)xy", "x?y{2,}z+",
        ]
        var lines = [
            "Unsubscribe", "UNSUBSCRIBE | Privacy policy", "unſubscribe", "Kelvin", "\u{212A}elvin", "ſtop here",
            "stop here", "ﬁnal", "ﬂnal", "final", "Strasse", "STRASSE", "Straße", "STRAẞE", "İst", "ist", "wİ",
            "Wİll", "ǰump", "J̌ump", "• item", "•", "© 2026 Example", "Copyright 2026", "(c) 2026", "Why it matters:",
            "Why does it matter?", "WHY IT MATTERS", "Photo: Example", "Source – agency", "read more", "READ MORELESS",
            "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!",
            "WOULD YOU LIKE TO LEARN MORE ABOUT ﬁnance? If so, ask our chatbot", "copyright", "xyyz", "yyz", "okay",
            "Ok", "café society", "Résumé: the €5 plan", "Ελληνικά κείμενα", "ssss", "ﬆop here", "aﬀair",
        ]
        // Shuffled combinations of tricky pieces.
        let pieces = ["s", "S", "ſ", "k", "K", "\u{212A}", "ß", "ẞ", "i", "İ", "ı", "fi", "ﬁ", "©", "(c)", "•", "|", " ",
                      "view", "unsubscribe", "why", "it", "matters", "?", "é", "’", "photo", ":", "read", "more", "copy"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3_000 {
            var line = ""
            for _ in 0..<(1 + Int(state % 7)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            lines.append(line)
        }
        for pattern in patterns {
            let set = try LinePatternSet([pattern])
            let bare = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
            for line in lines {
                let expected = bare.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count)) != nil
                #expect(set.matches(line) == expected, "\(pattern) on \(line)")
            }
        }
    }

    /// The characters the prefilter trusts fold to no ASCII character under ICU's
    /// case-insensitive matching, as a single character or within a longer fold.
    @Test func foldSafeCharactersNeverMatchASCIILiterals() throws {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        let pairs = letters.flatMap { first in letters.map { first + $0 } }
        let single = try NSRegularExpression(pattern: #"[\x{20}-\x{7E}]"#, options: [.caseInsensitive])
        let double = try NSRegularExpression(pattern: pairs.joined(separator: "|"), options: [.caseInsensitive])
        var checked = 0
        for value in UInt32(0x80)...UInt32(0x1FAFF) {
            guard let scalar = Unicode.Scalar(value), LinePrefilter.isFoldSafe(scalar) else { continue }
            let text = String(scalar)
            let range = NSRange(location: 0, length: text.utf16.count)
            #expect(single.firstMatch(in: text, range: range) == nil, "U+\(String(value, radix: 16))")
            #expect(double.firstMatch(in: text, range: range) == nil, "U+\(String(value, radix: 16))")
            #expect(!text.folding(options: .caseInsensitive, locale: nil).unicodeScalars.contains { $0.isASCII },
                    "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 20_000)
        for unsafe in ["ß", "ſ", "\u{212A}", "İ", "ŉ", "ǰ", "ẖ", "ẞ", "ﬁ", "ﬆ"] {
            #expect(!LinePrefilter.isFoldSafe(unsafe.unicodeScalars.first!), "\(unsafe)")
        }
    }
}

/// Which default patterns have no literal for the pre-check (each costs a regex run).
@Suite struct DefaultPatternLiteralsTests {
    @Test func everyDefaultPatternHasALiteral() {
        let config = SplitterConfig.default
        for pattern in config.trailerPatterns + config.footerPatterns + config.captionPatterns
            + config.mastheadPatterns + config.housePatterns {
            let literals = PatternLiterals(pattern: pattern)
            #expect(literals.prefixes != nil || literals.contained != nil, "\(pattern)")
        }
    }
}
