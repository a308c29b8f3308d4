import Foundation
import Testing
@testable import BulletinService

@Suite struct JournalDatagramTests {
    @Test func plainFieldsAreLinesAndAValueWithANewlineHasItsLength() {
        let datagram = JournalDatagram.encode(["MESSAGE=two\nlines", "PRIORITY=6", "EMPTY="])
        let expected = Array("MESSAGE\n".utf8) + [9, 0, 0, 0, 0, 0, 0, 0] + Array("two\nlines\nPRIORITY=6\nEMPTY=\n".utf8)
        #expect(datagram == expected)
    }

    @Test func aCutKeepsTheFirstBytesOfEachValue() {
        #expect(JournalDatagram.encode(["MESSAGE=abcdef", "A=b"], cut: 3) == Array("MESSAGE=abc\nA=b\n".utf8))
        #expect(JournalDatagram.encode(["MESSAGE=ab\ncdef"], cut: 4)
            == Array("MESSAGE\n".utf8) + [4, 0, 0, 0, 0, 0, 0, 0] + Array("ab\nc\n".utf8))
    }

    @Test func theHandlerSendsOneEntryAsOneDatagram() throws {
        let journal = try DatagramReceiver()
        let fields = JournalFields.build(level: .warning, message: "quarantined x.txt\nno articles", metadata: ["bulletin_file": "x.txt"])
        #expect(JournalLogHandler.send(fields, to: journal.path) == 0)
        #expect(journal.receive() == JournalDatagram.encode(fields))
    }

    @Test func anEntryTooLargeForADatagramIsSentWithItsValuesCut() throws {
        let journal = try DatagramReceiver()
        let fields = ["MESSAGE=" + String(repeating: "x", count: 4 << 20), "PRIORITY=3"]
        #expect(JournalLogHandler.send(fields, to: journal.path) == 0)
        #expect(journal.receive() == Array(("MESSAGE=" + String(repeating: "x", count: 16_384) + "\nPRIORITY=3\n").utf8))
    }
}
