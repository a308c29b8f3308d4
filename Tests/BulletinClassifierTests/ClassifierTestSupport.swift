import BulletinSplitter
@testable import BulletinClassifier

/// Builds a classifier from (id, rule, threshold) triples via a generated rules file.
func makeClassifier(_ topics: [(id: String, rule: String, threshold: Double?)]) throws -> Classifier {
    var text = ""
    for topic in topics {
        text += "[[topic]]\nid = \"\(topic.id)\"\nname = \"\(topic.id)\"\nrule = '''\(topic.rule)'''\n"
        if let threshold = topic.threshold { text += "threshold = \(threshold)\n" }
        text += "\n"
    }
    return Classifier(taxonomy: try Taxonomy.parse(text, fileName: "test.toml"))
}

/// One topic's match, or nil, for an article.
func match(rule: String, threshold: Double? = nil, title: String = "", body: String = "",
           why: String? = nil) throws -> TopicMatch? {
    let classifier = try makeClassifier([("t", rule, threshold)])
    return classifier.classify(Article(title: title, body: body, why: why, position: 1)).first
}
