import Foundation
import Testing
import BulletinModel

/// bulletind's own SHA-256 against the FIPS 180-4 / NIST vectors, against itself fed in
/// pieces, and against the system's `sha256sum` on real files (the repository's own
/// fixtures and sources, and files of every size around the block boundaries); the CPU's SHA
/// extensions, where this machine has them, against the portable Swift.
@Suite struct SHA256Tests {
    static func hex(_ digest: [UInt8]) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    static func digest(_ text: String, cpuExtensions: Bool = SHA256.cpuExtensionsAvailable) -> String {
        var hasher = SHA256(cpuExtensions: cpuExtensions)
        hasher.update(Array(text.utf8))
        return hex(hasher.finalize())
    }

    /// Both ways of compressing where the CPU has its extensions, the portable one elsewhere.
    static let engines = SHA256.cpuExtensionsAvailable ? [true, false] : [false]

    @Test(arguments: engines) func nistVectors(cpuExtensions: Bool) {
        func digest(_ text: String) -> String { Self.digest(text, cpuExtensions: cpuExtensions) }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // The 448-bit and 896-bit messages of the NIST examples.
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(digest(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.byteCount == 32)
    }

    /// The extensions are used exactly when the kernel reports them (`sha_ni`, with the `ssse3`
    /// and `sse4_1` the code around them needs): on a machine that has them, this is the test
    /// that shows the comparisons below really ran both ways.
    @Test func cpuExtensionsFollowTheKernelsFlags() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let expected = flags.contains("sha_ni") && flags.contains("ssse3") && flags.contains("sse4_1")
        #expect(SHA256.cpuExtensionsAvailable == expected)
        #expect(SHA256().usesCPUExtensions == expected)
    }

    /// Seeded random messages of every length from 0 to 700 bytes and a few large ones, fed in
    /// random pieces: the CPU's extensions give the portable digest for each.
    @Test(.enabled(if: SHA256.cpuExtensionsAvailable)) func cpuExtensionsGiveThePortableDigest() {
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var compared = 0
        for length in Array(0...700) + [4_096, 65_599, 1_000_003] {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: next(256)) }
            var hardware = SHA256(cpuExtensions: true)
            var portable = SHA256(cpuExtensions: false)
            var offset = 0
            while offset < message.count {
                let count = min(1 + next(length < 1_000 ? 150 : 100_000), message.count - offset)
                hardware.update(Array(message[offset..<offset + count]))
                portable.update(Array(message[offset..<offset + count]))
                offset += count
            }
            #expect(hardware.usesCPUExtensions && !portable.usesCPUExtensions)
            #expect(hardware.finalize() == portable.finalize(), "length \(length)")
            compared += 1
        }
        #expect(compared == 704)
    }

    /// The same message cut at seeded random places gives the same digest as in one piece,
    /// and `finalize` leaves the value as it was (it can go on).
    @Test func piecesGiveTheSameDigest() {
        var state: UInt64 = 14
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let message = (0..<5_000).map { _ in UInt8(truncatingIfNeeded: next(256)) }
        let whole = message.withUnsafeBytes { SHA256.hash($0) }
        for _ in 0..<50 {
            var hasher = SHA256()
            var offset = 0
            var checked = false
            while offset < message.count {
                let count = min(next(200), message.count - offset)
                hasher.update(Array(message[offset..<offset + count]))
                offset += count
                if !checked, offset > 2_000 {
                    let prefix = message[..<offset].withUnsafeBytes { SHA256.hash($0) }
                    #expect(hasher.finalize() == prefix)
                    checked = true
                }
            }
            #expect(checked)
            #expect(hasher.finalize() == whole)
        }
    }

    /// `sha256sum` (coreutils) on files: every size from 0 to 300 bytes, a few large ones, and
    /// the repository's own source and fixture files.
    @Test func sameAsSha256sumOnFiles() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/sha256-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        var byte: UInt8 = 7
        for size in Array(0...300) + [4_095, 65_536, 1_048_577, 3_000_001] {
            let bytes = (0..<size).map { _ -> UInt8 in byte = byte &* 31 &+ 17; return byte }
            let path = "\(folder)/\(size).bin"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for sub in ["Tests/BulletinSplitterTests/Fixtures", "Tests/BulletinReaderTests/Fixtures", "Sources/BulletinModel"] {
            let dir = repository.appendingPathComponent(sub).path
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
                var isDirectory: ObjCBool = false
                let path = "\(dir)/\(name)"
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        #expect(paths.count > 320)
        let expected = try Self.sha256sum(paths)
        #expect(expected.count == paths.count)
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(ContentHash.of(data) == expected[path], "\(path)")
        }
    }

    /// `sha256sum` of each path, by path.
    static func sha256sum(_ paths: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var digests: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            // "<64 hex>  <path>"
            let hash = String(line.prefix(64))
            digests[String(line.dropFirst(66))] = hash
        }
        return digests
    }
}
