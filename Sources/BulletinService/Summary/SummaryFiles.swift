/// The files one summary (a day's or a week's) was written to, by format.
public struct SummaryFiles: Sendable, Equatable {
    /// `YYYY-MM-DD` or `YYYY-Www`.
    public var label: String
    public var paths: [SummaryFormat: String]

    public init(label: String, paths: [SummaryFormat: String]) {
        self.label = label
        self.paths = paths
    }

    public var markdown: String? { paths[.markdown] }
    public var json: String? { paths[.json] }
    public var html: String? { paths[.html] }

    /// Every path, in the order md, json, html.
    public var all: [String] { paths.sorted { $0.key < $1.key }.map(\.value) }
}
