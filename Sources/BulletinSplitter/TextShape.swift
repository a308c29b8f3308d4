/// Cheap, linear measurements of a line's shape, done on its UTF-8 bytes or Unicode
/// scalars rather than on `Character`s.
enum TextShape {
    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> Substring {
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return text[start..<end]
    }

    /// The number of space-separated words, counting no further than `limit + 1`.
    static func wordCount<S: StringProtocol>(_ text: S, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if isBlank(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// The number of Unicode scalars, counting no further than `limit + 1`.
    static func length<S: StringProtocol>(_ text: S, limit: Int) -> Int {
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { break }
        }
        return count
    }

    /// The last scalar, looking through closing quotes and brackets.
    static func lastSignificantScalar<S: StringProtocol>(_ text: S) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars.reversed() where !closers.contains(scalar) {
            return scalar
        }
        return nil
    }

    /// Whether the text ends like a sentence or clause (`.`, `!`, `?`, `…`, `:`, `;`).
    static func endsSentence<S: StringProtocol>(_ text: S) -> Bool {
        guard let last = lastSignificantScalar(text) else { return false }
        return sentenceEnds.contains(last)
    }

    /// Whether the text starts with a lowercase word ("and then…", but not "iPhone").
    static func startsWithLowercaseWord<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isLowercase else { return false }
        for scalar in text.unicodeScalars {
            if scalar == " " { break }
            if scalar.properties.isUppercase { return false }
        }
        return true
    }

    /// Whether the text holds at least one letter.
    static func hasLetter<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Whether the text is a bare web address.
    static func isURL<S: StringProtocol>(_ text: S) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// The item text when `line` (trimmed) is a list item: `- `, `* `, `+ `, `• `, `· `,
    /// `– `, `— `, or `1. `/`1) ` (up to three digits); nil otherwise.
    static func bulletItem(_ line: Substring) -> Substring? {
        let scalars = line.unicodeScalars
        guard let first = scalars.first else { return nil }
        var index = scalars.index(after: scalars.startIndex)
        if bulletMarks.contains(first) {
            // Marker alone or followed by a space.
        } else if ("0"..."9").contains(first) {
            var digits = 1
            while index < scalars.endIndex, ("0"..."9").contains(scalars[index]), digits < 4 {
                digits += 1
                index = scalars.index(after: index)
            }
            guard digits <= 3, index < scalars.endIndex, scalars[index] == "." || scalars[index] == ")" else { return nil }
            index = scalars.index(after: index)
        } else {
            return nil
        }
        guard index < scalars.endIndex, scalars[index] == " " else { return nil }
        return trimmed(line[index...])
    }

    /// The heading level and text when `line` (trimmed) is a Markdown `#` heading.
    static func markdownHeading(_ line: Substring) -> (level: Int, text: Substring)? {
        var level = 0
        var index = line.utf8.startIndex
        while index < line.utf8.endIndex, line.utf8[index] == UInt8(ascii: "#") {
            level += 1
            index = line.utf8.index(after: index)
        }
        guard (1...6).contains(level) else { return nil }
        if index == line.utf8.endIndex { return (level, line[index...]) }
        guard line.utf8[index] == UInt8(ascii: " ") else { return nil }
        var text = trimmed(line[index...])
        // Closing hashes ("## Title ##") are decoration.
        while text.utf8.last == UInt8(ascii: "#") { text = text.dropLast() }
        return (level, trimmed(text))
    }

    /// The inner text when the whole line is bold (`**Title**`, `__Title__`).
    static func boldLine(_ line: Substring) -> Substring? {
        for mark in ["**", "__"] where line.utf8.count > 4 && line.hasPrefix(mark) && line.hasSuffix(mark) {
            let inner = line.dropFirst(2).dropLast(2)
            guard !inner.contains(mark) else { return nil }
            return trimmed(inner)
        }
        return nil
    }

    /// Whether the line is a rule: at least three of one rule character (`-`, `*`, `_`,
    /// `=`, `~`, `•`, `·`, `#`), nothing else but spaces.
    static func isRule(_ line: Substring) -> Bool {
        var mark: Unicode.Scalar?
        var count = 0
        for scalar in line.unicodeScalars where scalar != " " {
            guard ruleMarks.contains(scalar), mark == nil || mark == scalar else { return false }
            mark = scalar
            count += 1
        }
        return count >= 3
    }

    /// 1 for a `===` underline, 2 for `---`; nil for other lines.
    static func setextLevel(_ line: Substring) -> Int? {
        guard !line.contains(" "), let first = line.unicodeScalars.first else { return nil }
        return first == "=" ? 1 : first == "-" ? 2 : nil
    }

    /// Whether the line is a table-of-contents heading ("In this issue", "Contents").
    static func isContentsHeading<S: StringProtocol>(_ text: S) -> Bool {
        let lower = text.lowercased()
        return ["in this issue", "in this edition", "in today's issue", "in today\u{2019}s issue", "contents",
                "table of contents", "this week's contents"].contains { lower.hasPrefix($0) && lower.count <= $0.count + 2 }
    }

    /// Whether the line starts with a number and `.` or `)` and a space ("3. Title").
    static func isNumberedItem(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
        return bulletItem(line) != nil
    }

    private static let ruleMarks: Set<Unicode.Scalar> = ["-", "*", "_", "=", "~", "\u{2022}", "\u{00B7}", "#", "\u{2014}", "\u{2013}"]

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}", "*", "_"]
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", ":", ";"]
    private static let bulletMarks: Set<Unicode.Scalar> = ["-", "*", "+", "\u{2022}", "\u{00B7}", "\u{2013}", "\u{2014}", "\u{25AA}", "\u{25CF}"]
}
