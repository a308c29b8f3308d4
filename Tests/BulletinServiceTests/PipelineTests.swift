import Foundation
import Testing
import BulletinStore
@testable import BulletinService

/// The whole pipeline on real files: the repository's rules and a real SQLite file.
@Suite struct PipelineTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An invented two-article bulletin in the digest's layout.
    static let bulletin = """
        Regulators agree on a shared test for AI chatbots

        Data protection and competition regulators from five countries agreed on a common method to audit AI chatbots before they reach the market.

        The method covers training data, model evaluation and the handling of complaints.

        Why does it matter?

        A shared audit method lowers the cost of compliance for firms that deploy AI systems in several markets.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

        Operators switch on a regional 6G test network

        Three mobile operators switched on a 6G test network covering two port cities, with spectrum lent by the national regulator.

        The network will carry trials of remote crane control and low-latency sensors.

        Why does it matter?

        Early 6G trials shape the standards that telecom equipment makers will build to.

        Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!
        """

    let folder: URL
    let pipeline: Pipeline

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-pipeline-\(UUID().uuidString)")
        var configuration = Configuration.repositoryDefaults
        configuration.paths = configuration.paths.resolved(against: Self.repositoryRoot.path)
        configuration.database = folder.appendingPathComponent("db.sqlite").path
        pipeline = try Pipeline(configuration: configuration, store: Store(path: configuration.database))
    }

    /// A batch: each file gets its own outcome, in order; content stored earlier is a
    /// duplicate; a file that can never be ingested is rejected without affecting the others.
    @Test func aBatchGivesEachFileItsOwnOutcomeInOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = try pipeline.process(data: Data(Self.bulletin.utf8), fileName: "earlier.txt", receivedAt: Date())
        guard case .stored(let earlierID, _, _, _) = earlier else {
            Issue.record("expected stored, got \(earlier)"); return
        }
        let retitled = Self.bulletin.replacingOccurrences(of: "regional 6G test network", with: "coastal 6G test network")
        let batch = [
            PipelineInput(fileName: "new.txt", data: Data(retitled.utf8), receivedAt: Date()),
            PipelineInput(fileName: "again.txt", data: Data(Self.bulletin.utf8), receivedAt: Date()),
            PipelineInput(fileName: "noise.txt", data: Data("just one line, no article\n".utf8), receivedAt: Date()),
        ]
        let outcomes = try pipeline.process(batch: batch, awaitingFiling: true)
        #expect(outcomes.count == 3)
        guard case .stored(let newID, 2, 1, let topics) = outcomes[0] else {
            Issue.record("expected the retitled bulletin stored with one new article, got \(outcomes[0])"); return
        }
        #expect(newID != earlierID)
        #expect(topics.contains("telecoms"))
        #expect(outcomes[1] == .duplicate(bulletinID: earlierID))
        guard case .rejected(let reason) = outcomes[2] else {
            Issue.record("expected rejected, got \(outcomes[2])"); return
        }
        #expect(reason.contains("no articles"))
        // Stored awaiting filing: the same bytes again are not a duplicate until marked filed.
        #expect(try pipeline.process(data: Data(retitled.utf8), fileName: "x.txt", receivedAt: Date()) == .awaitingFiling(bulletinID: newID))
        try pipeline.markFiled(bulletinIDs: [newID])
        #expect(try pipeline.process(data: Data(retitled.utf8), fileName: "y.txt", receivedAt: Date()) == .duplicate(bulletinID: newID))
        let stats = try pipeline.store.stats()
        #expect(stats.bulletins == 2)
        #expect(stats.articles == 3)
        #expect(stats.duplicates == 2)
    }

    /// An input made with `releasesData` hands its bytes over once: after `prepare` they are
    /// gone from it and from its copies (a large file's bytes are not held while it is split
    /// and stored), its size stays, and the bulletin is still stored whole. An input made
    /// without keeps its bytes and can be prepared again.
    @Test func anInputThatReleasesItsBytesLetsThemGoOncePrepared() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Data(Self.bulletin.utf8)
        let released = PipelineInput(fileName: "released.txt", data: bytes, receivedAt: Date(), releasesData: true)
        let copy = released
        #expect(copy.data == bytes)
        let prepared = try pipeline.prepare(batch: [released])
        #expect(released.data.isEmpty)
        #expect(copy.data.isEmpty)
        #expect(released.size == bytes.count)
        guard case .stored(_, 2, 2, _) = try pipeline.store(prepared)[0] else {
            Issue.record("expected the bulletin stored with its two articles"); return
        }
        let retitled = Data(Self.bulletin.replacingOccurrences(of: "regional 6G", with: "coastal 6G").utf8)
        let kept = PipelineInput(fileName: "kept.txt", data: retitled, receivedAt: Date())
        _ = try pipeline.prepare(batch: [kept])
        #expect(kept.data == retitled)
        guard case .stored(_, 2, 1, _) = try pipeline.process(batch: [kept])[0] else {
            Issue.record("expected the kept input prepared again and stored"); return
        }
    }

    @Test func storesABulletinThenCountsTheSameBytesAsADuplicate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Data(Self.bulletin.utf8)
        let first = try pipeline.process(data: data, fileName: "a.txt", receivedAt: Date())
        guard case let .stored(id, articles, newArticles, topics) = first else {
            Issue.record("expected stored, got \(first)")
            return
        }
        #expect(articles == 2)
        #expect(newArticles == 2)
        #expect(topics.contains("telecoms"))
        #expect(try pipeline.process(data: data, fileName: "copy.txt", receivedAt: Date()) == .duplicate(bulletinID: id))
        let stats = try pipeline.store.stats()
        #expect(stats.bulletins == 1)
        #expect(stats.articles == 2)
        #expect(stats.duplicates == 1)
    }

    @Test func theSameArticlesInAnotherBulletinAreLinkedNotCopied() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try pipeline.process(data: Data(Self.bulletin.utf8), fileName: "a.txt", receivedAt: Date())
        let reformatted = Self.bulletin.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let second = try pipeline.process(data: Data(reformatted.utf8), fileName: "b.txt", receivedAt: Date())
        guard case let .stored(_, articles, newArticles, _) = second else {
            Issue.record("expected stored, got \(second)")
            return
        }
        #expect(articles == 2)
        #expect(newArticles == 0)
        #expect(try pipeline.store.stats().articles == 2)
    }

    @Test(arguments: [
        (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "picture.txt", "not a text file"),
        (Data(), "empty.txt", "the file is empty"),
        (Data("just a line of text without any article shape".utf8), "note.txt", "no articles found"),
    ])
    func filesThatCanNeverBeIngestedAreRejectedWithAReason(data: Data, name: String, reason: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try pipeline.process(data: data, fileName: name, receivedAt: Date())
        guard case let .rejected(text) = outcome else {
            Issue.record("expected rejected, got \(outcome)")
            return
        }
        #expect(text.hasPrefix(reason))
        #expect(try pipeline.store.stats().bulletins == 0)
    }
}
