import Foundation
import Testing
@testable import BulletinReader

/// Large inputs must complete and be correct; there are deliberately no timing assertions.
@Suite("Large inputs")
struct LargeInputTests {
    @Test func tenMegabyteSingleLine() throws {
        let word = "policy\u{A0}"
        let count = 10_000_000 / word.utf8.count
        let line = String(repeating: word, count: count) + "  \r\n"
        let document = try BulletinReader().read(Data(line.utf8), fileName: "huge.txt")
        #expect(document.encoding == "utf-8")
        #expect(document.text.utf8.count == count * 7 - 1)
        #expect(!document.text.contains("\n"))
        #expect(document.text.hasPrefix("policy policy "))
        #expect(document.text.hasSuffix(" policy"))
    }

    @Test func tenMegabyteSingleLineOfHTML() throws {
        let html = "<p>" + String(repeating: "news &amp; <b>views</b> ", count: 400_000) + "</p>"
        let document = try BulletinReader().read(Data(html.utf8), fileName: "huge.html")
        #expect(document.text.utf8.count == 400_000 * 13 - 1)
        #expect(document.text.hasPrefix("news & views news"))
    }

    @Test func hundredThousandParagraphs() throws {
        var text = ""
        for number in 0..<100_000 { text += "Paragraph \(number) about routers.\r\n\r\n\r\n" }
        let document = try BulletinReader().read(Data(text.utf8), fileName: "long.txt")
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 199_999)
        #expect(lines.first == "Paragraph 0 about routers.")
        #expect(lines.last == "Paragraph 99999 about routers.")
        #expect(lines[2] == "Paragraph 1 about routers.")
        #expect(lines[1].isEmpty)
    }

    @Test func largeQuotedPrintableEmail() throws {
        var message = "From: a@example.net\nSubject: big\nContent-Transfer-Encoding: quoted-printable\n\n"
        for number in 0..<100_000 { message += "line \(number) caf=C3=A9 with a soft=\nbreak\n" }
        let document = try BulletinReader().read(Data(message.utf8), fileName: "big.eml")
        let lines = document.text.split(separator: "\n")
        #expect(lines.count == 100_000)
        #expect(lines.last == "line 99999 café with a softbreak")
    }

    @Test func deeplyNestedHTML() throws {
        let html = String(repeating: "<div><span><b>", count: 100_000) + "Deep text &amp; more"
            + String(repeating: "</b></span></div>", count: 100_000)
        let document = try BulletinReader().read(Data(html.utf8), fileName: "nested.html")
        #expect(document.text == "Deep text & more")
    }

    @Test func unclosedNestedHTMLTags() throws {
        let html = String(repeating: "<div><span><b>x", count: 100_000)
        let document = try BulletinReader().read(Data(html.utf8), fileName: "open.html")
        #expect(document.text.split(separator: "\n\n").count == 100_000)
    }

    @Test func emailWithManyMIMEParts() throws {
        var message = "From: a@example.net\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XX\"\n\n"
        for number in 0..<20_000 { message += "--XX\nContent-Type: application/octet-stream\n\nblob \(number)\n" }
        message += "--XX\nContent-Type: text/plain; charset=utf-8\n\nThe only text part.\n--XX--\n"
        let document = try BulletinReader().read(Data(message.utf8), fileName: "parts.eml")
        #expect(document.text == "The only text part.")
        #expect(document.title == "parts")
    }

    @Test func aMegabyteOfSpacesOnOneLine() throws {
        let text = "Title\n" + String(repeating: " ", count: 1_000_000) + "\nBody."
        let document = try BulletinReader().read(Data(text.utf8), fileName: "spaces.txt")
        #expect(document.text == "Title\n\nBody.")
        let indented = try BulletinReader().read(Data(("Title\n\n" + String(repeating: " ", count: 1_000_000) + "x").utf8), fileName: "x.txt")
        #expect(indented.text.utf8.count == 7 + 1_000_000 + 1)
    }

    @Test func manyOneWordLinesWithBlankLines() throws {
        let text = (0..<200_000).map { "w\($0)\n\n" }.joined()
        let document = try BulletinReader().read(Data(text.utf8), fileName: "words.txt")
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 399_999)
        #expect(lines.last == "w199999")
    }
}
