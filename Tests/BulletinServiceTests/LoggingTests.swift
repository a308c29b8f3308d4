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

/// `log_level`, `--verbose` and `--quiet` act through one shared level that both handlers read.
@Suite struct LogLevelTests {
    @Test func handlersFollowTheSharedLevelWhileRunning() {
        let control = LogLevelControl(.info)
        let logger = Logger(label: "t") { StderrLogHandler(label: $0, control: control) }
        let journal = JournalLogHandler(label: "t", control: control)
        #expect(logger.logLevel == .info)
        control.level = .warning
        #expect(logger.logLevel == .warning)
        #expect(journal.logLevel == .warning)
        control.level = .debug
        #expect(logger.logLevel == .debug)
        // A handler given its own level keeps it.
        var own = StderrLogHandler(label: "t", level: .error, control: control)
        #expect(own.logLevel == .error)
        own.logLevel = .trace
        #expect(own.logLevel == .trace)
        #expect(control.level == .debug)
    }

    @Test func levelNames() {
        #expect(LogLevelControl.level(named: "debug") == .debug)
        #expect(LogLevelControl.level(named: "WARNING") == .warning)
        #expect(LogLevelControl.level(named: "warn") == .warning)
        #expect(LogLevelControl.level(named: "critical") == .critical)
        #expect(LogLevelControl.level(named: "loud") == nil)
    }
}
