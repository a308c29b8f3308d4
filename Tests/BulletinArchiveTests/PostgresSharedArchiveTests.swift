import Foundation
import Testing
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStore
import BulletinPostgres

/// Several daemons on one PostgreSQL database: what only PostgreSQL has to keep.
@Suite struct PostgresSharedArchiveTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Runs `bodies` on threads of their own, released together; waits for all.
    func together(_ bodies: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        let gate = DispatchSemaphore(value: 0)
        for body in bodies {
            group.enter()
            Thread.detachNewThread {
                gate.wait()
                body()
                group.leave()
            }
        }
        for _ in bodies { gate.signal() }
        group.wait()
    }

    @Test func migrationsAreRecordedOnceInTheirOwnTable() throws {
        let (_, database) = try ArchiveBackend.postgres.make()
        // Four more daemons starting at once: the migrations' lock lets one apply, none fails.
        let errors = Locked<[String]>([])
        together((0..<4).map { n in { @Sendable in
            do { _ = try ArchiveBackend.postgres.open(database, instance: "host-\(n)") }
            catch { errors.withLock { $0.append(String(reflecting: error)) } }
        } })
        #expect(errors.withLock { $0 } == [])
        let name = String(database.split(separator: "/").last!.split(separator: "?").first!)
        let cluster = try TestCluster.shared.get()
        #expect(try cluster.psql(name, "SELECT version, name FROM bulletind_schema_version ORDER BY version")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "1|bulletins-articles-topics-search\n2|stories-topic-generation\n3|duplicate-arrivals")
        let archive = try PostgresArchive(address: PostgresAddress(database))
        #expect(try archive.schemaVersion() == 3)
    }

    /// The same bulletin dropped on two hosts at the same moment, many times over: stored
    /// once, counted once as a duplicate, each time.
    @Test func theSameBulletinOnTwoHostsAtOnceIsStoredOnceAndCountedOnce() throws {
        let (first, database) = try ArchiveBackend.postgres.make(instance: "host-a")
        let second = try ArchiveBackend.postgres.open(database, instance: "host-b")
        let outcomes = Locked<[IngestOutcome]>([])
        let errors = Locked<[String]>([])
        let rounds = 40
        for round in 0..<rounds {
            let bulletin = Fixture.bulletin("same-\(round).txt", receivedAt: t0 + Double(round), articles: [
                Fixture.article("Shared \(round)", "Body \(round).", topics: [("ai", 1)]),
                Fixture.article("Common to all", "The same article in every bulletin.", position: 2),
            ], awaitingFiling: true)
            together([first, second].map { archive in { @Sendable in
                do { try outcomes.withLock { $0.append(try archive.ingest(bulletin)) } }
                catch { errors.withLock { $0.append(String(reflecting: error)) } }
            } })
        }
        #expect(errors.withLock { $0 } == [])
        let all = outcomes.withLock { $0 }
        #expect(all.filter { if case .ingested = $0 { true } else { false } }.count == rounds)
        #expect(all.filter { if case .duplicate = $0 { true } else { false } }.count == rounds)
        let stats = try first.stats()
        #expect(stats.bulletins == rounds && stats.duplicates == rounds && stats.articles == rounds + 1)
        // Each host sees only its own bulletins awaiting filing.
        let unfiledA = try first.unfiledBulletins().count
        let unfiledB = try second.unfiledBulletins().count
        #expect(unfiledA + unfiledB == rounds)
        let hit = try #require(try first.search(SearchQuery(text: "\"common to all\"")).first)
        #expect(hit.bulletins.count == rounds)
    }

    /// Bulletins sharing articles in opposite orders, stored at once from four connections in
    /// batches: no deadlock reaches the caller, every article is stored once.
    @Test func overlappingBatchesFromFourDaemonsStoreEachArticleOnce() throws {
        let (first, database) = try ArchiveBackend.postgres.make(instance: "host-0")
        let archives = [first] + (try (1..<4).map { try ArchiveBackend.postgres.open(database, instance: "host-\($0)") })
        let errors = Locked<[String]>([])
        let stories = (0..<30).map { Fixture.article("Story \($0)", "Body of story \($0).", topics: [("privacy", 1)]) }
        let t0 = self.t0
        together(archives.enumerated().map { index, archive in { @Sendable in
            for round in 0..<10 {
                let batch = (0..<5).map { b in
                    let picked = (0..<6).map { stories[(index * 7 + round * 3 + b * 5 + $0 * (index % 2 == 0 ? 1 : 29)) % 30] }
                    return Fixture.bulletin("d\(index)-\(round)-\(b).txt", receivedAt: t0 + Double(round), articles: picked)
                }
                do {
                    for result in try archive.ingest(batch: batch) {
                        if case .failure(let error) = result { errors.withLock { $0.append("\(error)") } }
                    }
                } catch { errors.withLock { $0.append(String(reflecting: error)) } }
            }
        } })
        #expect(errors.withLock { $0 } == [])
        let stats = try first.stats()
        #expect(stats.bulletins == 4 * 10 * 5)
        #expect(stats.articles <= 30 && stats.articles > 0)
        #expect(stats.topics.first { $0.id == "privacy" }?.articles == stats.articles)
    }

    /// Content another daemon stored and has not filed yet is a duplicate here, not "awaiting
    /// filing": that state belongs to the daemon that stored it.
    @Test func awaitingFilingBelongsToTheDaemonThatStoredIt() throws {
        let (a, database) = try ArchiveBackend.postgres.make(instance: "host-a")
        let b = try ArchiveBackend.postgres.open(database, instance: "host-b")
        let bulletin = Fixture.bulletin("x.txt", receivedAt: t0, articles: [Fixture.article("X", "x.")], awaitingFiling: true)
        guard case .ingested(let id, _, _) = try a.ingest(bulletin) else { Issue.record("not stored"); return }
        #expect(try b.filedStates(contentHashes: [bulletin.contentHash]) == [bulletin.contentHash: true])
        #expect(try b.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try b.unfiledBulletins().isEmpty)
        #expect(try a.ingest(bulletin) == .awaitingFiling(bulletinID: id))
        #expect(try a.unfiledBulletins().map(\.id) == [id])
        #expect(try a.stats().duplicates == 1)
    }

    /// The server restarted between two calls: the next call reconnects by itself; a call
    /// while it is down throws `PostgresUnavailable` with a readable message.
    @Test func reconnectsAfterTheServerRestarts() throws {
        let cluster = try TestCluster.privateCluster()
        let archive = try PostgresArchive(address: PostgresAddress(try cluster.createDatabase()))
        try archive.syncTopics(ArchiveBackend.topics)
        _ = try archive.ingest(Fixture.bulletin("before.txt", receivedAt: t0, articles: [Fixture.article("Before", "b.")]))
        try cluster.stop()
        do {
            _ = try archive.stats()
            Issue.record("expected the archive to report the server down")
        } catch let error as PostgresUnavailable {
            #expect(error.description.contains("127.0.0.1:\(cluster.port)"))
            #expect(!error.description.contains("PSQLError"))
        }
        try cluster.start()
        _ = try archive.ingest(Fixture.bulletin("after.txt", receivedAt: t0, articles: [Fixture.article("After", "a.")]))
        #expect(try archive.stats().bulletins == 2)
    }
}
