import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// The watcher on real inotify, in real temporary folders.
@Suite struct InotifyWatcherTests {
    /// Polls the watcher until `done` holds for everything collected, or 20 s pass.
    func collect(_ watcher: InotifyWatcher, seconds: Double = 20,
                 until done: ([InboxEvent]) -> Bool) throws -> [InboxEvent] {
        var events: [InboxEvent] = []
        let deadline = Date().addingTimeInterval(seconds)
        while !done(events), Date() < deadline {
            var fd = pollfd(fd: watcher.fileDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 200)
            events += try watcher.drain()
        }
        return events
    }

    @Test func reportsAFileClosedAfterWriting() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        try writeFile("\(inbox)/a.txt", "hello")
        let events = try collect(watcher) { $0.contains(.fileReady("a.txt")) }
        #expect(events.contains(.fileReady("a.txt")))
    }

    @Test func reportsAFileRenamedIn() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let outside = try tmp.folder("staging")
        try writeFile("\(outside)/b.txt", "hello")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        #expect(rename("\(outside)/b.txt", "\(inbox)/b.txt") == 0)
        let events = try collect(watcher) { $0.contains(.fileReady("b.txt")) }
        #expect(events.contains(.fileReady("b.txt")))
    }

    @Test func aFileStillOpenForWritingIsNotReportedBeforeItIsClosed() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        let fd = open("\(inbox)/slow.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        _ = "first half ".withCString { write(fd, $0, strlen($0)) }
        // A marker written after the first half: once it is seen, every earlier event was too.
        try writeFile("\(inbox)/marker.txt", "m")
        let before = try collect(watcher) { $0.contains(.fileReady("marker.txt")) }
        #expect(before.contains(.fileReady("marker.txt")))
        #expect(!before.contains(.fileReady("slow.txt")))

        _ = "second half".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let after = try collect(watcher) { $0.contains(.fileReady("slow.txt")) }
        #expect(after.contains(.fileReady("slow.txt")))
        #expect(readText("\(inbox)/slow.txt") == "first half second half")
    }

    @Test func ignoredNamesAreNeverReported() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        for name in [".hidden", "draft.txt~", "upload.tmp", "movie.part", ".notes.swp", "x.swp"] {
            try writeFile("\(inbox)/\(name)", "ignored")
        }
        try writeFile("\(inbox)/real.txt", "taken")
        let events = try collect(watcher) { $0.contains(.fileReady("real.txt")) }
        #expect(events == [.fileReady("real.txt")])
    }

    @Test func queueOverflowAsksForARescanThatListsEveryFile() throws {
        let limit = Int((readText("/proc/sys/fs/inotify/max_queued_events") ?? "16384")
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 16384
        guard limit <= 200_000 else {
            print("note: max_queued_events is \(limit); overflow test skipped")
            return
        }
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        let count = limit + 200
        for i in 0..<count {
            let fd = open("\(inbox)/f\(i).txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            try #require(fd >= 0)
            close(fd)
        }
        let events = try collect(watcher) { $0.contains(.rescanNeeded) }
        #expect(events.contains(.rescanNeeded))
        #expect(events.count <= limit + 1)
        let listed = try InboxScanner(directory: inbox, ignoreRules: .standard).scan()
        #expect(listed.count == count)
        #expect(Set(listed).contains("f\(count - 1).txt"))
    }

    @Test func aRemovedInboxIsReportedAndWatchedAgainOnceRecreated() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        try FileManager.default.removeItem(atPath: inbox)
        let gone = try collect(watcher) { $0.contains(.inboxGone) }
        #expect(gone.contains(.inboxGone))

        try watcher.rewatch()  // recreates the missing folder
        var info = stat()
        #expect(stat(inbox, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        try writeFile("\(inbox)/after.txt", "new")
        let events = try collect(watcher) { $0.contains(.fileReady("after.txt")) }
        #expect(events.contains(.fileReady("after.txt")))
    }

    @Test func aReplacedInboxIsWatchedAgainAndTheOldOneIsNot() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let inbox = try tmp.folder("inbox")
        let watcher = try InotifyWatcher(directory: inbox, ignoreRules: .standard)
        #expect(rename(inbox, tmp.sub("old-inbox")) == 0)
        _ = try tmp.folder("inbox")
        let gone = try collect(watcher) { $0.contains(.inboxGone) }
        #expect(gone.contains(.inboxGone))

        try watcher.rewatch()
        try writeFile("\(tmp.sub("old-inbox"))/stale.txt", "old")
        try writeFile("\(inbox)/fresh.txt", "new")
        let events = try collect(watcher) { $0.contains(.fileReady("fresh.txt")) }
        #expect(events.contains(.fileReady("fresh.txt")))
        #expect(!events.contains(.fileReady("stale.txt")))
    }

    @Test func aMissingInboxIsAClearError() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try writeFile(tmp.sub("plain-file"), "x")
        #expect(throws: InboxError.notADirectory(path: tmp.sub("plain-file"))) {
            _ = try InotifyWatcher(directory: tmp.sub("plain-file"), ignoreRules: .standard)
        }
    }

    @Test func limitErrorsNameTheSysctlToRaise() {
        #expect(InboxError.tooManyInotifyWatches(path: "/x").description.contains("fs.inotify.max_user_watches"))
        #expect(InboxError.tooManyInotifyInstances.description.contains("fs.inotify.max_user_instances"))
    }
}
