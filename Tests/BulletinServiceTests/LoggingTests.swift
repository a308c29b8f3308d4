import Foundation
import Logging
import Testing
@testable import BulletinService

@Suite struct LoggingTests {
    @Test func journalFieldsCarryMessagePriorityIdentifierAndMetadata() {
        let fields = JournalFields.build(
            level: .warning, message: "archived a.txt",
            metadata: ["bulletin_file": "a.txt", "duration_ms": "12", "topics": "privacy,trade"],
            file: "Daemon.swift", function: "take(_:)", line: 42)
        #expect(fields == [
            "MESSAGE=archived a.txt", "PRIORITY=4", "SYSLOG_IDENTIFIER=bulletind",
            "CODE_FILE=Daemon.swift", "CODE_LINE=42", "CODE_FUNC=take(_:)",
            "BULLETIN_FILE=a.txt", "DURATION_MS=12", "TOPICS=privacy,trade",
        ])
    }

    @Test func metadataKeysBecomeValidJournalFieldNames() {
        #expect(JournalFields.fieldName("bulletin_file") == "BULLETIN_FILE")
        #expect(JournalFields.fieldName("duration-ms") == "DURATION_MS")
        #expect(JournalFields.fieldName("résumé") == "R_SUM_")
        #expect(JournalFields.fieldName("2nd") == "META_2ND")
        #expect(JournalFields.fieldName("_PID") == "META__PID")
        #expect(JournalFields.fieldName("message") == "META_MESSAGE")
        #expect(JournalFields.fieldName(String(repeating: "k", count: 100)).count == 64)
    }

    @Test func prioritiesFollowSyslog() {
        let levels: [Logger.Level] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        #expect(levels.map(JournalFields.priority) == [7, 7, 6, 5, 4, 3, 2])
    }

    @Test func stderrLinesAreReadable() {
        let line = StderrLogHandler.format(
            time: Date(timeIntervalSince1970: 1_795_937_400), level: .info, message: "archived d.txt",
            metadata: ["articles": "10", "duration_ms": "12", "reason": "two words"])
        #expect(line == "2026-11-29T07:30:00Z info  archived d.txt articles=10 duration_ms=12 reason=\"two words\"")
    }
}
