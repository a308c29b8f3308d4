#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TOML
import BulletinSplitter
import BulletinStories

/// Parses bulletind.toml. Every key is optional: what the file leaves out keeps its value
/// in `defaults`. Unknown keys, wrong types and impossible values are errors that name the
/// file, line and column, so a typo never passes silently.
///
/// A relative path in the file is relative to the file's own folder (`relativeTo`), so a
/// configuration means the same wherever bulletind is started; paths from `defaults` are
/// left as they are.
public enum ConfigurationFile {
    static let keys: Set<String> = Set(ServicePaths.Key.allCases.map(\.rawValue)).union([
        "time_zone",
        "max_file_size", "rescan_interval", "summary_debounce", "ignore", "format", "layout",
        "log_level", "metrics_file", "metrics_interval",
        "summary_formats", "trend_window", "story_threshold",
    ])
    static let formatKeys: Set<String> = [
        "trailer_patterns", "why_heading_patterns", "footer_patterns", "caption_patterns",
        "masthead_patterns", "house_patterns",
    ]
    static let layoutMatchKeys: Set<String> = ["from", "list_id", "subject", "file_name"]

    public static func parse(_ text: String, fileName: String,
                             defaults: Configuration = .repositoryDefaults,
                             relativeTo directory: String? = nil) throws(ConfigurationError) -> Configuration {
        do {
            return try read(TOMLDocument.parse(text), defaults: defaults, directory: directory)
        } catch {
            throw ConfigurationError(file: fileName, line: error.line, column: error.column, message: error.message)
        }
    }

    private static func read(_ table: TOMLTable, defaults: Configuration, directory: String?) throws(TOMLError) -> Configuration {
        if let unknown = table.unknownKeys(allowed: keys).first { throw unknown }
        var c = defaults
        for key in ServicePaths.Key.allCases {
            if let value = try path(table, key.rawValue) { c.paths[key] = ServicePaths.absolute(value, relativeTo: directory) }
        }
        if let zone = try table.string("time_zone") {
            do {
                c.calendar = try LocalCalendar(name: zone)
            } catch {
                throw positioned(table, "time_zone", "time_zone: \(error)")
            }
        }
        if let size = try table.integer("max_file_size") {
            guard size > 0 else { throw positioned(table, "max_file_size", "max_file_size must be a positive number of bytes") }
            c.maxFileSize = size
        }
        if let seconds = try table.number("rescan_interval") {
            guard seconds >= 1 else { throw positioned(table, "rescan_interval", "rescan_interval must be at least 1 second") }
            c.rescanInterval = seconds
        }
        if let seconds = try table.number("summary_debounce") {
            guard seconds >= 0 else { throw positioned(table, "summary_debounce", "summary_debounce cannot be negative") }
            c.summaryDebounce = seconds
        }
        if let threshold = try table.number("story_threshold") {
            guard (0...1).contains(threshold) else {
                throw positioned(table, "story_threshold", "story_threshold must be between 0 and 1 (the default is \(StoryMatcher.defaultThreshold))")
            }
            c.storyThreshold = threshold
        }
        c.ignore = try table.stringArray("ignore") ?? c.ignore
        if let name = try table.string("log_level") {
            guard let level = LogLevelControl.level(named: name) else {
                throw positioned(table, "log_level", "unknown log_level \"\(name)\": use \(LogLevelControl.names)")
            }
            c.logLevel = level
        }
        if let file = try path(table, "metrics_file") { c.metricsFile = ServicePaths.absolute(file, relativeTo: directory) }
        if let seconds = try table.number("metrics_interval") {
            guard seconds >= 1 else { throw positioned(table, "metrics_interval", "metrics_interval must be at least 1 second") }
            c.metricsInterval = seconds
        }
        try readSummaryOptions(table, into: &c.summary)
        if let format = try table.table("format") {
            if let unknown = format.unknownKeys(allowed: formatKeys).first { throw unknown }
            let layouts = c.splitter.layouts
            c.splitter = try splitterPatterns(format, base: c.splitter)
            c.splitter.layouts = layouts
        }
        var layouts: [SplitterLayout] = []
        for layout in try table.tableArray("layout") {
            layouts.append(try self.layout(layout, base: c.splitter, existing: layouts))
        }
        if table["layout"] != nil { c.splitter.layouts = layouts }
        return c
    }

    /// `summary_formats` (a list of "md", "json", "html"; at least one, each once) and
    /// `trend_window` (1 to `SummaryOptions.maximumTrendWindow` days).
    private static func readSummaryOptions(_ table: TOMLTable, into options: inout SummaryOptions) throws(TOMLError) {
        if let names = try table.stringArray("summary_formats") {
            var formats = Set<SummaryFormat>()
            for name in names {
                guard let format = SummaryFormat(rawValue: name) else {
                    throw positioned(table, "summary_formats",
                                     "unknown summary format \"\(name)\": use \"md\", \"json\" or \"html\"")
                }
                guard formats.insert(format).inserted else {
                    throw positioned(table, "summary_formats", "summary format \"\(name)\" is named twice")
                }
            }
            guard !formats.isEmpty else {
                throw positioned(table, "summary_formats", "summary_formats needs at least one format (\"md\", \"json\", \"html\")")
            }
            options.formats = formats
        }
        if let days = try table.integer("trend_window") {
            guard (1...SummaryOptions.maximumTrendWindow).contains(days) else {
                throw positioned(table, "trend_window",
                                 "trend_window must be between 1 and \(SummaryOptions.maximumTrendWindow) days")
            }
            options.trendWindow = days
        }
    }

    /// The pattern keys of `table` (`[format]` or a `[[layout]]`); what it leaves out keeps
    /// its value in `base`.
    private static func splitterPatterns(_ table: TOMLTable, base: SplitterConfig) throws(TOMLError) -> SplitterConfig {
        var config = base
        config.trailerPatterns = try patterns(table, "trailer_patterns") ?? config.trailerPatterns
        config.whyHeadingPatterns = try patterns(table, "why_heading_patterns") ?? config.whyHeadingPatterns
        config.footerPatterns = try patterns(table, "footer_patterns") ?? config.footerPatterns
        config.captionPatterns = try patterns(table, "caption_patterns") ?? config.captionPatterns
        config.mastheadPatterns = try patterns(table, "masthead_patterns") ?? config.mastheadPatterns
        config.housePatterns = try patterns(table, "house_patterns") ?? config.housePatterns
        config.layouts = []
        return config
    }

    /// One `[[layout]]` (the file's layouts replace the built-in ones): a unique `name`, at least one of `from`, `list_id`, `subject`,
    /// `file_name` (a string or a list of strings), and any pattern keys of `[format]`,
    /// which default to the `[format]` values.
    private static func layout(_ table: TOMLTable, base: SplitterConfig, existing: [SplitterLayout]) throws(TOMLError) -> SplitterLayout {
        if let unknown = table.unknownKeys(allowed: formatKeys.union(layoutMatchKeys).union(["name"])).first { throw unknown }
        guard let name = try table.string("name"), !name.isEmpty else {
            throw TOMLError(at: table.position, "[[layout]] needs a name = \"...\"")
        }
        if existing.contains(where: { $0.name == name }) {
            throw positioned(table, "name", "two [[layout]] tables are named \"\(name)\"")
        }
        let match = LayoutMatch(
            from: try strings(table, "from"), listID: try strings(table, "list_id"),
            subject: try patterns(table, "subject") ?? [], fileName: try strings(table, "file_name"))
        guard !(match.from.isEmpty && match.listID.isEmpty && match.subject.isEmpty && match.fileName.isEmpty) else {
            throw TOMLError(at: table.position, "layout \"\(name)\" matches no document: give from, list_id, subject or file_name")
        }
        return SplitterLayout(name: name, match: match, config: try splitterPatterns(table, base: base))
    }

    /// A string or a list of strings; empty when absent.
    private static func strings(_ table: TOMLTable, _ key: String) throws(TOMLError) -> [String] {
        guard let value = table[key] else { return [] }
        if let single = try? value.string() { return [single] }
        return try value.stringArray()
    }

    private static func path(_ table: TOMLTable, _ key: String) throws(TOMLError) -> String? {
        guard let value = try table.string(key) else { return nil }
        guard !value.isEmpty else { throw positioned(table, key, "\(key) cannot be empty") }
        return value
    }

    /// A list of regular expressions, each checked by the splitter's own matcher
    /// (`LinePattern.validate`: what a `BulletinSplitter` would refuse), errors at the pattern itself.
    private static func patterns(_ table: TOMLTable, _ key: String) throws(TOMLError) -> [String]? {
        guard let values = try table.array(key) else { return nil }
        var result: [String] = []
        for value in values {
            let pattern = try value.string()
            do {
                try LinePattern.validate(pattern)
            } catch {
                // The matcher's reason names what is wrong and where ("unclosed group "(" at
                // character 8", a construct it does not take).
                throw TOMLError(at: value.position, "\(key): not a valid regular expression: \(pattern) — \(error.message)")
            }
            result.append(pattern)
        }
        return result
    }

    private static func positioned(_ table: TOMLTable, _ key: String, _ message: String) -> TOMLError {
        TOMLError(at: table[key]?.position ?? table.position, message)
    }
}
