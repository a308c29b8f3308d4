extension String {
    /// Every `target` scalar replaced by `replacement`, but one that a combining mark follows
    /// (Grapheme_Extend, or an emoji modifier: `"\n\u{301}"` is one composed character, left as it is); a `"\n"`
    /// inside `"\r\n"` is replaced (Swift's `replacing(_:with:)` compares whole characters and
    /// would leave it). What `replacingOccurrences(of:with:)` (full Foundation) did for the
    /// one-scalar targets bulletind replaces (`FoundationParityTests`).
    func replacingScalar(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1].properties : nil
            let composed = next.map { $0.isGraphemeExtend || $0.isEmojiModifier } ?? false
            if scalar == target && !composed {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
