import Foundation
import BulletinStories

/// The labelled articles of Fixtures/labelled-stories.txt and the pairs drawn from them.
struct LabelledStorySet {
    struct Item {
        var topic: String
        var event: String
        var day: String
        var bulletin: String
        var title: String
        var lede: String
        var story: String { topic + "/" + event }
    }

    enum PairKind { case same, hardNegative, negative }

    struct Pair {
        var first: Int
        var second: Int
        var kind: PairKind
    }

    let items: [Item]

    init(url: URL) throws {
        var items: [Item] = []
        for (number, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated()
        where !line.hasPrefix("#") {
            let fields = line.components(separatedBy: " | ")
            guard fields.count == 6 else {
                throw CocoaError(.fileReadCorruptFile, userInfo: ["line": number + 1, "text": String(line)])
            }
            items.append(Item(topic: fields[0], event: fields[1], day: fields[2], bulletin: fields[3],
                              title: fields[4], lede: fields[5]))
        }
        self.items = items
    }

    /// The topics in order of first appearance.
    var topics: [String] {
        var seen = Set<String>()
        return items.map(\.topic).filter { seen.insert($0).inserted }
    }

    /// Every same-story pair and every hard negative (same topic, another event) among the
    /// items whose topic is in `topics`, and as ordinary negatives each item paired with the
    /// item at the same place in the next topic (in `topics` order, wrapping around).
    func pairs(topics: [String]) -> [Pair] {
        let chosen = Set(topics)
        let indices = items.indices.filter { chosen.contains(items[$0].topic) }
        var pairs: [Pair] = []
        for (n, i) in indices.enumerated() {
            for j in indices[(n + 1)...] where items[i].topic == items[j].topic {
                pairs.append(Pair(first: i, second: j, kind: items[i].event == items[j].event ? .same : .hardNegative))
            }
        }
        for (t, topic) in topics.enumerated() {
            let mine = indices.filter { items[$0].topic == topic }
            let next = indices.filter { items[$0].topic == topics[(t + 1) % topics.count] }
            for (k, i) in mine.enumerated() where k < next.count {
                pairs.append(Pair(first: i, second: next[k], kind: .negative))
            }
        }
        return pairs
    }
}
