/// Finds every pattern (word, phrase, or either ending in a prefix wildcard) of a whole
/// taxonomy in a text, in one pass over the text's words.
///
/// Per word of the text, the cost does not grow with the number of patterns: one probe of a
/// hash table of the rules' words, which also gives the pattern made of the word alone and
/// whether a phrase starts with it; when a bit set says that a prefix may start the word,
/// one probe per distinct prefix length; and a walk along the phrases only when the word
/// starts one. Phrases after their first word form a trie over word ids; the last word of
/// a wildcard phrase is a prefix id instead.
struct TermMatcher: Sendable {
    /// A pattern: normalised words; the last one is a prefix when `isPrefix`.
    struct Pattern: Hashable, Sendable {
        var words: [String]
        var isPrefix: Bool
    }

    /// The exact words of the patterns (all but a wildcard's last word). `first`: the
    /// pattern made of the word alone, or -1; `second`: the trie node after the word when a
    /// longer pattern starts with it, or -1.
    private let words: ByteStringTable
    /// The prefixes of the wildcard patterns. `first`: the pattern made of the prefix
    /// alone, or -1.
    private let prefixes: ByteStringTable
    /// The distinct lengths (UTF-8 bytes) of the prefixes, ascending.
    private let prefixLengths: [Int]
    /// The length of the shortest prefix (Int.max when there are none).
    private let minimumPrefixLength: Int
    /// A bit set over the hashes of the prefixes' first `minimumPrefixLength` bytes: a word
    /// whose bit is clear starts no prefix, and is not looked up in `prefixes` at all.
    private let prefixFilter: [UInt64]
    /// For each trie node, the pattern ending exactly there, or -1.
    private let nodeTerminal: [Int32]
    /// For each trie node, its wildcard patterns: those that end here followed by one word
    /// starting with the prefix.
    private let nodePrefixTerminals: FlatLists<PrefixTerminal>
    /// The trie's edges: (node << 32 | word id) → node.
    private let children: [UInt64: Int32]

    private struct PrefixTerminal: Sendable {
        var prefix: Int32
        var pattern: Int32
    }

    /// The number of patterns: pattern ids are `0..<patternCount`.
    let patternCount: Int

    init(patterns: [Pattern]) {
        var wordIDs: [String: Int32] = [:]
        var wordKeys: [[UInt8]] = []
        var wordValues: [(first: Int32, second: Int32)] = []
        var prefixIDs: [String: Int32] = [:]
        var prefixKeys: [[UInt8]] = []
        var prefixValues: [(first: Int32, second: Int32)] = []
        var nodeTerminal: [Int32] = []
        var nodePrefixTerminals: [[PrefixTerminal]] = []
        var children: [UInt64: Int32] = [:]
        func newNode() -> Int32 {
            nodeTerminal.append(-1)
            nodePrefixTerminals.append([])
            return Int32(nodeTerminal.count - 1)
        }
        for (patternID, pattern) in patterns.enumerated() {
            let exactWords = pattern.isPrefix ? pattern.words.dropLast() : pattern.words[...]
            let ends = pattern.isPrefix ? exactWords.count : exactWords.count - 1
            var node: Int32 = -1
            for (position, word) in exactWords.enumerated() {
                let wordID = Self.intern(word, ids: &wordIDs, keys: &wordKeys, values: &wordValues)
                if position == ends {
                    // The pattern ends with this exact word.
                    if node < 0 {
                        wordValues[Int(wordID)].first = Int32(patternID)
                    } else {
                        let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(wordID))
                        let child = children[edge] ?? newNode()
                        children[edge] = child
                        nodeTerminal[Int(child)] = Int32(patternID)
                    }
                } else if node < 0 {
                    if wordValues[Int(wordID)].second < 0 { wordValues[Int(wordID)].second = newNode() }
                    node = wordValues[Int(wordID)].second
                } else {
                    let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(wordID))
                    let child = children[edge] ?? newNode()
                    children[edge] = child
                    node = child
                }
            }
            guard pattern.isPrefix, let prefix = pattern.words.last else { continue }
            let prefixID = Self.intern(prefix, ids: &prefixIDs, keys: &prefixKeys, values: &prefixValues)
            if node < 0 {
                prefixValues[Int(prefixID)].first = Int32(patternID)
            } else {
                nodePrefixTerminals[Int(node)].append(PrefixTerminal(prefix: prefixID, pattern: Int32(patternID)))
            }
        }
        self.words = ByteStringTable(keys: wordKeys, values: wordValues)
        self.prefixes = ByteStringTable(keys: prefixKeys, values: prefixValues)
        let prefixLengths = Set(prefixKeys.map(\.count)).sorted()
        self.prefixLengths = prefixLengths
        let minimumPrefixLength = prefixLengths.first ?? Int.max
        self.minimumPrefixLength = minimumPrefixLength
        // About 16 bits per prefix: a word that starts none passes with a chance of ~6%.
        var filterWords = 1
        while filterWords * 64 < prefixKeys.count * 16 { filterWords *= 2 }
        var prefixFilter = [UInt64](repeating: 0, count: filterWords)
        for prefix in prefixKeys {
            let bit = prefix.withUnsafeBufferPointer { bytes in
                Int(truncatingIfNeeded: ByteStringTable.Key(bytes).prefix(minimumPrefixLength, of: bytes).hash)
            } & (filterWords * 64 - 1)
            prefixFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.prefixFilter = prefixFilter
        self.nodeTerminal = nodeTerminal
        self.nodePrefixTerminals = FlatLists(nodePrefixTerminals)
        self.children = children
        self.patternCount = patterns.count
    }

    /// The id of `string` in `ids`, giving it the next one (with no values yet) if new.
    private static func intern(_ string: String, ids: inout [String: Int32], keys: inout [[UInt8]],
                               values: inout [(first: Int32, second: Int32)]) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(keys.count)
        ids[string] = id
        keys.append(Array(string.utf8))
        values.append((-1, -1))
        return id
    }

    /// Per-call working memory, reused from call to call (see `reset`).
    struct Matches {
        /// For each pattern id, the fields it was found in (one bit per field), 0 if none.
        private(set) var fields: [UInt8]
        /// The ids of the patterns found, in the order they were first found.
        private(set) var found: [Int32] = []
        fileprivate var folder = WordNormalizer.Folder()
        /// The current text's words: their keys and bytes (word `i` ends at `wordEnds[i]`).
        fileprivate var keys: [ByteStringTable.Key] = []
        fileprivate var wordBytes: [UInt8] = []
        fileprivate var wordEnds: [Int32] = []
        /// For each word of the current text: its id (-1 if no pattern has it), the trie node
        /// after it (-1 if no longer pattern starts with it), and the end of its prefix ids
        /// in `tokenPrefixes`.
        fileprivate var tokenWords: [Int32] = []
        fileprivate var tokenNodes: [Int32] = []
        fileprivate var tokenPrefixEnds: [Int32] = []
        fileprivate var tokenPrefixes: [Int32] = []

        init(patternCount: Int) {
            fields = [UInt8](repeating: 0, count: patternCount)
        }

        @inline(__always)
        fileprivate mutating func mark(_ pattern: Int32, _ field: UInt8) {
            let old = fields[Int(pattern)]
            if old & field == 0 {
                if old == 0 { found.append(pattern) }
                fields[Int(pattern)] = old | field
            }
        }

        /// Forgets the patterns found (cost: the number found, not the number of patterns).
        mutating func reset() {
            for pattern in found { fields[Int(pattern)] = 0 }
            found.removeAll(keepingCapacity: true)
        }
    }

    /// Records in `matches` the patterns occurring in `text`, with `field` (one bit).
    func match(_ text: String, field: UInt8, into matches: inout Matches) {
        var keys = take(&matches.keys)
        var wordBytes = take(&matches.wordBytes)
        var wordEnds = take(&matches.wordEnds)
        var tokenWords = take(&matches.tokenWords)
        var tokenNodes = take(&matches.tokenNodes)
        var tokenPrefixEnds = take(&matches.tokenPrefixEnds)
        var tokenPrefixes = take(&matches.tokenPrefixes)
        defer {
            matches.keys = keys
            matches.wordBytes = wordBytes
            matches.wordEnds = wordEnds
            matches.tokenWords = tokenWords
            matches.tokenNodes = tokenNodes
            matches.tokenPrefixEnds = tokenPrefixEnds
            matches.tokenPrefixes = tokenPrefixes
        }
        keys.removeAll(keepingCapacity: true)
        wordBytes.removeAll(keepingCapacity: true)
        wordEnds.removeAll(keepingCapacity: true)
        tokenWords.removeAll(keepingCapacity: true)
        tokenNodes.removeAll(keepingCapacity: true)
        tokenPrefixEnds.removeAll(keepingCapacity: true)
        tokenPrefixes.removeAll(keepingCapacity: true)
        // First the words and their keys, then the lookups in a tight loop: the probes of
        // successive words do not depend on each other, so their cache misses overlap.
        WordNormalizer.forEachWord(in: text, folder: &matches.folder) { word in
            keys.append(ByteStringTable.Key(word))
            wordBytes.append(contentsOf: word)
            wordEnds.append(Int32(wordBytes.count))
        }
        var hasPhrases = false
        wordBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (position, key) in keys.enumerated() {
                let end = Int(wordEnds[position])
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end
                if let entry = words.find(key, bytes: word) {
                    if entry.first >= 0 { matches.mark(entry.first, field) }
                    if entry.second >= 0 { hasPhrases = true }
                    tokenWords.append(entry.id)
                    tokenNodes.append(entry.second)
                } else {
                    tokenWords.append(-1)
                    tokenNodes.append(-1)
                }
                if key.length >= minimumPrefixLength && mayStartPrefix(key.prefix(minimumPrefixLength, of: word)) {
                    for length in prefixLengths {
                        guard length <= key.length else { break }
                        guard let entry = prefixes.find(key.prefix(length, of: word),
                                                        bytes: UnsafeBufferPointer(rebasing: word[0..<length])) else {
                            continue
                        }
                        if entry.first >= 0 { matches.mark(entry.first, field) }
                        tokenPrefixes.append(entry.id)
                    }
                }
                tokenPrefixEnds.append(Int32(tokenPrefixes.count))
            }
        }
        guard hasPhrases else { return }
        for position in tokenNodes.indices where tokenNodes[position] >= 0 {
            var node = Int(tokenNodes[position])
            var next = position + 1
            while next < tokenWords.count {
                let prefixes = Int(tokenPrefixEnds[next - 1])..<Int(tokenPrefixEnds[next])
                for terminal in nodePrefixTerminals[node] where tokenPrefixes[prefixes].contains(terminal.prefix) {
                    matches.mark(terminal.pattern, field)
                }
                let word = tokenWords[next]
                guard word >= 0, let child = children[UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))] else { break }
                node = Int(child)
                let terminal = nodeTerminal[node]
                if terminal >= 0 { matches.mark(terminal, field) }
                next += 1
            }
        }
    }

    /// Whether some prefix may start with `key`, the key of a word's first
    /// `minimumPrefixLength` bytes (false means certainly not).
    @inline(__always)
    private func mayStartPrefix(_ key: ByteStringTable.Key) -> Bool {
        let bit = Int(truncatingIfNeeded: key.hash) & (prefixFilter.count * 64 - 1)
        return prefixFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Moves an array out of `storage` (leaving it empty) so it can grow without a copy.
    private func take<Element>(_ storage: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &storage)
        return taken
    }
}
