/// Sentence boundaries for summaries.
public enum Sentences {
    /// Words that end with a period without ending a sentence (compared lower-cased,
    /// without the final period). Single letters (initials) are always treated this way.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "al",
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "nr", "vol", "p", "pp",
        "fig", "figs", "art", "para", "sec", "ch", "ed", "eds", "gen", "gov", "sen", "rep", "rev",
        "hon", "pres", "col", "capt", "lt", "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u", "u.n", "u.s.a", "a.m", "p.m",
        "dept", "est", "corp", "ltd", "co",
    ]

    /// Closing punctuation that may follow a sentence's final mark: quotes and brackets.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", ")", "]", "\u{203A}"]

    /// The first sentence of the first paragraph of `text`, whitespace collapsed.
    ///
    /// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
    /// whitespace and then something that is not a lower-case letter — unless the period
    /// ends a known abbreviation (e.g., i.e., U.S., Dr., No.…) or an initial, or belongs to
    /// an ellipsis (`...` or `…`). Decimals like 1.15 never end a sentence (no space after
    /// the period). Longer than `maxLength` characters: cut at a word boundary with `…`.
    /// Reads at most about `maxLength` characters of `text`, however long it is: see
    /// `isDecided(byPrefix:maxLength:)` for exactly how much.
    public static func first(of text: String, maxLength: Int = 300) -> String {
        let limit = max(maxLength, 1)
        let window = window(of: text, limit: limit).scalars
        var end = window.count
        var i = 0
        while i < window.count {
            let c = window[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < window.count, closers.contains(window[j]) { j += 1 }
                let atEnd = j >= window.count
                let followedBySpace = !atEnd && window[j] == " "
                if followedBySpace || atEnd {
                    let nextIsLower = followedBySpace && j + 1 < window.count
                        && isLowercase(window[j + 1])
                    if !nextIsLower && !(c == "." && isNonTerminalPeriod(window, at: i)) {
                        end = j
                        break
                    }
                }
            }
            i += 1
        }
        if end <= limit {
            return ScalarString.make(window[0..<end])
        }
        // Too long: cut at the last space before the limit (or hard at the limit).
        var cut = limit - 1
        while cut > limit / 2 && window[cut] != " " { cut -= 1 }
        if window[cut] != " " { cut = limit - 1 }
        var result = ScalarString.make(window[0..<cut])
        while result.last == " " || result.last == "," || result.last == ";" || result.last == ":" { result.removeLast() }
        return result + "…"
    }

    /// A prefix of a text's characters (Unicode scalars, as SQLite's `substr` counts them)
    /// that is long enough for `first(of:maxLength:)` in all but contrived cases: the scan
    /// stops after `maxLength + 9` visible characters with whitespace runs collapsed, so
    /// 2,000 characters suffice unless the first paragraph's whitespace runs average more
    /// than about five characters. `isDecided(byPrefix:)` tells the other cases apart.
    public static let sufficientPrefixLength = 2_000

    /// Whether `first(of: prefix + rest, maxLength:)` equals `first(of: prefix, maxLength:)`
    /// for EVERY `rest`: true when the scan stops inside `prefix` (at the end of the first
    /// paragraph, or once its bounded window is full). A caller that has only a prefix of a
    /// long text can use it when this is true, and must read the whole text otherwise.
    public static func isDecided(byPrefix prefix: String, maxLength: Int = 300) -> Bool {
        window(of: prefix, limit: max(maxLength, 1)).stoppedEarly
    }

    /// The scalars `first(of:)` works on: the first paragraph, whitespace collapsed, at most
    /// `limit + 9` scalars (+1 to know whether the cap was exceeded; a few more to look past a
    /// final mark). `stoppedEarly` is false when the scan reached the end of `text`.
    private static func window(of text: String, limit: Int) -> (scalars: [Unicode.Scalar], stoppedEarly: Bool) {
        var window: [Unicode.Scalar] = []
        window.reserveCapacity(min(limit + 8, 4096))
        var newlines = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if scalar == "\n" || scalar == "\u{2029}" {
                    newlines += 1
                    if newlines >= 2 && !window.isEmpty { return (window, true) }
                }
                pendingSpace = !window.isEmpty
                continue
            }
            newlines = 0
            if pendingSpace {
                window.append(" ")
                pendingSpace = false
            }
            window.append(scalar)
            if window.count > limit + 8 { return (window, true) }
        }
        return (window, false)
    }

    /// `Unicode.Scalar.Properties.isLowercase`, without the Unicode tables for ASCII.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 ? (0x61...0x7A).contains(value) : scalar.properties.isLowercase
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, answered without the Unicode tables for
    /// ASCII (nearly every scalar of a bulletin): the table lookup dominated summary time.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace
    }

    /// Whether the period at `index` belongs to an ellipsis, an abbreviation or an initial.
    private static func isNonTerminalPeriod(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        if index > 0 && (s[index - 1] == "." || s[index - 1] == "\u{2026}") { return true }
        if index + 1 < s.count && s[index + 1] == "." { return true }
        // The word before the period: back to a space or an opening quote/bracket.
        var start = index
        while start > 0 {
            let p = s[start - 1]
            if p == " " || p == "(" || p == "[" || p == "\"" || p == "\u{201C}" || p == "\u{2018}" || p == "'" { break }
            start -= 1
        }
        let word = ScalarString.make(s[start..<index]).lowercased()
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1, let only = word.unicodeScalars.first, only.properties.isAlphabetic {
            return true
        }
        return abbreviations.contains(word)
    }
}
