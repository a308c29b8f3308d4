/// Derives new inputs from corpus entries: byte flips, interesting bytes, insertions and
/// deletions, chunk duplication, splices of two entries, and tokens that steer the reader
/// into its e-mail, MIME, charset and HTML paths. Deterministic for a given generator state.
struct Mutator {
    /// Inputs never grow past this, so one execution stays cheap.
    let maxLength: Int

    static let interestingBytes: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x26, 0x23, 0x2D, 0x3B, 0x3C, 0x3D,
        0x3E, 0x3F, 0x5B, 0x5D, 0x5F, 0x7F, 0x80, 0x85, 0xA0, 0xC0, 0xC2, 0xE2, 0xED, 0xEF,
        0xF0, 0xF4, 0xF8, 0xFE, 0xFF,
    ]

    static let tokens: [[UInt8]] = [
        "=?utf-8?B?", "=?iso-8859-1?Q?", "=?windows-1252?q?", "?=", "=\r\n", "=\n", "=C3=A9", "=FF", "=",
        "Content-Type: text/plain; charset=utf-8\n", "Content-Type: text/html; charset=windows-1252\n",
        "Content-Type: multipart/alternative; boundary=\"b1\"\n", "Content-Type: multipart/mixed; boundary=b2\n",
        "Content-Type: message/rfc822\n", "Content-Transfer-Encoding: base64\n",
        "Content-Transfer-Encoding: quoted-printable\n", "Content-Type: text/plain; format=flowed; delsp=yes\n",
        "\n--b1\n", "\n--b1--\n", "\n--b2\n", "--", "Subject: ", "Date: Mon, 30 Feb 2026 25:61:61 +9999\n",
        "From: a@b\n", "MIME-Version: 1.0\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{00A0}", "\u{FEFF}",
        "<html>", "<!DOCTYPE html>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
        "<p>", "</p>", "<br>", "<h2>", "</h2>", "<a href=\"javascript:x\">", "</a>", "<li>", "<pre>",
        "&#x110000;", "&#0;", "&#xD800;", "&#99999999999999999999;", "&amp;", "&nbsp;", "&", "&#", ";",
        "Why does it matter?", "Why it matters:", "Unsubscribe", "\u{00A9} 2026",
        "Would you like to learn more about policy? If so, ask our chatbot!",
        "# ", "## ", "**", "*", "_", "[", "](", ")", "![", "`", "```", "> ", "- ", "1. ", "|", "\\",
        "QUJD", "====", "AAAA", "\u{1F600}", "\u{0301}", "\u{200B}",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00], [0xD8, 0x00]]

    func mutate(_ input: [UInt8], other: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let rounds = 1 + Int(rng.next() % 8)
        for _ in 0..<rounds { mutateOnce(&bytes, other: other, using: &rng) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    private func position(in bytes: [UInt8], using rng: inout SeededGenerator) -> Int {
        bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
    }

    private func mutateOnce(_ bytes: inout [UInt8], other: [UInt8], using rng: inout SeededGenerator) {
        switch rng.next() % 11 {
        case 0 where !bytes.isEmpty:  // flip one bit
            let i = Int(rng.next() % UInt64(bytes.count))
            bytes[i] ^= UInt8(1 << (rng.next() % 8))
        case 1 where !bytes.isEmpty:  // overwrite with an interesting byte
            let i = Int(rng.next() % UInt64(bytes.count))
            bytes[i] = Self.interestingBytes[Int(rng.next() % UInt64(Self.interestingBytes.count))]
        case 2:  // insert an interesting byte
            let b = Self.interestingBytes[Int(rng.next() % UInt64(Self.interestingBytes.count))]
            bytes.insert(b, at: position(in: bytes, using: &rng))
        case 3 where !bytes.isEmpty:  // delete a range
            let start = Int(rng.next() % UInt64(bytes.count))
            let length = min(bytes.count - start, 1 + Int(rng.next() % 64))
            bytes.removeSubrange(start..<(start + length))
        case 4, 5:  // insert a token
            let token = Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))]
            bytes.insert(contentsOf: token, at: position(in: bytes, using: &rng))
        case 6 where !bytes.isEmpty:  // duplicate a chunk, sometimes many times
            let start = Int(rng.next() % UInt64(bytes.count))
            let length = min(bytes.count - start, 1 + Int(rng.next() % 256))
            let chunk = bytes[start..<(start + length)]
            let times = rng.next() % 4 == 0 ? 1 + Int(rng.next() % 200) : 1
            let at = position(in: bytes, using: &rng)
            var repeated: [UInt8] = []
            repeated.reserveCapacity(chunk.count * times)
            for _ in 0..<times { repeated.append(contentsOf: chunk) }
            bytes.insert(contentsOf: repeated, at: at)
        case 7 where !other.isEmpty:  // splice: our head, the other entry's tail
            let cut = position(in: bytes, using: &rng)
            let from = Int(rng.next() % UInt64(other.count))
            bytes = Array(bytes[..<cut]) + other[from...]
        case 8 where !bytes.isEmpty:  // swap line endings
            let replacement: [UInt8] = rng.next() % 2 == 0 ? [0x0D, 0x0A] : [0x0D]
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes { if b == 0x0A { out.append(contentsOf: replacement) } else { out.append(b) } }
            bytes = out
        case 9 where !bytes.isEmpty:  // random bytes over a range
            let start = Int(rng.next() % UInt64(bytes.count))
            let length = min(bytes.count - start, 1 + Int(rng.next() % 16))
            for i in start..<(start + length) { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
        default:  // truncate
            if !bytes.isEmpty { bytes.removeLast(Int(rng.next() % UInt64(bytes.count))) }
        }
    }
}
