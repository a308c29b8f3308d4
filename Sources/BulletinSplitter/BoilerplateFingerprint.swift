/// The fingerprint of a line (or paragraph) for recognising repeated boilerplate across a
/// sender's bulletins: a 64-bit FNV-1a hash of its letters, lower-cased, with every run of
/// digits counted as one "0" and English month and weekday names as one word, so that
/// "Issue 118 · Monday 1 December 2026" and "Issue 119 · Tuesday 8 January 2027" have the
/// same fingerprint. Spacing, punctuation and markup do not count. Stable across processes
/// and versions of Swift (stored in the database).
public enum BoilerplateFingerprint {
    /// Lines with fewer letters than this have no fingerprint (a lone number, "Hi").
    static let minimumLetters = 3

    private static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// The fingerprint of `text`, nil when it has fewer than `minimumLetters` letters.
    public static func of(_ text: some StringProtocol) -> Int64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var letters = 0
        var word = ""
        func mix(_ string: String) {
            for byte in string.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        func endWord() {
            guard !word.isEmpty else { return }
            mix(calendarWords.contains(word) ? "\u{1}" : word)
            mix(" ")
            word = ""
        }
        var inNumber = false
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType != nil {
                endWord()
                if !inNumber { mix("0 ") }
                inNumber = true
            } else if scalar.properties.isAlphabetic {
                inNumber = false
                letters += 1
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                inNumber = false
                endWord()
            }
        }
        endWord()
        return letters >= minimumLetters ? Int64(bitPattern: hash) : nil
    }
}
