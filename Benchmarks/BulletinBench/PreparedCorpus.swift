import Foundation
import BulletinService
import BulletinModel

/// The synthetic corpus written to a folder, and (for the floor and the in-process figures)
/// read, split and classified by the real pipeline code ahead of time.
struct PreparedCorpus {
    /// The files, in order.
    var files: [String]
    var bytes: Int
    var bulletins: [IncomingBulletin]
    var articles: Int { bulletins.reduce(0) { $0 + $1.articles.count } }
    /// Articles the generator wrote (the splitter should find exactly these).
    var writtenArticles: Int
    var data: [Data]

    /// Writes `count` bulletins into `folder` and analyses them with `analyser`.
    static func make(count: Int, firstIndex: Int = 0, generator: CorpusGenerator, folder: String,
                     analyser: BulletinAnalyser, receivedAt: Date) throws -> PreparedCorpus {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var corpus = PreparedCorpus(files: [], bytes: 0, bulletins: [], writtenArticles: 0, data: [])
        for index in firstIndex..<(firstIndex + count) {
            let bulletin = generator.bulletin(index)
            let data = Data(bulletin.text.utf8)
            let path = (folder as NSString).appendingPathComponent(bulletin.fileName)
            try data.write(to: URL(fileURLWithPath: path))
            corpus.files.append(path)
            corpus.data.append(data)
            corpus.bytes += data.count
            corpus.writtenArticles += bulletin.articles.count
            guard case .success(let analysis) = analyser.analyse(data, fileName: bulletin.fileName) else {
                throw BenchFailure("the pipeline rejected generated bulletin \(bulletin.fileName)")
            }
            corpus.bulletins.append(IncomingBulletin(
                fileName: bulletin.fileName, contentHash: ContentHash.of(data), size: data.count,
                format: analysis.document.format.rawValue, encoding: analysis.document.encoding,
                receivedAt: receivedAt, bulletinDate: analysis.document.date, title: analysis.document.title,
                articles: analysis.articles))
        }
        return corpus
    }
}
