import BulletinReader

/// Generated documents that put the splitter's line patterns to work (`BENCH_ONLY=split`),
/// written from word lists here, never from real newsletters:
///
/// - `digestShape`: digests with what the synthetic corpus leaves out — a masthead, issue
///   and greeting lines, captions and credit lines, house lines, a footer block — around
///   articles with titles, bodies, "why it matters" headings and trailers.
/// - `keywordDense`: paragraphs whose every line is made of the words the default patterns
///   look for ("would you like to learn more about", "unsubscribe", "|", "issue 12",
///   "photo", "newsletter"…): each passes the literal prefilter, and the matcher has to try
///   many ways before it fails.
enum PatternWorkload {
    static let keywords = [
        "would you like to learn more about", "why does it matter", "why it matters", "if so,", "ask our",
        "chatbot", "diplo", "unsubscribe", "view in browser", "privacy policy", "update your preferences",
        "forward to a friend", "|", "•", "·", "—", "–", "©", "(c)", "copyright 2026", "all rights reserved",
        "you are receiving this", "issue 12", "no. 7", "vol. 3", "newsletter", "digest", "weekly", "bulletin",
        "in this issue", "dear readers", "welcome to", "november 2026", "photo:", "source", "(photo by",
        "image credit", "read more", "best regards", "thanks for reading", "questions", "about us",
        "for more information on these topics", "visit", "diplomacy.edu", "that’s all for", "?", "!",
    ]

    static let filler = [
        "the", "ministry", "agency", "policy", "data", "rules", "network", "court", "report", "users",
        "platform", "council", "of", "and", "for", "with", "regional", "digital", "new", "on",
    ]

    /// `count` keyword-dense paragraphs of one line each, 60–400 bytes, separated by blank
    /// lines, after a plain title so that the document has an article to put them in.
    static func keywordDense(count: Int, seed: UInt64) -> Document {
        var random = SplitMix64(seed: seed)
        var text = "Eastvale publishes the weekly report on digital policy\n\n"
        for _ in 0..<count {
            let target = random.int(in: 60...400)
            var line = "Note"
            while line.utf8.count < target {
                let word = random.chance(0.8) ? keywords[random.int(in: 0...(keywords.count - 1))]
                    : filler[random.int(in: 0...(filler.count - 1))]
                line += " " + word
            }
            text += line + ".\n\n"
        }
        return Document(format: .text, encoding: "utf-8", markup: .plain, text: text)
    }

    /// `count` digests of 6–10 articles with masthead, captions, house lines and footers.
    static func digestShape(count: Int, seed: UInt64) -> [Document] {
        var random = SplitMix64(seed: seed)
        func pick(_ list: [String]) -> String { list[random.int(in: 0...(list.count - 1))] }
        func sentence(_ words: Int) -> String {
            var parts: [String] = []
            for index in 0..<words {
                let word = random.chance(0.03) ? pick(["newsletter", "photo", "source", "issue", "privacy", "copyright"]) : pick(filler)
                parts.append(index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word)
            }
            return parts.joined(separator: " ") + "."
        }
        let places = ["Eastvale", "Lakeland", "Northland", "Southport", "Westmark", "Port Aurelia"]
        let verbs = ["adopts", "publishes", "debates", "fines", "opens", "reviews", "delays", "signs"]
        let things = ["a data protection law", "rules for AI models", "a cybersecurity strategy", "a registry of data brokers",
                      "a report on platform work", "an inquiry into cloud contracts", "a plan for digital identity"]
        var documents: [Document] = []
        for issue in 0..<count {
            var text = "Digital Policy Weekly — Issue \(issue + 1)\n\n\(pick(["Dear readers,", "Hello everyone,", "Welcome to this week’s digest"]))\n\n"
            text += "In this issue:\n\n"
            for _ in 0..<random.int(in: 6...10) {
                text += "\(pick(places)) \(pick(verbs)) \(pick(things))\n\n"
                if random.chance(0.3) { text += "Photo: \(pick(places)) Agency\n\n" }
                for _ in 0..<random.int(in: 2...4) {
                    text += (0..<random.int(in: 2...5)).map { _ in sentence(random.int(in: 8...24)) }.joined(separator: " ") + "\n\n"
                }
                if random.chance(0.8) {
                    text += pick(["Why does it matter?", "Why it matters", "Why this matters:"]) + "\n\n"
                    text += sentence(random.int(in: 15...40)) + "\n\n"
                }
                text += "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!\n\n"
            }
            text += "\(pick(["Best regards,", "Thanks for reading", "That’s all for this issue"]))\n\n"
            text += "Unsubscribe | Update your preferences | View in browser\n\n"
            text += "© 2026 Example Media. All rights reserved.\n"
            documents.append(Document(format: .text, encoding: "utf-8", markup: .plain, text: text))
        }
        return documents
    }
}
