import ArgumentParser
import Foundation
import BulletinService
import BulletinStore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Write the daily summary (YYYY-MM-DD.md and .json) for a day's articles.",
        discussion: "The day is counted in the configured time zone. Prints the paths written."
    )

    @OptionGroup var paths: PathOptions

    @Option(help: ArgumentHelp("The day (YYYY-MM-DD); default today.", valueName: "date"))
    var date: String?

    @Flag(name: .customLong("print"), help: "Also print the Markdown summary.")
    var printMarkdown = false

    func run() throws {
        let configuration = try paths.load()
        let calendar = configuration.calendar
        var day = Date()
        if let date {
            guard let parsed = LocalDay(string: date) else {
                throw ValidationError("--date takes a day as YYYY-MM-DD, not \"\(date)\"")
            }
            day = calendar.start(of: parsed)
        }
        let publisher = SummaryPublisher(store: try Store(path: configuration.database),
                                         folder: configuration.summaries, calendar: calendar)
        let written = try publisher.publish(day: day)
        print(written.markdown)
        print(written.json)
        if printMarkdown, let text = try? String(contentsOfFile: written.markdown, encoding: .utf8) {
            print("")
            print(text)
        }
    }
}
