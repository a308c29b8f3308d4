import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinService
import BulletinStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read, split, classify and store bulletin files (the files stay where they are).",
        discussion: "Prints one line per file; on a terminal with several files, one steady progress line (files done, articles, rate, ETA) and a closing tally with the rejected files instead (--verbose keeps the per-file lines). Exits 1 when any file could not be ingested."
    )

    @OptionGroup var paths: PathOptions

    @Argument(help: ArgumentHelp("Bulletin files (.txt, .md, .html, .eml).", valueName: "file"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "One line per file, even on a terminal.")
    var verbose = false

    func run() throws {
        // The rules first: a configuration that cannot work creates no database.
        let pipeline = try paths.open(.create).pipeline()
        // On a terminal: one steady progress line and a closing tally; otherwise (a pipe, a
        // log file, --verbose): one line per file, as scripts read them.
        let steady = files.count > 1 && !verbose && Terminal.standardOutputIsTerminal
        let drawLine = steady && Terminal.standardErrorIsTerminal
        var progress = IngestProgress(total: files.count, started: Date())
        if drawLine { Terminal.writeError("\r\u{1B}[K" + progress.line(now: Date(), width: Terminal.columns - 1)) }
        for file in files {
            var outcome: PipelineOutcome?
            var unreadable = "cannot be read"
            switch InputFile.read(file) {
            case .success(let data):
                outcome = try pipeline.process(data: data, fileName: InputFile.name(of: file), receivedAt: Date())
            case .failure(let error):
                unreadable = error.description
            }
            progress.record(outcome, file: file, unreadable: unreadable)
            if drawLine {
                Terminal.writeError("\r\u{1B}[K" + progress.line(now: Date(), width: Terminal.columns - 1))
            } else if !steady {
                print(outcome.map { IngestCommand.describe($0, file: file) } ?? "failed    \(file): \(unreadable)")
            }
        }
        if drawLine { Terminal.writeError("\r\u{1B}[K") }
        if steady { progress.tally(now: Date()).forEach { print($0) } }
        if !progress.rejected.isEmpty { throw ExitCode(1) }
    }

    static func describe(_ outcome: PipelineOutcome, file: String) -> String {
        switch outcome {
        case let .stored(id, articles, newArticles, topics):
            let topicList = topics.isEmpty ? "none" : topics.joined(separator: ", ")
            return "ingested  \(file): bulletin #\(id), \(articles) articles (\(newArticles) new), topics: \(topicList)"
        case let .duplicate(id):
            return "duplicate \(file): already stored as bulletin #\(id)"
        case let .awaitingFiling(id):
            return "stored    \(file): already stored as bulletin #\(id), from an inbox file the daemon has not filed yet"
        case let .rejected(reason):
            return "rejected  \(file): \(reason)"
        }
    }
}
