/// Finds every pattern (word, phrase, or either ending in a prefix wildcard) of a whole
/// taxonomy in a text, in one pass over the text's words.
///
/// Patterns form a trie over word ids (rule words are interned); the last word of a
/// wildcard pattern is a prefix id instead. Each distinct word of an article is looked up
/// once (`ArticleWords`), so the cost per word does not grow with the number of patterns.
struct TermMatcher: Sendable {
    /// A pattern: normalised words; the last one is a prefix when `isPrefix`.
    struct Pattern: Hashable, Sendable {
        var words: [String]
        var isPrefix: Bool
    }

    private struct Node: Sendable {
        var children: [Int32: Int32] = [:]
        /// Patterns that end exactly here.
        var terminals: [Int32] = []
        /// Patterns that end here followed by one word starting with the prefix (key).
        var prefixTerminals: [Int32: [Int32]] = [:]
    }

    private let vocabulary: [String: Int32]
    private let prefixIDs: [String: Int32]
    /// The distinct lengths (UTF-8 bytes) of the prefixes, ascending.
    private let prefixLengths: [Int]
    private let nodes: [Node]

    init(patterns: [Pattern]) {
        var vocabulary: [String: Int32] = [:]
        var prefixIDs: [String: Int32] = [:]
        var nodes = [Node()]
        for (patternID, pattern) in patterns.enumerated() {
            var node = 0
            let exactWords = pattern.isPrefix ? pattern.words.dropLast() : pattern.words[...]
            for word in exactWords {
                let wordID = vocabulary[word] ?? {
                    let id = Int32(vocabulary.count)
                    vocabulary[word] = id
                    return id
                }()
                if let child = nodes[node].children[wordID] {
                    node = Int(child)
                } else {
                    nodes.append(Node())
                    nodes[node].children[wordID] = Int32(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            if pattern.isPrefix, let prefix = pattern.words.last {
                let prefixID = prefixIDs[prefix] ?? {
                    let id = Int32(prefixIDs.count)
                    prefixIDs[prefix] = id
                    return id
                }()
                nodes[node].prefixTerminals[prefixID, default: []].append(Int32(patternID))
            } else {
                nodes[node].terminals.append(Int32(patternID))
            }
        }
        self.vocabulary = vocabulary
        self.prefixIDs = prefixIDs
        self.prefixLengths = Set(prefixIDs.keys.map(\.utf8.count)).sorted()
        self.nodes = nodes
    }

    /// The distinct words of one article, each looked up once.
    struct ArticleWords {
        fileprivate var slotOfWord: [String: Int32] = [:]
        fileprivate var wordIDs: [Int32] = []
        fileprivate var prefixes: [[Int32]] = []
        var folder = WordNormalizer.Folder()
    }

    /// The ids of the patterns occurring in `text`.
    func matches(in text: String, words: inout ArticleWords) -> Set<Int32> {
        var slots: [Int32] = []
        WordNormalizer.forEachWord(in: text, folder: &words.folder) { word in
            if let slot = words.slotOfWord[word] {
                slots.append(slot)
                return
            }
            let slot = Int32(words.wordIDs.count)
            words.slotOfWord[word] = slot
            words.wordIDs.append(vocabulary[word] ?? -1)
            words.prefixes.append(prefixes(of: word))
            slots.append(slot)
        }
        var found = Set<Int32>()
        for start in slots.indices {
            var node = 0
            var next = start
            while true {
                let slot = Int(slots[next])
                let current = nodes[node]
                if !current.prefixTerminals.isEmpty {
                    for prefix in words.prefixes[slot] {
                        if let patterns = current.prefixTerminals[prefix] { found.formUnion(patterns) }
                    }
                }
                let wordID = words.wordIDs[slot]
                guard wordID >= 0, let child = current.children[wordID] else { break }
                node = Int(child)
                found.formUnion(nodes[node].terminals)
                next += 1
                if next == slots.count { break }
            }
        }
        return found
    }

    /// The prefix ids that `word` starts with.
    private func prefixes(of word: String) -> [Int32] {
        guard !prefixLengths.isEmpty else { return [] }
        let bytes = Array(word.utf8)
        var result: [Int32] = []
        for length in prefixLengths {
            guard length <= bytes.count else { break }
            if let id = prefixIDs[String(decoding: bytes[0..<length], as: UTF8.self)] { result.append(id) }
        }
        return result
    }
}
