import Testing
@testable import BulletinSummary

/// The digest's own template engine: the Mustache behaviour the pages rely on (look-up through
/// the sections, lists, flags, inverted sections, lines of their own), the escaping, and the
/// tags it refuses.
@Suite struct PageTemplateTests {
    static func render(_ template: String, _ values: [String: TemplateValue]) throws -> String {
        try PageTemplate(template).render(values)
    }

    @Test func sectionsIterateListsTestFlagsAndLookOutwards() throws {
        let values: [String: TemplateValue] = [
            "window": "7", "rows": .list([
                .record(["name": "AI", "mean": "1.5", "new": true]),
                .record(["name": "Trade", "mean": "–", "new": false]),
            ]),
            "counts": .list([.number(1), .number(0), .number(12)]),
        ]
        let html = try Self.render(
            "{{#rows}}<{{name}}>{{#window}}[{{mean}}/{{window}}]{{/window}}{{#new}} new{{/new}}{{^new}} old{{/new}};{{/rows}}"
                + "{{#counts}}({{.}}){{/counts}}{{^missing}}none{{/missing}}{{#missing}}x{{/missing}}{{missing}}|",
            values)
        #expect(html == "<AI>[1.5/7] new;<Trade>[–/7] old;(1)(0)(12)none|")
        #expect(try Self.render("{{#l}}x{{/l}}{{^l}}empty{{/l}}", ["l": .list([])]) == "empty")
        #expect(try Self.render("{{#r}}{{a}}{{b}}{{/r}}", ["b": "outer", "r": .record(["a": "inner"])]) == "innerouter")
    }

    @Test func aSectionTagAloneOnItsLineTakesTheLineWithIt() throws {
        let template = "<ol>\n  {{#items}}  \n<li>{{.}}</li>\n{{/items}}\n{{^items}}\n<li>none</li>\n{{/items}}\n</ol>\n"
        #expect(try Self.render(template, ["items": .list(["a", "b"])]) == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        #expect(try Self.render(template, [:]) == "<ol>\n<li>none</li>\n</ol>\n")
        // Not alone: the line stays, blanks and all.
        #expect(try Self.render(" {{#f}}x{{/f}} \n{{v}}\n", ["f": true, "v": "v"]) == " x \nv\n")
    }

    @Test func everyCharacterThatCanEndTextOrAnAttributeIsEscaped() throws {
        let html = try Self.render("<p title=\"{{t}}\">{{t}}</p>", ["t": "<b>&\"'x"])
        #expect(html == "<p title=\"&lt;b&gt;&amp;&quot;&#39;x\">&lt;b&gt;&amp;&quot;&#39;x</p>")
        // A quote followed by a combining accent, a `<` after a prepended mark: one grapheme
        // cluster each, which swift-mustache compared as whole Characters and left as they
        // were (a way out of the attribute, a tag). An HTML parser reads code points.
        let clusters = try Self.render("<a href=\"{{t}}\">{{t}}</a>", ["t": "x\"\u{301} onclick=y \u{600}<b>"])
        #expect(clusters == "<a href=\"x&quot;\u{301} onclick=y \u{600}&lt;b&gt;\">x&quot;\u{301} onclick=y \u{600}&lt;b&gt;</a>")
        #expect(clusters.unicodeScalars.filter { $0 == "\"" }.count == 2)
    }

    @Test func tagsThatCouldPrintUnescapedTextDoNotParse() {
        for (template, line, column) in [
            ("a\n{{{name}}}", 2, 1), ("{{&name}}", 1, 1), ("x {{> partial}}", 1, 3), ("{{! comment }}", 1, 1),
            ("{{=<% %>=}}", 1, 1), ("{{a.b}}", 1, 1), ("{{#a}}\n{{/b}}", 2, 1), ("{{#a}}x", 1, 1), ("{{/a}}", 1, 1),
            ("{{name", 1, 1), ("{{#}}", 1, 1),
        ] {
            #expect(throws: TemplateSyntaxError.self, "\(template)") { try PageTemplate(template) }
            do {
                _ = try PageTemplate(template)
            } catch {
                #expect(error.line == line && error.column == column, "\(template): \(error)")
            }
        }
        #expect(throws: Never.self) { try PageTemplate("{ {{a}} } {{ b }} {{# c }}{{/ c }}") }
    }

    @Test func theThreePagesParse() {
        #expect(!DigestTemplates.dayPage.nodes.isEmpty)
        #expect(!DigestTemplates.weekPage.nodes.isEmpty)
        #expect(!DigestTemplates.indexPage.nodes.isEmpty)
    }
}
