import Foundation
import Testing
import BulletinStore
import BulletinPostgres
import BulletinService
import BulletinPostgresBackend

/// BulletinService's database-server seam with the PostgreSQL backend registered, as
/// `bulletind-postgresql` registers it: a `postgresql://` setting opens a `PostgresArchive` on a
/// real cluster, its errors are the ones the daemon waits on, and `migrate`'s target is one.
@Suite struct PostgresBackendTests {
    @Test func aRegisteredBackendOpensThePostgresArchive() throws {
        PostgresBackend.register()
        let cluster = try TestCluster.shared.get()
        let database = try cluster.createDatabase()
        #expect(ArchiveOpener.isRemote(database))
        let archive = try ArchiveOpener.open(database, instance: "seam-test")
        let postgres = try #require(archive as? PostgresArchive)
        #expect(postgres.address.port == cluster.port)
        try archive.syncTopics(ArchiveBackend.topics)
        #expect(try archive.stats().bulletins == 0)
        let backend = try #require(ArchiveServerBackends.registeredBackend(for: database))
        #expect(backend.serverAddress(of: database) == "127.0.0.1:\(cluster.port)")
        let target = try backend.migrationTarget(database, instance: "seam-test")
        let name = try PostgresAddress(database).database
        #expect(target.location == "postgres@127.0.0.1:\(cluster.port)/\(name)")
    }

    @Test func anUnreachableServerIsWhatTheDaemonWaitsOn() throws {
        PostgresBackend.register()
        // Port 9 (discard): nothing listens there.
        let database = "postgresql://postgres@127.0.0.1:9/none?sslmode=disable&connect_timeout=5"
        let backend = try #require(try ArchiveServerBackends.backend(for: database, setting: "the database setting"))
        do {
            _ = try ArchiveOpener.open(database, instance: "seam-test")
            Issue.record("expected the server on port 9 to be unreachable")
        } catch {
            #expect(backend.isUnreachable(error), "\(error)")
            #expect("\(error)".contains("127.0.0.1:9"))
        }
        #expect(!backend.isUnreachable(ArchiveLocationError("not a server error")))
    }

    @Test func aBadMigrationTargetNamesWhatToChange() throws {
        PostgresBackend.register()
        let backend = PostgresBackend()
        #expect(throws: ArchiveLocationError.self) {
            _ = try backend.migrationTarget("postgresql://127.0.0.1:5432/db", instance: "seam-test")
        }
        #expect(ArchiveServerBackends.registeredBackend(for: "/var/lib/bulletind/bulletind.sqlite") == nil)
    }
}
