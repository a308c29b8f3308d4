import Foundation
import Logging
import Testing
@testable import BulletinService

/// The state-file observer fed event sequences directly (its input), writing a real file.
@Suite struct StateFileObserverTests {
    func observer(in folder: TemporaryFolder, interval: Double = 1) throws -> StateFileObserver {
        let quarantine = try folder.folder("quarantine")
        try writeFile("\(quarantine)/old.txt", "x")
        try writeFile("\(quarantine)/old.txt.error", "reason: not text\n")
        return StateFileObserver(path: folder.sub("state.json"), inbox: folder.sub("inbox"), quarantine: quarantine,
                                 database: folder.sub("b.sqlite"), rules: folder.sub("topics.toml"), interval: interval)
    }

    func read(_ path: String) -> ServiceState? {
        FileManager.default.contents(atPath: path).flatMap { try? ServiceState.decode($0) }
    }

    @Test func aBurstIsWrittenOnceASecondAndTheLastEventIsInTheFile() throws {
        let folder = try TemporaryFolder("state-file")
        defer { folder.remove() }
        let state = try observer(in: folder)
        #expect(state.current.quarantine.count == 1)
        state.observe(.started(inbox: folder.sub("inbox"), queued: 500), at: Date())
        var changes = 0
        var lastSeen: Date?
        let begun = Date()
        for n in 0..<500 {
            state.observe(.filed(FiledFile(name: "f\(n).txt", outcome: .duplicate, duration: 0.001)), at: Date())
            // Count the file's versions as a reader sees them (its modification time changes per write).
            if let m = try? FileManager.default.attributesOfItem(atPath: state.path)[.modificationDate] as? Date, m != lastSeen {
                lastSeen = m
                changes += 1
            }
        }
        let elapsed = Date().timeIntervalSince(begun)
        // Within about a second of the burst the file holds its last file.
        #expect(eventually { read(state.path)?.lastBulletin?.name == "f499.txt" })
        #expect(read(state.path)?.today.duplicates == 500)
        // Not a write per file: at most one per second of the burst, and the first.
        #expect(changes <= Int(elapsed) + 2, "\(changes) versions seen in \(elapsed) s")
        #expect(state.writeCount <= Int(Date().timeIntervalSince(begun)) + 2, "\(state.writeCount) writes")
        state.observe(.stopped, at: Date())
    }

    @Test func atStopTheFileIsCurrentBeforeObserveReturns() throws {
        let folder = try TemporaryFolder("state-file")
        defer { folder.remove() }
        // An interval no test waits for: only the stop can have written the last state.
        let state = try observer(in: folder, interval: 3600)
        state.observe(.started(inbox: folder.sub("inbox"), queued: 0), at: Date())
        #expect(eventually { read(state.path)?.phase == .watching })
        state.observe(.filed(FiledFile(name: "last.txt", outcome: .stored(articles: 3, newArticles: 3, topics: []), duration: 0.1)), at: Date())
        state.observe(.stopping(reason: "SIGTERM"), at: Date())
        state.observe(.stopped, at: Date())
        let written = try #require(read(state.path))
        #expect(written.phase == .stopped)
        #expect(written.lastBulletin?.name == "last.txt")
        #expect(written.pid == getpid())
        var info = stat()
        #expect(stat(state.path, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test func aStateFolderThatCannotBeWrittenDoesNotStopTheObserver() throws {
        let folder = try TemporaryFolder("state-file")
        defer { folder.remove() }
        let warnings = CapturedLog()
        let state = StateFileObserver(path: folder.sub("missing/state.json"), inbox: "/in", quarantine: folder.sub("q"),
                                      database: "/db", rules: "/r", interval: 0.05, logger: warnings.logger)
        state.observe(.started(inbox: "/in", queued: 0), at: Date())
        for n in 0..<5 {
            state.observe(.filed(FiledFile(name: "f\(n)", outcome: .duplicate, duration: 0)), at: Date())
            state.flush()
        }
        state.observe(.stopped, at: Date())
        #expect(state.current.phase == .stopped)
        #expect(!exists(folder.sub("missing/state.json")))
        // Said once, with the path, however often it failed.
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains("cannot write the state file \(folder.sub("missing/state.json"))") == true)
    }
}
