import ArgumentParser
import Foundation
import BulletinService
import BulletinStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read, split, classify and store bulletin files (the files stay where they are).",
        discussion: "Prints one line per file; on a terminal with several files, a progress bar. Exits 1 when any file could not be ingested."
    )

    @OptionGroup var paths: PathOptions

    @Argument(help: ArgumentHelp("Bulletin files (.txt, .md, .html, .eml).", valueName: "file"))
    var files: [String]

    func run() throws {
        let configuration = try paths.load()
        // The rules first: a configuration that cannot work creates no database.
        let analyser = try BulletinAnalyser(configuration: configuration)
        let pipeline = try Pipeline(analyser: analyser, store: Store(path: configuration.database))
        var progress = files.count > 1 && Terminal.standardErrorIsTerminal ? ProgressBar(total: files.count) : nil
        var failures = 0
        for file in files {
            let line: String
            switch InputFile.read(file) {
            case .success(let data):
                let outcome = try pipeline.process(data: data, fileName: (file as NSString).lastPathComponent, receivedAt: Date())
                line = IngestCommand.describe(outcome, file: file)
                if case .rejected = outcome { failures += 1 }
            case .failure(let error):
                line = "failed    \(file): \(error)"
                failures += 1
            }
            if progress != nil {
                progress?.finish()
                print(line)
                progress?.advance(label: file)
            } else {
                print(line)
            }
        }
        progress?.finish()
        if failures > 0 { throw ExitCode(1) }
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
