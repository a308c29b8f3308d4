/// The patterns that describe a publisher's layout. Loaded from the `[format]` table of
/// bulletind.toml; `default` matches the Diplo digest layout.
///
/// Every pattern is an ICU regular expression (`NSRegularExpression` syntax). It is
/// matched case-insensitively against a whole line after trimming and, for Markdown
/// documents, after removing inline markup (`#` heading marks, `**bold**`, links); it
/// is implicitly anchored at both ends, so `unsubscribe.*` matches a line *starting*
/// with "Unsubscribe", and `.*unsubscribe.*` any line containing it. Lines longer than
/// 1,000 UTF-8 bytes (400 for footer patterns) are never matched: no trailer, heading or
/// footer line is that long, and it bounds the regex work per line.
///
/// Speed: before a regex runs, a line is checked for the literal text a pattern requires
/// (`unsubscribe` in `unsubscribe.*`, the start `why ` of `why (it|this) matters`); lines
/// without it are skipped. This never changes a result. It works for patterns built from
/// literals, groups, alternatives, quantifiers, bracket expressions and the common escapes;
/// a pattern starting with `.*` and holding no literal, or using inline flags such as
/// `(?x)`, `\Q…\E` or `\p{…}`, gets no such check, and its set costs a regex match on
/// every line.
public struct SplitterConfig: Sendable, Equatable {
    /// The recurring trailer line that ends an article ("Would you like to learn more…?
    /// If so, ask our … chatbot!"). A trailer line is a hard article end and is dropped.
    /// TOML key: `trailer_patterns`.
    public var trailerPatterns: [String]
    /// The heading that opens the "why it matters" section. Paragraphs after it, up to
    /// the article's end, become `Article.why`; the heading itself is dropped.
    /// TOML key: `why_heading_patterns`.
    public var whyHeadingPatterns: [String]
    /// Footer lines (unsubscribe links, copyright, "You are receiving this…", "View in
    /// browser", preferences, "forward to a friend"). Matching lines are never part of an
    /// article; from the first footer line that is followed by no trailer and no why
    /// heading, the rest of the document is dropped, together with the short address-like
    /// lines just before it. TOML key: `footer_patterns`.
    public var footerPatterns: [String]
    /// Short lines that look like titles but are not (image captions, "Source:" and
    /// "Photo:" lines, "Read more" links). They stay in the body they appear in and never
    /// start an article. TOML key: `caption_patterns`.
    public var captionPatterns: [String]

    public init(
        trailerPatterns: [String],
        whyHeadingPatterns: [String],
        footerPatterns: [String] = SplitterConfig.defaultFooterPatterns,
        captionPatterns: [String] = SplitterConfig.defaultCaptionPatterns
    ) {
        self.trailerPatterns = trailerPatterns
        self.whyHeadingPatterns = whyHeadingPatterns
        self.footerPatterns = footerPatterns
        self.captionPatterns = captionPatterns
    }

    /// The Diplo trailer in all its observed variants: with or without "?" or a space
    /// before "If so" ("diplomacyIf so"), with or without "!", with "our chatbot" or
    /// "our Diplo chatbot", and any wording of the topic ("AI, tech, and digital
    /// diplomacy", "AI, tech and digital diplomacy").
    public static let defaultTrailerPatterns: [String] = [
        #"would you like to learn more about .{1,160}?\??\s*if so,?\s*(please\s+)?ask our (\w+\s+)?chat\s?bot\s*[!.]*"#
    ]

    /// "Why does it matter?", "Why it matters:", "Why does this matter" and the like.
    public static let defaultWhyHeadingPatterns: [String] = [
        #"why (does|do|did|should) (it|this|that|this news|this story) matters?\s*[?:.]?"#,
        #"why (it|this|that) matters\s*[?:.!]?"#,
    ]

    /// Newsletter footer lines. Written to match a footer line, not prose that merely
    /// mentions unsubscribing or privacy policies: the link-like items must start the
    /// line or follow a `|`/`•`/`·` separator ("Unsubscribe | Update your preferences").
    /// Kept to few patterns without leading `.*` where possible: every line is matched.
    public static let defaultFooterPatterns: [String] = [
        #"(?:[^|•·]*+[|•·]\s*)*(?:unsubscribe\b.*|view (?:this (?:email|e-mail|newsletter|issue|message) |it )?(?:online|in (?:your |a )?(?:web )?browser)\b.*|privacy (?:policy|notice)(?:\s*[|•·].*)?|(?:update|manage|change) (?:your )?(?:email |e-mail |subscription |mailing |newsletter )?(?:preferences|subscription)\b.*|forward (?:this (?:email|e-mail|newsletter|issue) )?to a (?:friend|colleague)\b.*)"#,
        #".*?\b(?:(?:click|tap) here to unsubscribe|no longer (?:wish|want) to receive (?:these|this|our)|all rights reserved)\b.*"#,
        #"(?:copyright\s*)?(?:©|\(c\))\s*.*"#,
        #"copyright\s*(?:©\s*)?(?:19|20)\d\d\b.*"#,
        #"you (?:are receiving|received|have received|are getting|get) this\b.*"#,
    ]

    /// Captions and credit lines that must never become titles: lines starting with
    /// "Source:", "Photo:", "Image credit:"…, "(Photo by …)", and lines ending with a
    /// credit in brackets ("The minister at the signing (Photo: Example Agency)").
    public static let defaultCaptionPatterns: [String] = [
        #"(source|sources|photo|photos|photograph|image|images|picture|pictured|credit|credits|caption|illustration|figure|fig\.|via|video|graphic|chart|map|read more|more|see also|related|tags?)( credits?)?\s*[:|–—].*"#,
        #"\(?(photo|image|picture|illustration|video)s? (by|credit|courtesy( of)?)\b.*"#,
        #".*[(\[](?:photo|image|picture|illustration|credit|source)s?\b[^)\]]*[)\]]"#,
    ]

    public static let `default` = SplitterConfig(
        trailerPatterns: defaultTrailerPatterns,
        whyHeadingPatterns: defaultWhyHeadingPatterns
    )
}
