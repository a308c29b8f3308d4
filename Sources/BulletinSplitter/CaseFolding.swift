@_spi(_Unicode) import Swift

/// Unicode case folding as ICU's case-insensitive regular expressions use it, from the
/// standard library's own Unicode tables (no ICU):
///
/// - `full`: the full folding (CaseFolding.txt statuses C and F): "ß" → "ss", "ﬁ" → "fi",
///   "İ" → "i̇". A literal string of a pattern is compared with the input's full folding.
/// - `simple`: the simple folding (statuses C and S), always one scalar: "ſ" → "s",
///   "K" (Kelvin sign) → "k", "ẞ" → "ß", "ß" → "ß". A single literal character and
///   bracket expressions compare simple foldings.
/// - `closure`: every scalar with the same simple folding ("k", "K", "K" for "k"), what ICU
///   adds to a bracket expression matched case-insensitively.
enum CaseFolding {
    /// The full case folding of `scalar`.
    static func full(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII { return [asciiLowercased(scalar)] }
        guard mayFold(scalar) else { return [scalar] }
        return Array(scalar.properties._caseFolded.unicodeScalars)
    }

    /// The simple case folding of `scalar`.
    static func simple(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return asciiLowercased(scalar) }
        guard mayFold(scalar) else { return scalar }
        let folded = scalar.properties._caseFolded.unicodeScalars
        if folded.count == 1 { return folded.first! }
        // Full folding gives several scalars: the simple folding (status S), where there is
        // one, is the lower-case letter ("ẞ" → "ß", "ᾈ" → "ᾀ"); else the scalar itself.
        if let special = simpleOnly[scalar.value] { return special }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let only = lower.first, only != scalar { return only }
        return scalar
    }

    /// Every scalar whose simple folding is that of `scalar`, `scalar` included.
    static func closure(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let folded = simple(scalar)
        var result = [scalar]
        func add(_ candidate: Unicode.Scalar) {
            if !result.contains(candidate), simple(candidate) == folded { result.append(candidate) }
        }
        add(folded)
        for mapping in [folded.properties.uppercaseMapping, folded.properties.titlecaseMapping]
        where mapping.unicodeScalars.count == 1 {
            add(mapping.unicodeScalars.first!)
        }
        for extra in otherCaseVariants[folded.value] ?? [] { add(extra) }
        return result
    }

    /// False only for scalars that fold to themselves. `changesWhenCaseFolded` alone is not
    /// enough: it is defined on the decomposed form, so "ǰ" (which folds to "j" + U+030C)
    /// has it false; every scalar that folds to something else has one of the two.
    @inline(__always)
    private static func mayFold(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.changesWhenCaseFolded || scalar.properties.changesWhenCaseMapped
    }

    @inline(__always)
    static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
    }

    /// Status S entries that are not the lower-case mapping.
    private static let simpleOnly: [UInt32: Unicode.Scalar] = [
        0x1FD3: "\u{390}", 0x1FE3: "\u{3B0}", 0xFB05: "\u{FB06}",
    ]

    /// Scalars that fold to a letter but are neither it nor its upper- or title-case form
    /// ("ſ" folds to "s", "ς" to "σ"), by that letter. Generated from the standard
    /// library's folding over U+0000…U+1FFFF (`CaseFoldingTests` checks it is complete).
    static let otherCaseVariants: [UInt32: [Unicode.Scalar]] = [
        0x6B: ["\u{212A}"],
        0x73: ["\u{17F}"],
        0xDF: ["\u{1E9E}"],
        0xE5: ["\u{212B}"],
        0x3B2: ["\u{3D0}"],
        0x3B5: ["\u{3F5}"],
        0x3B8: ["\u{3D1}", "\u{3F4}"],
        0x3B9: ["\u{345}"],
        0x3BA: ["\u{3F0}"],
        0x3BC: ["\u{B5}"],
        0x3C0: ["\u{3D6}"],
        0x3C1: ["\u{3F1}"],
        0x3C3: ["\u{3C2}"],
        0x3C6: ["\u{3D5}"],
        0x3C9: ["\u{2126}"],
        0x432: ["\u{1C80}"],
        0x434: ["\u{1C81}"],
        0x43E: ["\u{1C82}"],
        0x441: ["\u{1C83}"],
        0x442: ["\u{1C84}", "\u{1C85}"],
        0x44A: ["\u{1C86}"],
        0x463: ["\u{1C87}"],
        0x13A0: ["\u{AB70}"],
        0x13A1: ["\u{AB71}"],
        0x13A2: ["\u{AB72}"],
        0x13A3: ["\u{AB73}"],
        0x13A4: ["\u{AB74}"],
        0x13A5: ["\u{AB75}"],
        0x13A6: ["\u{AB76}"],
        0x13A7: ["\u{AB77}"],
        0x13A8: ["\u{AB78}"],
        0x13A9: ["\u{AB79}"],
        0x13AA: ["\u{AB7A}"],
        0x13AB: ["\u{AB7B}"],
        0x13AC: ["\u{AB7C}"],
        0x13AD: ["\u{AB7D}"],
        0x13AE: ["\u{AB7E}"],
        0x13AF: ["\u{AB7F}"],
        0x13B0: ["\u{AB80}"],
        0x13B1: ["\u{AB81}"],
        0x13B2: ["\u{AB82}"],
        0x13B3: ["\u{AB83}"],
        0x13B4: ["\u{AB84}"],
        0x13B5: ["\u{AB85}"],
        0x13B6: ["\u{AB86}"],
        0x13B7: ["\u{AB87}"],
        0x13B8: ["\u{AB88}"],
        0x13B9: ["\u{AB89}"],
        0x13BA: ["\u{AB8A}"],
        0x13BB: ["\u{AB8B}"],
        0x13BC: ["\u{AB8C}"],
        0x13BD: ["\u{AB8D}"],
        0x13BE: ["\u{AB8E}"],
        0x13BF: ["\u{AB8F}"],
        0x13C0: ["\u{AB90}"],
        0x13C1: ["\u{AB91}"],
        0x13C2: ["\u{AB92}"],
        0x13C3: ["\u{AB93}"],
        0x13C4: ["\u{AB94}"],
        0x13C5: ["\u{AB95}"],
        0x13C6: ["\u{AB96}"],
        0x13C7: ["\u{AB97}"],
        0x13C8: ["\u{AB98}"],
        0x13C9: ["\u{AB99}"],
        0x13CA: ["\u{AB9A}"],
        0x13CB: ["\u{AB9B}"],
        0x13CC: ["\u{AB9C}"],
        0x13CD: ["\u{AB9D}"],
        0x13CE: ["\u{AB9E}"],
        0x13CF: ["\u{AB9F}"],
        0x13D0: ["\u{ABA0}"],
        0x13D1: ["\u{ABA1}"],
        0x13D2: ["\u{ABA2}"],
        0x13D3: ["\u{ABA3}"],
        0x13D4: ["\u{ABA4}"],
        0x13D5: ["\u{ABA5}"],
        0x13D6: ["\u{ABA6}"],
        0x13D7: ["\u{ABA7}"],
        0x13D8: ["\u{ABA8}"],
        0x13D9: ["\u{ABA9}"],
        0x13DA: ["\u{ABAA}"],
        0x13DB: ["\u{ABAB}"],
        0x13DC: ["\u{ABAC}"],
        0x13DD: ["\u{ABAD}"],
        0x13DE: ["\u{ABAE}"],
        0x13DF: ["\u{ABAF}"],
        0x13E0: ["\u{ABB0}"],
        0x13E1: ["\u{ABB1}"],
        0x13E2: ["\u{ABB2}"],
        0x13E3: ["\u{ABB3}"],
        0x13E4: ["\u{ABB4}"],
        0x13E5: ["\u{ABB5}"],
        0x13E6: ["\u{ABB6}"],
        0x13E7: ["\u{ABB7}"],
        0x13E8: ["\u{ABB8}"],
        0x13E9: ["\u{ABB9}"],
        0x13EA: ["\u{ABBA}"],
        0x13EB: ["\u{ABBB}"],
        0x13EC: ["\u{ABBC}"],
        0x13ED: ["\u{ABBD}"],
        0x13EE: ["\u{ABBE}"],
        0x13EF: ["\u{ABBF}"],
        0x13F0: ["\u{13F8}"],
        0x13F1: ["\u{13F9}"],
        0x13F2: ["\u{13FA}"],
        0x13F3: ["\u{13FB}"],
        0x13F4: ["\u{13FC}"],
        0x13F5: ["\u{13FD}"],
        0x1E61: ["\u{1E9B}"],
        0xA64B: ["\u{1C88}"],
        0xFB06: ["\u{FB05}"],
    ]
}
