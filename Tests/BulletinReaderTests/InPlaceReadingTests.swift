import Foundation
import Testing
@testable import BulletinReader

/// Reading a file where its bytes lie (issue 14: a large file in at most ~3× its size): the
/// UTF-8 check that decides between reading the bytes as they are and decoding them, and the
/// HTML converter scanning UTF-8 bytes instead of an array of scalars.
@Suite("Reading in place")
struct InPlaceReadingTests {
    /// `isValidUTF8` says yes exactly where `String(validating:)` does: every two-byte
    /// sequence, three- and four-byte sequences around every boundary of Unicode's table
    /// (overlong forms, surrogates, above U+10FFFF, bad continuation bytes), and sequences cut
    /// short; between ASCII runs long enough for the eight-byte fast path.
    @Test func theUTF8CheckAgreesWithTheStandardLibrary() {
        var sequences: [[UInt8]] = []
        for lead in 0x80...0xFF {
            sequences.append([UInt8(lead)])
            for second in 0x00...0xFF { sequences.append([UInt8(lead), UInt8(second)]) }
        }
        for lead in 0xE0...0xEF {
            for second in 0x70...0xD0 {
                for third in [0x00, 0x7F, 0x80, 0xBF, 0xC0] { sequences.append([UInt8(lead), UInt8(second), UInt8(third)]) }
            }
        }
        for lead in 0xF0...0xF8 {
            for second in 0x70...0xD0 {
                sequences.append([UInt8(lead), UInt8(second), 0x80, 0x80])
                sequences.append([UInt8(lead), UInt8(second), 0x80, 0x7F])
                sequences.append([UInt8(lead), UInt8(second), 0x80])
            }
        }
        var disagreements: [[UInt8]] = []
        var valid = 0
        for sequence in sequences {
            for bytes in [sequence, Array("abcdefghij".utf8) + sequence + Array("klmnopqrst".utf8)] {
                let expected = String(validating: bytes, as: UTF8.self) != nil
                if expected { valid += 1 }
                let checked = bytes.withUnsafeBufferPointer { CharsetDecoder.isValidUTF8($0) }
                if checked != expected { disagreements.append(bytes) }
            }
        }
        #expect(disagreements.isEmpty, "first disagreements: \(disagreements.prefix(5))")
        // The scenario really mixed both kinds.
        #expect(valid > 1_000 && valid < sequences.count * 2 - 1_000)
    }

    /// Text read from valid UTF-8 bytes (with or without a BOM) is the text the decoding path
    /// gives; bytes that are not UTF-8 still go to Windows-1252.
    @Test func textReadInPlaceIsTheDecodedText() throws {
        let text = "  Title\u{A0}\t\r\n\r\n\r\nCafé — “quoted” 😀 日本\u{200B}\n\n\n"
        let reader = BulletinReader()
        let plain = try reader.read(Data(text.utf8), fileName: "a.txt")
        #expect(plain.text == TextNormalizer.normalize(text))
        #expect(plain.encoding == "utf-8")
        let withBOM = try reader.read(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), fileName: "a.md")
        #expect(withBOM.text == plain.text)
        #expect(withBOM.encoding == "utf-8-bom")
        #expect(withBOM.markup == .markdown)
        let latin = try reader.read(Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80]), fileName: "a.txt")
        #expect(latin.text == "Café €")
        #expect(latin.encoding == "windows-1252")
    }

    /// Characters beyond ASCII in text, title, attribute values, `<pre>` and right after `<`
    /// and `&`: the converter reading UTF-8 bytes gives what it gave reading scalars
    /// (checked against the previous build's `split --explain` of the same page).
    @Test func htmlBeyondASCIIConvertsAsBefore() throws {
        let html = """
            <html><head><title>Café “digest” 😀</title></head><body><p>naïve <a href="/é?x=“y”">résumé</a> &amp; 日本&eacute;</p><pre>  über
              😀 x</pre><p>a <é b &é</p></body></html>
            """
        let document = try BulletinReader().read(Data(html.utf8), fileName: "page.html")
        #expect(document.title == "Café “digest” 😀")
        #expect(document.text == "naïve résumé & 日本é\n\n  über\n  😀 x\n\na <é b &é")
        #expect(HTMLToText.convert(html).text == document.text)
    }
}
