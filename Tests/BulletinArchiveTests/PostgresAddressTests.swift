import Foundation
import Testing
import BulletinPostgres

@Suite struct PostgresAddressTests {
    @Test func parsesTheSetting() throws {
        let address = try PostgresAddress("postgresql://bulletind@db.example:6543/archive?sslmode=verify-full&password_file=/run/pw")
        #expect(address.user == "bulletind" && address.host == "db.example" && address.port == 6543)
        #expect(address.database == "archive" && address.sslMode == .verifyFull && address.passwordFile == "/run/pw")
        #expect(address.description == "bulletind@db.example:6543/archive")
        let plain = try PostgresAddress("postgres://me@localhost/db")
        #expect(plain.port == 5432 && plain.sslMode == .prefer)
        #expect(PostgresAddress.isPostgresURL("postgresql://x@y/z"))
        #expect(!PostgresAddress.isPostgresURL("/var/lib/bulletind/bulletind.sqlite"))
    }

    @Test func refusesWhatCannotWorkNamingTheSetting() {
        let cases: [(String, String)] = [
            ("postgresql://me:secret@db/x", "must not contain a password"),
            ("postgresql://db.example/x", "names no user"),
            ("postgresql://me@db.example", "names no database"),
            ("postgresql://me@db.example/x?sslmode=maybe", "sslmode=maybe"),
            ("postgresql://me@db.example/x?pasword_file=/p", "unknown parameter pasword_file"),
        ]
        for (setting, expected) in cases {
            do {
                _ = try PostgresAddress(setting)
                Issue.record("accepted \(setting)")
            } catch let error as PostgresSettingError {
                #expect(error.description.hasPrefix("database"), "\(error)")
                #expect(error.description.contains(expected), "\(error)")
                #expect(!error.description.contains("secret"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func findsThePasswordOutsideTheConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let address = try PostgresAddress("postgresql://bulletind@db.example:5432/archive")
        try "other:5432:*:*:wrong\ndb.example:*:archive:bulletind:pa\\:ss\n".write(toFile: folder + "/pgpass", atomically: true, encoding: .utf8)
        #expect(try PostgresPassword.find(for: address, environment: ["PGPASSFILE": folder + "/pgpass"]) == "pa:ss")
        try "from-credential\n".write(toFile: folder + "/" + PostgresPassword.credentialName, atomically: true, encoding: .utf8)
        #expect(try PostgresPassword.find(for: address, environment: ["CREDENTIALS_DIRECTORY": folder,
                                                                      "PGPASSFILE": folder + "/pgpass"]) == "from-credential")
        try "from-file\n".write(toFile: folder + "/pw", atomically: true, encoding: .utf8)
        let withFile = try PostgresAddress("postgresql://bulletind@db.example/archive?password_file=\(folder)/pw")
        #expect(try PostgresPassword.find(for: withFile, environment: ["CREDENTIALS_DIRECTORY": folder]) == "from-file")
        #expect(try PostgresPassword.find(for: address, environment: [:]) == nil)
        let missing = try PostgresAddress("postgresql://bulletind@db.example/archive?password_file=\(folder)/none")
        #expect(throws: PostgresSettingError.self) { try PostgresPassword.find(for: missing, environment: [:]) }
    }

    /// Nothing listens on the port: the message says where and what to check.
    @Test func connectionRefusedIsExplained() throws {
        let port = try freePort()
        do {
            _ = try PostgresArchive(address: PostgresAddress("postgresql://me@127.0.0.1:\(port)/x?sslmode=disable"))
            Issue.record("connected to a closed port")
        } catch let error as PostgresUnavailable {
            #expect(error.description == "cannot connect to 127.0.0.1:\(port): connection refused — is PostgreSQL running and listening on that address?")
        }
    }

    /// A database that does not exist, on a real server: the message says how to create it.
    @Test func aMissingDatabaseIsExplained() throws {
        let cluster = try TestCluster.shared.get()
        do {
            _ = try PostgresArchive(address: PostgresAddress("postgresql://postgres@127.0.0.1:\(cluster.port)/nosuchdb?sslmode=disable"))
            Issue.record("opened a database that does not exist")
        } catch let error as PostgresUnavailable {
            #expect(error.description.contains("createdb"), "\(error)")
            #expect(error.description.contains("nosuchdb"), "\(error)")
        }
    }

    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
