import Testing
@testable import TOML

/// Valid documents: every supported feature, with positions.
struct TOMLParsingTests {
    @Test func configurationStyleDocument() throws {
        let table = try TOMLDocument.parse("""
            # bulletind
            inbox = "Inbox"
            max_file_size = 20_000_000
            rescan_interval = 60.0
            enabled = true

            [format]
            trailer_patterns = ["first", 'second',]
            """)
        #expect(table.keys == ["inbox", "max_file_size", "rescan_interval", "enabled", "format"])
        #expect(try table.string("inbox") == "Inbox")
        #expect(try table.integer("max_file_size") == 20_000_000)
        #expect(try table.number("rescan_interval") == 60.0)
        #expect(try table.number("max_file_size") == 20_000_000)
        #expect(try table.boolean("enabled") == true)
        let format = try #require(try table.table("format"))
        #expect(try format.stringArray("trailer_patterns") == ["first", "second"])
        #expect(table.entry("inbox")?.keyPosition == TOMLPosition(line: 2, column: 1))
        #expect(table["inbox"]?.position == TOMLPosition(line: 2, column: 9))
        #expect(table["format"]?.position == TOMLPosition(line: 7, column: 1))
        #expect(format["trailer_patterns"]?.position == TOMLPosition(line: 8, column: 20))
        #expect(try table.string("missing") == nil)
    }

    @Test func unknownKeysAreListedWithPositions() throws {
        let table = try TOMLDocument.parse("inbox = 'a'\n  inboks = 'b'\n")
        let errors = table.unknownKeys(allowed: ["inbox"])
        #expect(errors == [TOMLError(line: 2, column: 3, message: "unknown key 'inboks'")])
    }

    @Test func basicStringEscapes() throws {
        let table = try TOMLDocument.parse(#"s = "a\tb\n\"q\" \\ \u00E9 \U0001F600""#)
        #expect(try table.string("s") == "a\tb\n\"q\" \\ é 😀")
    }

    @Test func literalStringsKeepBackslashes() throws {
        let table = try TOMLDocument.parse(#"s = 'C:\path\n'"#)
        #expect(try table.string("s") == #"C:\path\n"#)
    }

    @Test func multilineBasicStringTrimsFirstNewlineAndJoinsBackslashLines() throws {
        let table = try TOMLDocument.parse("s = \"\"\"\none \\\n    two\nthree\"\"\"\n")
        #expect(try table.string("s") == "one two\nthree")
    }

    @Test func multilineLiteralString() throws {
        let table = try TOMLDocument.parse("s = '''\r\nraw \\n ''quoted''\nend'''''")
        #expect(try table.string("s") == "raw \\n ''quoted''\nend''")
    }

    @Test func numbers() throws {
        let table = try TOMLDocument.parse("""
            a = +42
            b = -17
            c = 0
            d = 1_000
            e = 3.25
            f = -1e3
            g = 6.02E+23
            h = 0xff
            i = 0o17
            j = 0b101
            k = inf
            """)
        #expect(try table.integer("a") == 42)
        #expect(try table.integer("b") == -17)
        #expect(try table.integer("c") == 0)
        #expect(try table.integer("d") == 1000)
        #expect(try table.number("e") == 3.25)
        #expect(try table.number("f") == -1000)
        #expect(try table.number("g") == 6.02e23)
        #expect(try table.integer("h") == 255)
        #expect(try table.integer("i") == 15)
        #expect(try table.integer("j") == 5)
        #expect(try table.number("k") == .infinity)
    }

    @Test func multilineArraysWithCommentsAndNesting() throws {
        let table = try TOMLDocument.parse("""
            a = [
              1, # one
              # a comment line
              2,
            ]
            b = [[1, 2], ["x"]]
            c = []
            """)
        #expect(try table.array("a")?.map { try $0.integer() } == [1, 2])
        #expect(try table.array("a")?[1].position == TOMLPosition(line: 4, column: 3))
        let nested = try #require(try table.array("b"))
        #expect(try nested[1].stringArray() == ["x"])
        #expect(try table.array("c")?.isEmpty == true)
    }

    @Test func inlineTablesAndDottedKeys() throws {
        let table = try TOMLDocument.parse("""
            point = { x = 1, y = 2 }
            site.name = "n"
            site."quoted key".deep = true
            """)
        let point = try #require(try table.table("point"))
        #expect(point.keys == ["x", "y"])
        #expect(point.position == TOMLPosition(line: 1, column: 9))
        let site = try #require(try table.table("site"))
        #expect(try site.string("name") == "n")
        #expect(try site.table("quoted key")?.boolean("deep") == true)
    }

    @Test func tablesAndArraysOfTables() throws {
        let table = try TOMLDocument.parse("""
            [[topic]]
            id = "a"

            [[topic]]
            id = "b"
            [topic.extra]
            k = 1

            [a.b.c]
            v = 1
            [a]
            w = 2
            """)
        let topics = try table.tableArray("topic")
        #expect(topics.count == 2)
        #expect(try topics.map { try $0.string("id") } == ["a", "b"])
        #expect(topics[1].position == TOMLPosition(line: 4, column: 1))
        #expect(try topics[1].table("extra")?.integer("k") == 1)
        let a = try #require(try table.table("a"))
        #expect(try a.integer("w") == 2)
        #expect(try a.table("b")?.table("c")?.integer("v") == 1)
    }

    @Test func sourceMapOfMultilineLiteralString() throws {
        let table = try TOMLDocument.parse("x = 1\nrule = '''\nab\n  cd'''\n")
        let value = try #require(table["rule"])
        #expect(try value.string() == "ab\n  cd")
        #expect(value.position(ofScalarOffset: 0) == TOMLPosition(line: 3, column: 1))
        #expect(value.position(ofScalarOffset: 1) == TOMLPosition(line: 3, column: 2))
        #expect(value.position(ofScalarOffset: 5) == TOMLPosition(line: 4, column: 3))
    }

    @Test func sourceMapOfBasicStringWithEscapes() throws {
        let table = try TOMLDocument.parse(#"r = "é\t\u00E9x y""#)
        let value = try #require(table["r"])
        // Content: é, TAB, é, x, space, y — written at columns 6, 7, 9, 15, 16, 17.
        #expect(value.position(ofScalarOffset: 0) == TOMLPosition(line: 1, column: 6))
        #expect(value.position(ofScalarOffset: 1) == TOMLPosition(line: 1, column: 7))
        #expect(value.position(ofScalarOffset: 2) == TOMLPosition(line: 1, column: 9))
        #expect(value.position(ofScalarOffset: 3) == TOMLPosition(line: 1, column: 15))
        #expect(value.position(ofScalarOffset: 5) == TOMLPosition(line: 1, column: 17))
    }

    @Test func sourceMapAfterLineEndingBackslash() throws {
        let table = try TOMLDocument.parse("r = \"\"\"\nab \\\n   cd\"\"\"")
        let value = try #require(table["r"])
        #expect(try value.string() == "ab cd")
        #expect(value.position(ofScalarOffset: 3) == TOMLPosition(line: 3, column: 4))
    }

    @Test func typedAccessorErrorsArePositioned() throws {
        let table = try TOMLDocument.parse("a = 12\nb = [\"x\", 3]\n")
        #expect(throws: TOMLError(line: 1, column: 5, message: "expected a string, found an integer")) {
            try table.string("a")
        }
        #expect(throws: TOMLError(line: 2, column: 11, message: "expected a string, found an integer")) {
            try table.stringArray("b")
        }
    }
}
