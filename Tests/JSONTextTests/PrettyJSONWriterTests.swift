import Foundation
import JSONText
import Testing

/// `PrettyJSONWriter` writes the bytes `JSONEncoder` writes with `.prettyPrinted` and
/// `.sortedKeys`, with and without `.withoutEscapingSlashes`.
@Suite struct PrettyJSONWriterTests {
    /// A value with every kind of member: nested objects and arrays (empty or not), strings,
    /// integers, doubles, booleans, an optional.
    struct Sample: Codable {
        struct Inner: Codable {
            var list: [String]
            var numbers: [Int]
            var empty: [Inner]
        }
        var text: String
        var note: String?
        var count: Int64
        var ratio: Double
        var flag: Bool
        var inner: Inner
        var rows: [Inner]
        var grid: [[Int]]
    }

    static let texts = [
        "", "plain", "say \"hi\" \\ back\\slash", "/var/lib/bulletind/a b.txt", "slash/at/end/",
        String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) })) + "\u{7F}",
        "Zürich — 東京 🌍 👩‍💻 \u{2028} \u{2029} \u{FEFF}", "tab\tnew\nline\rcr",
    ]

    static let doubles: [Double] = [0, 1, -2, 0.25, 0.1 + 0.2, 1e-7, 123_456.789, 1e15, 3e21, -0.0, 2.5]

    static func sample(_ i: Int) -> Sample {
        let text = { (k: Int) in texts[(i + k) % texts.count] }
        let inner = { (k: Int) in
            Sample.Inner(list: (0..<((i + k) % 3)).map { text($0 + k) }, numbers: Array(0..<((i + k) % 4)) + [-k],
                         empty: [])
        }
        return Sample(text: text(0), note: i % 2 == 0 ? nil : text(1), count: i % 3 == 0 ? Int64.min : Int64(i * 1_000_003),
                      ratio: doubles[i % doubles.count], flag: i % 2 == 1, inner: inner(1),
                      rows: (0..<(i % 3)).map(inner), grid: i % 4 == 0 ? [] : [[], [i, -i]])
    }

    /// The sample by hand, keys in byte order.
    static func written(_ sample: Sample, escapingSlashes: Bool) -> [UInt8] {
        var w = PrettyJSONWriter(escapingSlashes: escapingSlashes)
        w.object { w in
            w.key("count")
            w.number(sample.count)
            w.key("flag")
            w.bool(sample.flag)
            w.key("grid")
            w.array(sample.grid) { w, row in w.array(row) { w, n in w.number(n) } }
            w.key("inner")
            inner(sample.inner, &w)
            if let note = sample.note {
                w.key("note")
                w.string(note)
            }
            w.key("ratio")
            w.number(sample.ratio)
            w.key("rows")
            w.array(sample.rows) { w, row in inner(row, &w) }
            w.key("text")
            w.string(sample.text)
        }
        return w.bytes
    }

    static func inner(_ inner: Sample.Inner, _ w: inout PrettyJSONWriter) {
        w.object { w in
            w.key("empty")
            w.array(inner.empty) { w, row in Self.inner(row, &w) }
            w.key("list")
            w.array(inner.list)
            w.key("numbers")
            w.array(inner.numbers) { w, n in w.number(n) }
        }
    }

    static func encoded(_ value: some Encodable, escapingSlashes: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.prettyPrinted, .sortedKeys]
            : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test(arguments: [true, false]) func manyValuesAreTheEncodersBytes(escapingSlashes: Bool) throws {
        for i in 0..<48 {
            let sample = Self.sample(i)
            let written = Self.written(sample, escapingSlashes: escapingSlashes)
            let expected = try Self.encoded(sample, escapingSlashes: escapingSlashes)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "sample \(i)")
        }
    }

    @Test func slashesAreEscapedOnlyWhenAsked() {
        var escaped = PrettyJSONWriter(escapingSlashes: true)
        escaped.string("a/b")
        var plain = PrettyJSONWriter(escapingSlashes: false)
        plain.string("a/b")
        #expect(String(decoding: escaped.bytes, as: UTF8.self) == #""a\/b""#)
        #expect(String(decoding: plain.bytes, as: UTF8.self) == #""a/b""#)
    }

    @Test func nestingIndentsTwoSpacesALevelAndEmptyContainersHoldAnEmptyLine() {
        var w = PrettyJSONWriter(escapingSlashes: false)
        w.object { w in
            w.key("a")
            w.array([[Int](), [1]]) { w, row in w.array(row) { w, n in w.number(n) } }
            w.key("b")
            w.object { _ in }
        }
        w.endLine()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "{\n  \"a\" : [\n    [\n\n    ],\n    [\n      1\n    ]\n  ],\n  \"b\" : {\n\n  }\n}\n")
    }

    @Test func topLevelScalarsAndEmptyContainersAreTheEncoders() throws {
        var w = PrettyJSONWriter(escapingSlashes: true)
        w.array([String]())
        #expect(w.bytes == (try Self.encoded([String](), escapingSlashes: true)))
        var o = PrettyJSONWriter(escapingSlashes: true)
        o.object { _ in }
        #expect(o.bytes == (try Self.encoded([String: Int](), escapingSlashes: true)))
        for value in Self.doubles {
            var d = PrettyJSONWriter(escapingSlashes: true)
            d.number(value)
            #expect(d.bytes == (try Self.encoded(value, escapingSlashes: true)), "\(value)")
        }
    }
}
