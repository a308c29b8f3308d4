/// The patterns that describe a publisher's layout. Loaded from the `[format]` table of
/// bulletind.toml; `default` matches the Diplo digest layout.
///
/// Every pattern is a regular expression in ICU's syntax, run by bulletind's own matcher
/// (`LinePattern`; no ICU in the binary) with ICU's meaning: literals, `.`, bracket
/// expressions (ranges, class escapes, nested brackets), `\d \D \s \S \w \W \h \H \v \V`,
/// `\p{…}`/`\P{…}` with a general category (`L`, `Lu`, `Nd`, `P`, `Zs`…) or `Alphabetic`,
/// groups (capturing, `(?:…)`, named, atomic `(?>…)`), look-ahead and look-behind,
/// alternation, `? * + {n} {n,} {n,m}` with lazy and possessive forms, back-references
/// (`\1`…`\9`, `\k<name>`), `^ $ \A \Z \z \b \B`, escapes `\n \t \r \f \a \e \xhh \x{h…}
/// \uhhhh \0ooo`, `\Q…\E`, comments `(?#…)` and `(?i)`. Not taken (a clear error naming the
/// position): other inline flags such as `(?x)`, `\X \R \N{…} \c`, POSIX `[:alpha:]` and the
/// set operators `&&`, `--`. Case-insensitive as ICU: literal text compares full case
/// foldings ("Straße" matches "STRASSE", "fi" matches "ﬁ"), single characters and bracket
/// expressions simple ones ("[a-z]" takes "ſ" and the Kelvin sign); `\b` lies between a
/// `\w` and a `\W` character. A pattern is
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
    /// Front-matter lines (the bulletin's name, issue number and date, "In this issue",
    /// greetings such as "Dear readers,"). Before the first article, a matching line is
    /// never a title and is skipped as masthead (or as intro, with the paragraphs that
    /// follow it up to the first article, when it is a greeting or welcome line).
    /// After the first article they have no effect (and are not matched); paragraphs
    /// longer than 200 bytes are never matched (nor by house patterns). TOML key:
    /// `masthead_patterns`.
    public var mastheadPatterns: [String]
    /// Lines that open a recurring house section (a contributors' corner, a questions
    /// box, "About us", a sign-off such as "Best regards,"). A matching line ends the
    /// article it is in; it and everything after it, up to the next article's title, is
    /// skipped as house. TOML key: `house_patterns`.
    public var housePatterns: [String]
    /// Publisher layouts, tried in order before these patterns: the first whose match
    /// accepts a document's sender, list, subject or file name gives the patterns for
    /// that document. Only the top-level configuration's layouts are used.
    public var layouts: [SplitterLayout]

    public init(
        trailerPatterns: [String],
        whyHeadingPatterns: [String],
        footerPatterns: [String] = SplitterConfig.defaultFooterPatterns,
        captionPatterns: [String] = SplitterConfig.defaultCaptionPatterns,
        mastheadPatterns: [String] = SplitterConfig.defaultMastheadPatterns,
        housePatterns: [String] = SplitterConfig.defaultHousePatterns,
        layouts: [SplitterLayout] = []
    ) {
        self.trailerPatterns = trailerPatterns
        self.whyHeadingPatterns = whyHeadingPatterns
        self.footerPatterns = footerPatterns
        self.captionPatterns = captionPatterns
        self.mastheadPatterns = mastheadPatterns
        self.housePatterns = housePatterns
        self.layouts = layouts
    }

    /// The Diplo trailer in all its observed variants: with or without "?" or a space
    /// before "If so" ("diplomacyIf so"), with or without "!", with "our chatbot" or
    /// "our Diplo chatbot", and any wording of the topic ("AI, tech, and digital
    /// diplomacy", "AI, tech and digital diplomacy").
    /// Also the shorter newer wordings ("Want to learn more about …? Ask our Diplo
    /// chatbot!", "Curious about …? Chat with our Diplo AI assistant.") and the older closing line "For more information on these topics, visit
    /// diplomacy.edu." (any topic wording, any site, with or without the final stop).
    public static let defaultTrailerPatterns: [String] = [
        #"would you like to learn more about .{1,160}?\??\s*if so,?\s*(please\s+)?ask our (\w+\s+)?chat\s?bot\s*[!.]*"#,
        #"(?:want to (?:learn|know) more|curious|interested in (?:learning )?more) about .{1,160}?\?\s*(?:please\s+)?(?:ask|chat with|talk to|try) our (?:\w+\s+){0,2}(?:chat\s?bot|assistant)\s*[!.]*"#,
        #"for more information on (these|this|those|the|related) (topics?|issues?|stories|story|subjects?),?\s*(please\s+)?(visit|see|go to)\s+\S{3,80}?[.!]?"#,
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
    /// Also the e-mail signature marker `--` (a line of its own): what follows is footer.
    public static let defaultFooterPatterns: [String] = [
        #"(?:[^|•·]*+[|•·]\s*)*(?:unsubscribe\b.*|view (?:this (?:email|e-mail|newsletter|issue|message) |it )?(?:online|in (?:your |a )?(?:web )?browser)\b.*|privacy (?:policy|notice)(?:\s*[|•·].*)?|(?:update|manage|change) (?:your )?(?:email |e-mail |subscription |mailing |newsletter )?(?:preferences|subscription)\b.*|forward (?:this (?:email|e-mail|newsletter|issue) )?to a (?:friend|colleague)\b.*)"#,
        #".*?\b(?:(?:click|tap) here to unsubscribe|no longer (?:wish|want) to receive (?:these|this|our)|all rights reserved)\b.*"#,
        #"(?:copyright\s*)?(?:©|\(c\))\s*.*"#,
        #"--|to unsubscribe\b.*"#,
        #"copyright\s*(?:©\s*)?(?:19|20)\d\d\b.*"#,
        #"you (?:are receiving|received|have received|are getting|get) this\b.*"#,
        #".{1,200}?\byou are receiving this\b.*"#,
    ]

    /// Captions and credit lines that must never become titles: lines starting with
    /// "Source:", "Photo:", "Image credit:"…, "(Photo by …)", and lines ending with a
    /// credit in brackets ("The minister at the signing (Photo: Example Agency)").
    public static let defaultCaptionPatterns: [String] = [
        #"(source|sources|photo|photos|photograph|image|images|picture|pictured|credit|credits|caption|illustration|figure|fig\.|via|video|graphic|chart|map|read more|more|see also|related(?: topics?| stories| articles| reading| links)?|topics?|tags?|keywords)( credits?)?\s*[:|–—].*"#,
        #"\(?(photo|image|picture|illustration|video)s? (by|credit|courtesy( of)?)\b.*"#,
        #".*[(\[](?:photo|image|picture|illustration|credit|source)s?\b[^)\]]*[)\]]"#,
    ]

    /// Front matter: issue numbers ("Issue 42", "No. 7 | November 2026"), a line naming
    /// the publication kind ("Digital Policy Weekly", "Monthly newsletter – …"), "In this
    /// issue", greetings or welcome lines ("Dear readers,", "Welcome to …"), and a name
    /// with a date after a dash, bar or dot ("Policy Monitor — November 2026"), ending the
    /// line. Written to fail fast: every short paragraph is matched.
    public static let defaultMastheadPatterns: [String] = [
        #"(?:issue|edition|vol\.?|volume|no\.|number)\s*#?\s*\d+\b.{0,80}"#,
        #"(?:[^\s]+\s+){0,4}(?:newsletter|digest|bulletin|weekly|monthly|briefing|roundup|round-up)\b(?:\s*[^\s]+){0,8}"#,
        #"(?:in (?:this|today[\x27’]s|the) (?:issue|edition|week|newsletter)|(?:table of )?contents|highlights)\s*[:.]?"#,
        #"(?:dear|hello|hi|hey|greetings|good (?:morning|afternoon|evening))\b.{0,60}"#,
        #"welcome to\b.*"#,
        #"[^—–|·]{1,80}\s[—–|·]\s(?:[^—–|·]{0,60}\s)?(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d"#,
    ]

    /// House sections and sign-offs: a contributors' or readers' corner, a questions
    /// box, "About us", "Support our work", and closing lines ("Best regards,", "Thanks
    /// for reading", "Until next week", "That's all for this issue").
    public static let defaultHousePatterns: [String] = [
        #"(?:the |our )?(?:contributors?|readers?)[\x27’]?s?[\x27’]? (?:corner|mailbag|letters)\s*[:.!]?"#,
        #"(?:your |reader |readers[\x27’]? )?questions?(?: box| corner| and answers| of the (?:week|month))\s*[?:.!]?|(?:got|have) (?:a |any )?questions\?.*|ask (?:us|the editors?)\b.{0,60}"#,
        #"(?:about (?:us|this newsletter)|support (?:us|our work)|donate(?: now)?|become a (?:member|supporter)\b.*)\s*[:.!]?"#,
        #"(?:(?:best|kind|warm)(?:est)? (?:regards|wishes)|cheers|thanks|thank you|acknowledg(?:e)?ments|thanks for reading|thank you for reading|happy reading|enjoy (?:the|this) (?:issue|read(?:ing)?)|until next (?:time|week|month|issue)|see you (?:next|soon)\b.{0,40}|that[\x27’]?s (?:all|it) for (?:this|today|now)\b.{0,40})\s*[,.!]*"#,
    ]

    /// The built-in patterns, with the built-in layouts (`SplitterLayout.builtIn`).
    public static let `default` = SplitterConfig(
        trailerPatterns: defaultTrailerPatterns,
        whyHeadingPatterns: defaultWhyHeadingPatterns,
        layouts: SplitterLayout.builtIn
    )
}
