import ArgumentParser
import BulletinService
import BulletinStore
import BulletinClassifier

struct ReclassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclassify",
        abstract: "Re-apply the current rules to every stored article, in one transaction, and report what changed."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let pipeline = try paths.open(.existing).pipeline()
        let classifier = pipeline.analyser.classifier
        let report = try pipeline.store.reclassify { classifier.classify($0) }
        if json {
            try JSONOutput.print(report)
            return
        }
        print("reclassified \(report.articles) articles: \(report.changes.count) changed")
        for change in report.changes {
            let added = change.added.map { "+\($0)" }
            let removed = change.removed.map { "-\($0)" }
            print("  #\(change.articleID) \(change.title): \((added + removed).joined(separator: " "))")
        }
    }
}
