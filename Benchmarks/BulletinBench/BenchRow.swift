/// One line of the result table.
struct BenchRow {
    var figure: String
    var measured: String
    var target: String
    /// "ratio 0.83 · PASS", "FAIL", "info", …
    var verdict: String
}
