import Foundation
import Testing
@testable import BulletinReader

@Suite("Plain text bulletins and their encodings")
struct PlainTextTests {
    @Test(arguments: [
        ("utf8-bulletin.txt", "utf-8"),
        ("bom-bulletin.txt", "utf-8-bom"),
        ("utf16le-bulletin.txt", "utf-16le"),
        ("utf16be-bulletin.txt", "utf-16be"),
    ])
    func decodesEveryUnicodeEncoding(name: String, encoding: String) throws {
        let document = try Fixtures.read(name)
        #expect(document.format == .text)
        #expect(document.markup == .plain)
        #expect(document.encoding == encoding)
        #expect(document.title == nil)
        #expect(document.date == nil)
        #expect(document.text == Fixtures.bulletinText)
    }

    @Test func crlfAndLoneCRBecomeLF() throws {
        let original = String(decoding: try Fixtures.data("utf8-bulletin.txt"), as: UTF8.self)
        for lineEnding in ["\r\n", "\r"] {
            let converted = original.replacingOccurrences(of: "\n", with: lineEnding)
            #expect(converted.contains("\n") == (lineEnding == "\r\n"))
            let document = try BulletinReader().read(Data(converted.utf8), fileName: "crlf.txt")
            #expect(document.encoding == "utf-8")
            #expect(document.text == Fixtures.bulletinText)
        }
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let document = try Fixtures.read("windows1252-bulletin.txt")
        #expect(document.format == .text)
        #expect(document.encoding == "windows-1252")
        #expect(document.text == """
            Café owners’ association sues over “smart” parking meters – a first…

            The association says the meters log licence plates for 90 days and charge a € 2 surcharge. Undefined byte: [\u{FFFD}].
            """)
    }

    @Test func windows1252BytesGeneratedInTheTest() throws {
        let bytes: [UInt8] = Array("Minister".utf8) + [0x92] + Array("s r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9]
        let document = try BulletinReader().read(Data(bytes), fileName: "NOTE.TXT")
        #expect(document.encoding == "windows-1252")
        #expect(document.text == "Minister’s résumé")
    }

    @Test func markdownIsNormalisedButOtherwiseKept() throws {
        let document = try Fixtures.read("roundup.md")
        #expect(document.format == .markdown)
        #expect(document.markup == .markdown)
        #expect(document.encoding == "utf-8")
        #expect(document.text == """
            # Digital Policy Roundup

            ## Parliament backs right-to-repair for routers

            The **Northland parliament** approved a bill obliging router makers to publish firmware for [ten years](https://example.invalid/bill).

            - Applies to home routers
            - Fines up to 2% of turnover

            ## Why does it matter?

            Older routers are a common entry point for botnets.
            """)
    }

    @Test(arguments: ["a.MD", "b.Markdown", "c.markdown"])
    func markdownExtensionsAreCaseInsensitive(name: String) throws {
        let document = try BulletinReader().read(Data("# Heading\n".utf8), fileName: name)
        #expect(document.format == .markdown)
        #expect(document.text == "# Heading")
    }

    @Test func theSampleReadsAsCleanUTF8Text() throws {
        guard let data = Fixtures.sample() else {
            print("note: shared sample not found; skipping")
            return
        }
        let document = try BulletinReader().read(data, fileName: "diplo-digest-2026-11.txt")
        #expect(document.format == .text)
        #expect(document.encoding == "utf-8")
        #expect(!document.text.unicodeScalars.contains("\u{00A0}"))
        #expect(!document.text.contains("\r"))
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 20)
        #expect(lines.allSatisfy { $0.last != " " && $0.last != "\t" })
        #expect(!document.text.contains("\n\n\n"))
        // No line is joined or dropped: the non-blank lines are the sample's own, one for one.
        let rawLines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }
        #expect(lines.filter { !$0.isEmpty }.count == rawLines.count)
    }
}
