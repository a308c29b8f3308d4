import Foundation

/// The command line of `BulletinFuzz`:
///
///     BulletinFuzz [--seconds S] [--iterations N] [--seed N] [--max-length BYTES]
///                  [--hang-limit S] [--artifacts DIR] [CORPUS_DIR...]
///     BulletinFuzz --replay FILE...
///
/// The run stops at whichever bound comes first (`--iterations 0`: time only). Corpus
/// folders default to this folder's `Corpus/` and the reader's and splitter's test fixtures.
struct FuzzOptions {
    var seconds: Double = 60
    var iterations = 0
    var seed: UInt64 = 1
    var maxLength = 64 * 1024
    var hangLimit: Double = 20
    var artifacts = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-fuzz").path
    var corpusFolders: [String] = []
    var replay: [String] = []

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let defaultCorpusFolders = [
        "Tests/fuzz/Corpus", "Tests/BulletinReaderTests/Fixtures", "Tests/BulletinSplitterTests/Fixtures",
    ].map { repositoryRoot.appendingPathComponent($0).path }

    init(arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw FuzzUsageError(message: "\(name) needs a value") }
            return next
        }
        var replaying = false
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds": seconds = try Self.number(try value(argument), argument)
            case "--iterations": iterations = Int(try Self.number(try value(argument), argument))
            case "--seed": seed = UInt64(try Self.number(try value(argument), argument))
            case "--max-length": maxLength = Int(try Self.number(try value(argument), argument))
            case "--hang-limit": hangLimit = try Self.number(try value(argument), argument)
            case "--artifacts": artifacts = try value(argument)
            case "--replay": replaying = true
            case "-h", "--help": throw FuzzUsageError(message: "usage")
            default:
                if argument.hasPrefix("-") { throw FuzzUsageError(message: "unknown option \(argument)") }
                if replaying { replay.append(argument) } else { corpusFolders.append(argument) }
            }
        }
        if corpusFolders.isEmpty { corpusFolders = Self.defaultCorpusFolders }
    }

    private static func number(_ text: String, _ name: String) throws -> Double {
        guard let n = Double(text), n >= 0, n.isFinite else { throw FuzzUsageError(message: "\(name): not a number: \(text)") }
        return n
    }
}
