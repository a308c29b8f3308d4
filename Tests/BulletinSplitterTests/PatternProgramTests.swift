import Testing
@testable import BulletinSplitter

/// The compiled matcher (`PatternProgram`, `PatternMatcher`) answers what the tree matcher
/// it replaced answered (`ReferenceTreeMatcher`), on generated patterns and lines and on the
/// cases a flat machine could get wrong: the order of alternatives and repetitions inside
/// atomic groups, iterations that match nothing, anchors, classes, case folding beyond
/// ASCII, counted loops too long to write out, and inputs that make a backtracking matcher
/// try very many ways.
@Suite struct PatternProgramTests {
    static func compiled(_ pattern: String) throws -> LinePattern {
        try LinePattern(pattern)
    }

    /// The tree matcher's answers for `pattern` on each line: whole, occurs. The pattern is
    /// parsed once (parsing, with its case-folded sets, costs far more than matching).
    static func reference(_ pattern: String, _ lines: [String]) throws -> [(whole: Bool, occurs: Bool)] {
        var parser = PatternParser(pattern)
        let root = try parser.parse()
        return lines.map { line in
            let matcher = ReferenceTreeMatcher(input: Array(line.unicodeScalars), groupCount: parser.groupCount)
            return (matcher.matchesWhole(root), matcher.occurs(root))
        }
    }

    static func expectSame(_ pattern: String, _ lines: [String], compiled given: LinePattern? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mine = try given ?? compiled(pattern)
        for (line, expected) in zip(lines, try reference(pattern, lines)) {
            #expect(mine.matchesWhole(Array(line.unicodeScalars)) == expected.whole,
                    "whole: \(pattern) on \(line.debugDescription)", sourceLocation: sourceLocation)
            #expect(mine.occurs(in: line) == expected.occurs,
                    "occurs: \(pattern) in \(line.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Order of trying, where it shows: atomic groups

    @Test func alternativesAreTriedInOrderInsideAnAtomicGroup() throws {
        #expect(try !Self.compiled("(?>a|ab)c").matchesWhole(Array("abc".unicodeScalars)))
        #expect(try Self.compiled("(?>ab|a)c").matchesWhole(Array("abc".unicodeScalars)))
        try Self.expectSame("(?>a|ab)c|x", ["abc", "ac", "x", "abcx"])
        try Self.expectSame("(?>(?:x|xy|xyz))z", ["xz", "xyz", "xyzz"])
    }

    @Test func greedyLazyAndPossessiveRepetition() throws {
        let cases: [(String, String, Bool)] = [
            ("(?>a*)a", "aaa", false), ("(?>a*?)a", "a", true), ("a*+a", "aa", false), ("a*a", "aa", true),
            ("(?>(?:ab)*)ab", "abab", false), ("(?>(?:ab)*?)ab", "abab", false), ("(?:ab)*?ab", "abab", true),
            ("(?>a{1,3}?)b", "aab", false), ("(?>a{1,3})b", "aaab", true), ("a{2,3}?b", "aaab", true),
            ("(?>(?:a|b){2,}?)c", "abc", true), ("(?>(?:a|b){2,}+)b", "abb", false),
        ]
        for (pattern, line, expected) in cases {
            #expect(try Self.compiled(pattern).matchesWhole(Array(line.unicodeScalars)) == expected, "\(pattern) on \(line)")
            try Self.expectSame(pattern, [line])
        }
    }

    @Test func iterationsThatMatchNothing() throws {
        let lines = ["", "a", "b", "ab", "aab", "ba", "abab", "c", "ac", "bc", "abc", "aabbc", "x"]
        for pattern in ["(?:a?)*b", "(a?|b)*c", "(?>(?:a?b?)*)c", "(?>(?:a?b?)*?)c", "(?:a*)+b", "(?:a?){2,4}b",
                        "(?>(?:a?){2,4})b", "(?:(?=a)|b)*a", "(a*)*b", "(?:|a)*b", "(?:a|)*?b"] {
            try Self.expectSame(pattern, lines)
        }
    }

    // MARK: Anchors, classes, folding

    @Test func anchorsAndBoundaries() throws {
        let lines = ["issue 7", "issue 7\n", "issue 7\r\n", "issue 7\n\n", "issue7", "tissue 7", "issue 7\u{2028}", "e\u{301}x"]
        for pattern in ["issue 7$", #"issue 7\z"#, #"\Aissue.*"#, #"\bissue\b.*"#, #".*\Bssue.*"#, "^issue", #"\b\w+ \d\b"#, "e\\b.*", ".*$"] {
            try Self.expectSame(pattern, lines)
        }
    }

    @Test func classesAndCaseFoldingBeyondASCII() throws {
        let lines = ["ſK", "\u{212A}elvin", "kelvin", "STRASSE", "Straße", "STRAẞE", "ΣΑΣ", "σας", "ςας", "ÉTÉ", "été",
                     "ﬁnal", "FINAL", "İ", "i\u{307}", "Ǆ", "ǅ", "ǆ", "ΘΕΑ", "ϑεα", "µ", "Μ", "—", "’", "•"]
        for pattern in ["[a-z]+", "[^a-z]+", "straße", "strasse", "σας", "[σ]+", "été", "[é]t[é]", "final", "ﬁnal", "i̇",
                        "ǆ", "[ǆ]", "θεα", "[θ]εα", "μ", #"\p{Lu}+"#, #"\w+"#, #"\W"#, "[—’•]", #"[\s\S]"#, "k.*", "(?:k|s)+"] {
            try Self.expectSame(pattern, lines)
        }
    }

    /// A single literal character compares input scalars by simple folding; the program keeps
    /// for each folded scalar whether non-ASCII input may fold to it, from `CaseFolding.closure`.
    /// For an ASCII folded scalar that closure must hold every scalar of the same simple
    /// folding (a non-ASCII folded scalar always folds its input).
    @Test func caseClosureHoldsEveryScalarOfTheSameFolding() {
        var missing: [String] = []
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = CaseFolding.simple(scalar)
            if folded != scalar, folded.isASCII, !CaseFolding.closure(folded).contains(scalar) { missing.append(String(value, radix: 16)) }
        }
        #expect(missing.isEmpty, "\(missing.prefix(20))")
    }

    // MARK: Back-references, long counted loops

    @Test func backReferences() throws {
        let lines = ["more and more", "more and MORE", "more and less", "aa", "ab", "straße strasse", "abab", "aba"]
        for pattern in [#"(\w+) and \1"#, #"(?<w>\w+) \k<w>"#, #"(a|ab)\1"#, #"(?:(a)|b)\1*"#, #"(\w+) \1"#, #"(a)(?=\1)a"#, #"(?>(a|ab))\1b?"#] {
            try Self.expectSame(pattern, lines)
        }
    }

    /// A group repeated too often to write out runs by counters, without memo. The answers
    /// must still be the tree matcher's; the lines are those on which both finish at once:
    /// without memo a group that can match nothing, with a minimum (`(?:a?){1200}`), tries
    /// every choice of which iterations take each scalar, about 1,200^k ways on a line of k
    /// "a"s (on "aab" the tree matcher needed minutes, this one half a minute; both agreed).
    @Test func countedLoopsTooLongToWriteOut() throws {
        // "ab" is one instruction (literal text): 2,500 copies are too many, 1,500 were not.
        #expect(try Self.compiled("(?:ab){1500}").program.usesMemo)
        let pattern = try Self.compiled("(?:ab){2500}")
        #expect(pattern.matchesWhole(Array(String(repeating: "ab", count: 2_500).unicodeScalars)))
        #expect(!pattern.matchesWhole(Array(String(repeating: "ab", count: 2_499).unicodeScalars)))
        #expect(!pattern.matchesWhole(Array(String(repeating: "ab", count: 2_501).unicodeScalars)))
        #expect(!pattern.program.usesMemo)
        let lines = ["ab", "aab", "abab", "z", "xyz", "b", String(repeating: "ab", count: 600)]
        for pattern in ["(?:ab|a){2,1200}b", "(?:a|b){1100,}?", "(?>(?:ab|a){1,1100})b", "(?:x?y?){0,1500}z"] {
            #expect(try !Self.compiled(pattern).program.usesMemo, "\(pattern)")
            try Self.expectSame(pattern, lines)
        }
        let optional = try Self.compiled("(?:a?){1200}")
        #expect(!optional.program.usesMemo)
        for (line, whole) in [("", true), ("a", true), ("aa", true), ("b", false), ("ba", false), ("ab", false)] {
            #expect(optional.matchesWhole(Array(line.unicodeScalars)) == whole, "(?:a?){1200} on \(line)")
        }
        try Self.expectSame("(?:a?){1200}", ["", "a", "aa", "b", "ba"])
    }

    // MARK: Generated patterns

    @Test func generatedPatternsAnswerWhatTheTreeMatcherAnswered() throws {
        var random = SplitMixRandom(seed: 14)
        let lines = ["", "a", "ab", "ba", "aab", "abab", "abba", "kK\u{212A}", "sSſß", "ss", "é É", "a b", "a1", "ab\n", "xaby", "bbbb",
                     "abcabc", "aaaa", "ſs", "ß", "cab", "a\u{301}b"]
        var checked = 0
        for _ in 0..<1_500 {
            let pattern = PatternGenerator.pattern(&random)
            guard let mine = try? LinePattern(pattern) else { continue }
            try Self.expectSame(pattern, lines, compiled: mine)
            checked += 1
        }
        #expect(checked > 1_000)
    }

    // MARK: Inputs that try many ways

    /// Each of these makes a plain backtracking matcher try exponentially (or at least
    /// cubically) many ways; with the memo they finish at once. No time is asserted: a
    /// regression shows as a test that does not end.
    @Test func pathologicalLinesFinish() throws {
        let a30 = String(repeating: "a", count: 30)
        let cases: [(String, String, Bool)] = [
            ("(a*)*b", a30, false), ("(?:a|a)*b", a30, false), ("(?:a|aa)*c", a30, false), ("(?:a+)+b", a30, false),
            ("(?:a*)*a*b", a30, false), (".*.*.*.*=.*", String(repeating: "x", count: 1_000), false),
            (#"(?:\w+\s?)*!"#, String(repeating: "word ", count: 200), false), ("(?=(?:a|aa)*c)a*|x", a30, false),
            ("(?>(?:a|aa)*)c|a*", a30, true), ("(?:a?){30}a{30}", a30, true),
        ]
        for (pattern, line, expected) in cases {
            #expect(try Self.compiled(pattern).matchesWhole(Array(line.unicodeScalars)) == expected, "\(pattern)")
        }
    }

    /// Lines of 1,000 bytes made of the words the default patterns look for, through every
    /// default pattern list (their answers are checked against ICU in LinePatternParityTests).
    @Test func keywordDenseLinesFinishThroughTheDefaultPatterns() throws {
        let words = ["would you like to learn more about", "if so,", "ask our", "chatbot", "unsubscribe", "|", "•", "view in browser",
                     "issue 12", "newsletter", "photo", "(photo by", "—", "november 2026", "copyright", "©", "why it matters", "?"]
        var random = SplitMixRandom(seed: 7)
        let config = SplitterConfig.default
        let sets = try [config.trailerPatterns, config.whyHeadingPatterns, config.footerPatterns, config.captionPatterns,
                        config.mastheadPatterns, config.housePatterns].map { try LinePatternSet($0) }
        for _ in 0..<50 {
            var line = "Note"
            while line.utf8.count < 960 { line += " " + words[random.below(words.count)] }
            for set in sets { _ = set.matches(line) }
        }
        let long = "Would you like to learn more about " + Array(repeating: "if so, ask our", count: 40).joined(separator: " ")
            + "? If so, ask our Diplo chatbot!"
        try Self.expectSame(config.trailerPatterns[0], [long, String(long.suffix(200))])
    }

    // MARK: Validation

    @Test func validateThrowsWhatCompilingThrows() {
        for pattern in ["broken (group", "[unclosed", "a)|(b", "x{2,1}", "*x", #"\X"#, "(?x) a b", #"\p{Nonsense}"#, #"(a)\2"#] {
            var compiled: SplitterConfigError?
            do { _ = try LinePattern(pattern) } catch { compiled = error }
            var validated: SplitterConfigError?
            do { try LinePattern.validate(pattern) } catch { validated = error }
            #expect(compiled != nil && validated?.message == compiled?.message && validated?.pattern == pattern, "\(pattern)")
        }
        for pattern in SplitterConfig.defaultFooterPatterns + SplitterConfig.defaultTrailerPatterns {
            #expect(throws: Never.self) { try LinePattern.validate(pattern) }
        }
    }
}

/// A deterministic generator for the tests (SplitMix64).
struct SplitMixRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Small random patterns over the syntax the matcher takes, for `PatternProgramTests`.
enum PatternGenerator {
    static let atoms = ["a", "b", "k", "s", "ß", "ſ", "\u{212A}", "é", "ab", "ss", ".", "[ab]", "[^a]", "[a-k]", "[ſ]", #"\w"#,
                        #"\W"#, #"\s"#, #"\d"#, #"\b"#, #"\B"#, "^", "$", #"\z"#, "c", "x"]
    static let quantifiers = ["*", "+", "?", "{0,2}", "{1,3}", "{2}", "{2,}"]

    static func pattern(_ random: inout SplitMixRandom) -> String {
        var groups = 0
        return alternation(&random, depth: 0, groups: &groups)
    }

    static func alternation(_ random: inout SplitMixRandom, depth: Int, groups: inout Int) -> String {
        var text = sequence(&random, depth: depth, groups: &groups)
        while random.below(4) == 0 { text += "|" + sequence(&random, depth: depth, groups: &groups) }
        return text
    }

    static func sequence(_ random: inout SplitMixRandom, depth: Int, groups: inout Int) -> String {
        var text = ""
        for _ in 0...random.below(3) { text += item(&random, depth: depth, groups: &groups) }
        return text
    }

    static func item(_ random: inout SplitMixRandom, depth: Int, groups: inout Int) -> String {
        var atom: String
        var repeatable = true
        if depth < 3, random.below(3) == 0 {
            let openers = ["(", "(?:", "(?>", "(?=", "(?!", "(?<=", "(?<!"]
            let opener = openers[random.below(openers.count)]
            if opener == "(" { groups += 1 }
            atom = opener + alternation(&random, depth: depth + 1, groups: &groups) + ")"
        } else if groups > 0, random.below(12) == 0 {
            atom = "\\\(1 + random.below(groups))"
        } else {
            atom = atoms[random.below(atoms.count)]
            repeatable = !["^", "$", #"\z"#, #"\b"#, #"\B"#].contains(atom)
        }
        if repeatable, random.below(3) == 0 {
            atom += quantifiers[random.below(quantifiers.count)] + ["", "", "?", "+"][random.below(4)]
        }
        return atom
    }
}
