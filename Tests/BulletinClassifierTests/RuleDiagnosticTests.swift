import Testing
@testable import BulletinClassifier

/// Every diagnostic of a rules file, with its exact `file:line:column`.
struct RuleDiagnosticTests {
    /// The diagnostics of a rules file, as `line:column: message` (file name checked elsewhere).
    static func diagnostics(_ text: String) -> [String] {
        do {
            _ = try Taxonomy.parse(text, fileName: "rules.toml")
            return []
        } catch {
            return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    /// A one-topic file whose rule line is line 4: `rule = <rule>`.
    static func topic(rule: String) -> String {
        "[[topic]]\nid = \"t\"\nname = \"T\"\nrule = \(rule)\n"
    }

    static let ruleCases: [(rule: String, expected: String)] = [
        ("'(AI OR law'", "4:9: unbalanced parenthesis: '(' is never closed"),
        ("\"AI OR law)\"", "4:18: unbalanced parenthesis: ')' has no matching '('"),
        ("'AI AND'", "4:12: dangling operator 'AND': it needs a term, phrase or group on each side"),
        ("'OR AI'", "4:9: dangling operator 'OR': it needs a term, phrase or group on each side"),
        ("'AI OR NOT'", "4:15: dangling operator 'NOT': it needs a term, phrase or group on each side"),
        ("'  '", "4:8: empty rule"),
        ("''", "4:8: empty rule"),
        ("'foo:AI'", "4:9: unknown field 'foo:' (use title:, body: or why:)"),
        ("'law title:'", "4:13: expected a term, phrase or group after 'title:'"),
        ("'title:(body:AI)'", "4:16: field scopes cannot be nested"),
        ("'AI^x'", "4:11: invalid weight '^x' (expected a positive number, e.g. ^2 or ^0.5)"),
        ("'AI^0'", "4:11: invalid weight '^0' (expected a positive number, e.g. ^2 or ^0.5)"),
        ("'AI^'", "4:11: invalid weight '^' (expected a positive number, e.g. ^2 or ^0.5)"),
        ("'AI ^2'", "4:12: '^' must directly follow a term or phrase"),
        ("'(AI OR law)^2'", "4:20: a weight applies to a term or phrase, not to a group"),
        ("'reg*ulation'", "4:12: wildcard '*' is only allowed at the end of a word"),
        ("'\"data* centre\"'", "4:14: wildcard '*' is only allowed at the end of a phrase's last word"),
        ("'data-*'", "4:14: wildcard '*' must directly follow the letters or digits of a word"),
        ("'AI OR \"'", "4:15: unterminated phrase: missing closing '\"'"),
        ("'AI OR \"\"'", "4:15: empty phrase"),
        ("'AI OR ()'", "4:15: empty parentheses"),
        ("'NOT AI'", "4:8: the rule has no positive term (a rule made only of NOT terms can never match)"),
        ("'NOT AI AND NOT law'", "4:8: the rule has no positive term (a rule made only of NOT terms can never match)"),
        ("'AI OR --'", "4:15: term '--' has no letters or digits"),
        // A basic string with escapes: positions still point into the file.
        (#""\"x\" AND""#, "4:15: dangling operator 'AND': it needs a term, phrase or group on each side"),
        // A multi-line literal rule: the error is on the rule's third line.
        ("'''\nAI\n  OR (law\n  AND x'''", "6:6: unbalanced parenthesis: '(' is never closed"),
        ("12", "4:8: 'rule' must be a string, found an integer"),
    ]

    @Test(arguments: ruleCases.indices)
    func ruleError(_ index: Int) {
        let (rule, expected) = Self.ruleCases[index]
        #expect(Self.diagnostics(Self.topic(rule: rule)) == [expected], "rule \(rule)")
    }

    @Test func severalErrorsInOneRuleAreAllReported() {
        #expect(Self.diagnostics(Self.topic(rule: "'foo:AI OR reg*x OR law^y'")) == [
            "4:9: unknown field 'foo:' (use title:, body: or why:)",
            "4:22: wildcard '*' is only allowed at the end of a word",
            "4:31: invalid weight '^y' (expected a positive number, e.g. ^2 or ^0.5)",
        ])
    }

    @Test func topicTableErrors() {
        let text = """
            [[topic]]
            id = "AI Gov"
            name = "A"
            rule = "AI"
            treshold = 2

            [[topic]]
            name = "No id"

            [[topic]]
            id = "ok"
            name = "B"
            rule = "law"
            threshold = "two"

            [[topic]]
            id = "ok"
            name = "Again"
            rule = "law"

            [[topic]]
            id = "neg"
            name = "C"
            rule = "x"
            threshold = -1
            """
        #expect(Self.diagnostics(text) == [
            "2:6: invalid topic id 'AI Gov': use lower-case letters, digits, '-' and '_', starting with a letter or digit",
            "5:1: unknown key 'treshold' in [[topic]] (allowed: id, name, rule, threshold)",
            "7:1: topic is missing 'id'",
            "7:1: topic is missing 'rule'",
            "14:13: threshold must be a number, found a string",
            "17:6: duplicate topic id 'ok' (first defined at line 11)",
            "25:13: threshold must be a positive number",
        ])
    }

    @Test func wrongTypesAndMissingName() {
        let text = """
            [[topic]]
            id = 3
            rule = ["AI"]
            """
        #expect(Self.diagnostics(text) == [
            "1:1: topic is missing 'name'",
            "2:6: 'id' must be a string, found an integer",
            "3:8: 'rule' must be a string, found an array",
        ])
    }

    @Test func fileLevelErrors() {
        #expect(Self.diagnostics("title = 'x'\n[[topic]]\nid = 'a'\nname = 'A'\nrule = 'AI'\n")
                == ["1:1: unknown key 'title' (a rules file contains only [[topic]] tables)"])
        #expect(Self.diagnostics("# nothing\n") == ["1:1: no topics: add [[topic]] tables"])
        #expect(Self.diagnostics("[topic]\nid = 'a'\n") == ["1:1: 'topic' must be an array of tables written as [[topic]]"])
        #expect(Self.diagnostics("[[topic]]\nid = 'a\n") == ["2:6: unterminated string"])
    }

    @Test func diagnosticDescriptionNamesTheFile() throws {
        let error = try #require(throws: RulesError.self) {
            try Taxonomy.parse(Self.topic(rule: "'AI AND'"), fileName: "/etc/bulletind/topics.toml")
        }
        #expect(error.description
                == "/etc/bulletind/topics.toml:4:12: dangling operator 'AND': it needs a term, phrase or group on each side")
    }

    @Test func validTopicsSurviveNextToInvalidOnes() throws {
        let text = "[[topic]]\nid = 'good'\nname = 'G'\nrule = 'AI'\nthreshold = 1.5\n"
        let taxonomy = try Taxonomy.parse(text, fileName: "x")
        #expect(taxonomy.topics == [Topic(id: "good", name: "G", rule: "AI", threshold: 1.5)])
        #expect(taxonomy.topic(id: "good")?.name == "G")
    }
}
