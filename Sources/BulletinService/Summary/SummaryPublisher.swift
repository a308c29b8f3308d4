import Foundation
import CMalloc
import BulletinStore
import BulletinSummary

/// Writes a day's summary files, `<folder>/YYYY-MM-DD.md` and `.json`, atomically: a reader
/// sees the previous version or the new one, never a partial file.
public struct SummaryPublisher: Sendable {
    public let store: any BulletinArchive
    public let folder: String
    public let calendar: LocalCalendar

    public init(store: Store, folder: String, calendar: LocalCalendar) {
        self.store = store
        self.folder = folder
        self.calendar = calendar
    }

    /// Composes and writes the summary of the day containing `day`; returns the two paths.
    /// Then frees the store's caches and hands the heap freed by composing back to the
    /// system (glibc keeps it otherwise), so a long-running daemon's resident memory falls
    /// back after each summary.
    @discardableResult
    public func publish(day: Date, now: Date = Date()) throws -> (markdown: String, json: String) {
        let summary = try SummaryComposer.compose(store: store, day: day, calendar: calendar, now: now)
        try Directories.create(folder)
        let base = (folder as NSString).appendingPathComponent(calendar.day(containing: day).description)
        let markdown = base + ".md"
        let json = base + ".json"
        try AtomicFile.write(Data(SummaryRenderer.markdown(summary).utf8), to: markdown)
        try AtomicFile.write(SummaryRenderer.json(summary), to: json)
        store.releaseMemory()
        malloc_trim(0)
        return (markdown, json)
    }
}
