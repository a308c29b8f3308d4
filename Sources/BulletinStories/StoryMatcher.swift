/// Decides whether two articles tell the same story, and which stored story a new article
/// joins. Pure: signatures in, a choice out.
///
/// The similarity of two articles is the Jaccard index of their story word sets
/// (`StorySignature.words`): shared words over all words. An article joins the story whose
/// recent members are on average at least `threshold` similar to it (the most similar such
/// story); otherwise it starts a story of its own. docs/STORIES.md says how the default was tuned.
public struct StoryMatcher: Sendable, Equatable {
    /// Tuned on the labelled set in Tests/BulletinStoriesTests (docs/STORIES.md).
    public static let defaultThreshold = 0.24

    /// How many of the articles found through the band keys (the most recent one per key,
    /// newest first) are compared word for word: bounds the work of one assignment.
    public static let candidatesCompared = 8

    /// How many of a story's most recent members a new article is compared with.
    public static let membersCompared = 8

    /// In `0...1`; 1 joins only articles with the same words.
    public let threshold: Double

    public init(threshold: Double = StoryMatcher.defaultThreshold) {
        self.threshold = threshold
    }

    /// The Jaccard index of two sorted, distinct word lists; 0 when either is empty.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1; i += 1; j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// True when the two signatures tell the same story.
    public func sameStory(_ a: StorySignature, _ b: StorySignature) -> Bool {
        StoryMatcher.similarity(a.words, b.words) >= threshold
    }

    /// The story to join: among `stories` (each an earlier story with the words of its most
    /// recent members, at most `membersCompared`), the one whose members are on average the
    /// most similar, when that mean is at least `threshold`; ties to the earliest story
    /// (smallest id); nil when none is similar enough. Averaging over the story rather than
    /// taking its closest member keeps a story from drifting, one near neighbour at a time,
    /// into another event of the same topic (docs/STORIES.md).
    ///
    /// A story can only qualify when one of its members is itself at least `threshold`
    /// similar (a mean never exceeds its largest term), so a caller need only fetch the
    /// members of the stories of such candidates (`isCandidate`).
    public func story(for signature: StorySignature, stories: [(story: Int64, members: [[UInt32]])]) -> Int64? {
        var best: (story: Int64, similarity: Double)?
        for candidate in stories where !candidate.members.isEmpty {
            let members = candidate.members.prefix(StoryMatcher.membersCompared)
            let total = members.reduce(0) { $0 + StoryMatcher.similarity(signature.words, $1) }
            let similarity = total / Double(members.count)
            guard similarity >= threshold else { continue }
            if let current = best,
               current.similarity > similarity || (current.similarity == similarity && current.story <= candidate.story) {
                continue
            }
            best = (candidate.story, similarity)
        }
        return best?.story
    }

    /// True when an earlier article with these words is close enough for its story to be
    /// considered (`story(for:stories:)`).
    public func isCandidate(_ signature: StorySignature, _ words: [UInt32]) -> Bool {
        StoryMatcher.similarity(signature.words, words) >= threshold
    }
}
