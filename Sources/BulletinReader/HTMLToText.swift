/// Converts an HTML newsletter into markdown-like text with a hand-written tolerant
/// tokenizer (newsletters are rarely well-formed). Linear in the input; never fails.
///
/// What a caller may rely on:
/// - `<h1>`–`<h6>` become a line `#`×level + space + text, separated by blank lines.
/// - Block elements (`p div table tr blockquote section article header footer main nav
///   aside ul ol form center figure address hr …`) end a paragraph: a blank line.
///   `<br>` is a line break (two in a row make a blank line); `<li>` becomes `- item`;
///   table cells are separated by a space.
/// - `<script>`, `<style>`, comments, the content of `<head>` and images are dropped
///   (image alt texts in newsletters are logos, spacers and icons: noise). `<title>` is
///   returned as `title`.
/// - Inline elements (`a b strong em span font …`) keep only their text; link URLs are
///   not emitted. Unknown tags are ignored, their text kept.
/// - Character references are decoded (see `HTMLEntities`); whitespace inside a block
///   collapses to one space as a browser would, except inside `<pre>`.
/// - The text is then normalised by `TextNormalizer`.
enum HTMLToText {
    struct Result: Sendable, Equatable {
        var text: String
        var title: String?
    }

    static func convert(_ html: String) -> Result {
        var html = html
        return html.withUTF8 { convert(utf8: $0) }
    }

    /// The same for a page given as UTF-8 bytes, which must be valid UTF-8: read where they
    /// lie (`UTF8Scalars`), with no decoded copy of the page.
    static func convert(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result {
        markdown(utf8: bytes).normalized()
    }

    /// The converter's output before `TextNormalizer`: UTF-8 bytes, and the page's title.
    struct Markdown: Sendable {
        var bytes: [UInt8]
        var title: String?

        /// The text normalised (`Result`).
        func normalized() -> Result {
            Result(text: bytes.withUnsafeBufferPointer { TextNormalizer.normalize(utf8: $0) }, title: title)
        }
    }

    /// The first half of `convert(utf8:)`: a caller holding the page's bytes can let them go
    /// before the text is normalised.
    static func markdown(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Markdown {
        var converter = Converter(scalars: UTF8Scalars(bytes: bytes))
        // The text is about as long as the page, rarely longer: one allocation, not a
        // doubling array that may be twice the size it needs.
        converter.writer.reserveCapacity(bytes.count)
        converter.run()
        return Markdown(bytes: converter.writer.output, title: converter.title)
    }

    /// What an element does to the layout; elements not listed are inline (text only).
    private enum Role {
        case hidden, title, head, body, lineBreak, heading(level: Int), listItem, definition, cell, preformatted, block

        var isListItem: Bool {
            if case .listItem = self { return true }
            return false
        }
    }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        for name in [
            "p", "div", "table", "tbody", "thead", "tfoot", "tr", "blockquote", "section", "article",
            "header", "footer", "main", "nav", "aside", "ul", "ol", "dl", "center", "form", "fieldset",
            "figure", "figcaption", "address", "hr", "html", "caption", "details", "summary",
            "menu", "hgroup", "legend", "noscript",
        ] { roles[name] = .block }
        // Elements whose content is raw text that is never shown.
        for name in ["script", "style", "template", "iframe"] { roles[name] = .hidden }
        for level in 1...6 { roles["h\(level)"] = .heading(level: level) }
        roles["title"] = .title
        roles["head"] = .head
        roles["body"] = .body
        roles["br"] = .lineBreak
        roles["li"] = .listItem
        roles["dt"] = .definition
        roles["dd"] = .definition
        roles["td"] = .cell
        roles["th"] = .cell
        roles["pre"] = .preformatted
        return roles
    }()

    private struct Converter {
        let scalars: UTF8Scalars
        var writer = MarkdownWriter()
        var title: String?
        var index = 0
        var inHead = false
        var preDepth = 0

        init(scalars: UTF8Scalars) {
            self.scalars = scalars
        }

        mutating func run() {
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "<", readMarkup() { continue }
                if scalar == "&", let (decoded, end) = HTMLEntities.decode(scalars, at: index) {
                    writeText(decoded)
                    index = end
                    continue
                }
                writeText(scalar)
                index += 1
            }
        }

        mutating func writeText(_ scalar: Unicode.Scalar) {
            guard !inHead, scalar != UTF8Scalars.continuation else { return }
            if preDepth > 0 {
                writer.writePreformatted(scalar == "\r" ? "\n" : scalar)
            } else {
                writer.writeText(scalar)
            }
        }

        /// Reads the comment, declaration or tag at `index` (a `<`); false when the `<`
        /// starts no markup and is plain text.
        mutating func readMarkup() -> Bool {
            let next = index + 1
            guard next < scalars.count else { return false }
            let after = scalars[next]
            if after == "!" {
                if matches("<!--", at: index) {
                    index = position(after: "-->", from: index + 4) ?? scalars.count
                } else {
                    index = position(after: ">", from: next) ?? scalars.count
                }
                return true
            }
            if after == "?" {
                index = position(after: ">", from: next) ?? scalars.count
                return true
            }
            if after == "/" {
                guard next + 1 < scalars.count, isASCIILetter(scalars[next + 1]) else { return false }
                let (name, nameEnd) = readName(from: next + 1)
                index = position(after: ">", from: nameEnd) ?? scalars.count
                endTag(name)
                return true
            }
            guard isASCIILetter(after) else { return false }
            let (name, nameEnd) = readName(from: next)
            index = endOfTag(from: nameEnd)
            startTag(name)
            return true
        }

        mutating func startTag(_ name: String) {
            guard let role = HTMLToText.roles[name] else { return }
            switch role {
            case .hidden:
                index = endOfRawText(named: name)
            case .title:
                let start = index
                index = endOfRawText(named: name)
                if title == nil {
                    let raw = scalars[start..<min(rawTextEnd, scalars.count)].filter { $0 != UTF8Scalars.continuation }
                    let text = TextNormalizer.singleLine(decodeEntities(raw))
                    title = text.isEmpty ? nil : text
                }
            case .head:
                inHead = true
            case .body:
                inHead = false
                writer.endBlock()
            case .lineBreak:
                writer.lineBreak()
            case .heading(let level):
                writer.endBlock()
                writer.setPrefix(String(repeating: "#", count: level) + " ")
            case .listItem:
                writer.endBlock(newlines: 1)
                writer.setPrefix("- ")
            case .definition:
                writer.endBlock(newlines: 1)
            case .cell:
                writer.softSpace()
            case .preformatted:
                writer.endBlock()
                preDepth += 1
            case .block:
                writer.endBlock()
            }
        }

        mutating func endTag(_ name: String) {
            guard let role = HTMLToText.roles[name] else { return }
            switch role {
            case .hidden, .title, .body:
                return
            case .head:
                inHead = false
            case .lineBreak:
                writer.lineBreak()
            case .heading, .listItem:
                writer.endBlock(newlines: role.isListItem ? 1 : 2)
                writer.setPrefix(nil)
            case .definition:
                writer.endBlock(newlines: 1)
            case .cell:
                writer.softSpace()
            case .preformatted:
                writer.endBlock()
                preDepth = max(0, preDepth - 1)
            case .block:
                writer.endBlock()
            }
        }

        // MARK: Scanning

        /// Where the last raw-text element's content ended (the `<` of its end tag).
        var rawTextEnd = 0

        /// Skips the raw text of `<name>` from `index`; returns the index after `</name…>`
        /// (or the end of input) and records where the content stopped in `rawTextEnd`.
        mutating func endOfRawText(named name: String) -> Int {
            let nameScalars = Array(name.unicodeScalars)
            var position = index
            while position < scalars.count {
                if scalars[position] == "<", position + 1 < scalars.count, scalars[position + 1] == "/",
                   matchesName(nameScalars, at: position + 2) {
                    rawTextEnd = position
                    return self.position(after: ">", from: position + 2) ?? scalars.count
                }
                position += 1
            }
            rawTextEnd = scalars.count
            return scalars.count
        }

        func matchesName(_ name: [Unicode.Scalar], at start: Int) -> Bool {
            guard start + name.count <= scalars.count else { return false }
            for (offset, expected) in name.enumerated() where lowercased(scalars[start + offset]) != expected {
                return false
            }
            let after = start + name.count
            return after == scalars.count || !isASCIILetter(scalars[after]) && !isDigit(scalars[after])
        }

        /// Index just past the `>` that closes a start tag whose attributes begin at `start`.
        /// Quoted attribute values may contain `>`; a quote that never closes is ignored.
        /// (Linear overall: a successful search moves past the closing quote, and after a
        /// failed one no quote of that kind is left to search for.)
        func endOfTag(from start: Int) -> Int {
            var position = start
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == ">" { return position + 1 }
                if scalar == "\"" || scalar == "'", let close = firstIndex(of: scalar, from: position + 1) {
                    position = close + 1
                    continue
                }
                position += 1
            }
            return scalars.count
        }

        func firstIndex(of target: Unicode.Scalar, from start: Int) -> Int? {
            var position = start
            while position < scalars.count {
                if scalars[position] == target { return position }
                position += 1
            }
            return nil
        }

        func readName(from start: Int) -> (String, Int) {
            var name = String.UnicodeScalarView()
            var position = start
            while position < scalars.count {
                let scalar = scalars[position]
                guard isASCIILetter(scalar) || isDigit(scalar) || scalar == "-" || scalar == ":" else { break }
                if name.count < 64 { name.append(lowercased(scalar)) }
                position += 1
            }
            return (String(name), position)
        }

        func matches(_ literal: String, at start: Int) -> Bool {
            var position = start
            for expected in literal.unicodeScalars {
                guard position < scalars.count, scalars[position] == expected else { return false }
                position += 1
            }
            return true
        }

        /// The index just past the first occurrence of `literal` at or after `start`.
        func position(after literal: String, from start: Int) -> Int? {
            let target = Array(literal.unicodeScalars)
            guard let first = target.first else { return start }
            var position = start
            while position + target.count <= scalars.count {
                if scalars[position] == first, scalars[position..<position + target.count].elementsEqual(target) {
                    return position + target.count
                }
                position += 1
            }
            return nil
        }

        func decodeEntities(_ raw: [Unicode.Scalar]) -> String {
            var result = String.UnicodeScalarView()
            var position = 0
            while position < raw.count {
                if raw[position] == "&", let (decoded, end) = HTMLEntities.decode(raw, at: position) {
                    result.append(decoded)
                    position = end
                } else {
                    result.append(raw[position])
                    position += 1
                }
            }
            return String(result)
        }

        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }

        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            (0x30...0x39).contains(scalar.value)
        }

        func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }
    }
}
