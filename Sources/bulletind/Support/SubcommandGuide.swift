import ArgumentParser

/// Checks the subcommand words of a command line before ArgumentParser sees it, so a typo
/// gets "did you mean" instead of "unexpected argument", `help TYPO` is an error instead of
/// the general help, and `version` works like `--version`.
enum SubcommandGuide {
    enum Verdict: Equatable {
        /// Let ArgumentParser parse and run the arguments.
        case proceed
        /// Print the version and exit 0.
        case version
        /// A usage error: print `message` and the usage of `command`, exit 64.
        case unknown(message: String, command: [String])
    }

    /// Walks the words that name subcommands (`rules check`, `help rules chek`) down the tree
    /// of `root`; stops at the first option or at a command without subcommands.
    static func check(_ arguments: [String], root: ParsableCommand.Type) -> Verdict {
        if arguments == ["version"] { return .version }
        var words = arguments[...]
        var helping = false
        if words.first == "help" {
            helping = true
            words = words.dropFirst()
        }
        var command = root
        var path = [name(of: root)]
        while let word = words.first, !word.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { break }
            guard let next = subcommands.first(where: { name(of: $0) == word }) else {
                var names = subcommands.map { name(of: $0) }
                if path.count == 1 && !helping { names += ["help", "version"] }
                let what = helping ? "no subcommand '\(word)' to show help for" : "unknown subcommand '\(word)'"
                let hint: String
                if let suggestion = nearest(to: word, among: names) {
                    hint = " — did you mean '\(suggestion)'?"
                } else {
                    hint = " (subcommands: \(names.joined(separator: ", ")))"
                }
                return .unknown(message: "\(path.joined(separator: " ")): \(what)\(hint)", command: path)
            }
            command = next
            path.append(word)
            words = words.dropFirst()
        }
        return .proceed
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? ""
    }

    /// The name closest to `word` by edit distance, if it is close enough to be a typo
    /// (at most a third of the word's length, at least 1), or one that `word` starts.
    static func nearest(to word: String, among names: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = names.map { (name: $0, distance: editDistance(lowered, $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }),
           best.distance <= max(1, lowered.count / 3) {
            return best.name
        }
        let prefixed = names.filter { $0.hasPrefix(lowered) }
        return prefixed.count == 1 && lowered.count >= 2 ? prefixed[0] : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
