/// A page template in the part of Mustache (mustache(5)) that the HTML digest uses, parsed
/// once and rendered from `TemplateValue`s without Foundation:
/// - `{{name}}` shows the value's text HTML-escaped (`HTMLEscaper`); `{{.}}` shows the value
///   of the innermost section. A name is looked up in the innermost section's record, then
///   outwards to the page's values; a name found nowhere shows nothing.
/// - `{{#name}}…{{/name}}` renders its body never when the value is missing, false or an
///   empty list; once per element of a list, with the element innermost; once otherwise
///   (with a text or record innermost).
/// - `{{^name}}…{{/name}}` renders its body once exactly when `{{#name}}` would not.
/// - A section tag alone on its line (blanks around it at most) takes the whole line with it,
///   newline included, so the templates can put them on lines of their own.
///
/// Anything else in `{{…}}` is a syntax error, in particular the unescaped `{{{name}}}` and
/// `{{&name}}`, partials, comments and delimiter changes: no template can print text unescaped.
/// For the same template and values the output is byte for byte what swift-mustache 2.1 gave
/// (which rendered the digest before issue 14), apart from the escaping `HTMLEscaper` describes.
struct PageTemplate: Sendable {
    indirect enum Node: Sendable, Equatable {
        case text(String)
        case variable(name: String)
        case section(name: String, inverted: Bool, body: [Node])
    }

    /// The parsed template.
    let nodes: [Node]

    /// Parses `source` (lines end with `\n`; a tag never spans lines).
    init(_ source: String) throws(TemplateSyntaxError) {
        let bytes = Array(source.utf8)
        var tokens: [Token] = []
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            let lineTokens = try Self.tokens(of: bytes[lineStart..<lineEnd], line: line)
            tokens.append(contentsOf: Self.standaloneTag(lineTokens).map { [$0] } ?? lineTokens)
            lineStart = lineEnd
            line += 1
        }
        var position = 0
        nodes = try Self.nodes(tokens, from: &position, closing: nil)
    }

    /// The template rendered with `values` as the outermost record.
    func render(_ values: [String: TemplateValue]) -> String {
        var output = ""
        var scopes: [TemplateValue] = [.record(values)]
        Self.render(nodes, scopes: &scopes, into: &output)
        return output
    }

    // MARK: Rendering

    private static func render(_ nodes: [Node], scopes: inout [TemplateValue], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name):
                switch lookUp(name, in: scopes) {
                case .text(let text): output += HTMLEscaper.escape(text)
                case .flag(let value): output += value ? "true" : "false"
                case .list, .record, nil: break
                }
            case .section(let name, let inverted, let body):
                let value = lookUp(name, in: scopes)
                if inverted {
                    if value?.isFalsy ?? true { render(body, scopes: &scopes, into: &output) }
                    continue
                }
                switch value {
                case nil, .flag(false):
                    break
                case .flag(true):
                    render(body, scopes: &scopes, into: &output)
                case .list(let elements):
                    for element in elements {
                        scopes.append(element)
                        render(body, scopes: &scopes, into: &output)
                        scopes.removeLast()
                    }
                case .text, .record:
                    scopes.append(value!)
                    render(body, scopes: &scopes, into: &output)
                    scopes.removeLast()
                }
            }
        }
    }

    private static func lookUp(_ name: String, in scopes: [TemplateValue]) -> TemplateValue? {
        if name == "." { return scopes.last }
        for scope in scopes.reversed() {
            if case .record(let fields) = scope, let value = fields[name] { return value }
        }
        return nil
    }

    // MARK: Parsing

    private enum Token {
        case text(String)
        case variable(name: String)
        case open(name: String, inverted: Bool, line: Int, column: Int)
        case close(name: String, line: Int, column: Int)
    }

    /// The text and tags of one line.
    private static func tokens(of line: ArraySlice<UInt8>, line number: Int) throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var index = line.startIndex
        var textStart = index
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(String(decoding: line[textStart..<end], as: UTF8.self))) }
        }
        while index < line.endIndex {
            guard line[index] == UInt8(ascii: "{"), index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let column = index - line.startIndex + 1
            func failure(_ reason: String) -> TemplateSyntaxError {
                TemplateSyntaxError(line: number, column: column, reason: reason)
            }
            flushText(upTo: index)
            var end = index + 2
            while end + 1 < line.endIndex, !(line[end] == UInt8(ascii: "}") && line[end + 1] == UInt8(ascii: "}")) { end += 1 }
            guard end + 1 < line.endIndex else { throw failure("a tag opened here is not closed on its line") }
            var content = line[(index + 2)..<end]
            while let first = content.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { content.removeFirst() }
            while let last = content.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { content.removeLast() }
            let sigil = content.first.map { Unicode.Scalar($0) }
            switch sigil {
            case "#", "^", "/":
                content.removeFirst()
                while let first = content.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { content.removeFirst() }
                guard isName(content) else { throw failure("a section needs a name of letters, digits, '_' or '-'") }
                let name = String(decoding: content, as: UTF8.self)
                tokens.append(sigil == "/" ? .close(name: name, line: number, column: column)
                    : .open(name: name, inverted: sigil == "^", line: number, column: column))
            default:
                guard isName(content) || content.elementsEqual(".".utf8) else {
                    throw failure("only {{name}}, {{.}}, {{#name}}, {{^name}} and {{/name}} are supported"
                        + " (no unescaped output, partials, comments or delimiter changes)")
                }
                tokens.append(.variable(name: String(decoding: content, as: UTF8.self)))
            }
            index = end + 2
            textStart = index
        }
        flushText(upTo: line.endIndex)
        return tokens
    }

    private static func isName(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { byte in
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// The line's one section tag when nothing but blanks surrounds it (Mustache's standalone
    /// rule: the line is replaced by the tag alone).
    private static func standaloneTag(_ tokens: [Token]) -> Token? {
        var tag: Token?
        for token in tokens {
            switch token {
            case .text(let text):
                guard text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") })
                else { return nil }
            case .variable:
                return nil
            case .open, .close:
                guard tag == nil else { return nil }
                tag = token
            }
        }
        return tag
    }

    /// The nodes from `position` up to the `{{/closing}}` tag (consumed), or to the end when
    /// `closing` is nil.
    private static func nodes(_ tokens: [Token], from position: inout Int,
                              closing: (name: String, line: Int, column: Int)?) throws(TemplateSyntaxError) -> [Node] {
        var nodes: [Node] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text):
                if case .text(let previous) = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + text)
                } else {
                    nodes.append(.text(text))
                }
            case .variable(let name):
                nodes.append(.variable(name: name))
            case .open(let name, let inverted, let line, let column):
                let body = try Self.nodes(tokens, from: &position, closing: (name, line, column))
                nodes.append(.section(name: name, inverted: inverted, body: body))
            case .close(let name, let line, let column):
                guard let closing, closing.name == name else {
                    throw TemplateSyntaxError(line: line, column: column, reason: closing.map {
                        "{{/\(name)}} closes the section {{#\($0.name)}} opened at \($0.line):\($0.column)"
                    } ?? "{{/\(name)}} closes no open section")
                }
                return nodes
            }
        }
        if let closing {
            throw TemplateSyntaxError(line: closing.line, column: closing.column,
                                      reason: "the section {{#\(closing.name)}} is never closed")
        }
        return nodes
    }
}
