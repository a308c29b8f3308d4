extension String {
    /// Every `target` scalar replaced by `replacement`, scalar by scalar: a `"\n"` inside
    /// `"\r\n"` is replaced too (Swift's `replacing(_:with:)` compares whole characters and
    /// would leave it). What `replacingOccurrences(of:with:)` (full Foundation) did for the
    /// one-scalar targets bulletind replaces.
    func replacingScalar(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
