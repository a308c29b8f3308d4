import Foundation
import Testing
@testable import BulletinService
import BulletinSplitter

@Suite struct ConfigurationFileTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theRepositoryConfigurationIsValidAndMatchesTheBuiltInDefaults() throws {
        let path = Self.repositoryRoot.appendingPathComponent("Config/bulletind.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = try ConfigurationFile.parse(text, fileName: path)
        #expect(parsed.inbox == "../Inbox")
        #expect(parsed.database == "../var/bulletind.sqlite")
        #expect(parsed.rules == "topics.toml")
        #expect(parsed.maxFileSize == 20_000_000)
        #expect(parsed.rescanInterval == 60)
        #expect(parsed.ignore == [".*", "*~", "*.tmp", "*.part", "*.swp"])
        #expect(parsed.splitter == Configuration.repositoryDefaults.splitter)
    }

    @Test func theInstalledConfigurationIsValidAndAbsolute() throws {
        let path = Self.repositoryRoot.appendingPathComponent("systemd/bulletind.toml").path
        let parsed = try ConfigurationFile.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path)
        #expect(parsed.inbox == "/var/lib/bulletind/inbox")
        #expect(parsed.database == "/var/lib/bulletind/bulletind.sqlite")
        #expect(parsed.rules == "/etc/bulletind/topics.toml")
        #expect(parsed.splitter == Configuration.repositoryDefaults.splitter)
    }

    @Test func logLevelAndMetricsKeys() throws {
        let parsed = try ConfigurationFile.parse(
            "log_level = \"warning\"\nmetrics_file = \"metrics/bulletind.prom\"\nmetrics_interval = 2\n",
            fileName: "/etc/b/b.toml", relativeTo: "/etc/b")
        #expect(parsed.logLevel == .warning)
        #expect(parsed.metricsFile == "/etc/b/metrics/bulletind.prom")
        #expect(parsed.metricsInterval == 2)
        // Off, at info, by default; the installed file's example line is a comment.
        let installed = Self.repositoryRoot.appendingPathComponent("systemd/bulletind.toml").path
        let service = try ConfigurationFile.parse(String(contentsOfFile: installed, encoding: .utf8), fileName: installed)
        #expect(service.logLevel == .info)
        #expect(service.metricsFile == nil)
        #expect(Configuration.repositoryDefaults.metricsFile == nil)
        #expect(Configuration.repositoryDefaults.metricsInterval == 15)
    }

    @Test func missingKeysKeepTheirDefaults() throws {
        let parsed = try ConfigurationFile.parse("inbox = \"/srv/in\"\n", fileName: "b.toml")
        var expected = Configuration.repositoryDefaults
        expected.inbox = "/srv/in"
        #expect(parsed == expected)
    }

    @Test(arguments: [
        ("inbx = \"x\"\n", "b.toml:1:1: unknown key 'inbx'"),
        ("\n\nmax_file_size = \"big\"\n", "b.toml:3:17: expected an integer, found a string"),
        ("time_zone = \"Europe/Zurch\"\n", "b.toml:1:13: time_zone: unknown time zone \"Europe/Zurch\""),
        ("rescan_interval = 0\n", "b.toml:1:19: rescan_interval must be at least 1 second"),
        ("[format]\ntrailer_patterns = ['ok', '(unclosed']\n", "b.toml:2:27: trailer_patterns: not a valid regular expression"),
        // The matcher's reason comes along: what is wrong and at which character of the pattern.
        ("[format]\ntrailer_patterns = ['broken (group']\n",
         "b.toml:2:21: trailer_patterns: not a valid regular expression: broken (group — unclosed group \"(\" at character 8"),
        ("[format]\nfooter_patterns = ['(?x)a b']\n",
         "b.toml:2:20: footer_patterns: not a valid regular expression: (?x)a b — inline flags \"(?x…\" are not supported"),
        ("[format]\ntrailer = []\n", "b.toml:2:1: unknown key 'trailer'"),
        ("inbox = \n", "b.toml:1:"),
        ("log_level = \"loud\"\n", "b.toml:1:13: unknown log_level \"loud\": use trace, debug, info"),
        ("metrics_interval = 0.5\n", "b.toml:1:20: metrics_interval must be at least 1 second"),
        ("metrics_file = \"\"\n", "b.toml:1:16: metrics_file cannot be empty"),
    ])
    func errorsNameFileLineAndColumn(text: String, expectedPrefix: String) {
        #expect {
            _ = try ConfigurationFile.parse(text, fileName: "b.toml")
        } throws: { error in
            "\(error)".hasPrefix(expectedPrefix)
        }
    }

    @Test func theRepositoryConfigurationKeepsTheRepositoryLayoutFromAnyDirectory() throws {
        // The test's current directory is not Config/: resolved against it, ../Inbox would
        // point outside the repository.
        let root = Self.repositoryRoot.standardizedFileURL.path
        #expect(FileManager.default.currentDirectoryPath != root + "/Config")
        let loaded = try ConfigurationLoader.load(explicitPath: root + "/Config/bulletind.toml", environment: [:])
        #expect(loaded.inbox == root + "/Inbox")
        #expect(loaded.archive == root + "/var/archive")
        #expect(loaded.quarantine == root + "/var/quarantine")
        #expect(loaded.database == root + "/var/bulletind.sqlite")
        #expect(loaded.summaries == root + "/var/summaries")
        #expect(loaded.rules == root + "/Config/topics.toml")
    }

    @Test func fileRelativePathsFollowTheFileCommandLinePathsTheCurrentDirectory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("c.toml").path
        try "inbox = \"in\"\narchive = \"../kept\"\ndatabase = \"/abs/db.sqlite\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try ConfigurationLoader.load(explicitPath: file, overrides: [.database: "other.sqlite"], environment: [:])
        let cwd = FileManager.default.currentDirectoryPath
        #expect(loaded.inbox == folder.path + "/in")
        #expect(loaded.archive == folder.deletingLastPathComponent().path + "/kept")
        #expect(loaded.database == (cwd as NSString).appendingPathComponent("other.sqlite"))
        // A key the file leaves out keeps the built-in default, relative to the current directory.
        #expect(loaded.quarantine == (cwd as NSString).appendingPathComponent("var/quarantine"))
    }

    @Test func aMissingExplicitConfigurationFileIsAnErrorThatNamesIt() {
        #expect {
            _ = try ConfigurationLoader.load(explicitPath: "/nonexistent/bulletind.toml", environment: [:])
        } throws: { error in
            "\(error)" == "/nonexistent/bulletind.toml: configuration file does not exist"
        }
    }
}

/// `[[layout]]` tables and the new pattern keys.
@Suite struct LayoutConfigurationTests {
    @Test func layoutsAreReadInOrderAndInheritTheFormatPatterns() throws {
        let text = """
            [format]
            house_patterns = ['our sponsors']

            [[layout]]
            name = "hyphen-press"
            from = "*@hyphen.example"
            file_name = ["hyphen-*.txt", "hp-*"]
            trailer_patterns = ['-{3,}']

            [[layout]]
            name = "wire"
            list_id = ["*wire.example*"]
            subject = ['^Policy Wire']
            masthead_patterns = ['policy wire']
            """
        let parsed = try ConfigurationFile.parse(text, fileName: "b.toml")
        #expect(parsed.splitter.housePatterns == ["our sponsors"])
        #expect(parsed.splitter.layouts.map(\.name) == ["hyphen-press", "wire"])
        let hyphen = parsed.splitter.layouts[0]
        #expect(hyphen.match == LayoutMatch(from: ["*@hyphen.example"], fileName: ["hyphen-*.txt", "hp-*"]))
        #expect(hyphen.config.trailerPatterns == ["-{3,}"])
        #expect(hyphen.config.housePatterns == ["our sponsors"])
        #expect(hyphen.config.whyHeadingPatterns == SplitterConfig.defaultWhyHeadingPatterns)
        let wire = parsed.splitter.layouts[1]
        #expect(wire.config.mastheadPatterns == ["policy wire"])
        #expect(wire.config.trailerPatterns == SplitterConfig.defaultTrailerPatterns)
        #expect(wire.match.accepts(LayoutKey(subject: "Policy Wire, 10 December 2026")))
        #expect(wire.match.accepts(LayoutKey(listID: "<daily.wire.example>")))
        #expect(!wire.match.accepts(LayoutKey(subject: "Re: Policy Wire")))
        #expect(hyphen.match.accepts(LayoutKey(from: "Hyphen Press <news@hyphen.example>")))
        #expect(hyphen.match.accepts(LayoutKey(fileName: "HP-2026-11.eml")))
        #expect(!hyphen.match.accepts(LayoutKey(from: "news@elsewhere.example", fileName: "hyphen-1.md")))
    }

    @Test func withoutLayoutTablesTheBuiltInLayoutsStay() throws {
        let parsed = try ConfigurationFile.parse("[format]\ntrailer_patterns = ['end']\n", fileName: "b.toml")
        #expect(parsed.splitter.layouts == SplitterLayout.builtIn)
        #expect(parsed.splitter.trailerPatterns == ["end"])
    }

    @Test(arguments: [
        ("[[layout]]\nfrom = '*'\n", "b.toml:1:1: [[layout]] needs a name"),
        ("[[layout]]\nname = 'a'\n", "b.toml:1:1: layout \"a\" matches no document"),
        ("[[layout]]\nname = 'a'\nfrom = '*'\n[[layout]]\nname = 'a'\nfrom = '*'\n", "b.toml:5:8: two [[layout]] tables are named \"a\""),
        ("[[layout]]\nname = 'a'\nsubject = ['(']\n", "b.toml:3:12: subject: not a valid regular expression"),
        ("[[layout]]\nname = 'a'\nfrom = '*'\ntrailer = ['x']\n", "b.toml:4:1: unknown key 'trailer'"),
    ])
    func badLayoutsAreErrorsAtTheirPlace(text: String, message: String) {
        do {
            _ = try ConfigurationFile.parse(text, fileName: "b.toml")
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }
}
