/// Where the bars, mean marks and sparklines of the HTML digest go, in SVG user units. Pure
/// arithmetic; the numbers are written with one decimal (`SVGNumber`).
enum ChartGeometry {
    /// The bar chart's width; the page scales the SVG to its column.
    static let chartWidth = 360.0
    /// One topic's row: its name above, its bar below.
    static let rowHeight = 34.0
    static let labelBaseline = 13.0
    static let barTop = 17.0
    static let barHeight = 12.0
    /// Room at the right of the longest bar for its number.
    static let valueRoom = 40.0

    /// One bar of the chart.
    struct Bar {
        var y: Double
        var width: Double
        /// x of the mean's mark; nil without a mean.
        var meanX: Double?
    }

    /// Bars for `(count, mean)` rows, scaled so the largest count or mean fills the chart.
    static func bars(_ rows: [(count: Int, mean: Double?)]) -> [Bar] {
        let largest = rows.reduce(1.0) { max($0, Double($1.count), $1.mean ?? 0) }
        let scale = (chartWidth - valueRoom) / largest
        return rows.enumerated().map { index, row in
            Bar(y: Double(index) * rowHeight, width: max(Double(row.count) * scale, 1),
                meanX: row.mean.map { $0 * scale })
        }
    }

    static func chartHeight(rows: Int) -> Double { Double(max(rows, 1)) * rowHeight }

    static let sparkWidth = 120.0
    static let sparkHeight = 24.0

    /// The sparkline's polyline `points` for daily counts (oldest first), and the last
    /// point (today).
    static func sparkline(_ counts: [Int]) -> (points: String, lastX: Double, lastY: Double) {
        guard !counts.isEmpty else { return ("", 0, sparkHeight) }
        let largest = Double(max(counts.max() ?? 1, 1))
        let step = counts.count > 1 ? sparkWidth / Double(counts.count - 1) : 0
        var points: [String] = []
        points.reserveCapacity(counts.count)
        var last = (x: 0.0, y: sparkHeight)
        for (index, count) in counts.enumerated() {
            let x = Double(index) * step
            let y = sparkHeight - 2 - Double(count) / largest * (sparkHeight - 4)
            points.append("\(SVGNumber.text(x)),\(SVGNumber.text(y))")
            last = (x, y)
        }
        return (points.joined(separator: " "), last.x, last.y)
    }
}

/// A coordinate with at most one decimal: `12`, `12.5`.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
