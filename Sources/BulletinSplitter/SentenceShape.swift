/// Evidence that a title-shaped paragraph is something else: a body sentence whose final
/// stop is missing, or a list of keywords (an image caption or tag line).
enum SentenceShape {
    /// A sentence rather than a headline: at least `sentenceWords` words, a comma, most
    /// words in lower case, and a last word in lower case ("…, the ministry said on
    /// tuesday"). Headlines that long are rare; body sentences that long are common.
    static let sentenceWords = 14

    static func isSentence(_ text: Substring, words: Int) -> Bool {
        guard words >= sentenceWords, text.unicodeScalars.contains(",") else { return false }
        var lower = 0
        var total = 0
        var lastIsLower = false
        for word in text.split(separator: " ") {
            guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { continue }
            total += 1
            lastIsLower = first.properties.isLowercase
            if lastIsLower { lower += 1 }
        }
        return lastIsLower && lower * 10 >= total * 6
    }

    /// Three or more comma-separated items of at most three words each, and no sentence
    /// end: "Data centres, chips, renewable energy".
    static func isWordList(_ text: Substring) -> Bool {
        guard !TextShape.endsSentence(text) else { return false }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count >= 3 else { return false }
        return items.allSatisfy { item in
            let words = TextShape.wordCount(item, limit: 3)
            return words >= 1 && words <= 3
        }
    }
}
