import BulletinSplitter

/// One generated bulletin: its file name, its text as it would arrive in the inbox, and the
/// articles it was written from (what the splitter should find).
struct SyntheticBulletin: Sendable {
    var fileName: String
    var text: String
    var articles: [Article]
}
