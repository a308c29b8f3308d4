import SQLite

/// Repeated boilerplate: per sender (`BulletinSplitter.boilerplateSender`), the
/// fingerprints (`BoilerplateFingerprint`) of the titles and skipped paragraphs of its
/// recent bulletins, each with the number of bulletins it was seen in.
extension Store {
    /// A fingerprint not seen in the sender's last `boilerplateWindow` bulletins is forgotten.
    public static let boilerplateWindow = 12
    /// A fingerprint is known boilerplate once seen in this many earlier bulletins of the sender…
    public static let boilerplateMinimumBulletins = 2

    /// The fingerprints seen in at least `boilerplateMinimumBulletins` of the sender's earlier
    /// bulletins, and in at least half of its recent ones (so that a story a weekly digest
    /// repeats from a daily one is not taken for boilerplate once the sender is known). One
    /// small read; an unknown sender has none.
    public func knownBoilerplate(sender: String) throws -> Set<Int64> {
        try pool.read { db in
            guard let seen = try db.cachedStatement("SELECT bulletins FROM boilerplate_sender WHERE sender = ?")
                .fetchValue(Int.self, [sender]) else { return [] }
            let needed = max(Store.boilerplateMinimumBulletins, (min(seen, Store.boilerplateWindow) + 1) / 2)
            return Set(try db.cachedStatement("SELECT fingerprint FROM boilerplate_line WHERE sender = ? AND bulletins >= ?")
                .fetchValues(Int64.self, [sender, needed]))
        }
    }

    /// Records one bulletin's fingerprints for its sender (inside the bulletin's ingest
    /// transaction) and forgets those not seen in the last `boilerplateWindow` bulletins.
    static func rememberBoilerplate(sender: String, fingerprints: [Int64], in db: Connection) throws {
        try db.cachedStatement("""
            INSERT INTO boilerplate_sender (sender, bulletins) VALUES (?, 1)
            ON CONFLICT(sender) DO UPDATE SET bulletins = bulletins + 1
            """).execute([sender])
        let sequence = try db.cachedStatement("SELECT bulletins FROM boilerplate_sender WHERE sender = ?")
            .fetchValue(Int.self, [sender]) ?? 1
        let upsert = try db.cachedStatement("""
            INSERT INTO boilerplate_line (sender, fingerprint, bulletins, last_seen) VALUES (?, ?, 1, ?)
            ON CONFLICT(sender, fingerprint) DO UPDATE SET bulletins = bulletins + 1, last_seen = excluded.last_seen
            """)
        for fingerprint in Set(fingerprints) {
            try upsert.execute([sender, fingerprint, sequence])
        }
        try db.cachedStatement("DELETE FROM boilerplate_line WHERE sender = ? AND last_seen <= ?")
            .execute([sender, sequence - Store.boilerplateWindow])
    }
}
