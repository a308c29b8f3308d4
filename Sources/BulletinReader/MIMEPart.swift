/// One MIME entity (RFC 2045/2046): its header fields and body, with the sub-parts of a
/// multipart body parsed recursively.
struct MIMEPart: Sendable {
    /// How deep multiparts are followed; deeper ones are treated as having no parts.
    static let maximumDepth = 16

    var headers: HeaderFields
    /// The body as it appears in the message, still transfer-encoded.
    var rawBody: [UInt8]
    /// `Content-Type`; `text/plain` when the field is missing.
    var contentType: HeaderValue
    /// The sub-parts of a `multipart/*` body (preamble and epilogue dropped), or the one
    /// enclosed message of a `message/rfc822` part; empty otherwise.
    var parts: [MIMEPart]

    init(parsing bytes: [UInt8], depth: Int = 0) {
        let (headers, bodyStart) = HeaderFields.parse(bytes)
        self.headers = headers
        self.rawBody = Array(bytes[bodyStart...])
        self.contentType = HeaderValue(parsing: headers["content-type"] ?? "text/plain")
        if contentType.main.hasPrefix("multipart/"), depth < Self.maximumDepth,
           let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
            parts = Self.split(rawBody, boundary: Array(boundary.utf8)).map { MIMEPart(parsing: $0, depth: depth + 1) }
        } else if contentType.main == "message/rfc822", depth < Self.maximumDepth {
            parts = [MIMEPart(parsing: Self.decodeTransfer(rawBody, headers: headers), depth: depth + 1)]
        } else {
            parts = []
        }
    }

    /// The media type, lower-cased (`text/plain`, `multipart/alternative`…).
    var mediaType: String { contentType.main }

    /// The declared `charset` parameter, if any.
    var charset: String? { contentType.parameters["charset"] }

    /// True for `Content-Disposition: attachment`.
    var isAttachment: Bool {
        guard let disposition = headers["content-disposition"] else { return false }
        return HeaderValue(parsing: disposition).main == "attachment"
    }

    /// The body with its `Content-Transfer-Encoding` undone: quoted-printable and base64
    /// are decoded; 7bit, 8bit, binary and unknown encodings are returned as they are.
    /// Undecodable base64 yields an empty body.
    var decodedBody: [UInt8] {
        Self.decodeTransfer(rawBody, headers: headers)
    }

    private static func decodeTransfer(_ rawBody: [UInt8], headers: HeaderFields) -> [UInt8] {
        let encoding = HeaderValue(parsing: headers["content-transfer-encoding"] ?? "7bit").main
        switch encoding {
        case "quoted-printable": return QuotedPrintable.decode(rawBody)
        case "base64": return Base64.decode(rawBody) ?? []
        default: return rawBody
        }
    }

    /// Splits a multipart body at its delimiter lines (`--boundary`, closing `--boundary--`,
    /// trailing whitespace allowed). The line break before a delimiter belongs to it.
    static func split(_ body: [UInt8], boundary: [UInt8]) -> [[UInt8]] {
        let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var parts: [[UInt8]] = []
        var partStart: Int?
        var index = 0
        while index < body.count {
            let lineEnd = body[index...].firstIndex(of: 0x0A) ?? body.count
            let next = min(lineEnd + 1, body.count)
            if body[index...].starts(with: delimiter) {
                var rest = body[(index + delimiter.count)..<lineEnd]
                let isClosing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClosing { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        var end = index
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(Array(body[start..<max(start, end)]))
                    }
                    if isClosing { return parts }
                    partStart = next
                }
            }
            index = next
        }
        // No closing delimiter: the last part runs to the end.
        if let start = partStart, start < body.count { parts.append(Array(body[start...])) }
        return parts
    }
}
