import LetterFolding

/// The words of an article that say which story it tells: its title and the start of its
/// body ("lede"), lower-cased, diacritics folded, cut at every character that is not a letter
/// or digit, with English function words and one-letter words dropped and a light suffix
/// stemming ("talks", "talked", "talking" → "talk"). Pure: the same text gives the same words
/// in every version that keeps `StorySignature.version`.
public enum StoryText {
    /// The lede is the body's first this-many words (before dropping function words): about
    /// two sentences of a newsletter item, which name the actors, the place and the event.
    public static let ledeWords = 45

    /// The distinct stemmed content words of title and lede, in order of first appearance.
    public static func words(title: String, body: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for (word, isName) in tokens(title, limit: Int.max) + tokens(body, limit: ledeWords) {
            guard let stemmed = content(word), seen.insert(stemmed).inserted else { continue }
            out.append(stemmed)
            // A name or a number counts twice: it says which event, where topic words do not.
            if isName { out.append(stemmed + "#") }
        }
        return out
    }

    /// Lower-cased, diacritic-folded runs of letters and digits (an apostrophe inside a word
    /// ends it: "China’s" gives "china" and "s", and "s" is dropped as one letter).
    ///
    /// Each token says whether it is a name: it has a digit, or it begins with a capital and
    /// does not begin a sentence (the text's first word, or one after `.`, `!`, `?` or `:`).
    static func tokens(_ text: String, limit: Int) -> [(word: String, isName: Bool)] {
        var out: [(word: String, isName: Bool)] = []
        var current = String.UnicodeScalarView()
        var sentenceStart = true
        var capitalised = false
        var hasDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            out.append((String(current), hasDigit || (capitalised && !sentenceStart)))
            current.removeAll(keepingCapacity: true)
            sentenceStart = false
            capitalised = false
            hasDigit = false
        }
        for scalar in text.unicodeScalars {
            if out.count >= limit { break }
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A:
                    if current.isEmpty { capitalised = true }
                    current.append(Unicode.Scalar(value + 0x20)!)
                case 0x61...0x7A: current.append(scalar)
                case 0x30...0x39:
                    hasDigit = true
                    current.append(scalar)
                default:
                    flush()
                    if value == 0x2E || value == 0x21 || value == 0x3F || value == 0x3A { sentenceStart = true }
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty && scalar.properties.isUppercase { capitalised = true }
                if scalar.properties.numericType != nil { hasDigit = true }
                current.append(contentsOf: folded(scalar))
            } else {
                flush()
            }
        }
        if out.count < limit { flush() }
        return out
    }

    /// A letter or digit case- and diacritic-folded (`DiacriticFolding`), without the combining
    /// diacritics U+0300–U+036F. The same as ICU's folding, which gave the story words before
    /// issue 14, for every scalar but U+0345 (the combining iota subscript: ICU gave `ι`, now
    /// nothing, as for the precomposed `ᾳ` → `α`) and the upper-case letters added in Unicode
    /// 16 (ICU left them as they were, now lower-cased); `StoryFoldingTests` checks every scalar.
    static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        DiacriticFolding.fold(scalar).unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
    }

    /// The word stemmed, or nil for a function word or a single character.
    static func content(_ word: String) -> String? {
        guard word.utf8.count > 1, !StopWords.english.contains(word) else { return nil }
        return stem(word)
    }

    /// A light English suffix stripper (plural, past, gerund, adverb); never below 3 letters,
    /// digits untouched. Not Porter: it only has to map a story's word forms together.
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        for (suffix, replacement) in suffixes where bytes.count - suffix.count >= 3 && bytes.ends(with: suffix) {
            return String(decoding: bytes.dropLast(suffix.count) + replacement, as: UTF8.self)
        }
        return word
    }

    /// Longest first; "ies" → "y" so that "countries" and "country" meet.
    private static let suffixes: [([UInt8], [UInt8])] = [
        ("ations", "ate"), ("ation", "ate"), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"),
        ("edly", ""), ("ly", ""), ("ed", ""), ("es", ""), ("s", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
