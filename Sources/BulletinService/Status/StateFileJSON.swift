#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import JSONText

/// Writes the state file's JSON by hand (`PrettyJSONWriter`): the bytes `JSONEncoder` writes
/// for a `ServiceState` with `.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes` and
/// `.iso8601` dates, without the encoder (whose code, with its calendar, the daemon otherwise
/// ran at start and kept resident: docs/PERFORMANCE.md, "Idle memory").
///
/// Callers may rely on: `PrettyJSONWriter`'s layout, keys in byte order (they are written in
/// that order below: every key is plain ASCII), an absent optional left out, dates as
/// `yyyy-MM-ddTHH:mm:ssZ` in UTC (whole seconds, counted down); no newline at the end. A
/// `Double` that is not finite throws, as the encoder does. StateFileJSONTests compares it
/// with the encoder's output.
enum StateFileJSON {
    /// The state file's bytes for `state`.
    static func encode(_ state: ServiceState) throws -> [UInt8] {
        if let seconds = state.lastBulletin?.seconds, !seconds.isFinite {
            throw EncodingError.invalidValue(seconds, EncodingError.Context(
                codingPath: [], debugDescription: "the state file has no text for \(seconds) (seconds)"))
        }
        var writer = PrettyJSONWriter(escapingSlashes: false)
        write(state, to: &writer)
        return writer.bytes
    }

    private static func write(_ state: ServiceState, to writer: inout PrettyJSONWriter) {
        writer.object { w in
            w.key("backlog")
            w.object { w in
                w.field("queued", state.backlog.queued)
                w.field("waiting", state.backlog.waiting)
                w.key("waitingFiles")
                w.array(state.backlog.waitingFiles) { w, t in write(t, to: &w) }
            }
            w.field("database", state.database)
            if let trouble = state.databaseUnreachable {
                w.key("databaseUnreachable")
                write(trouble, to: &w)
            }
            w.key("errors")
            w.array(state.errors) { w, t in write(t, to: &w) }
            w.field("inbox", state.inbox)
            if let bulletin = state.lastBulletin {
                w.key("lastBulletin")
                write(bulletin, to: &w)
            }
            if let reload = state.lastReload {
                w.key("lastReload")
                w.object { w in
                    w.field("at", date: reload.at)
                    w.field("error", reload.error)
                    w.field("failed", reload.failed)
                    w.field("location", reload.location)
                }
            }
            if let success = state.lastSuccess { w.field("lastSuccess", date: success) }
            if let trouble = state.paused {
                w.key("paused")
                write(trouble, to: &w)
            }
            w.field("phase", state.phase.rawValue)
            w.field("pid", state.pid)
            w.field("processStart", state.processStart)
            w.key("quarantine")
            w.object { w in
                w.field("count", state.quarantine.count)
                w.key("newest")
                w.array(state.quarantine.newest) { w, q in
                    w.object { w in
                        w.field("at", date: q.at)
                        w.field("cause", q.cause)
                        w.field("name", q.name)
                        w.field("reason", q.reason)
                    }
                }
            }
            w.field("rules", state.rules)
            w.field("rulesLoaded", date: state.rulesLoaded)
            w.field("since", date: state.since)
            w.key("today")
            w.object { w in
                w.field("articles", state.today.articles)
                w.field("bulletins", state.today.bulletins)
                w.field("date", state.today.date)
                w.field("duplicates", state.today.duplicates)
                w.field("quarantined", state.today.quarantined)
            }
            w.field("updated", date: state.updated)
            w.field("version", state.version)
        }
    }

    private static func write(_ trouble: ServiceState.Trouble, to writer: inout PrettyJSONWriter) {
        writer.object { w in
            w.field("at", date: trouble.at)
            w.field("kind", trouble.kind)
            w.field("message", trouble.message)
            w.field("name", trouble.name)
        }
    }

    /// `bulletin.seconds` is finite (`encode` checked).
    private static func write(_ bulletin: ServiceState.Bulletin, to writer: inout PrettyJSONWriter) {
        writer.object { w in
            w.field("articles", bulletin.articles)
            w.field("at", date: bulletin.at)
            w.field("cause", bulletin.cause)
            w.field("name", bulletin.name)
            w.field("newArticles", bulletin.newArticles)
            w.field("outcome", bulletin.outcome)
            w.field("reason", bulletin.reason)
            w.field("seconds", bulletin.seconds)
        }
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, UTC: the whole second that holds `date` (`CivilDateTime`).
    static func text(of date: Date) -> String {
        CivilDateTime(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down))).text(separator: "T") + "Z"
    }
}

/// The state file's dates.
private extension PrettyJSONWriter {
    mutating func field(_ key: StaticString, date: Date) {
        self.key(key)
        string(StateFileJSON.text(of: date))
    }
}
