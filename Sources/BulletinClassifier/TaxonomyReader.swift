import TOML

/// Reads the `[[topic]]` tables of a rules file, collecting every problem as a diagnostic.
struct TaxonomyReader {
    let fileName: String
    private(set) var diagnostics: [RuleDiagnostic] = []
    /// Where each topic id was first seen (valid topic or not).
    private var firstIDPosition: [String: TOMLPosition] = [:]

    init(fileName: String) { self.fileName = fileName }

    /// The valid topics; problems are added to `diagnostics`.
    mutating func read(_ text: String) -> [Topic] {
        let document: TOMLTable
        do {
            document = try TOMLDocument.parse(text)
        } catch {
            report(error)
            return []
        }
        for entry in document.entries where entry.key != "topic" {
            report(at: entry.keyPosition,
                   "unknown key '\(entry.key)' (a rules file contains only [[topic]] tables)")
        }
        guard let topicsValue = document["topic"] else {
            report(at: TOMLPosition(line: 1, column: 1), "no topics: add [[topic]] tables")
            return []
        }
        let tables: [TOMLTable]
        do {
            tables = try document.tableArray("topic")
        } catch {
            report(at: topicsValue.position, "'topic' must be an array of tables written as [[topic]]")
            return []
        }
        return tables.compactMap { readTopic($0) }
    }

    private mutating func readTopic(_ table: TOMLTable) -> Topic? {
        let allowed = Taxonomy.topicKeys
        for entry in table.entries where !allowed.contains(entry.key) {
            report(at: entry.keyPosition,
                   "unknown key '\(entry.key)' in [[topic]] (allowed: \(allowed.joined(separator: ", ")))")
        }
        var valid = true
        let id = requiredString("id", in: table, valid: &valid)
        if let id, let value = table["id"] {
            if !Self.isValidID(id) {
                report(at: value.position, "invalid topic id '\(id)': use lower-case letters, digits, '-' and '_', "
                       + "starting with a letter or digit")
                valid = false
            } else if let previous = firstIDPosition[id] {
                report(at: value.position, "duplicate topic id '\(id)' (first defined at line \(previous.line))")
                valid = false
            } else {
                firstIDPosition[id] = value.position
            }
        }
        let name = requiredString("name", in: table, valid: &valid)
        if let name, let value = table["name"], name.allSatisfy(\.isWhitespace) {
            report(at: value.position, "empty topic name")
            valid = false
        }
        let rule = requiredString("rule", in: table, valid: &valid)
        if let rule, let value = table["rule"] {
            do {
                _ = try CompiledRule.parse(rule)
            } catch {
                for problem in error.errors {
                    report(at: problem.offset.map(value.position(ofScalarOffset:)) ?? value.position, problem.message)
                }
                valid = false
            }
        }
        var threshold = 1.0
        if let value = table["threshold"] {
            do {
                threshold = try value.number()
                if !threshold.isFinite || threshold <= 0 {
                    report(at: value.position, "threshold must be a positive number")
                    valid = false
                }
            } catch {
                report(at: value.position, "threshold must be a number, found \(value.typeDescription)")
                valid = false
            }
        }
        guard valid, let id, let name, let rule else { return nil }
        return Topic(id: id, name: name, rule: rule, threshold: threshold)
    }

    private mutating func requiredString(_ key: String, in table: TOMLTable, valid: inout Bool) -> String? {
        guard let value = table[key] else {
            report(at: table.position, "topic is missing '\(key)'")
            valid = false
            return nil
        }
        do {
            return try value.string()
        } catch {
            report(at: value.position, "'\(key)' must be a string, found \(value.typeDescription)")
            valid = false
            return nil
        }
    }

    /// `[a-z0-9][a-z0-9_-]*`
    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func report(_ error: TOMLError) {
        report(at: error.position, error.message)
    }

    private mutating func report(at position: TOMLPosition, _ message: String) {
        diagnostics.append(RuleDiagnostic(file: fileName, line: position.line, column: position.column, message: message))
    }
}
