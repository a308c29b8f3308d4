extension StoryMatcher {
    /// The story a new article joins, given the articles the band index found for it
    /// (`candidates`, newest first): of the first `candidatesCompared`, those whose stored
    /// words are close enough (`isCandidate`) put their story forward, each story once; the
    /// choice among those stories is `story(for:stories:)`. nil: the article starts a story.
    ///
    /// The store supplies what it reads inside its transaction: `storyOf` an article's story
    /// and words (nil when the article has none, or is gone), `recentMembers` the words of a
    /// story's most recent members (at most `membersCompared`, newest first). Both backends
    /// decide through this one function, so the same articles in the same order make the same
    /// stories.
    public func story(for signature: StorySignature, candidates: [Int64],
                      storyOf: (Int64) throws -> (story: Int64, words: [UInt32])?,
                      recentMembers: (Int64) throws -> [[UInt32]]) rethrows -> Int64? {
        var seenStories = Set<Int64>()
        var stories: [(story: Int64, members: [[UInt32]])] = []
        for other in candidates.prefix(StoryMatcher.candidatesCompared) {
            guard let found = try storyOf(other) else { continue }
            guard !seenStories.contains(found.story), isCandidate(signature, found.words) else { continue }
            seenStories.insert(found.story)
            stories.append((found.story, try recentMembers(found.story)))
        }
        return story(for: signature, stories: stories)
    }
}
