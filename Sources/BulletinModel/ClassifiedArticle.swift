import BulletinSplitter
import BulletinClassifier

/// An article with the topics the classifier gave it.
public struct ClassifiedArticle: Sendable {
    public var article: Article
    public var topics: [TopicMatch]
    public init(article: Article, topics: [TopicMatch]) {
        self.article = article
        self.topics = topics
    }
}
