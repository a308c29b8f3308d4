import CBuildInfo

/// The version printed by `bulletind --version`: the release number and the commit the binary
/// was built from (`0.1.0 (commit 8e48d892d1fc)`; `-dirty` after uncommitted changes; `unknown`
/// from a plain `swift build` outside make and git archive).
enum BulletindVersion {
    static let number = "0.1.0"

    /// The short commit hash, or "unknown".
    static let commit: String = {
        let commit = String(cString: bulletind_build_commit())
        return commit.isEmpty ? "unknown" : commit
    }()

    static let string = "\(number) (commit \(commit))"
}
