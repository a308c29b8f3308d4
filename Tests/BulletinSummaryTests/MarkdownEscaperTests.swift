import Testing
@testable import BulletinSummary

@Suite struct MarkdownEscaperTests {
    @Test func hostileTextIsInert() {
        #expect(MarkdownEscaper.inline("[click](http://evil)") == "\\[click\\]\\(http://evil\\)")
        #expect(MarkdownEscaper.inline("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
        #expect(MarkdownEscaper.inline("![x](y)") == "\\!\\[x\\]\\(y\\)")
        #expect(MarkdownEscaper.inline("AT&T *bold* _it_ `code` # | ~") == "AT&amp;T \\*bold\\* \\_it\\_ \\`code\\` \\# \\| \\~")
        #expect(MarkdownEscaper.inline("back\\slash") == "back\\\\slash")
    }

    @Test func listMarkersAndLines() {
        #expect(MarkdownEscaper.inline("- not a list") == "\\- not a list")
        #expect(MarkdownEscaper.inline("+ plus") == "\\+ plus")
        #expect(MarkdownEscaper.inline("12. twelve") == "12\\. twelve")
        #expect(MarkdownEscaper.inline("2026 in review") == "2026 in review")
        #expect(MarkdownEscaper.inline("  two\nlines\n\n# heading") == "two lines \\# heading")
        #expect(MarkdownEscaper.inline("a - b") == "a - b")
    }
}
