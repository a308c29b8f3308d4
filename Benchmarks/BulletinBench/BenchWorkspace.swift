import Foundation

/// A temporary folder for one bench run, with one bulletind.toml per scenario.
/// Removed by `remove()` unless BENCH_KEEP=1.
struct BenchWorkspace {
    let root: String
    let rulesPath: String

    init(rulesPath: String) throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("bulletind-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchFailure("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        root = String(cString: made)
        self.rulesPath = rulesPath
    }

    /// A scenario folder `root/name` holding inbox/, archive/, quarantine/, summaries/,
    /// bulletind.sqlite and bulletind.toml (UTC days, the given rules file).
    func scenario(_ name: String, rules: String? = nil, database: String? = nil) throws -> Scenario {
        let folder = (root as NSString).appendingPathComponent(name)
        let scenario = Scenario(folder: folder, rules: rules ?? rulesPath,
                                database: database ?? (folder as NSString).appendingPathComponent("bulletind.sqlite"))
        for sub in [scenario.inbox, scenario.archive, scenario.quarantine, scenario.summaries] {
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        }
        let toml = """
            inbox = "\(scenario.inbox)"
            archive = "\(scenario.archive)"
            quarantine = "\(scenario.quarantine)"
            database = "\(scenario.database)"
            summaries = "\(scenario.summaries)"
            rules = "\(scenario.rules)"
            time_zone = "UTC"
            rescan_interval = 3600
            summary_debounce = 2

            """
        try Data(toml.utf8).write(to: URL(fileURLWithPath: scenario.config))
        return scenario
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The paths of one scenario.
struct Scenario {
    let folder: String
    let rules: String
    let database: String
    var inbox: String { folder + "/inbox" }
    var archive: String { folder + "/archive" }
    var quarantine: String { folder + "/quarantine" }
    var summaries: String { folder + "/summaries" }
    var config: String { folder + "/bulletind.toml" }
}
