import Testing
import BulletinSplitter
@testable import BulletinClassifier

/// What rules mean: operators, fields, wildcards, phrases, weights, thresholds, ranking.
struct RuleSemanticsTests {
    @Test func andOrNotAndImplicitAnd() throws {
        let body = "The ministry published new broadband targets for rural towns."
        #expect(try match(rule: "broadband AND rural", body: body) != nil)
        #expect(try match(rule: "broadband rural", body: body) != nil)
        #expect(try match(rule: "broadband AND satellite", body: body) == nil)
        #expect(try match(rule: "satellite OR rural", body: body) != nil)
        #expect(try match(rule: "broadband AND NOT rural", body: body) == nil)
        #expect(try match(rule: "broadband NOT satellite", body: body) != nil)
        // AND binds tighter than OR: (satellite AND broadband) OR towns.
        #expect(try match(rule: "satellite AND broadband OR towns", body: body) != nil)
        #expect(try match(rule: "satellite AND (broadband OR towns)", body: body) == nil)
    }

    @Test func keywordsAreUpperCaseOnly() throws {
        // Lower-case "or" is a word to find, so this means: broadband AND or AND satellite.
        #expect(try match(rule: "broadband or satellite", body: "broadband only") == nil)
    }

    @Test func wholeWordsCaseInsensitive() throws {
        #expect(try match(rule: "ai", body: "New AI rules") != nil)
        #expect(try match(rule: "AI", body: "A fair chair said") == nil)
        #expect(try match(rule: "law", body: "The lawmakers met") == nil)
    }

    @Test func fields() throws {
        let title = "Orbital broadband licence granted"
        let body = "The regulator approved the request."
        let why = "Competition in rural connectivity may grow."
        #expect(try match(rule: "title:broadband", title: title, body: body, why: why) != nil)
        #expect(try match(rule: "body:broadband", title: title, body: body, why: why) == nil)
        #expect(try match(rule: "why:rural", title: title, body: body, why: why) != nil)
        #expect(try match(rule: "body:rural", title: title, body: body, why: why) == nil)
        #expect(try match(rule: "title:(regulator OR licence)", title: title, body: body, why: why) != nil)
        #expect(try match(rule: "body:(licence OR orbital)", title: title, body: body, why: why) == nil)
        #expect(try match(rule: "why:rural", title: title, body: body, why: nil) == nil)
    }

    @Test func phrasesAreConsecutiveWordsWithinOneField() throws {
        #expect(try match(rule: "\"data centre\"", body: "A new data-centre opened") != nil)
        #expect(try match(rule: "\"data centre\"", body: "data about the centre") == nil)
        #expect(try match(rule: "\"data centre\"", title: "Open data", body: "Centre stage") == nil)
        #expect(try match(rule: "e-commerce", body: "E commerce grows") != nil)
    }

    @Test func prefixWildcards() throws {
        #expect(try match(rule: "regulat*", body: "Regulators act") != nil)
        #expect(try match(rule: "regulat*", body: "regulat") != nil)
        #expect(try match(rule: "regulat*", body: "deregulation") == nil)
        #expect(try match(rule: "\"data centre*\"", body: "two data centres") != nil)
        #expect(try match(rule: "\"data centre*\"", body: "the centres of data") == nil)
    }

    @Test func scoreIsSumOfDistinctPositiveTermWeights() throws {
        let body = "Spectrum auction for 6G and 5G; spectrum again; 6G again."
        let result = try #require(try match(rule: "6G^3 OR 5G OR spectrum^0.5 OR satellite^7", body: body))
        #expect(result.score == 4.5)
        #expect(result.matchedTerms == ["6G", "5G", "spectrum"])
    }

    @Test func termsWrittenTwiceCountOnceWithTheirLargestWeight() throws {
        let result = try #require(try match(rule: "(chip AND fab) OR (chip^2 AND foundry)", body: "chip fab"))
        #expect(result.score == 3)
        #expect(result.matchedTerms == ["chip", "fab"])
    }

    @Test func negatedTermsDoNotCount() throws {
        let result = try #require(try match(rule: "chip OR NOT fab", body: "chip"))
        #expect(result.score == 1)
        #expect(result.matchedTerms == ["chip"])
    }

    @Test func unscopedTermsInTheTitleCountOneAndAHalfTimes() throws {
        let inTitle = try #require(try match(rule: "chip^2 OR title:fab", title: "Chip fab", body: "chip"))
        #expect(inTitle.score == 2 * ClassifierIndex.titleBonus + 1)
        let inBody = try #require(try match(rule: "chip^2", title: "Other", body: "chip"))
        #expect(inBody.score == 2)
    }

    @Test func threshold() throws {
        let body = "cyber attack on a ransomware gang"
        #expect(try match(rule: "cyber OR ransomware OR malware", threshold: 2, body: body)?.score == 2)
        #expect(try match(rule: "cyber OR ransomware OR malware", threshold: 2.5, body: body) == nil)
        #expect(try match(rule: "cyber OR malware", threshold: 2, body: body) == nil)
    }

    @Test func matchedTermsAreAsWrittenWithFieldInRuleOrder() throws {
        let result = try #require(try match(
            rule: "title:\"data centre\" AND (regulat* OR title:(energy OR grid)) AND NOT nuclear",
            title: "Data centre energy plan", body: "Regulators want more grid capacity."))
        #expect(result.matchedTerms == ["title:\"data centre\"", "regulat*", "title:energy"])
    }

    @Test func resultsSortedByScoreThenFileOrder() throws {
        let classifier = try makeClassifier([
            ("low", "fibre", nil), ("high", "fibre OR cable^3", nil), ("tie", "fibre", nil), ("none", "satellite", nil),
        ])
        let matches = classifier.classify(Article(title: "", body: "fibre and cable", why: nil, position: 1))
        #expect(matches.map(\.topicID) == ["high", "low", "tie"])
        #expect(matches.map(\.score) == [4, 1, 1])
    }

    @Test func documentedExampleScore() throws {
        let result = try #require(try match(
            rule: "(\"data centre*\"^3 OR \"data center*\"^3 OR hyperscale*^2) AND (energy OR electricity OR renewable* OR cooling OR grid)",
            threshold: 3,
            title: "Hyperscale data centre plugged into a wind farm grid",
            body: "The operator buys electricity directly."))
        #expect(result.score == 10)
        #expect(result.matchedTerms == ["\"data centre*\"", "hyperscale*", "electricity", "grid"])
    }

    @Test func singleTermInTitleDoesNotReachThresholdTwo() throws {
        #expect(try match(rule: "cyber* OR ransomware OR malware", threshold: 2, title: "Cyberattack") == nil)
        #expect(try match(rule: "cyber* OR ransomware OR malware", threshold: 2, body: "malware and ransomware") != nil)
    }

    @Test func typographicQuotesDelimitPhrases() throws {
        #expect(try match(rule: "\u{201C}data centre\u{201D}", body: "a data centre") != nil)
        #expect(try match(rule: "\u{201C}data centre\u{201D}", body: "data and a centre") == nil)
    }

    @Test func concurrentClassificationGivesTheSameResults() async throws {
        let classifier = try makeClassifier([("a", "fibre OR cable^2", nil), ("b", "title:fibre", nil)])
        let article = Article(title: "Fibre", body: "cable", why: nil, position: 1)
        let expected = classifier.classify(article)
        #expect(expected.map(\.topicID) == ["a", "b"])
        let results = await withTaskGroup(of: [TopicMatch].self) { group in
            for _ in 0..<50 { group.addTask { classifier.classify(article) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 50)
        #expect(results.allSatisfy { $0 == expected })
    }
}
