import Foundation
import Testing
import BulletinModel
import BulletinStore
import BulletinPostgres

/// The server going away under a daemon's archive (issue 13, faults): every call ends (with
/// `PostgresUnavailable` while the server is away), the next calls reconnect, and retrying an
/// ingest whose outcome was not seen counts nothing twice. Each test runs its own cluster.
@Suite(.serialized) struct PostgresFaultTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Four threads storing bulletins without pause while the server restarts (`pg_ctl -m
    /// fast`): the connections it closes are noticed and replaced, no call blocks, each thread
    /// stores all its bulletins by retrying what failed, and each is stored once.
    @Test func callsGoOnAfterTheServerRestartsUnderLoad() throws {
        let cluster = try TestCluster.privateCluster()
        let database = try cluster.createDatabase()
        let archive = try PostgresArchive(address: PostgresAddress(database), instance: "host-a")
        try archive.syncTopics(ArchiveBackend.topics)
        let perThread = 40
        let failures = Locked<[String]>([])
        let stored = Locked(0)
        let group = DispatchGroup()
        for thread in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for n in 0..<perThread {
                    let bulletin = Fixture.bulletin("t\(thread)-\(n).txt", receivedAt: t0,
                                                    articles: [Fixture.article("Title \(thread) \(n)", "Body \(thread) \(n).")])
                    while true {
                        do {
                            _ = try archive.ingest(bulletin)
                            stored.withLock { $0 += 1 }
                            break
                        } catch let error as PostgresUnavailable {
                            failures.withLock { $0.append(error.description) }
                            usleep(100_000)
                        } catch {
                            failures.withLock { $0.append("unexpected: \(String(reflecting: error))") }
                            return
                        }
                    }
                    usleep(20_000)
                }
            }
        }
        // Restart once the threads are well under way.
        while stored.withLock({ $0 }) < 20 { usleep(10_000) }
        try cluster.restart()
        // Generous: the calls end within their own timeout (20 s) at worst.
        #expect(group.wait(timeout: .now() + 600) == .success, "a call blocked after the restart")
        let seen = failures.withLock { $0 }
        // The scenario ran: some calls met the restart (ended sessions, refused connections).
        #expect(!seen.isEmpty, "no call noticed the restart")
        #expect(!seen.contains { $0.hasPrefix("unexpected") }, "\(seen)")
        #expect(seen.allSatisfy { $0.contains("127.0.0.1:\(cluster.port)") }, "\(seen)")
        #expect(try archive.stats().bulletins == 4 * perThread)
        #expect(try archive.stats().duplicates == 0)
    }

    /// A daemon made while the server is down (`connectNow: false`): nothing is contacted, each
    /// call throws `PostgresUnavailable` naming the address, and once the server is up the
    /// first call migrates the new database and the archive works.
    @Test func anArchiveMadeWhileTheServerIsDownWorksOnceItIsUp() throws {
        let cluster = try TestCluster.privateCluster()
        let database = try cluster.createDatabase()
        try cluster.stop()
        let archive = try PostgresArchive(address: PostgresAddress(database), instance: "host-a", connectNow: false)
        do {
            try archive.syncTopics(ArchiveBackend.topics)
            Issue.record("expected the archive to report the server down")
        } catch let error as PostgresUnavailable {
            #expect(error.description.contains("127.0.0.1:\(cluster.port)"))
            #expect(error.description.contains("connection refused"))
        }
        try cluster.start()
        try archive.syncTopics(ArchiveBackend.topics)
        #expect(try archive.schemaVersion() == 3)
        _ = try archive.ingest(Fixture.bulletin("a.txt", receivedAt: t0, articles: [Fixture.article("A", "a.")]))
        #expect(try archive.stats().bulletins == 1)
    }

    /// The same arrival of a duplicate stored again (its first transaction's COMMIT went
    /// through but its answer was lost, or the daemon was killed before it moved the file) is
    /// counted once; another arrival of the same content is counted again.
    @Test func aDuplicateArrivalStoredTwiceIsCountedOnce() throws {
        let (a, database) = try ArchiveBackend.postgres.make(instance: "host-a")
        let b = try ArchiveBackend.postgres.open(database, instance: "host-b")
        var bulletin = Fixture.bulletin("x.txt", receivedAt: t0, articles: [Fixture.article("X", "x.")], awaitingFiling: true)
        guard case .ingested(let id, _, _) = try a.ingest(bulletin) else { Issue.record("not stored"); return }
        bulletin.arrival = "x.txt|2049:1234|1790000000.5"
        #expect(try b.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try b.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try b.ingest(batch: [bulletin]).map { try $0.get() } == [.duplicate(bulletinID: id)])
        #expect(try a.stats().duplicates == 1)
        // The same name and place on another host is another arrival.
        #expect(try ArchiveBackend.postgres.open(database, instance: "host-c").ingest(bulletin) == .duplicate(bulletinID: id))
        bulletin.arrival = "x.txt|2049:1234|1790000099.0"
        #expect(try b.ingest(bulletin) == .duplicate(bulletinID: id))
        #expect(try a.stats().duplicates == 3)
        // The daemon that stored it and has not filed it yet: awaiting filing, not a duplicate.
        #expect(try a.ingest(bulletin) == .awaitingFiling(bulletinID: id))
        #expect(try a.stats().duplicates == 3)
    }
}
