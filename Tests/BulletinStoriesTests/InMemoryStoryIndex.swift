import BulletinStories

/// The store's story assignment (`Store+Stories`) in memory, for measuring quality without a
/// database, step for step (`StoryBandIndex`): per band key the most recent article is a
/// candidate (at most `StoryMatcher.candidatesCompared`, newest first); the stories of those
/// close enough (`isCandidate`) are compared
/// through their `membersCompared` most recent members; the article joins the matcher's
/// choice or starts a story.
struct InMemoryStoryIndex {
    let matcher: StoryMatcher
    private var articles: [(story: Int64, words: [UInt32])] = []
    private var bands: [Int64: Int] = [:]
    private var members: [Int64: [Int]] = [:]
    private var nextStory: Int64 = 1

    init(matcher: StoryMatcher) {
        self.matcher = matcher
    }

    /// Assigns the next article (in order of arrival) and returns its story.
    mutating func add(_ signature: StorySignature) -> Int64 {
        var found = Set<Int>()
        for key in signature.bandKeys {
            if let other = bands[key] { found.insert(other) }
        }
        var seenStories = Set<Int64>()
        var stories: [(story: Int64, members: [[UInt32]])] = []
        for article in found.sorted(by: >).prefix(StoryMatcher.candidatesCompared)
        where matcher.isCandidate(signature, articles[article].words) {
            let story = articles[article].story
            guard seenStories.insert(story).inserted else { continue }
            let recent = members[story, default: []].suffix(StoryMatcher.membersCompared).reversed()
            stories.append((story, recent.map { articles[$0].words }))
        }
        let story: Int64
        if let found = matcher.story(for: signature, stories: stories) {
            story = found
        } else {
            story = nextStory
            nextStory += 1
        }
        let id = articles.count
        articles.append((story, signature.words))
        members[story, default: []].append(id)
        for key in signature.bandKeys { bands[key] = id }
        return story
    }
}
