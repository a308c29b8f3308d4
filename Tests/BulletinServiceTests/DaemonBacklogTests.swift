import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// A backlog (files waiting when the daemon starts) is taken in batches, each stored in one
/// transaction, with every file accounted for exactly once.
@Suite struct DaemonBacklogTests {
    @Test func aBacklogIsTakenInBatchesAndEveryFileIsAccountedForOnce() throws {
        let harness = try DaemonHarness()
        defer { harness.tmp.remove() }
        var archived: [String] = []
        for edition in 0..<40 {
            let name = "edition-\(edition).txt"
            try writeFile(harness.inbox(name), inventedBulletin(tag: "(edition \(edition))"))
            archived.append(name)
        }
        // Copies of edition 7 under other names, several in the same batch as the original.
        for copy in 0..<6 {
            let name = "copy-\(copy).txt"
            try writeFile(harness.inbox(name), inventedBulletin(tag: "(edition 7)"))
            archived.append(name)
        }
        let quarantined = ["empty.txt", "noise.txt"]
        try writeFile(harness.inbox("empty.txt"), "")
        try writeFile(harness.inbox("noise.txt"), "one line and no article\n")
        // Old enough that the start-up listing takes them all at once (it skips files written
        // in the last seconds, which a sender may still hold open).
        let past = Date().addingTimeInterval(-120)
        for name in archived + quarantined {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: harness.inbox(name))
        }
        try #require(try harness.start())

        #expect(eventually(within: 60) {
            (try? FileManager.default.contentsOfDirectory(atPath: harness.configuration.inbox))?.isEmpty == true
        })
        #expect(harness.stop())
        for name in archived { #expect(exists(harness.archived(name)), "\(name) archived") }
        for name in quarantined { #expect(exists(harness.quarantined(name + ".error")), "\(name) quarantined") }
        let stats = try harness.pipeline.store.stats()
        #expect(stats.bulletins == 40)
        #expect(stats.articles == 80)
        #expect(stats.duplicates == 6)
        let filed = harness.recorder.filed
        #expect(filed.filter { if case .stored = $0.outcome { true } else { false } }.count == 40)
        #expect(filed.filter { $0.outcome == .duplicate }.count == 6)
        #expect(Set(filed.map(\.name)).count == filed.count, "every file left the inbox once")
        #expect(harness.recorder.saw { if case .batchStored(let files, _) = $0 { files > 1 } else { false } },
                "a backlog is stored in batches")
        // Every stored bulletin was recorded as filed: none would be taken for "stored earlier".
        let hashes = (0..<40).map { edition in
            PipelineInput(fileName: "", data: Data(inventedBulletin(tag: "(edition \(edition))").utf8), receivedAt: Date()).contentHash
        }
        let states = try harness.pipeline.store.filedStates(contentHashes: hashes)
        #expect(states.count == 40)
        #expect(states.values.allSatisfy { $0 })
    }
}
