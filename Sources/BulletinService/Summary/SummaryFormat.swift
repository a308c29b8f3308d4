/// A file format of the summaries (`summary_formats` in bulletind.toml).
public enum SummaryFormat: String, Sendable, CaseIterable, Comparable {
    case markdown = "md"
    case json
    case html

    /// Every format: the default.
    public static let all: Set<SummaryFormat> = Set(allCases)

    /// The file name extension, which is also the name in the configuration.
    public var fileExtension: String { rawValue }

    public static func < (a: SummaryFormat, b: SummaryFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
