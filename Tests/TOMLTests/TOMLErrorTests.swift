import Testing
@testable import TOML

/// Invalid documents: each error with its exact line and column.
struct TOMLErrorTests {
    static let cases: [(text: String, line: Int, column: Int, message: String)] = [
        ("a = 1\na = 2", 2, 1, "duplicate key 'a'"),
        ("[t]\nx = 1\n[t]", 3, 2, "table 't' is already defined"),
        ("x.y = 1\n[x]", 2, 2, "table 'x' is already defined"),
        ("a = 1\n[a]", 2, 2, "key 'a' is already defined"),
        ("[[t]]\n[t]", 2, 2, "'t' is already an array of tables"),
        ("p = { x = 1 }\n[p.q]", 2, 2, "key 'p' is already defined and is not a table"),
        ("s = \"abc", 1, 5, "unterminated string"),
        ("s = 'abc\n'", 1, 5, "unterminated string"),
        ("s = '''\nabc", 1, 5, "unterminated multi-line string"),
        (#"s = "a\qb""#, 1, 7, #"invalid escape sequence '\q'"#),
        (#"s = "\u12""#, 1, 6, #"expected 4 hexadecimal digits after '\u'"#),
        (#"s = "\uD800""#, 1, 6, "invalid Unicode scalar in escape sequence"),
        ("a = [1, 2", 1, 10, "expected ',' or ']' in the array, found the end of the file"),
        ("a = [1,", 1, 8, "expected a value, found the end of the file"),
        ("a = [1 2]", 1, 8, "expected ',' or ']' in the array, found '2'"),
        ("a = { x = 1 y = 2 }", 1, 13, "expected ',' or '}' in the inline table, found 'y'"),
        ("a = 1 b = 2", 1, 7, "expected the end of the line, found 'b'"),
        ("a 1", 1, 3, "expected '=' after the key, found '1'"),
        ("= 1", 1, 1, "expected a key, found '='"),
        ("a = ", 1, 5, "expected a value, found the end of the file"),
        ("a = 01", 1, 5, "invalid value '01'"),
        ("a = 1__0", 1, 5, "invalid value '1__0'"),
        ("a = _1", 1, 5, "invalid value '_1'"),
        ("a = 1.", 1, 5, "invalid value '1.'"),
        ("a = 99999999999999999999", 1, 5, "number '99999999999999999999' is out of range"),
        ("a = 1979-05-27", 1, 5, "dates and times are not supported"),
        ("a = yes", 1, 5, "invalid value 'yes'"),
        ("  é = 1", 1, 3, "expected a key, found 'é'"),
        ("k = \"é\u{01}\"", 1, 7, "control characters are not allowed in strings (use an escape sequence)"),
        ("[a", 1, 3, "expected ']' to close the table header, found the end of the file"),
        ("[[a]\n", 1, 5, "expected ']]' to close the array-of-tables header, found the end of the line"),
        ("a = \"\"\"x\"\"\"\"\"\"", 1, 9, "too many quotes at the end of a multi-line string"),
    ]

    @Test(arguments: cases.indices)
    func errorIsPositioned(_ index: Int) {
        let (text, line, column, message) = Self.cases[index]
        #expect(throws: TOMLError(line: line, column: column, message: message)) {
            try TOMLDocument.parse(text)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "a = " + String(repeating: "[", count: 10_000)
        #expect(throws: TOMLError.self) { try TOMLDocument.parse(text) }
    }

    @Test func longKeyPathsAreAnErrorNotACrash() {
        let path = Array(repeating: "a", count: 100_000).joined(separator: ".")
        #expect(throws: TOMLError(line: 1, column: 201, message: "the key has too many parts")) {
            try TOMLDocument.parse("[\(path)]")
        }
        #expect(throws: TOMLError.self) { try TOMLDocument.parse("\(path) = 1") }
    }

    @Test func errorDescriptionIsLineColumnMessage() {
        #expect(TOMLError(line: 3, column: 7, message: "boom").description == "3:7: boom")
    }
}
