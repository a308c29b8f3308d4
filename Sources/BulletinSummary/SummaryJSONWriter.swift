#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONText

/// Writes a `DaySummary` as JSON by hand (`PrettyJSONWriter`): the same bytes as `JSONEncoder`
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and a newline at the end (keys
/// in byte order, nil optionals left out), at a fraction of its cost — the encoder took more
/// than half of a large day's rendering time.
enum SummaryJSONWriter {
    static func write(_ summary: DaySummary) -> [UInt8] {
        var out = PrettyJSONWriter(escapingSlashes: false,
                                   capacity: 4096 + summary.sections.reduce(0) { $0 + $1.articles.count } * 768)
        out.object { out in
            if let changes = summary.changes {
                out.key("changes")
                out.object { out in
                    out.field("articlesYesterday", changes.articlesYesterday)
                    out.field("back", changes.back)
                    out.field("new", changes.new)
                    out.field("quiet", changes.quiet)
                    out.field("rising", changes.rising)
                }
            }
            out.key("counts")
            out.object { out in
                out.field("articles", summary.counts.articles)
                out.field("bulletins", summary.counts.bulletins)
                out.field("sections", summary.counts.sections)
                out.field("topics", summary.counts.topics)
            }
            out.field("date", summary.date)
            out.field("generatedAt", summary.generatedAt)
            out.field("nextDay", summary.nextDay)
            out.field("previousDay", summary.previousDay)
            out.key("sections")
            out.array(summary.sections, section)
            out.field("timeZone", summary.timeZone)
            out.key("topStories")
            out.array(summary.topStories, story)
            out.key("topics")
            out.array(summary.topics, topic)
            out.field("trendWindow", summary.trendWindow)
            out.field("version", summary.version)
        }
        out.endLine()
        return out.bytes
    }

    private static func section(_ out: inout PrettyJSONWriter, _ section: DaySummary.Section) {
        out.object { out in
            out.key("articles")
            out.array(section.articles, entry)
            out.field("id", section.topicID)
            out.field("name", section.topicName)
            out.field("unlisted", section.unlisted)
        }
    }

    private static func entry(_ out: inout PrettyJSONWriter, _ entry: DaySummary.Entry) {
        out.object { out in
            out.field("alsoIn", entry.alsoIn)
            out.field("articleID", entry.articleID)
            out.field("bulletins", entry.sources)
            out.field("lede", entry.lede)
            out.key("sources")
            out.array(entry.newsletters) { out, source in
                out.object { out in
                    out.field("date", source.date)
                    out.field("file", source.file)
                    out.field("title", source.title)
                }
            }
            out.field("title", entry.title)
            out.field("why", entry.why)
        }
    }

    private static func story(_ out: inout PrettyJSONWriter, _ story: TopStory) {
        out.object { out in
            out.field("articleID", story.articleID)
            out.field("articles", story.articles)
            out.field("bulletins", story.bulletins)
            out.field("continuingSince", story.continuingSince)
            out.field("earlierArticles", story.earlierArticles)
            out.field("lede", story.lede)
            out.field("storyID", story.storyID)
            out.field("title", story.title)
            out.field("topics", story.topics)
        }
    }

    private static func topic(_ out: inout PrettyJSONWriter, _ topic: TopicTrend) {
        out.object { out in
            out.field("articles", topic.articles)
            out.key("history")
            out.array(topic.history) { out, count in out.number(count) }
            out.field("id", topic.id)
            out.key("listedUnder")
            out.array(topic.listedUnder) { out, placement in
                out.object { out in
                    out.field("articles", placement.articles)
                    out.field("section", placement.section)
                }
            }
            if let mean = topic.mean {
                // A mean of counts (`TrendRules`): always finite.
                out.field("mean", mean)
            }
            out.field("name", topic.name)
            out.field("new", topic.new)
            out.field("rising", topic.rising)
            out.field("yesterday", topic.yesterday)
        }
    }
}
