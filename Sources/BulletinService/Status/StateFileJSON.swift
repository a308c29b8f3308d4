#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import JSONText

/// Writes the state file's JSON by hand: the bytes `JSONEncoder` writes for a `ServiceState`
/// with `.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes` and `.iso8601` dates,
/// without the encoder (whose code, with its calendar, the daemon otherwise ran at start and
/// kept resident: docs/PERFORMANCE.md, "Idle memory").
///
/// Callers may rely on: two spaces of indent per level, `"key" : value`, keys in byte order
/// (they are written in that order below: every key is plain ASCII), an absent optional left
/// out, an empty array or object as the encoder writes it (`[`, an empty line, `]`), dates as
/// `yyyy-MM-ddTHH:mm:ssZ` in UTC (whole seconds, counted down), a `Double` as its shortest
/// decimal text without a trailing `.0`; no newline at the end. A `Double` that is not finite
/// throws, as the encoder does. ServiceStateJSONTests compares it with the encoder's output.
struct StateFileJSON {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var first = true

    /// The state file's bytes for `state`.
    static func encode(_ state: ServiceState) throws -> [UInt8] {
        var writer = StateFileJSON()
        try writer.write(state)
        return writer.bytes
    }

    private mutating func write(_ state: ServiceState) throws {
        try object { w in
            w.field("backlog") { w in
                w.object { w in
                    w.field("queued", state.backlog.queued)
                    w.field("waiting", state.backlog.waiting)
                    w.field("waitingFiles") { w in w.array(state.backlog.waitingFiles) { w, t in w.write(t) } }
                }
            }
            w.field("database", state.database)
            if let trouble = state.databaseUnreachable { w.field("databaseUnreachable") { w in w.write(trouble) } }
            w.field("errors") { w in w.array(state.errors) { w, t in w.write(t) } }
            w.field("inbox", state.inbox)
            if let bulletin = state.lastBulletin { try w.field("lastBulletin") { w in try w.write(bulletin) } }
            if let reload = state.lastReload {
                w.field("lastReload") { w in
                    w.object { w in
                        w.field("at", date: reload.at)
                        w.field("error", reload.error)
                        w.field("failed", reload.failed)
                        w.field("location", reload.location)
                    }
                }
            }
            if let success = state.lastSuccess { w.field("lastSuccess", date: success) }
            if let trouble = state.paused { w.field("paused") { w in w.write(trouble) } }
            w.field("phase", state.phase.rawValue)
            w.field("pid", number: String(state.pid))
            if let start = state.processStart { w.field("processStart", number: String(start)) }
            w.field("quarantine") { w in
                w.object { w in
                    w.field("count", state.quarantine.count)
                    w.field("newest") { w in
                        w.array(state.quarantine.newest) { w, q in
                            w.object { w in
                                w.field("at", date: q.at)
                                w.field("cause", q.cause)
                                w.field("name", q.name)
                                w.field("reason", q.reason)
                            }
                        }
                    }
                }
            }
            w.field("rules", state.rules)
            w.field("rulesLoaded", date: state.rulesLoaded)
            w.field("since", date: state.since)
            w.field("today") { w in
                w.object { w in
                    w.field("articles", state.today.articles)
                    w.field("bulletins", state.today.bulletins)
                    w.field("date", state.today.date)
                    w.field("duplicates", state.today.duplicates)
                    w.field("quarantined", state.today.quarantined)
                }
            }
            w.field("updated", date: state.updated)
            w.field("version", state.version)
        }
    }

    private mutating func write(_ trouble: ServiceState.Trouble) {
        object { w in
            w.field("at", date: trouble.at)
            w.field("kind", trouble.kind)
            w.field("message", trouble.message)
            w.field("name", trouble.name)
        }
    }

    private mutating func write(_ bulletin: ServiceState.Bulletin) throws {
        try object { w in
            w.field("articles", bulletin.articles)
            w.field("at", date: bulletin.at)
            w.field("cause", bulletin.cause)
            w.field("name", bulletin.name)
            w.field("newArticles", bulletin.newArticles)
            w.field("outcome", bulletin.outcome)
            w.field("reason", bulletin.reason)
            try w.field("seconds", double: bulletin.seconds)
        }
    }

    // MARK: Structure

    private mutating func object(_ fields: (inout StateFileJSON) throws -> Void) rethrows {
        try container(open: "{", close: "}", fields)
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout StateFileJSON, Element) -> Void) {
        container(open: "[", close: "]") { w in
            for element in elements {
                w.separate()
                write(&w, element)
            }
        }
    }

    /// `open`, a newline, the members one level in (each preceded by `separate()`), a newline,
    /// `close` at this level: an empty container is `open`, an empty line, `close`.
    private mutating func container(open: StaticString, close: StaticString,
                                    _ members: (inout StateFileJSON) throws -> Void) rethrows {
        append(open)
        append("\n")
        depth += 1
        let outerFirst = first
        first = true
        try members(&self)
        depth -= 1
        first = outerFirst
        append("\n")
        indent()
        append(close)
    }

    /// The comma before every member but the first, and the member's indent.
    private mutating func separate() {
        if first { first = false } else { append(",\n") }
        indent()
    }

    private mutating func field(_ key: StaticString, _ value: (inout StateFileJSON) throws -> Void) rethrows {
        separate()
        append("\"")
        append(key)
        append("\" : ")
        try value(&self)
    }

    // MARK: Values (an absent optional leaves its key out)

    private mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        field(key) { w in JSONStringEscaper.append(value, to: &w.bytes, escapingSlashes: false) }
    }

    private mutating func field(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        field(key, number: String(value))
    }

    private mutating func field(_ key: StaticString, _ value: Bool) {
        field(key) { w in w.append(value ? "true" : "false") }
    }

    private mutating func field(_ key: StaticString, number: String) {
        field(key) { w in w.bytes.append(contentsOf: number.utf8) }
    }

    /// The encoder's text for a `Double`: its `description`, less a trailing `.0`.
    private mutating func field(_ key: StaticString, double value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "the state file has no text for \(value) (\(key))"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        field(key, number: text)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, UTC: the whole second that holds `date`.
    private mutating func field(_ key: StaticString, date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = CivilDays.floorDivide(seconds, 86_400)
        let time = seconds - days * 86_400
        let (year, month, day) = CivilDays.date(days: days)
        field(key) { w in
            w.append("\"")
            w.digits(year, 4)
            w.append("-")
            w.digits(month, 2)
            w.append("-")
            w.digits(day, 2)
            w.append("T")
            w.digits(time / 3_600, 2)
            w.append(":")
            w.digits(time / 60 % 60, 2)
            w.append(":")
            w.digits(time % 60, 2)
            w.append("Z\"")
        }
    }

    // MARK: Bytes

    private mutating func digits(_ value: Int, _ width: Int) {
        let text = String(value)
        if value >= 0, text.utf8.count < width {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - text.utf8.count))
        }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
