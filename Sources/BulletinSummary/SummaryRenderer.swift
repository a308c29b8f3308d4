import Foundation

/// STUB: renders a `DaySummary` as Markdown and JSON.
public enum SummaryRenderer {
    public static func markdown(_ summary: DaySummary) -> String { "" }
    public static func json(_ summary: DaySummary) -> Data { Data() }
}
