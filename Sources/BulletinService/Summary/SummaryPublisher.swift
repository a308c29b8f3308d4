#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CMalloc
import BulletinStore
import BulletinSummary

/// Writes the summaries into one folder, each file atomically (a reader sees the previous
/// version or the new one, never a partial file) with permission 0640:
/// - a day: `YYYY-MM-DD.md`, `.json`, `.html` (the formats of `options`);
/// - an ISO week: `YYYY-Www.md`, `.json`, `.html`;
/// - with HTML: `index.html`, the archive's days and weeks, rewritten after each of them.
///
/// The daemon calls `publish(day:)` after ingests, `finishDay(_:)` at each midnight (which
/// writes the week when the finished day is a Sunday) and `catchUp(now:)` at start.
public struct SummaryPublisher: Sendable {
    public let store: any BulletinArchive
    public let folder: String
    public let calendar: LocalCalendar
    public let options: SummaryOptions
    /// The topic counts of past days, kept between publishes (`TrendCache`).
    private let trendCache = TrendCache()

    /// Days back `catchUp` looks for days without their files.
    public static let catchUpDays = 7
    /// Weeks back `catchUp` looks for ended weeks without their files.
    public static let catchUpWeeks = 8

    public init(store: any BulletinArchive, folder: String, calendar: LocalCalendar, options: SummaryOptions = .default) {
        self.store = store
        self.folder = folder
        self.calendar = calendar
        self.options = options
    }

    /// Composes and writes the summary of the day containing `day`; returns the paths.
    /// A day page written for the first time also rewrites the previous day's page (so its
    /// "next day" link appears) and the index. Frees the store's caches first (the writer's page
    /// cache, full after a burst of ingests, is not needed while composing: the reader's takes
    /// its memory instead of adding to it) and hands the free heap back to the system (glibc
    /// keeps it otherwise: after a burst, what the batches left in every thread's arena), so
    /// that composing starts from what is in use, not from the burst's high-water mark; then
    /// the same after composing, so a long-running daemon's resident memory falls back after
    /// each summary.
    @discardableResult
    public func publish(day: Date, now: Date = Date()) throws -> SummaryFiles {
        releaseMemory()
        defer { releaseMemory() }
        let summary = try SummaryComposer.compose(store: store, day: day, calendar: calendar, now: now,
                                                  listLimit: DaySummaryBuilder.defaultListLimit,
                                                  trendWindow: options.trendWindow, cache: trendCache)
        try Directories.create(folder)
        let htmlPath = path(summary.date, .html)
        let firstTime = !FileManager.default.fileExists(atPath: htmlPath)
        let files = try write(summary)
        if options.formats.contains(.html) {
            if firstTime, let previous = summary.previousDay.flatMap(LocalDay.init(string:)),
               FileManager.default.fileExists(atPath: path(previous.description, .html)) {
                let older = try SummaryComposer.compose(store: store, day: calendar.start(of: previous), calendar: calendar,
                                                        now: now, listLimit: DaySummaryBuilder.defaultListLimit,
                                                        trendWindow: options.trendWindow, cache: trendCache)
                try AtomicFile.write(Data(SummaryHTML.day(older).utf8), to: path(previous.description, .html))
            }
            try writeIndex(now: now)
        }
        return files
    }

    /// The store's caches freed, then the free heap handed back to the system.
    private func releaseMemory() {
        store.releaseMemory()
        malloc_trim(0)
    }

    /// Writes `summary` in each format of `options`. The Markdown goes to its file as it is
    /// rendered (`SummaryRenderer.markdown(_:write:)`), never whole in memory.
    private func write(_ summary: DaySummary) throws -> SummaryFiles {
        try write(summary.date) { format, target in
            switch format {
            case .markdown: try AtomicFile.write(to: target) { try SummaryRenderer.markdown(summary, write: $0) }
            case .json: try AtomicFile.write(SummaryRenderer.jsonBytes(summary), to: target)
            case .html: try AtomicFile.write(to: target) { try $0(SummaryHTML.day(summary)) }
            }
        }
    }

    /// Writes `<name>.<extension>` for each format of `options`, atomically, 0640.
    private func write(_ name: String, _ render: (SummaryFormat) -> Data) throws -> SummaryFiles {
        try write(name) { format, target in try AtomicFile.write(render(format), to: target) }
    }

    /// Calls `writeFile` with each format of `options` and its path, in order.
    private func write(_ name: String, _ writeFile: (SummaryFormat, String) throws -> Void) throws -> SummaryFiles {
        var paths: [SummaryFormat: String] = [:]
        for format in options.formats.sorted() {
            let target = path(name, format)
            try writeFile(format, target)
            paths[format] = target
        }
        return SummaryFiles(label: name, paths: paths)
    }

    /// Composes and writes the roll-up of `week` (`YYYY-Www.*`), then the index.
    @discardableResult
    public func publishWeek(_ week: LocalWeek, now: Date = Date()) throws -> SummaryFiles {
        let summary = try SummaryComposer.composeWeek(store: store, week: week, calendar: calendar, now: now)
        try Directories.create(folder)
        let files = try write(summary.week) { format in
            switch format {
            case .markdown: Data(WeekText.markdown(summary).utf8)
            case .json: WeekText.json(summary)
            case .html: Data(SummaryHTML.week(summary).utf8)
            }
        }
        if options.formats.contains(.html) { try writeIndex(now: now) }
        return files
    }

    /// The day containing `day` has ended (midnight): its summary is written a last time and,
    /// when it was the last day of an ISO week (a Sunday), the week's roll-up too.
    @discardableResult
    public func finishDay(_ day: Date, now: Date = Date()) throws -> [SummaryFiles] {
        var written = [try publish(day: day, now: now)]
        let finished = calendar.day(containing: day)
        let week = calendar.week(containing: day)
        if calendar.week(containing: calendar.start(of: calendar.day(after: finished))) != week {
            written.append(try publishWeek(week, now: now))
        }
        return written
    }

    /// At start: writes what a stopped daemon missed — each of the last `catchUpDays` days
    /// before today that has articles but not its files, and each ISO week ended in the last
    /// `catchUpWeeks` weeks that has articles but not its files. Returns what it wrote.
    @discardableResult
    public func catchUp(now: Date = Date()) throws -> [SummaryFiles] {
        var written: [SummaryFiles] = []
        let today = calendar.day(containing: now)
        let days = calendar.days(endingWith: calendar.day(before: today), count: Self.catchUpDays)
        let counts = try SummaryHistoryReader.read(store: store, days: days, calendar: calendar).history.articles
        for (day, articles) in zip(days, counts) where articles > 0 && missing(day.description) {
            written.append(try publish(day: calendar.start(of: day), now: now))
        }
        let thisWeek = calendar.week(containing: now)
        var weeks: [LocalWeek] = []
        var monday = calendar.days(of: thisWeek).first ?? today
        for _ in 0..<Self.catchUpWeeks {
            let sunday = calendar.day(before: monday)
            let week = calendar.week(containing: calendar.start(of: sunday))
            weeks.append(week)
            monday = calendar.days(of: week).first ?? sunday
        }
        let weekIntervals = weeks.map { week -> DayInterval in
            let days = calendar.days(of: week)
            let start = calendar.start(of: days.first ?? today)
            return DayInterval(start: start, end: calendar.interval(containing: calendar.start(of: days.last ?? today)).end)
        }
        let weekCounts = try store.topicHistory(days: weekIntervals).articles
        for (week, articles) in zip(weeks, weekCounts).reversed() where articles > 0 && missing(week.description) {
            written.append(try publishWeek(week, now: now))
        }
        return written
    }

    /// Rewrites `index.html` from the day and week pages in the folder, newest first, with
    /// their counts and three largest topics (from the store: two grouped queries).
    @discardableResult
    public func writeIndex(now: Date = Date()) throws -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let days = names.compactMap { name -> LocalDay? in
            name.hasSuffix(".html") ? LocalDay(string: String(name.dropLast(5))) : nil
        }.sorted(by: >)
        let weeks = names.compactMap { name -> LocalWeek? in
            name.hasSuffix(".html") ? LocalWeek(string: String(name.dropLast(5))) : nil
        }.sorted(by: >)
        let dayCounts = try store.topicHistory(days: days.map { day in
            let (start, end) = calendar.interval(containing: calendar.start(of: day))
            return DayInterval(start: start, end: end)
        })
        let weekCounts = try store.topicHistory(days: weeks.map { week in
            let weekDays = calendar.days(of: week)
            return DayInterval(start: calendar.start(of: weekDays.first ?? LocalDay(year: 1970, month: 1, day: 1)),
                               end: calendar.interval(containing: calendar.start(of: weekDays.last ?? LocalDay(year: 1970, month: 1, day: 1))).end)
        })
        func top(_ history: TopicHistory, _ index: Int) -> [String] {
            history.topics.values.filter { $0.counts[index] > 0 }
                .sorted { ($0.counts[index], $1.name) > ($1.counts[index], $0.name) }
                .prefix(3).map(\.name)
        }
        let index = ArchiveIndex(
            generatedAt: calendar.timestamp(now), timeZone: calendar.zone.identifier,
            days: days.enumerated().map { i, day in
                ArchiveIndex.Page(file: "\(day).html", label: day.description, bulletins: dayCounts.bulletins[i],
                                  articles: dayCounts.articles[i], topTopics: top(dayCounts, i))
            },
            weeks: weeks.enumerated().map { i, week in
                ArchiveIndex.Page(file: "\(week).html", label: week.description, bulletins: weekCounts.bulletins[i],
                                  articles: weekCounts.articles[i], topTopics: top(weekCounts, i))
            })
        let target = PathText.appending(folder, "index.html")
        try Directories.create(folder)
        try AtomicFile.write(Data(SummaryHTML.index(index).utf8), to: target)
        return target
    }

    private func path(_ name: String, _ format: SummaryFormat) -> String {
        PathText.appending(folder, "\(name).\(format.fileExtension)")
    }

    /// Whether any file of `options`' formats is missing for `name`.
    private func missing(_ name: String) -> Bool {
        options.formats.contains { !FileManager.default.fileExists(atPath: path(name, $0)) }
    }
}
