import ArgumentParser
import Foundation
import BulletinService
import BulletinStore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Write the daily summary (YYYY-MM-DD.md and .json) for a day's articles.",
        discussion: """
        The day is counted in the configured time zone. Prints the paths written; with --print, \
        prints the Markdown on standard output and the paths on standard error, so \
        `bulletind summary --print > today.md` keeps only the summary.
        """
    )

    @OptionGroup var paths: PathOptions

    @Option(help: ArgumentHelp("The day (YYYY-MM-DD); default today.", valueName: "date"))
    var date: String?

    @Flag(name: .customLong("print"), help: "Print the Markdown summary on standard output (the paths go to standard error).")
    var printMarkdown = false

    func validate() throws {
        if let date, LocalDay(string: date) == nil {
            throw ValidationError("--date takes a day as YYYY-MM-DD, not \"\(date)\"")
        }
    }

    func run() throws {
        let runtime = try paths.open(.existing)
        let calendar = runtime.configuration.calendar
        let day = date.flatMap(LocalDay.init(string:)).map(calendar.start(of:)) ?? Date()
        let publisher = runtime.summaries
        let written = try publisher.publish(day: day)
        guard printMarkdown else {
            print(written.markdown)
            print(written.json)
            return
        }
        Terminal.writeError("\(written.markdown)\n\(written.json)\n")
        switch InputFile.read(written.markdown) {
        case .success(let markdown):
            FileHandle.standardOutput.write(markdown)
        case .failure(let error):
            throw CommandFailure("\(written.markdown): \(error)")
        }
    }
}
