import Testing
@testable import BulletinSummary

/// Rising, new and "since yesterday" from per-day counts (the rules of `TrendRules`).
@Suite struct TrendRulesTests {
    /// 30 days ending 2026-11-30; `articles` per day, topics' counts per day.
    static func history(articles: [Int], topics: [String: [Int]]) -> SummaryHistory {
        let days = (0..<articles.count).map { "day-\($0)" }
        return SummaryHistory(days: days, articles: articles, topics: topics.reduce(into: [:]) {
            $0[$1.key] = SummaryHistory.Series(name: $1.key.capitalized, counts: $1.value)
        })
    }

    static func summary(_ today: [String: Int]) -> DaySummary {
        var summary = DaySummary(date: "day-29", timeZone: "UTC", generatedAt: "x",
                                 counts: .init(bulletins: 1, articles: today.values.reduce(0, +), topics: today.count), sections: [])
        summary.topics = today.map { TopicTrend(id: $0.key, name: $0.key.capitalized, articles: $0.value) }
        return summary
    }

    @Test func risingNeedsThreeArticlesAndTwiceTheMeanOfDaysWithData() {
        // Days 22…28 (the 7 before today): data on 5 of them (two empty weekend days).
        var articles = Array(repeating: 4, count: 30)
        articles[25] = 0
        articles[26] = 0
        // ai: 1 on each data day → mean 1 (not 5/7): 3 today is rising. cables: mean 2, 3 today is not.
        // privacy: 2 today over a mean of 0 → below the minimum of 3.
        var ai = Array(repeating: 1, count: 30)
        ai[25] = 0
        ai[26] = 0
        ai[29] = 3
        var cables = Array(repeating: 2, count: 30)
        cables[25] = 0
        cables[26] = 0
        cables[29] = 3
        var privacy = Array(repeating: 0, count: 30)
        privacy[3] = 1
        privacy[29] = 2
        var summary = Self.summary(["ai": 3, "cables": 3, "privacy": 2])
        TrendRules.apply(Self.history(articles: articles, topics: ["ai": ai, "cables": cables, "privacy": privacy]),
                         window: 7, to: &summary)
        let byID = Dictionary(uniqueKeysWithValues: summary.topics.map { ($0.id, $0) })
        #expect(byID["ai"]?.mean == 1)
        #expect(byID["ai"]?.rising == true)
        #expect(byID["cables"]?.mean == 2)
        #expect(byID["cables"]?.rising == false)
        #expect(byID["privacy"]?.mean == 0)
        #expect(byID["privacy"]?.rising == false)
        // privacy had an article 26 days ago: not new.
        #expect(byID["privacy"]?.new == false)
        #expect(byID["ai"]?.history.count == 30)
        #expect(byID["ai"]?.history.last == 3)
        #expect(summary.trendWindow == 7)
        #expect(summary.changes?.rising == ["Ai"])
        #expect(summary.changes?.articlesYesterday == 4)
    }

    @Test func newMeansNoneInTwentyEightDaysButDataThen() {
        let articles = Array(repeating: 5, count: 30)
        var quantum = Array(repeating: 0, count: 30)
        quantum[29] = 4
        var old = Array(repeating: 0, count: 30)
        old[0] = 2  // 29 days ago: outside the 28 days
        old[29] = 1
        var cables = Array(repeating: 0, count: 30)
        cables[28] = 3  // yesterday only
        var summary = Self.summary(["quantum": 4, "old": 1])
        TrendRules.apply(Self.history(articles: articles, topics: ["quantum": quantum, "old": old, "cables": cables]),
                         window: 7, to: &summary)
        let byID = Dictionary(uniqueKeysWithValues: summary.topics.map { ($0.id, $0) })
        #expect(byID["quantum"]?.new == true)
        // New is not also rising, though 4 ≥ 3 and ≥ 2 × 0.
        #expect(byID["quantum"]?.rising == false)
        #expect(byID["old"]?.new == true)
        #expect(summary.changes?.new == ["Quantum", "Old"])
        #expect(summary.changes?.quiet == ["Cables"])
        let line = TrendText.sinceYesterday(summary)
        #expect(line == "Since yesterday: 5 articles (yesterday 5) · new: Quantum, Old · quiet today: Cables")
    }

    @Test func anArchivesFirstDayHasNoMeanNothingNewAndNoChanges() {
        var articles = Array(repeating: 0, count: 30)
        articles[29] = 6
        var ai = Array(repeating: 0, count: 30)
        ai[29] = 6
        var summary = Self.summary(["ai": 6])
        TrendRules.apply(Self.history(articles: articles, topics: ["ai": ai]), window: 7, to: &summary)
        #expect(summary.topics.first?.mean == nil)
        #expect(summary.topics.first?.new == false)
        #expect(summary.topics.first?.rising == false)
        #expect(summary.changes == nil)
        #expect(TrendText.topicLine(summary.topics[0], window: 7) == "6 articles")
    }

    @Test func meansAreRoundedAndWrittenAsAPersonReadsThem() {
        #expect(TrendText.decimal(3) == "3")
        #expect(TrendText.decimal(3.5) == "3.5")
        #expect(TrendText.decimal(3.14159) == "3.14")
        #expect(TrendText.decimal(0.05) == "0.05")
        var articles = Array(repeating: 1, count: 30)
        articles[29] = 9
        var ai = Array(repeating: 0, count: 30)
        ai[22] = 1
        ai[23] = 1
        ai[29] = 9
        var summary = Self.summary(["ai": 9])
        TrendRules.apply(Self.history(articles: articles, topics: ["ai": ai]), window: 7, to: &summary)
        #expect(summary.topics[0].mean == 0.29)
        #expect(TrendText.topicLine(summary.topics[0], window: 7) == "9 articles · 7-day mean 0.29 · rising")
    }

    @Test func theWeekComparesWithTheWeeksBeforeThatHadData() {
        // 35 days: 4 earlier weeks (the oldest empty) and the week.
        var articles = Array(repeating: 3, count: 35)
        for day in 0..<7 { articles[day] = 0 }
        var ai = Array(repeating: 0, count: 35)
        for day in [8, 15, 22] { ai[day] = 2 }  // 2 a week in the 3 weeks with data
        for day in 28..<35 { ai[day] = 1 }       // 7 this week
        var quantum = Array(repeating: 0, count: 35)
        quantum[30] = 3
        let history = SummaryHistory(days: (0..<35).map { "d\($0)" }, articles: articles, topics: [
            "ai": .init(name: "AI", counts: ai), "quantum": .init(name: "Quantum", counts: quantum),
        ])
        let week = WeekSummary.build(week: "2026-W48", history: history, bulletins: 4, timeZone: "UTC", generatedAt: "x")
        #expect(week.days == (28..<35).map { "d\($0)" })
        #expect(week.previousWeeks == 3)
        #expect(week.topics.map(\.id) == ["ai", "quantum"])
        #expect(week.topics[0].daily == [1, 1, 1, 1, 1, 1, 1])
        #expect(week.topics[0].previousMean == 2)
        #expect(week.topics[0].rising == true)
        #expect(week.topics[1].new == true)
        #expect(week.counts == DaySummary.Counts(bulletins: 4, articles: 21, topics: 2))
        let markdown = WeekText.markdown(week)
        #expect(markdown.contains("| AI | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 7 | rising |"))
        #expect(markdown.contains("This week rose: AI (7; mean of the 3 weeks before 2) · appeared: Quantum (3)"))
        let html = SummaryHTML.week(week)
        #expect(html.contains("data-topic=\"ai\" data-count=\"7\""))
        #expect(html.contains("<h1>Week 2026-W48"))
        #expect(html.contains("<h2 id=\"topics-heading\">Topics this week</h2>"))
        #expect(html.contains("<a href=\"d28.html\">"))
    }
}
