import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService
import BulletinStore
import BulletinSummary

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Write the daily summary (YYYY-MM-DD.md, .json, .html) or a weekly roll-up (--week).",
        discussion: """
        The day is counted in the configured time zone; the formats written are summary_formats \
        (default md, json, html), and with html the archive's index.html is rewritten too. \
        --week 2026-W48 writes the ISO week's roll-up, 2026-W48.md, .json and .html. Prints the \
        paths written; with --print, prints the Markdown on standard output and the paths on \
        standard error, so `bulletind summary --print > today.md` keeps only the summary.
        """
    )

    @OptionGroup var paths: PathOptions

    @Option(help: ArgumentHelp("The day (YYYY-MM-DD); default today.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("An ISO week (YYYY-Www, e.g. 2026-W48): write its roll-up instead of a day's.",
                               valueName: "week"))
    var week: String?

    @Flag(name: .customLong("print"), help: "Print the Markdown summary on standard output (the paths go to standard error).")
    var printMarkdown = false

    func validate() throws {
        if let date, LocalDay(string: date) == nil {
            throw ValidationError("--date takes a day as YYYY-MM-DD, not \"\(date)\"")
        }
        if let week, LocalWeek(string: week) == nil {
            throw ValidationError("--week takes an ISO week as YYYY-Www (e.g. 2026-W48), not \"\(week)\"")
        }
        if date != nil && week != nil {
            throw ValidationError("give --date or --week, not both")
        }
    }

    func run() throws {
        let runtime = try paths.open(.existing)
        let configuration = runtime.configuration
        let calendar = configuration.calendar
        let store = runtime.store
        let publisher = runtime.summaries
        let written: SummaryFiles
        let markdown: () throws -> String
        if let week = week.flatMap(LocalWeek.init(string:)) {
            written = try publisher.publishWeek(week)
            markdown = { WeekText.markdown(try SummaryComposer.composeWeek(store: store, week: week, calendar: calendar, now: Date())) }
        } else {
            let day = date.flatMap(LocalDay.init(string:)).map(calendar.start(of:)) ?? Date()
            written = try publisher.publish(day: day)
            markdown = {
                SummaryRenderer.markdown(try SummaryComposer.compose(store: store, day: day, calendar: calendar, now: Date(),
                                                                     trendWindow: configuration.summary.trendWindow))
            }
        }
        let paths = written.all.map { $0 + "\n" }.joined()
        guard printMarkdown else {
            print(paths, terminator: "")
            return
        }
        Terminal.writeError(paths)
        if let path = written.markdown {
            switch InputFile.read(path) {
            case .success(let data):
                Terminal.writeOutput(data)
            case .failure(let error):
                throw CommandFailure("\(path): \(error)")
            }
        } else {
            // summary_formats leaves out md: the Markdown is rendered for standard output only.
            Terminal.writeOutput(try markdown().utf8)
        }
    }
}
