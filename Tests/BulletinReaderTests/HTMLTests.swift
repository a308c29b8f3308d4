import Foundation
import Testing
@testable import BulletinReader

@Suite("HTML newsletters")
struct HTMLTests {
    @Test func newsletterBecomesMarkdownLikeText() throws {
        let document = try Fixtures.read("newsletter.html")
        #expect(document.format == .html)
        #expect(document.markup == .markdown)
        #expect(document.encoding == "utf-8")
        #expect(document.title == "The Policy Tide – Issue 42")
        #expect(document.text == """
            # The Policy Tide

            Weekly notes on digital governance • Issue 42

            ## Harbour city bans facial recognition in parks

            The city council of Marlow Bay voted 9–2 to ban live facial recognition in public parks, citing “a chilling effect” on assemblies.
            The ban takes effect in March.

            ### Why does it matter?

            It is the first municipal ban in the region & could set a template for others…

            - Scope: all public parks
            - Exemptions: none — not even pilots

            ## Regulator fines café chain over Wi\u{2011}Fi tracking

            The data regulator fined a café chain €40,000 for logging customers’ phones via in-store Wi-Fi without consent.

            ‘Tracking is not a loyalty scheme,’ the regulator said.

            You received this because you subscribed to The Policy Tide.
            Unsubscribe | Update preferences

            © 2026 Policy Tide Ltd, 1 Quay Street
            """)
    }

    @Test(arguments: ["page", "page.txt", "page.dat"])
    func htmlIsSniffedWithoutAnHTMLExtension(name: String) throws {
        let html = "\n  <!doctype HTML><html><body><p>Hello&nbsp;there</p></body></html>"
        let document = try BulletinReader().read(Data(html.utf8), fileName: name)
        #expect(document.format == .html)
        #expect(document.markup == .markdown)
        #expect(document.text == "Hello there")
    }

    @Test func htmExtensionAndUppercase() throws {
        let document = try BulletinReader().read(Data("<P>One<BR/>Two</P><HR><p>Three".utf8), fileName: "X.HTM")
        #expect(document.format == .html)
        #expect(document.text == "One\nTwo\n\nThree")
    }

    @Test func entities() {
        let html = "&lt;b&gt; &amp;amp; &quot;q&quot; &apos;a&apos; &#65;&#x42;&#X43; &#150; &#0; &#xD800; &bogus; &amp AT&T &eacute;t&eacute; &copy"
        #expect(HTMLToText.convert(html).text == "<b> &amp; \"q\" 'a' ABC – \u{FFFD} \u{FFFD} &bogus; & AT&T été &copy")
    }

    @Test func whitespaceCollapsesExceptInPre() {
        let html = "<p>  many \n\t spaces   here </p><pre>keep   this\n  indented</pre>after"
        #expect(HTMLToText.convert(html).text == "many spaces here\n\nkeep   this\n  indented\n\nafter")
    }

    @Test func headingsOfEveryLevel() {
        let html = (1...6).map { "<h\($0)>Level \($0)</h\($0)>" }.joined()
        let expected = (1...6).map { String(repeating: "#", count: $0) + " Level \($0)" }.joined(separator: "\n\n")
        #expect(HTMLToText.convert(html).text == expected)
    }

    @Test func emptyHeadingsAndItemsLeaveNoPrefix() {
        #expect(HTMLToText.convert("<h2> </h2><li></li><p>Body</p>").text == "Body")
    }

    @Test func imagesAndLinkURLsAreNotEmitted() {
        let html = #"<p>See <a href="https://x.invalid/a">the report</a> <img src="c.png" alt="chart">now.</p>"#
        #expect(HTMLToText.convert(html).text == "See the report now.")
    }

    @Test(arguments: [
        "<p>unclosed <b>bold <i>italic",
        "<div><p>text</div></span></p></table>",
        "<a href=\"never closed>text after",
        "<!-- unterminated comment",
        "<script>never closed",
        "< p>not a tag</ p>",
        "<<<>>>&&&;;;&#;&#x;&#99999999999999;",
        "<p attr='x' other=\"y\" / >done",
        "</>",
        "<",
        "&",
    ])
    func malformedHTMLNeverFails(html: String) {
        let result = HTMLToText.convert(html)
        #expect(!result.text.contains("\r"))
        #expect(!result.text.hasSuffix("\n"))
    }

    @Test func malformedHTMLKeepsWhatABrowserWouldShow() {
        #expect(HTMLToText.convert("<p>unclosed <b>bold <i>italic").text == "unclosed bold italic")
        #expect(HTMLToText.convert("< p>not a tag</ p>").text == "< p>not a tag</ p>")
        #expect(HTMLToText.convert("a<!-- unterminated comment").text == "a")
        #expect(HTMLToText.convert("<p attr='x' other=\"y\" / >done").text == "done")
    }

    @Test func quotedAttributesMayContainGreaterThanAndMayBeUnclosed() {
        #expect(HTMLToText.convert(#"<a title="a > b" data-x='c>d'>link</a> text"#).text == "link text")
        #expect(HTMLToText.convert(#"<p>start<a title="x>rest"#).text == "startrest")
    }

    @Test func titleIsTakenOnlyFromTheHead() {
        let html = "<html><head><title> First &amp;\n title </title><meta name=x></head><body>Body text</body></html>"
        let result = HTMLToText.convert(html)
        #expect(result.title == "First & title")
        #expect(result.text == "Body text")
    }

    @Test func htmlWithoutTextIsEmpty() {
        let error = readError { () throws(ReadError) in
            try BulletinReader().read(Data("<html><body><img src=x><br></body></html>".utf8), fileName: "a.html")
        }
        #expect(error == .empty)
    }
}
