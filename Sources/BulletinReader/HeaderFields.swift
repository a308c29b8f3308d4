/// The header section of an e-mail message or MIME part (RFC 5322 §2.2), unfolded.
struct HeaderFields: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        /// The field name, lower-cased.
        var name: String
        /// The unfolded value (line breaks removed, the folding whitespace kept), trimmed.
        var value: String
    }

    private(set) var fields: [Field] = []

    /// The value of the first field called `name` (case-insensitive), if any.
    subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// Parses the header section at the start of `bytes`. Returns the fields and the index
    /// where the body starts: after the first empty line, or at the first line that is
    /// neither a field nor a continuation (tolerating a missing separator). A leading mbox
    /// `From ` line is skipped. Values are decoded as UTF-8, or Windows-1252 when invalid.
    static func parse(_ bytes: [UInt8]) -> (headers: HeaderFields, bodyStart: Int) {
        var headers = HeaderFields()
        var currentName: String?
        var currentValue: [UInt8] = []
        var index = 0

        func finishField() {
            guard let name = currentName else { return }
            let value = CharsetDecoder.decode(currentValue, declaredCharset: nil).text
            headers.fields.append(Field(name: name, value: value.trimmingSpaces()))
            currentName = nil
            currentValue.removeAll()
        }

        while index < bytes.count {
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = bytes[index..<contentEnd]
            let next = min(lineEnd + 1, bytes.count)
            if line.isEmpty {
                finishField()
                return (headers, next)
            }
            if let first = line.first, first == 0x20 || first == 0x09 {
                if currentName != nil {
                    currentValue.append(contentsOf: line)
                    index = next
                    continue
                }
                finishField()
                return (headers, index)
            }
            if headers.fields.isEmpty, currentName == nil, line.starts(with: Array("From ".utf8)) {
                index = next
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else {
                finishField()
                return (headers, index)
            }
            finishField()
            currentName = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            currentValue = Array(line[(colon + 1)...])
            index = next
        }
        finishField()
        return (headers, bytes.count)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
