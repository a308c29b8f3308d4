import Foundation

/// Figure 8: one large bulletin (just under the default `max_file_size` of 20 MiB) renamed
/// into the inbox of an idle daemon, as plain text and as HTML, each with a fresh daemon:
/// the peak RSS (VmHWM) after the file is archived, minus the RSS at idle before it.
enum LargeFileBenchmark {
    struct Result {
        var format: String
        var bytes: Int
        var idle: Int
        var peak: Int
        var seconds: Double
        var articles: Int
        var aboveIdle: Int { peak - idle }
    }

    static let targetBytes = 20_900_000

    /// The text: generated bulletins one after the other, as many as fit in `limit` bytes.
    static func text(generator: CorpusGenerator, limit: Int = targetBytes) -> String {
        var text = ""
        text.reserveCapacity(targetBytes)
        var index = 5_000_000
        while true {
            let next = generator.bulletin(index).text
            if text.utf8.count + next.utf8.count + 1 > limit { break }
            if !text.isEmpty { text += "\n" }
            text += next
            index += 1
        }
        return text
    }

    /// The same text as an HTML page: one `<p>` per paragraph.
    static func html(of text: String) -> String {
        var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Large digest</title></head><body>\n"
        html.reserveCapacity(text.utf8.count + text.utf8.count / 20)
        for paragraph in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            html += "<p>"
            for character in paragraph {
                switch character {
                case "&": html += "&amp;"
                case "<": html += "&lt;"
                case ">": html += "&gt;"
                default: html.append(character)
                }
            }
            html += "</p>\n"
        }
        return html + "</body></html>\n"
    }

    /// The two files: the text, and an HTML page of a shorter text that also fits in
    /// `targetBytes` (its markup adds ~2.5%).
    static func files(generator: CorpusGenerator) -> [(format: String, name: String, content: String)] {
        let text = self.text(generator: generator)
        var html = self.html(of: self.text(generator: generator, limit: targetBytes * 96 / 100))
        var limit = targetBytes * 96 / 100
        while html.utf8.count > targetBytes {
            limit -= 200_000
            html = self.html(of: self.text(generator: generator, limit: limit))
        }
        return [("text", "large-digest.txt", text), ("HTML", "large-digest.html", html)]
    }

    /// One file into its own idle daemon.
    static func run(format: String, name: String, content: String, options: BenchOptions,
                    workspace: BenchWorkspace) throws -> Result {
        Log.progress("large file: \(format), \(Format.megabytes(content.utf8.count))")
        let scenario = try workspace.scenario("large-\(format.lowercased())")
        let watcher = try ArchiveWatcher(root: scenario.archive)
        let daemon = try DaemonFigures.start(options, scenario)
        defer { daemon.stop() }
        _ = try daemon.waitUntilReady()
        usleep(1_000_000)
        let idle = daemon.memory?.residentBytes ?? 0
        var expected: Set<String> = [name]
        let data = Data(content.utf8)
        let start = try DaemonFigures.drop(data, name: name, inbox: scenario.inbox)
        let result = try DaemonFigures.waitForArchive(&expected, watcher: watcher, daemon: daemon, scenario: scenario)
        let peak = max(result.maxRSS, daemon.memory?.peakResidentBytes ?? 0)
        let stats = try ChildProcess.run(options.binary, ["stats", "--config", scenario.config, "--json"], captureOutput: true)
        let articles = (try? JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])?["articles"] as? Int ?? -1
        return Result(format: format, bytes: data.count, idle: idle, peak: peak,
                      seconds: Double(result.last - start) / 1e9, articles: articles)
    }
}
