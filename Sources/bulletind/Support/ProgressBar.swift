/// A one-line progress bar on standard error, redrawn in place. Only used on a terminal.
struct ProgressBar {
    let total: Int
    private(set) var done = 0
    private let width = 30

    init(total: Int) { self.total = total }

    mutating func advance(label: String) {
        done += 1
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        Terminal.writeError("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)")
    }

    func finish() {
        Terminal.writeError("\r\u{1B}[K")
    }
}
