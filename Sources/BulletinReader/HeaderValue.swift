/// A structured MIME header value: `main; name=value; name="quoted value"` (RFC 2045 §5.1),
/// as in `Content-Type` and `Content-Disposition`.
struct HeaderValue: Sendable, Equatable {
    /// The part before the first `;`, lower-cased and trimmed (e.g. `text/html`, `attachment`).
    var main: String
    /// Parameters by lower-cased name, unquoted (backslash escapes resolved). A trailing `*`
    /// of an RFC 2231 name is dropped; the first occurrence of a name wins.
    var parameters: [String: String]

    init(parsing value: String) {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        var escaped = false
        for scalar in value.unicodeScalars {
            if escaped {
                current.append(scalar)
                escaped = false
            } else if inQuotes && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                inQuotes.toggle()
            } else if scalar == ";" && !inQuotes {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        pieces.append(String(current))
        main = (pieces.first ?? "").trimmingSpaces().lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = String(piece[..<equals]).trimmingSpaces().lowercased()
            if name.hasSuffix("*") { name.removeLast() }
            let parameterValue = String(piece[piece.index(after: equals)...]).trimmingSpaces()
            if !name.isEmpty, parameters[name] == nil { parameters[name] = parameterValue }
        }
        self.parameters = parameters
    }
}
