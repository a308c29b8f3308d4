#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import BulletinStore
import BulletinSummary

/// The day's top stories while its summary is composed: chosen by `TopStoryRule` from the
/// store's story counts (`BulletinArchive.dayStoryCounts`) before the articles are read, then each one's
/// representative article — the story's first article of the day — gives its title, lede
/// (first sentence) and topics as the day's articles go by (`fill`).
struct TopStories {
    private(set) var stories: [TopStory]
    private let positions: [Int64: Int]

    /// The top stories of `[from, to)`, with no text yet. The day's stories go by one at a time
    /// (`BulletinArchive.dayStoryCounts`); only the best `TopStoryRule.limit` of those seen so far
    /// are kept, so memory does not grow with the day. `TopStoryRule.choose` orders stories
    /// totally (the story id last), so the best of the best is the best of all.
    static func chosen(store: any BulletinArchive, from: Date, to: Date, calendar: LocalCalendar) throws -> TopStories {
        var kept: [TopStory] = []
        try store.dayStoryCounts(from: from, to: to) { story in
            guard TopStoryRule.qualifies(articles: story.articles, bulletins: story.bulletins,
                                         earlierArticles: story.earlierArticles) else { return }
            kept.append(TopStory(storyID: story.storyID, articleID: story.firstArticleID, title: "", lede: "", topics: [],
                                 articles: story.articles, bulletins: story.bulletins,
                                 continuingSince: story.firstSeen.map { calendar.day(containing: $0).description },
                                 earlierArticles: story.earlierArticles))
            if kept.count >= 4 * TopStoryRule.limit { kept = TopStoryRule.choose(kept) }
        }
        return TopStories(stories: TopStoryRule.choose(kept))
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
