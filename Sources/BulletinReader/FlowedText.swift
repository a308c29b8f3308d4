/// Undoes `format=flowed` soft line breaks in a text/plain body (RFC 3676).
///
/// This decodes the transport format; it is not re-wrapping: a sender marks a soft break
/// with a trailing space, and only those lines are joined. Hard line breaks stay.
enum FlowedText {
    /// Joins every line that ends with a space (other than the `-- ` signature separator)
    /// with the next line of the same quote depth, removes space-stuffing (one leading
    /// space), and with `deleteSpace` (`DelSp=yes`) also drops the soft break's space.
    /// Quoted lines keep their `>` prefix, written as `> `.
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output = String.UnicodeScalarView()
        var paragraph = String.UnicodeScalarView()
        var paragraphDepth = 0
        var paragraphOpen = false

        func emitParagraph() {
            if paragraphDepth > 0 {
                output.append(contentsOf: String(repeating: ">", count: paragraphDepth).unicodeScalars)
                output.append(" ")
            }
            output.append(contentsOf: paragraph)
            output.append("\n")
            paragraph = String.UnicodeScalarView()
            paragraphOpen = false
        }

        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine[...]
            if line.last == "\r" { line = line.dropLast() }
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            if paragraphOpen, depth != paragraphDepth { emitParagraph() }
            paragraphDepth = depth
            paragraphOpen = true
            let isSignature = line.elementsEqual("-- ".unicodeScalars)
            if line.last == " ", !isSignature {
                paragraph.append(contentsOf: deleteSpace ? line.dropLast() : line)
            } else {
                paragraph.append(contentsOf: line)
                emitParagraph()
            }
        }
        if paragraphOpen { emitParagraph() }
        return String(output)
    }
}
