import Testing
@testable import BulletinSummary

@Suite struct MarkdownEscaperTests {
    @Test func hostileTextIsInert() {
        // Brackets escaped: no link or image can form, so parentheses and "!" may stay.
        #expect(MarkdownEscaper.inline("[click](http://evil)") == "\\[click\\](http://evil)")
        #expect(MarkdownEscaper.inline("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(MarkdownEscaper.inline("![x](y)") == "!\\[x\\](y)")
        #expect(MarkdownEscaper.inline("AT&T *bold* _it_ `code` # | ~") == "AT&amp;T \\*bold\\* \\_it\\_ \\`code\\` # \\| \\~")
        // "&" stays readable unless it could start an entity.
        #expect(MarkdownEscaper.inline("Telecoms & 6G") == "Telecoms & 6G")
        #expect(MarkdownEscaper.inline("&#60;b&#62; &lt;") == "&amp;#60;b&amp;#62; &amp;lt;")
        #expect(MarkdownEscaper.inline("Ministry (MIIT) says: yes!") == "Ministry (MIIT) says: yes!")
        #expect(MarkdownEscaper.inline("back\\slash") == "back\\\\slash")
    }

    @Test func listMarkersAndLines() {
        #expect(MarkdownEscaper.inline("- not a list") == "\\- not a list")
        #expect(MarkdownEscaper.inline("+ plus") == "\\+ plus")
        #expect(MarkdownEscaper.inline("12. twelve") == "12\\. twelve")
        #expect(MarkdownEscaper.inline("2026 in review") == "2026 in review")
        #expect(MarkdownEscaper.inline("  two\nlines\n\n# heading") == "two lines # heading")
        #expect(MarkdownEscaper.inline("# heading") == "\\# heading")
        #expect(MarkdownEscaper.inline("a - b") == "a - b")
    }
}
