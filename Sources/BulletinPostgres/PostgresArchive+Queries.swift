import Foundation
import PostgresNIO
import BulletinSplitter
import BulletinClassifier
import BulletinStore

extension PostgresArchive {
    public func stats() throws -> StoreStats {
        try read { session in
            let counts = try session.query("""
                SELECT (SELECT COUNT(*) FROM bulletin), (SELECT COUNT(*) FROM article),
                       (SELECT COALESCE(SUM(duplicate_count), 0)::bigint FROM bulletin),
                       (SELECT COUNT(*) FROM article a
                        WHERE NOT EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id))
                """)[0]
            let (bulletins, articles, duplicates, unclassified) = try counts.decode((Int64, Int64, Int64, Int64).self)
            let topics = try session.query("""
                SELECT t.id, t.name, COUNT(at.article_id) AS n
                FROM topic t LEFT JOIN article_topic at ON at.topic_id = t.id
                GROUP BY t.id, t.name ORDER BY n DESC, t.name COLLATE "C", t.id COLLATE "C"
                """).map { row in
                    let (id, name, n) = try row.decode((String, String, Int64).self)
                    return TopicCount(id: id, name: name, articles: Int(n))
                }
            return StoreStats(bulletins: Int(bulletins), articles: Int(articles), duplicates: Int(duplicates),
                              unclassified: Int(unclassified), topics: topics)
        }
    }

    /// A query matching more articles than this ranks only its newest this-many matches (as
    /// `Store` does, so that both backends rank the same candidates).
    static let rankedMatchLimit = 5_000

    /// `ts_rank`'s normalization (1: divided by 1 + log of the document's length).
    static let rankNormalization = 1

    /// Ranked full-text search, scored like SQLite's bm25: for each term the query asks for
    /// (not those under NOT), `ts_rank` over the weighted document (title 1.0, why 0.3, body
    /// 0.1: the ratios of SQLite's bm25 weights 10 / 3 / 1; term frequency saturating; divided
    /// by the document's length), times the term's inverse document frequency, summed. `rank`
    /// is the negated score, so lower is better as with bm25. Snippets by `ts_headline` with
    /// the matches in `[` `]`.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let expression = try SearchQueryTranslator.parse(query.text)
        guard query.limit > 0 else { return [] }
        var builder = TSQueryBuilder()
        let match = builder.render(expression)
        let terms = TSQueryBuilder.positiveTerms(expression).map { builder.render($0) }
        let matchValues = builder.values.count
        var filters = ""
        if let since = query.since {
            filters += " AND a.first_received_at >= \(builder.placeholder(.date(since)))"
        }
        if let topic = query.topic {
            filters += " AND a.id IN (SELECT article_id FROM article_topic WHERE topic_id = \(builder.placeholder(.text(topic))))"
        }
        let matchLimit = builder.placeholder(.int(Int64(Self.rankedMatchLimit)))
        let limit = builder.placeholder(.int(Int64(query.limit)))
        // idf as bm25's: ln(1 + (N - n + 0.5) / (n + 0.5)), n counted up to 20,000 matches.
        // Each term's n is counted ONCE, in the `df` CTE: written inside the rank expression
        // (it refers to `n`), PostgreSQL ran the count again for every matching row (a SubPlan
        // per row: 15.6 s for one common word on 2,000 articles, docs/PERFORMANCE.md).
        let counts = terms.enumerated().map { index, term in
            "(SELECT COUNT(*)::float8 FROM (SELECT 1 FROM article WHERE search @@ \(term) LIMIT 20000) x) AS n\(index)"
        }
        let weights = terms.indices.map { "ln(1 + (n.total - df.n\($0) + 0.5) / (df.n\($0) + 0.5)) AS w\($0)" }
        let termScores = terms.enumerated().map { index, term in
            "idf.w\(index) * ts_rank('{0.1, 0.1, 0.3, 1.0}', m.search, \(term), \(Self.rankNormalization))"
        }.joined(separator: " + ")
        return try read { session in
            let ranked = try session.query("""
                WITH n AS (SELECT COUNT(*)::float8 AS total FROM article),
                df AS MATERIALIZED (SELECT \(counts.isEmpty ? "0 AS none" : counts.joined(separator: ", "))),
                idf AS MATERIALIZED (SELECT \(weights.isEmpty ? "0 AS none" : weights.joined(separator: ", ")) FROM n, df),
                m AS (SELECT a.id, a.search FROM article a WHERE a.search @@ \(match)\(filters)
                      ORDER BY a.id DESC LIMIT \(matchLimit))
                SELECT m.id, -(\(termScores.isEmpty ? "0" : termScores))::float8 AS rank
                FROM m, idf ORDER BY rank, m.id LIMIT \(limit)
                """, builder.values).map { try $0.decode((Int64, Double).self) }
            guard !ranked.isEmpty else { return [] }
            let ids = ranked.map(\.0)
            var articles: [Int64: (title: String, snippet: String, received: Date)] = [:]
            for row in try session.query("""
                SELECT a.id, a.title, a.first_received_at,
                       ts_headline('bulletind', concat_ws(' ', a.title, a.body, a.why), \(match),
                                   'StartSel=[, StopSel=], MaxWords=16, MinWords=5, MaxFragments=1, FragmentDelimiter=…')
                FROM article a WHERE a.id = ANY($\(matchValues + 1))
                """, Array(builder.values.prefix(matchValues)) + [.ints(ids)]) {
                let (id, title, received, snippet) = try row.decode((Int64, String, Date, String).self)
                articles[id] = (title, snippet, received)
            }
            return try ranked.compactMap { id, rank in
                guard let article = articles[id] else { return nil }
                return SearchHit(articleID: id, title: article.title, snippet: article.snippet, rank: rank,
                                 topics: try topicIDs(of: id, in: session), bulletins: try sources(of: id, in: session),
                                 receivedAt: article.received, story: try story(ofArticle: id, in: session))
            }
        }
    }

    public func explain(articleID: Int64) throws -> ArticleExplanation? {
        try read { session in
            guard let row = try session.query("SELECT title FROM article WHERE id = $1", [.int(articleID)]).first else {
                return nil
            }
            let title = try row.decode(String.self)
            let topics = try session.query("""
                SELECT t.id, t.name, at.score, at.matched_terms
                FROM article_topic at JOIN topic t ON t.id = at.topic_id
                WHERE at.article_id = $1 ORDER BY at.score DESC, t.name COLLATE "C", t.id COLLATE "C"
                """, [.int(articleID)]).map { row in
                    let (id, name, score, terms) = try row.decode((String, String, Double, String).self)
                    return ExplainedTopic(id: id, name: name, score: score, matchedTerms: Store.decodeJSONArray(terms))
                }
            return ArticleExplanation(articleID: articleID, title: title,
                                      bulletins: try sources(of: articleID, in: session), topics: topics,
                                      story: try story(ofArticle: articleID, in: session))
        }
    }

    /// Re-applies `classify` in ONE transaction; the articles are locked first (`FOR UPDATE`),
    /// so a daemon ingesting at the same time waits for it or it for the daemon. Raises
    /// `topic_generation` (what `dayCounts` reports as `topicRowsFloor`).
    public func reclassify(_ classify: (Article) -> [TopicMatch]) throws -> ReclassifyReport {
        try write { session in
            try session.execute("UPDATE topic_generation SET value = value + 1")
            let rows = try session.query("""
                SELECT a.id, a.title, a.body, a.why,
                       COALESCE((SELECT MIN(position) FROM bulletin_article WHERE article_id = a.id), 0)
                FROM article a ORDER BY a.id FOR UPDATE
                """)
            var changes: [ArticleChange] = []
            for row in rows {
                let (id, title, body, why, position) = try row.decode((Int64, String, String, String?, Int32).self)
                let article = Article(title: title, body: body, why: why, position: Int(position))
                let before = Set(try session.query("SELECT topic_id FROM article_topic WHERE article_id = $1",
                                                   [.int(id)]).map { try $0.decode(String.self) })
                let matches = classify(article)
                try session.execute("DELETE FROM article_topic WHERE article_id = $1", [.int(id)])
                try insertTopics(matches, articleID: id, in: session)
                let after = Set(matches.map(\.topicID))
                if before != after {
                    changes.append(ArticleChange(articleID: id, title: title,
                                                 added: after.subtracting(before).sorted(),
                                                 removed: before.subtracting(after).sorted()))
                }
            }
            return ReclassifyReport(articles: rows.count, changes: changes)
        }
    }

    public func articleCount(firstReceivedFrom from: Date, to: Date) throws -> Int {
        try read { session in
            Int(try session.query("SELECT COUNT(*) FROM article WHERE first_received_at >= $1 AND first_received_at < $2",
                                  [.date(from), .date(to)])[0].decode(Int64.self))
        }
    }

    /// Articles per page of `day`: memory holds one page at a time.
    static let dayPage = 500

    /// As `Store.day`: from one snapshot (REPEATABLE READ), one page of `dayPage` articles
    /// at a time in order of first arrival, then id. Every host composes its summary from the
    /// whole shared archive.
    @discardableResult
    public func day(from: Date, to: Date, textPrefix: Int?, needsWholeText: (String) -> Bool,
                    _ visit: (DayArticle) throws -> Void) throws -> Int {
        try read { session in
            let bulletins = try session.query("SELECT COUNT(*) FROM bulletin WHERE received_at >= $1 AND received_at < $2",
                                              [.date(from), .date(to)])[0].decode(Int64.self)
            let prefix = Int64(max(0, textPrefix ?? Int(Int32.max)))
            // The day's ids in order (8 bytes each), then the articles a page at a time.
            let order = try session.query("""
                SELECT id FROM article WHERE first_received_at >= $1 AND first_received_at < $2
                ORDER BY first_received_at, id
                """, [.date(from), .date(to)]).map { try $0.decode(Int64.self) }
            for start in stride(from: 0, to: order.count, by: Self.dayPage) {
                let ids = Array(order[start..<min(order.count, start + Self.dayPage)])
                var rows: [Int64: PostgresRow] = [:]
                for row in try session.query("""
                    SELECT id, title, substr(body, 1, $1::int), length(body) > $1, substr(why, 1, $1::int),
                           coalesce(length(why) > $1, false), first_received_at
                    FROM article WHERE id = ANY($2)
                    """, [.int(prefix), .ints(ids)]) {
                    rows[try row.decode(Int64.self)] = row
                }
                let page = ids.compactMap { rows[$0] }
                var topics: [Int64: [DayTopic]] = [:]
                for row in try session.query("""
                    SELECT at.article_id, t.id, t.name, at.score FROM article_topic at JOIN topic t ON t.id = at.topic_id
                    WHERE at.article_id = ANY($1) ORDER BY at.article_id, at.score DESC, t.name COLLATE "C", t.id COLLATE "C"
                    """, [.ints(ids)]) {
                    let (article, id, name, score) = try row.decode((Int64, String, String, Double).self)
                    topics[article, default: []].append(DayTopic(id: id, name: name, score: score))
                }
                var sources: [Int64: [String]] = [:]
                for row in try session.query("""
                    SELECT DISTINCT ON (ba.article_id, b.received_at, b.id) ba.article_id, b.file_name
                    FROM bulletin_article ba JOIN bulletin b ON b.id = ba.bulletin_id
                    WHERE ba.article_id = ANY($1) ORDER BY ba.article_id, b.received_at, b.id
                    """, [.ints(ids)]) {
                    let (article, name) = try row.decode((Int64, String).self)
                    sources[article, default: []].append(name)
                }
                for row in page {
                    let (id, title, cutBody, bodyCut, cutWhy, whyCut, received) =
                        try row.decode((Int64, String, String, Bool, String?, Bool, Date).self)
                    var body = cutBody
                    var why = cutWhy
                    let wholeBody = bodyCut && needsWholeText(body)
                    let wholeWhy = whyCut && why.map(needsWholeText) == true
                    if wholeBody || wholeWhy {
                        let whole = try session.query("SELECT body, why FROM article WHERE id = $1", [.int(id)])[0]
                        let (wholeBodyText, wholeWhyText) = try whole.decode((String, String?).self)
                        if wholeBody { body = wholeBodyText }
                        if wholeWhy { why = wholeWhyText }
                    }
                    try visit(DayArticle(articleID: id, title: title, body: body, why: why,
                                         topics: topics[id] ?? [], sources: sources[id] ?? [], firstReceivedAt: received))
                }
            }
            return Int(bulletins)
        }
    }

    /// Topic ids of an article, highest score first.
    func topicIDs(of articleID: Int64, in session: PostgresSession) throws -> [String] {
        try session.query("SELECT topic_id FROM article_topic WHERE article_id = $1 ORDER BY score DESC, topic_id COLLATE \"C\"",
                          [.int(articleID)]).map { try $0.decode(String.self) }
    }

    /// File names of the bulletins that contain an article, in order of arrival, each once.
    func sources(of articleID: Int64, in session: PostgresSession) throws -> [String] {
        try session.query("""
            SELECT file_name FROM bulletin
            WHERE id IN (SELECT bulletin_id FROM bulletin_article WHERE article_id = $1)
            ORDER BY received_at, id
            """, [.int(articleID)]).map { try $0.decode(String.self) }
    }
}

extension PostgresArchive {
    public func neighbouringArticles(around start: Date, end: Date) throws -> (before: Date?, after: Date?) {
        try read { session in
            let row = try session.query("""
                SELECT (SELECT MAX(first_received_at) FROM article WHERE first_received_at < $1),
                       (SELECT MIN(first_received_at) FROM article WHERE first_received_at >= $2)
                """, [.date(start), .date(end)])[0]
            return try row.decode((Date?, Date?).self)
        }
    }
}
