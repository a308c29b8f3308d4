/// Reads a TOML document byte by byte (UTF-8), keeping line and column.
///
/// Nesting is bounded (arrays, inline tables and dotted key parts: 100 each), so hostile
/// input cannot exhaust the stack.
struct TOMLParser {
    private static let maxDepth = 100

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private let root: TOMLTableBuilder
    private var current: TOMLTableBuilder
    private var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        root = TOMLTableBuilder(origin: .header, position: TOMLPosition(line: 1, column: 1))
        current = root
    }

    // MARK: - Document structure

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipWhitespace()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            case UInt8(ascii: "["): try parseHeader()
            default: try parseKeyValue(into: current)
            }
            try expectEndOfLine()
        }
        return root.build()
    }

    private mutating func expectEndOfLine() throws(TOMLError) {
        skipWhitespace()
        if peek() == UInt8(ascii: "#") { skipComment() }
        guard let byte = peek() else { return }
        if byte == UInt8(ascii: "\n") {
            advance()
        } else if byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") {
            advance(); advance()
        } else {
            throw error("expected the end of the line, found \(describeCurrent())")
        }
    }

    private mutating func parseHeader() throws(TOMLError) {
        let start = position
        advance()
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { advance() }
        let keys = try parseKey()
        skipWhitespace()
        guard peek() == UInt8(ascii: "]") else {
            throw error("expected ']' to close the table header, found \(describeCurrent())")
        }
        advance()
        if isArray {
            guard peek() == UInt8(ascii: "]") else {
                throw error("expected ']]' to close the array-of-tables header, found \(describeCurrent())")
            }
            advance()
        }
        var table = root
        for (key, keyPosition) in keys.dropLast() {
            table = try descendForHeader(table, key, keyPosition, path: keys)
        }
        guard let (last, lastPosition) = keys.last else { return }
        let name = keys.map(\.0).joined(separator: ".")
        if let existing = table.entry(last) {
            switch existing.slot {
            case .table(let defined):
                guard !isArray, defined.origin == .implicit else {
                    throw TOMLError(at: lastPosition, "table '\(name)' is already defined")
                }
                defined.origin = .header
                defined.position = start
                current = defined
            case .tableArray(let array):
                guard isArray else {
                    throw TOMLError(at: lastPosition, "'\(name)' is already an array of tables")
                }
                let element = TOMLTableBuilder(origin: .header, position: start)
                array.tables.append(element)
                current = element
            case .value:
                throw TOMLError(at: lastPosition, "key '\(name)' is already defined")
            }
        } else if isArray {
            let array = TOMLTableArrayBuilder(position: start)
            let element = TOMLTableBuilder(origin: .header, position: start)
            array.tables.append(element)
            table.add(last, at: lastPosition, .tableArray(array))
            current = element
        } else {
            let defined = TOMLTableBuilder(origin: .header, position: start)
            table.add(last, at: lastPosition, .table(defined))
            current = defined
        }
    }

    private func descendForHeader(
        _ table: TOMLTableBuilder, _ key: String, _ keyPosition: TOMLPosition, path: [(String, TOMLPosition)]
    ) throws(TOMLError) -> TOMLTableBuilder {
        guard let existing = table.entry(key) else {
            let created = TOMLTableBuilder(origin: .implicit, position: keyPosition)
            table.add(key, at: keyPosition, .table(created))
            return created
        }
        switch existing.slot {
        case .table(let child):
            return child
        case .tableArray(let array):
            if let last = array.tables.last { return last }
            throw TOMLError(at: keyPosition, "key '\(key)' is not a table")
        case .value:
            throw TOMLError(at: keyPosition, "key '\(key)' is already defined and is not a table")
        }
    }

    private mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLError) {
        let keys = try parseKey()
        skipWhitespace()
        guard peek() == UInt8(ascii: "=") else {
            throw error("expected '=' after the key, found \(describeCurrent())")
        }
        advance()
        skipWhitespace()
        var target = table
        for (key, keyPosition) in keys.dropLast() {
            if let existing = target.entry(key) {
                guard case .table(let child) = existing.slot, child.origin == .dottedKey else {
                    throw TOMLError(at: keyPosition, "key '\(key)' is already defined")
                }
                target = child
            } else {
                let child = TOMLTableBuilder(origin: .dottedKey, position: keyPosition)
                target.add(key, at: keyPosition, .table(child))
                target = child
            }
        }
        guard let (last, lastPosition) = keys.last else { return }
        if target.entry(last) != nil {
            throw TOMLError(at: lastPosition, "duplicate key '\(keys.map(\.0).joined(separator: "."))'")
        }
        let value = try parseValue()
        target.add(last, at: lastPosition, .value(value))
    }

    /// A key: simple keys (bare or quoted) separated by dots.
    private mutating func parseKey() throws(TOMLError) -> [(String, TOMLPosition)] {
        var keys: [(String, TOMLPosition)] = []
        while true {
            skipWhitespace()
            let start = position
            guard let byte = peek() else { throw error("expected a key, found the end of the file") }
            if byte == UInt8(ascii: "\"") {
                if peek(1) == byte && peek(2) == byte { throw error("a key cannot be a multi-line string") }
                keys.append((try parseBasicString().0, start))
            } else if byte == UInt8(ascii: "'") {
                if peek(1) == byte && peek(2) == byte { throw error("a key cannot be a multi-line string") }
                keys.append((try parseLiteralString().0, start))
            } else if Self.isBareKeyByte(byte) {
                let from = index
                while let next = peek(), Self.isBareKeyByte(next) { advance() }
                keys.append((String(decoding: bytes[from..<index], as: UTF8.self), start))
            } else {
                throw error("expected a key, found \(describeCurrent())")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ".") else { return keys }
            if keys.count >= Self.maxDepth { throw error("the key has too many parts") }
            advance()
        }
    }

    // MARK: - Values

    private mutating func parseValue() throws(TOMLError) -> TOMLValue {
        guard let byte = peek() else { throw error("expected a value, found the end of the file") }
        let start = position
        switch byte {
        case UInt8(ascii: "\""):
            let (text, map) = peek(1) == byte && peek(2) == byte
                ? try parseMultilineString(quote: byte) : try parseBasicString()
            return TOMLValue(.string(text), at: start, sourceMap: map)
        case UInt8(ascii: "'"):
            let (text, map) = peek(1) == byte && peek(2) == byte
                ? try parseMultilineString(quote: byte) : try parseLiteralString()
            return TOMLValue(.string(text), at: start, sourceMap: map)
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "{"):
            return try parseInlineTable()
        default:
            return try parseScalarToken()
        }
    }

    private mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let start = position
        try enterNesting()
        advance()
        var elements: [TOMLValue] = []
        while true {
            skipWhitespaceCommentsAndNewlines()
            if peek() == UInt8(ascii: "]") { advance(); break }
            elements.append(try parseValue())
            skipWhitespaceCommentsAndNewlines()
            if peek() == UInt8(ascii: ",") {
                advance()
            } else if peek() == UInt8(ascii: "]") {
                advance(); break
            } else {
                throw error("expected ',' or ']' in the array, found \(describeCurrent())")
            }
        }
        depth -= 1
        return TOMLValue(.array(elements), at: start)
    }

    private mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        let start = position
        try enterNesting()
        advance()
        let table = TOMLTableBuilder(origin: .inline, position: start)
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
        } else {
            while true {
                try parseKeyValue(into: table)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    advance()
                    skipWhitespace()
                    if peek() == UInt8(ascii: "}") { advance(); break }
                } else if peek() == UInt8(ascii: "}") {
                    advance(); break
                } else {
                    throw error("expected ',' or '}' in the inline table, found \(describeCurrent())")
                }
            }
        }
        depth -= 1
        return TOMLValue(.table(table.build()), at: start)
    }

    private mutating func enterNesting() throws(TOMLError) {
        depth += 1
        if depth > Self.maxDepth { throw error("arrays and inline tables are nested too deeply") }
    }

    /// Booleans, integers and floats.
    private mutating func parseScalarToken() throws(TOMLError) -> TOMLValue {
        let start = position
        let from = index
        while let byte = peek(), Self.isScalarTokenByte(byte) { advance() }
        guard index > from else { throw error("expected a value, found \(describeCurrent())") }
        let token = String(decoding: bytes[from..<index], as: UTF8.self)
        switch token {
        case "true": return TOMLValue(.boolean(true), at: start)
        case "false": return TOMLValue(.boolean(false), at: start)
        case "inf", "+inf": return TOMLValue(.float(.infinity), at: start)
        case "-inf": return TOMLValue(.float(-.infinity), at: start)
        case "nan", "+nan", "-nan": return TOMLValue(.float(.nan), at: start)
        default: break
        }
        guard let number = TOMLNumber.parse(token) else {
            if token.contains(":") || (token.count >= 10 && token.dropFirst(4).first == "-") {
                throw TOMLError(at: start, "dates and times are not supported")
            }
            throw TOMLError(at: start, "invalid value '\(token)'")
        }
        switch number {
        case .integer(let value): return TOMLValue(.integer(value), at: start)
        case .float(let value): return TOMLValue(.float(value), at: start)
        case .outOfRange: throw TOMLError(at: start, "number '\(token)' is out of range")
        }
    }

    // MARK: - Strings

    /// Accumulates a string's content and its source map.
    private struct StringBuilder {
        var bytes: [UInt8] = []
        var scalarCount = 0
        var runs: [TOMLSourceMap.Run]
        var newlineOffsets: [Int] = []

        init(start: TOMLPosition) { runs = [TOMLSourceMap.Run(offset: 0, position: start)] }

        mutating func appendByte(_ byte: UInt8) {
            bytes.append(byte)
            if byte & 0xC0 != 0x80 { scalarCount += 1 }
        }

        mutating func appendSourceNewline() {
            newlineOffsets.append(scalarCount)
            appendByte(UInt8(ascii: "\n"))
        }

        mutating func startRun(at position: TOMLPosition) {
            runs.append(TOMLSourceMap.Run(offset: scalarCount, position: position))
        }

        func finish() -> (String, TOMLSourceMap) {
            (String(decoding: bytes, as: UTF8.self), TOMLSourceMap(runs: runs, newlineOffsets: newlineOffsets))
        }
    }

    private mutating func parseBasicString() throws(TOMLError) -> (String, TOMLSourceMap) {
        let start = position
        advance()
        var builder = StringBuilder(start: position)
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw TOMLError(at: start, "unterminated string")
            }
            if byte == UInt8(ascii: "\"") { advance(); return builder.finish() }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &builder)
            } else {
                try checkNotControl(byte)
                builder.appendByte(byte)
                advance()
            }
        }
    }

    private mutating func parseLiteralString() throws(TOMLError) -> (String, TOMLSourceMap) {
        let start = position
        advance()
        var builder = StringBuilder(start: position)
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw TOMLError(at: start, "unterminated string")
            }
            if byte == UInt8(ascii: "'") { advance(); return builder.finish() }
            try checkNotControl(byte)
            builder.appendByte(byte)
            advance()
        }
    }

    /// `"""…"""` (with escapes) or `'''…'''` (verbatim).
    private mutating func parseMultilineString(quote: UInt8) throws(TOMLError) -> (String, TOMLSourceMap) {
        let start = position
        let isBasic = quote == UInt8(ascii: "\"")
        advance(); advance(); advance()
        if peek() == UInt8(ascii: "\n") {
            advance()
        } else if peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") {
            advance(); advance()
        }
        var builder = StringBuilder(start: position)
        while true {
            guard let byte = peek() else { throw TOMLError(at: start, "unterminated multi-line string") }
            switch byte {
            case quote:
                var count = 0
                while peek(count) == quote { count += 1 }
                if count >= 3 {
                    if count > 5 { throw error("too many quotes at the end of a multi-line string") }
                    for _ in 0..<(count - 3) { builder.appendByte(quote); advance() }
                    advance(); advance(); advance()
                    return builder.finish()
                }
                for _ in 0..<count { builder.appendByte(quote); advance() }
            case UInt8(ascii: "\\") where isBasic:
                var ahead = 1
                while peek(ahead) == UInt8(ascii: " ") || peek(ahead) == UInt8(ascii: "\t") { ahead += 1 }
                if peek(ahead) == UInt8(ascii: "\n")
                    || (peek(ahead) == UInt8(ascii: "\r") && peek(ahead + 1) == UInt8(ascii: "\n")) {
                    // Line-ending backslash: drop it and all whitespace and newlines after it.
                    advance()
                    while let next = peek(),
                          next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
                            || (next == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) {
                        advance()
                    }
                    builder.startRun(at: position)
                } else {
                    try parseEscape(into: &builder)
                }
            case UInt8(ascii: "\n"):
                builder.appendSourceNewline()
                advance()
            case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
                advance()
            default:
                try checkNotControl(byte)
                builder.appendByte(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into builder: inout StringBuilder) throws(TOMLError) {
        let escapeStart = position
        advance()
        guard let letter = peek() else { throw TOMLError(at: escapeStart, "unterminated escape sequence") }
        let scalar: Unicode.Scalar
        switch letter {
        case UInt8(ascii: "b"): scalar = "\u{08}"
        case UInt8(ascii: "t"): scalar = "\t"
        case UInt8(ascii: "n"): scalar = "\n"
        case UInt8(ascii: "f"): scalar = "\u{0C}"
        case UInt8(ascii: "r"): scalar = "\r"
        case UInt8(ascii: "e"): scalar = "\u{1B}"
        case UInt8(ascii: "\""): scalar = "\""
        case UInt8(ascii: "\\"): scalar = "\\"
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = letter == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for offset in 1...digits {
                guard let byte = peek(offset), let digit = Self.hexValue(byte) else {
                    throw TOMLError(at: escapeStart, "expected \(digits) hexadecimal digits after '\\\(Character(Unicode.Scalar(letter)))'")
                }
                value = value &* 16 &+ digit
            }
            guard let decoded = Unicode.Scalar(value) else {
                throw TOMLError(at: escapeStart, "invalid Unicode scalar in escape sequence")
            }
            scalar = decoded
            for _ in 0..<digits { advance() }
        default:
            throw TOMLError(at: escapeStart, "invalid escape sequence '\\\(describeCurrent(quoted: false))'")
        }
        advance()
        builder.startRun(at: escapeStart)
        for byte in String(scalar).utf8 { builder.appendByte(byte) }
        builder.startRun(at: position)
    }

    private func checkNotControl(_ byte: UInt8) throws(TOMLError) {
        if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
            throw error("control characters are not allowed in strings (use an escape sequence)")
        }
    }

    // MARK: - Reading bytes

    private var position: TOMLPosition { TOMLPosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    private mutating func skipComment() {
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { advance() }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): advance()
            case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"): advance()
            case UInt8(ascii: "#"): skipComment()
            default: return
            }
        }
    }

    private func error(_ message: String) -> TOMLError {
        TOMLError(at: position, message)
    }

    /// The character at the current position, for error messages.
    private func describeCurrent(quoted: Bool = true) -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "the end of the line" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[index..<end], as: UTF8.self)
        return quoted ? "'\(character)'" : character
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isScalarTokenByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
