import Foundation
import Testing
@testable import BulletinReader

@Suite("Files that are not bulletins")
struct NotTextTests {
    private func error(reading bytes: [UInt8], as name: String) -> ReadError? {
        readError { () throws(ReadError) in try BulletinReader().read(Data(bytes), fileName: name) }
    }

    @Test func pngBytesNamedTxt() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(error(reading: png, as: "bulletin.txt") == .notText("PNG image data"))
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), "PDF document data"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP archive data"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip archive data"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01], "ELF executable data"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG image data"),
        (Array("GIF89a".utf8), "GIF image data"),
    ] as [([UInt8], String)])
    func knownMagicNumbers(bytes: [UInt8], reason: String) {
        #expect(error(reading: bytes + Array("some text".utf8), as: "x.eml") == .notText(reason))
    }

    @Test func randomBinary() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard case .notText = error(reading: bytes, as: "random.txt") else {
            Issue.record("random bytes were read as text")
            return
        }
    }

    @Test func nulBytesInText() {
        let bytes = Array("A normal looking line".utf8) + [0x00] + Array(" and more\n".utf8)
        #expect(error(reading: bytes, as: "nul.md") == .notText("contains NUL bytes"))
    }

    @Test func manyControlCharacters() {
        let bytes: [UInt8] = Array([[UInt8]](repeating: [0x01, 0x02, 0x41, 0x42, 0x43], count: 200).joined())
        #expect(error(reading: bytes, as: "ctl.txt") == .notText("400 control characters in 1000 bytes"))
    }

    @Test func aFewControlCharactersAreRemovedNotRejected() throws {
        let bytes = Array("Ring\u{07} the\u{0B} bell\u{1F}".utf8) + Array(repeating: UInt8(ascii: "."), count: 40)
        let document = try BulletinReader().read(Data(bytes), fileName: "bell.txt")
        #expect(document.text == "Ring the bell" + String(repeating: ".", count: 40))
    }

    @Test(arguments: [[], Array(" \n\t\r\n  ".utf8), [0xEF, 0xBB, 0xBF, 0x0A], [0xFF, 0xFE, 0x20, 0x00], Array("\u{A0}\u{200B}\n".utf8)] as [[UInt8]])
    func emptyFiles(bytes: [UInt8]) {
        #expect(error(reading: bytes, as: "empty.txt") == .empty)
    }

    @Test func emptyEmailFile() {
        #expect(error(reading: [], as: "empty.eml") == .empty)
    }

    @Test func descriptionsAreOneLine() {
        for error in [ReadError.empty, .notText("PNG image data"), .malformedEmail("no header fields")] {
            #expect(!error.description.contains("\n"))
            #expect(!error.description.isEmpty)
        }
    }
}

/// A small seeded generator, so the "random" bytes are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
