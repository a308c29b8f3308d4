/// Collects the rows and prints them as one aligned table (Markdown-compatible, so it can be
/// pasted into docs/PERFORMANCE.md as is).
final class ResultTable {
    private(set) var rows: [BenchRow] = []

    func add(_ figure: String, _ measured: String, target: String = "", verdict: String = "info") {
        rows.append(BenchRow(figure: figure, measured: measured, target: target, verdict: verdict))
        Log.progress("  → \(figure): \(measured)  \(verdict)")
    }

    /// "×0.83 of target · PASS" when the value meets the target, else "… · MISSED".
    static func verdict(value: Double, target: Double, higherIsBetter: Bool) -> String {
        let ratio = higherIsBetter ? value / target : target / value
        let pass = higherIsBetter ? value >= target : value <= target
        return "×\(Format.fixed(ratio, 2)) of target · " + (pass ? "PASS" : "MISSED")
    }

    func render() -> String {
        let header = BenchRow(figure: "figure", measured: "measured", target: "target", verdict: "verdict")
        let all = [header] + rows
        let columns: [[String]] = [all.map(\.figure), all.map(\.measured), all.map(\.target), all.map(\.verdict)]
        let widths: [Int] = columns.map { cells in cells.map(\.count).max() ?? 0 }
        func line(_ row: BenchRow) -> String {
            let cells = [row.figure, row.measured, row.target, row.verdict]
            let padded: [String] = zip(cells, widths).map { cell, width in
                cell + String(repeating: " ", count: width - cell.count)
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        var lines = [line(header)]
        lines.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
