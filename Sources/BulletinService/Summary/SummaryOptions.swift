import BulletinSummary

/// How the summaries are written: `summary_formats` and `trend_window` in bulletind.toml.
public struct SummaryOptions: Sendable, Equatable {
    /// The files written for a day and a week (default: all three).
    public var formats: Set<SummaryFormat>
    /// Days before today a topic's trailing mean is taken over (days with data; default 7).
    public var trendWindow: Int

    public init(formats: Set<SummaryFormat> = SummaryFormat.all, trendWindow: Int = TrendRules.defaultWindow) {
        self.formats = formats
        self.trendWindow = trendWindow
    }

    public static let `default` = SummaryOptions()
    /// The largest trend window accepted (a quarter).
    public static let maximumTrendWindow = 90
}
