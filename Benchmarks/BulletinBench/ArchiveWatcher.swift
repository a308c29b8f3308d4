import Foundation

/// Sees files arrive anywhere under the archive folder (the daemon moves each ingested file
/// to archive/YYYY/MM/DD/NAME) with inotify, adding a watch to each new sub-folder and
/// listing it right after, so nothing moved in before the watch existed is missed.
final class ArchiveWatcher {
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    /// Arrivals not yet returned by `poll`: (file name, monotonic ns).
    private var pending: [(String, UInt64)] = []
    private var seen = Set<String>()

    init(root: String) throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw BenchFailure("inotify: \(String(cString: strerror(errno)))") }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        watchTree(root)
    }

    deinit { close(fd) }

    private func watchTree(_ path: String) {
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        let wd = inotify_add_watch(fd, path, mask)
        if wd >= 0 { folders[wd] = path }
        let now = Stopwatch.now()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            let full = path + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                watchTree(full)
            } else {
                arrived(name, at: now)
            }
        }
    }

    private func arrived(_ name: String, at time: UInt64) {
        if seen.insert(name).inserted { pending.append((name, time)) }
    }

    /// Waits up to `timeout` seconds for events; returns the files that arrived since the
    /// last call, each once, with the time inotify told us.
    func poll(timeout: Double) -> [(name: String, time: UInt64)] {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if pending.isEmpty { _ = Glibc.poll(&poller, 1, Int32(max(0, timeout * 1_000))) }
        readEvents()
        defer { pending.removeAll(keepingCapacity: true) }
        return pending.map { (name: $0.0, time: $0.1) }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1_024)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { return }
            let now = Stopwatch.now()
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let folder = folders[wd], !name.isEmpty else { continue }
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(folder + "/" + name) }
                } else if mask & UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE) != 0 {
                    // The daemon archives with link(2) (IN_CREATE); rename gives IN_MOVED_TO.
                    arrived(name, at: now)
                }
            }
        }
    }
}
