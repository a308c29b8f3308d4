#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinReader
import BulletinSplitter

/// Reads and splits one file's bytes: the first two stages, with no rules needed.
/// `bulletind split` uses it directly.
public struct BulletinParser: Sendable {
    public let reader: BulletinReader
    public let splitter: BulletinSplitter

    public init(reader: BulletinReader = BulletinReader(), splitter: BulletinSplitter) {
        self.reader = reader
        self.splitter = splitter
    }

    /// Uses the splitter patterns of `configuration`; throws `SplitterConfigError`.
    public init(configuration: Configuration) throws {
        self.init(splitter: try BulletinSplitter(config: configuration.splitter))
    }

    /// The document and its articles, or why the file can never be ingested.
    public func parse(_ data: Data, fileName: String) -> Result<ParsedBulletin, Rejection> {
        parse(data, fileName: fileName, knownBoilerplate: { _ in nil })
    }

    /// `parse`, recognising repeated boilerplate: see `analyse(_:fileName:knownBoilerplate:)`.
    public func parse(_ data: consuming Data, fileName: String,
                      knownBoilerplate: (String) throws -> Set<Int64>?) rethrows -> Result<ParsedBulletin, Rejection> {
        try analyse(consume data, fileName: fileName, knownBoilerplate: knownBoilerplate).flatMap { parsed in
            guard !parsed.articles.isEmpty else {
                return .failure(Rejection(reason: "no articles found: no title followed by body text was recognised"))
            }
            return .success(parsed)
        }
    }

    /// The document, its articles (possibly none) and what became of each line; fails
    /// only when the file cannot be read. The layout is chosen by the document's sender,
    /// list, subject and `fileName`.
    public func analyse(_ data: Data, fileName: String) -> Result<ParsedBulletin, Rejection> {
        analyse(data, fileName: fileName, knownBoilerplate: { _ in nil })
    }

    /// `analyse`, recognising repeated boilerplate: `knownBoilerplate` is asked, with the
    /// document's `BulletinSplitter.boilerplateSender` (when it has one), for the fingerprints
    /// seen in the sender's earlier bulletins (nil: do not recognise any); the result then
    /// carries the sender and what to remember of this bulletin. Rethrows its errors.
    /// The bytes are let go once decoded: when the caller hands over the only reference
    /// (`consume`), a large file's bytes are freed before it is split.
    public func analyse(_ data: consuming Data, fileName: String,
                        knownBoilerplate: (String) throws -> Set<Int64>?) rethrows -> Result<ParsedBulletin, Rejection> {
        let document: Document
        do {
            document = try reader.read(consume data, fileName: fileName)
        } catch {
            return .failure(Rejection(reason: error.description))
        }
        let key = LayoutKey(from: document.sender, listID: document.listID, subject: document.title, fileName: fileName)
        let sender = splitter.boilerplateSender(for: key)
        let known = try sender.flatMap(knownBoilerplate)
        let split = splitter.analyse(document, key: key, boilerplate: known)
        return .success(ParsedBulletin(document: document, articles: split.articles, lines: split.lines, layout: split.layout,
                                       boilerplateSender: known == nil ? nil : sender, fingerprints: split.fingerprints))
    }
}

/// A bulletin read and split.
public struct ParsedBulletin: Sendable {
    public var document: Document
    public var articles: [Article]
    /// What became of each line of `document.text` (see `SplitResult.lines`).
    public var lines: [LineFate] = []
    /// The splitter layout used, nil for the default patterns.
    public var layout: String?
    /// Whose boilerplate `fingerprints` are to be remembered for; nil when none was looked up.
    public var boilerplateSender: String?
    /// `SplitResult.fingerprints`.
    public var fingerprints: [Int64] = []
}

/// Why a file can never be ingested; `reason` is one line for an operator.
public struct Rejection: Error, Sendable, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
