#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore
import BulletinSummary

/// The day's top stories while its summary is composed: chosen by `TopStoryRule` from the
/// store's story counts (`Store.dayStories`) before the articles are read, then each one's
/// representative article — the story's first article of the day — gives its title, lede
/// (first sentence) and topics as the day's articles go by (`fill`).
struct TopStories {
    private(set) var stories: [TopStory]
    private let positions: [Int64: Int]

    /// The top stories of `[from, to)`, with no text yet.
    static func chosen(store: any BulletinArchive, from: Date, to: Date, calendar: LocalCalendar) throws -> TopStories {
        let candidates = try store.dayStories(from: from, to: to).compactMap { story -> TopStory? in
            guard let first = story.articleIDs.first,
                  TopStoryRule.qualifies(articles: story.articleIDs.count, bulletins: story.bulletins,
                                         earlierArticles: story.earlierArticles) else { return nil }
            return TopStory(storyID: story.storyID, articleID: first, title: "", lede: "", topics: [],
                            articles: story.articleIDs.count, bulletins: story.bulletins,
                            continuingSince: story.firstSeen.map { calendar.day(containing: $0).description },
                            earlierArticles: story.earlierArticles)
        }
        return TopStories(stories: TopStoryRule.choose(candidates))
    }

    private init(stories: [TopStory]) {
        self.stories = stories
        positions = Dictionary(stories.enumerated().map { ($0.element.articleID, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// Takes the text of a representative article; any other article is ignored.
    mutating func fill(_ article: DayArticle) {
        guard let position = positions[article.articleID] else { return }
        stories[position].title = article.title
        stories[position].lede = Sentences.first(of: article.body)
        stories[position].topics = article.topics.map(\.id)
    }
}
