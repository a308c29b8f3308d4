#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinReader
import BulletinSplitter
import BulletinClassifier
import BulletinModel
import BulletinStories

/// The pure part of the pipeline: read, split and classify one file's bytes, storing nothing.
/// `bulletind rules test` uses it directly; `Pipeline` stores its result.
public struct BulletinAnalyser: Sendable {
    public let parser: BulletinParser
    public let classifier: Classifier
    /// Which story a new article joins when it is stored (`Pipeline.store`).
    public let stories: StoryMatcher

    public init(parser: BulletinParser, classifier: Classifier, stories: StoryMatcher = StoryMatcher()) {
        self.parser = parser
        self.classifier = classifier
        self.stories = stories
    }

    /// Loads the splitter patterns and the rules file named by `configuration`.
    /// Throws `RulesError`, `SplitterConfigError` or `ConfigurationError`.
    public init(configuration: Configuration) throws {
        let taxonomy = try RulesLoader.load(path: configuration.rules)
        self.init(parser: try BulletinParser(configuration: configuration), classifier: Classifier(taxonomy: taxonomy),
                  stories: StoryMatcher(threshold: configuration.storyThreshold))
    }

    public func analyse(_ data: Data, fileName: String) -> Result<BulletinAnalysis, Rejection> {
        analyse(data, fileName: fileName, knownBoilerplate: { _ in nil })
    }

    /// `analyse`, recognising repeated boilerplate (`BulletinParser.analyse(_:fileName:knownBoilerplate:)`).
    public func analyse(_ data: consuming Data, fileName: String,
                        knownBoilerplate: (String) throws -> Set<Int64>?) rethrows -> Result<BulletinAnalysis, Rejection> {
        try parser.parse(consume data, fileName: fileName, knownBoilerplate: knownBoilerplate).map { parsed in
            BulletinAnalysis(
                document: parsed.document,
                articles: parsed.articles.map { ClassifiedArticle(article: $0, topics: classifier.classify($0)) },
                boilerplateSender: parsed.boilerplateSender,
                fingerprints: parsed.fingerprints
            )
        }
    }
}

/// A bulletin read, split and classified.
public struct BulletinAnalysis: Sendable {
    public var document: Document
    public var articles: [ClassifiedArticle]
    /// See `ParsedBulletin.boilerplateSender` and `fingerprints`.
    public var boilerplateSender: String? = nil
    public var fingerprints: [Int64] = []

    /// The ids of the topics given to at least one article, in order of first appearance.
    public var topicIDs: [String] {
        var seen = Set<String>()
        return articles.flatMap(\.topics).map(\.topicID).filter { seen.insert($0).inserted }
    }
}
