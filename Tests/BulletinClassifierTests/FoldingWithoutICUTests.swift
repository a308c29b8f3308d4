import Foundation
import Testing
@testable import BulletinClassifier

/// The classifier folds letters without ICU (`DiacriticFolding`, `WordNormalizer.Folder`):
/// for every Unicode scalar, the result must be what ICU's folding (Foundation, available to
/// the tests) gives, as the classifier computed it before issue 14.
struct FoldingWithoutICUTests {
    /// The folding as it was computed with Foundation: nil for a mark, [] for a separator.
    static func withICU(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return nil
        default: break
        }
        guard properties.isAlphabetic || properties.numericType != nil else { return [] }
        var bytes: [UInt8] = []
        for part in String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars {
            let partProperties = part.properties
            switch partProperties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            guard partProperties.isAlphabetic || partProperties.numericType != nil else { continue }
            bytes.append(contentsOf: String(part).lowercased().utf8)
        }
        return bytes
    }

    static func withoutICU(_ scalar: Unicode.Scalar) -> [UInt8]? {
        switch WordNormalizer.Folder.compute(scalar) {
        case .mark: return nil
        case .separator: return []
        case .letters(let bytes): return bytes
        }
    }

    @Test func foldingWithoutICUMatchesFoundation() {
        var compared = 0
        var folded = 0
        var differences: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Self.withICU(scalar)
            let actual = Self.withoutICU(scalar)
            compared += 1
            if let expected, let actual, !expected.isEmpty, expected != Array(String(scalar).lowercased().utf8) || actual != expected {
                folded += 1
            }
            if expected != actual, differences.count < 20 {
                differences.append("U+\(String(value, radix: 16, uppercase: true)): ICU \(expected.map { String(decoding: $0, as: UTF8.self) } ?? "mark"), ours \(actual.map { String(decoding: $0, as: UTF8.self) } ?? "mark")")
            }
        }
        #expect(differences.isEmpty, "\(differences)")
        // The scenario really ran: every scalar, and hundreds of them fold to something else.
        #expect(compared > 1_100_000)
        #expect(folded >= 800)
        #expect(WordNormalizer.words(in: "Crème Straße ΆΘΉΝΑ Ёлка Øresund") == ["creme", "strasse", "αθηνα", "елка", "øresund"])
    }
}
