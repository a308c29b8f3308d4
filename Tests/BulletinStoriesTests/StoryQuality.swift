/// Pairwise precision and recall of a same-story decision over labelled pairs.
struct StoryQuality: CustomStringConvertible {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var hardFalsePositives = 0
    var pairs = 0

    init(_ pairs: [LabelledStorySet.Pair], sameStory: (Int, Int) -> Bool) {
        for pair in pairs {
            self.pairs += 1
            let predicted = sameStory(pair.first, pair.second)
            switch (pair.kind, predicted) {
            case (.same, true): truePositives += 1
            case (.same, false): falseNegatives += 1
            case (.hardNegative, true): falsePositives += 1; hardFalsePositives += 1
            case (.negative, true): falsePositives += 1
            default: break
            }
        }
    }

    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    var description: String {
        let p = (precision * 1000).rounded() / 1000, r = (recall * 1000).rounded() / 1000
        return "\(pairs) pairs: precision \(p), recall \(r) (\(truePositives) same-story pairs found, "
            + "\(falseNegatives) missed, \(falsePositives) false, \(hardFalsePositives) of them hard negatives)"
    }
}
