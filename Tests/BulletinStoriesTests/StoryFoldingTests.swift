import Foundation
import Testing
@testable import BulletinStories

/// The story words fold letters without ICU (`StoryText.folded`, on the shared
/// `DiacriticFolding`): for every Unicode letter or digit, the result must be what ICU's
/// folding (Foundation, available to the tests) gave the story words before issue 14, apart
/// from the two documented differences.
struct StoryFoldingTests {
    /// The folding as `StoryText.tokens` computed it with Foundation.
    static func withICU(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
    }

    @Test func storyFoldingWithoutICUMatchesFoundation() {
        var compared = 0
        var folded = 0
        var unexpected: [String] = []
        var unicode16 = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            else { continue }
            compared += 1
            let expected = Self.withICU(scalar)
            let actual = StoryText.folded(scalar)
            if expected != [scalar] { folded += 1 }
            guard expected != actual else { continue }
            // ICU folds the combining iota subscript to ι; the shared folding drops it, as it
            // drops the subscript of the precomposed ᾳ.
            if value == 0x345, actual.isEmpty { continue }
            // Letters added in Unicode 16, newer than this ICU: ICU leaves them unchanged,
            // the standard library lower-cases them.
            if let age = scalar.properties.age, age.major >= 16, expected == [scalar],
               actual == Array(String(scalar).lowercased().unicodeScalars) {
                unicode16 += 1
                continue
            }
            if unexpected.count < 20 {
                unexpected.append("U+\(String(value, radix: 16, uppercase: true)): ICU \(String(String.UnicodeScalarView(expected))), ours \(String(String.UnicodeScalarView(actual)))")
            }
        }
        #expect(unexpected.isEmpty, "\(unexpected)")
        // The scenario really ran: every letter and digit, and hundreds of them fold.
        #expect(compared > 140_000)
        #expect(folded >= 800)
        #expect(unicode16 < 100)
        #expect(StoryText.words(title: "Crème brûlée in Zürich: Straße ΆΘΉΝΑ", body: "")
            == ["creme", "brulee", "zurich", "zurich#", "strasse", "αθηνα", "αθηνα#"])
    }
}
