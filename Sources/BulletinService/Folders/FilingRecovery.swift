#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinModel
import BulletinStore
#if canImport(Glibc)
import Glibc
#endif

/// At start-up, before any file is taken: records as filed the bulletins whose file left the
/// inbox although the daemon stopped before recording it (the last step of the durable order,
/// docs/RELIABILITY.md). A bulletin stored with `filed = 0` whose file is still in the inbox
/// (same name, same content) is left as it is: that file is taken again and filed then, without
/// being counted as a duplicate. Any other such bulletin had its file moved out (the daemon never
/// deletes; a file leaves the inbox only by being archived), so it is filed.
enum FilingRecovery {
    /// Returns how many bulletins were recorded as filed.
    static func run(store: any BulletinArchive, inbox: String, maxFileSize: Int) throws -> Int {
        let unfiled = try store.unfiledBulletins()
        guard !unfiled.isEmpty else { return 0 }
        let inboxFD = open(inbox, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        defer { if inboxFD >= 0 { close(inboxFD) } }
        let moved = unfiled.filter { bulletin in
            guard inboxFD >= 0,
                  case .contents(let data)? = try? InboxFile.take(name: bulletin.fileName, directoryFD: inboxFD,
                                                                 maxFileSize: maxFileSize)
            else { return true }
            return ContentHash.of(data) != bulletin.contentHash
        }
        try store.markFiled(bulletinIDs: moved.map(\.id))
        return moved.count
    }
}
