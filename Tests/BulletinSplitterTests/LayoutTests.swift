import Testing
import BulletinReader
@testable import BulletinSplitter

/// One invented fixture per layout the splitter must handle.
@Suite struct LayoutTests {
    let splitter: BulletinSplitter

    init() throws {
        splitter = try BulletinSplitter()
    }

    @Test func trailerMissingFromSomeArticles() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("missing-trailers.txt"))
        #expect(articles.map(\.title) == [
            "Ruritania opens a national register of public-sector algorithms",
            "Coastal states agree on a joint plan to protect subsea cables",
            "Northland adopts a law on digital identity wallets for all residents",
            "Southport city council pauses facial recognition trial after complaints",
        ])
        #expect(articles.map(\.position) == [1, 2, 3, 4])
        #expect(articles[1].why == "Subsea cables carry almost all intercontinental data traffic, and regional cooperation reduces the time needed to restore service after an outage.")
        #expect(articles[2].why == nil)
        #expect(articles[2].body == """
            The parliament of Northland has approved a law giving every resident the right to a free digital identity wallet issued by the state by the end of next year.

            The wallet will store identity documents, driving licences and diplomas, and service providers will be barred from requiring more data than a transaction needs.
            """)
        #expect(articles.allSatisfy { !$0.body.contains("chatbot") && !($0.why ?? "").contains("chatbot") })
    }

    @Test func trailerMissingFromAllArticles() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("no-trailers.txt"))
        #expect(articles.map(\.title) == [
            "Lakeland fines a ride-hailing platform over driver data practices",
            "Westmark proposes a tax credit for small firms adopting cloud services",
            "Eastvale launches public consultation on online safety for children",
        ])
        #expect(articles.map { $0.why != nil } == [true, false, true])
        #expect(articles[1].body.components(separatedBy: "\n\n").count == 2)
    }

    @Test func titlesEndingInQuestionMarkOrHoldingColon() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("title-shapes.txt"))
        #expect(articles.map(\.title) == [
            "Can small states shape global standards for quantum networks?",
            "Data Access Act: what changes for connected household devices",
        ])
        #expect(articles[0].body.hasPrefix("Delegates from several small states"))
        #expect(articles[1].why == "Access rights to device data could open new markets for repair and energy services, but their practical effect depends on enforcement.")
    }

    @Test func subHeadingsBulletsSourcesAndCaptionsStayInTheBody() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("sub-headings.txt"))
        #expect(articles.map(\.title) == [
            "Northland publishes its first national AI strategy",
            "Regional bank supervisors test a shared cyber incident reporting portal",
        ])
        #expect(articles[0].body == """
            The government of Northland has published a national strategy for artificial intelligence covering research, skills, public services and international cooperation until 2030.

            Key priorities

            The strategy sets out four priorities for the coming years:

            - Funding for three university research centres

            - A training programme for civil servants

            - Guidelines for the use of AI in public services

            Source: Northland Ministry of Digital Affairs

            The plan also foresees a review every two years, with the first report due before the next general election in the country.

            Photo: The minister presenting the strategy in parliament
            """)
        #expect(articles[1].body.contains("\n\nWhat the portal changes\n\n"))
        #expect(articles[1].body.contains("\n\nNext steps\n\n"))
        #expect(articles[1].why == nil)
    }

    @Test func subHeadingsWithoutAnyTrailerStayInTheBody() throws {
        let text = try FixtureLoader.document("sub-headings.txt").text
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("chatbot") }
            .joined(separator: "\n")
        let articles = splitter.checkedSplit(FixtureLoader.normalisedDocument(text))
        #expect(articles.map(\.title) == [
            "Northland publishes its first national AI strategy",
            "Regional bank supervisors test a shared cyber incident reporting portal",
        ])
        #expect(articles[1].body.contains("Next steps"))
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("hard-wrapped.txt"))
        #expect(articles.map(\.title) == [
            "Harbour authority deploys drones to inspect port infrastructure",
            "Eastvale requires energy labels for new data centres",
        ])
        #expect(articles[0].body == """
            The harbour authority of Port Aurelia has started using drones to inspect cranes, quays and breakwaters, replacing inspections that previously required divers and scaffolding.

            The authority says the drones cut inspection time by half and allow engineers to compare images over time to detect corrosion and cracks before they become dangerous.
            """)
        #expect(articles[0].why == "Ports are critical infrastructure, and the data collected by inspection drones raises questions about who may access detailed images of sensitive facilities.")
        #expect(articles[1].body.components(separatedBy: "\n\n").count == 2)
        #expect(articles[1].why == nil)
    }

    @Test func singleNewlinesSeparateParagraphs() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("single-newlines.txt"))
        #expect(articles.map(\.title) == [
            "Westmark creates an office for the ethics of public algorithms",
            "Southport hosts a regional summit on digital skills for teachers",
        ])
        #expect(articles[0].body == """
            The government of Westmark has created an independent office to review algorithms used by public agencies before they are deployed.

            The office will be staffed by lawyers, statisticians and engineers, and its opinions will be published online.
            """)
        #expect(articles[0].why == "Independent review before deployment is rare, and the office could become a model for other administrations.")
        #expect(articles[1].why == nil)
    }

    @Test func mastheadTableOfContentsIntroAndFooterAreDropped() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("masthead-footer.txt"))
        #expect(articles.map(\.title) == [
            "Lakeland bans the sale of spyware to private buyers",
            "Northland joins an international satellite data sharing pact",
        ])
        let allText = articles.map { $0.body + ($0.why ?? "") }.joined()
        for fragment in ["Welcome", "Unsubscribe", "©", "Harbour Street", "receiving", "browser", "Digital Policy Weekly"] {
            #expect(!allText.contains(fragment), "\(fragment)")
        }
        #expect(articles[1].why == "Shared satellite data speeds up disaster response, especially for countries that do not operate their own satellites.")
    }

    @Test func footerAfterALastArticleWithoutTrailerIsDropped() throws {
        let text = """
            Lakeland bans the sale of spyware to private buyers

            The parliament of Lakeland has adopted a law prohibiting the sale of commercial spyware to private individuals.

            Digital Policy Weekly
            14 Harbour Street, Port Aurelia
            Unsubscribe
            """
        let articles = splitter.checkedSplit(FixtureLoader.normalisedDocument(text))
        #expect(articles.count == 1)
        #expect(articles.first?.body == "The parliament of Lakeland has adopted a law prohibiting the sale of commercial spyware to private individuals.")
    }

    @Test func singleArticleBulletin() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("single-article.txt"))
        #expect(articles.count == 1)
        #expect(articles.first?.title == "Southport opens a municipal cybersecurity help desk for small shops")
        #expect(articles.first?.position == 1)
        #expect(articles.first?.why == nil)
        #expect(articles.first?.body.components(separatedBy: "\n\n").count == 2)
    }

    @Test func emptyBlocksBetweenTrailersProduceNoArticle() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("empty-between-trailers.txt"))
        #expect(articles.map(\.title) == [
            "Northland audits the accessibility of government websites",
            "Eastvale extends its broadband subsidy to rural cooperatives",
        ])
        #expect(articles.map(\.position) == [1, 2])
        #expect(articles[1].body == "The government of Eastvale will extend its broadband subsidy scheme to cooperatives that build fibre networks in villages not covered by commercial operators.")
    }

    @Test func textWithoutArticlesGivesNone() throws {
        for text in ["", "Digital Policy Weekly", "Unsubscribe\n\n© 2026 Example Media",
                     "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!",
                     "A title only\n\nWhy does it matter?\n\nBecause."] {
            #expect(splitter.checkedSplit(FixtureLoader.normalisedDocument(text)).isEmpty, "\(text)")
        }
    }

    @Test func markdownHeadingsMarkArticlesAndMarkupIsRemoved() throws {
        let articles = splitter.checkedSplit(try FixtureLoader.document("markdown-digest.md", markup: .markdown))
        #expect(articles.map(\.title) == [
            "Lakeland sets up a sandbox for fintech start-ups",
            "Westmark publishes guidelines on AI in recruitment",
        ])
        #expect(articles[0].body == """
            The central bank of Lakeland has opened a regulatory sandbox in which fintech start-ups can test products with real customers under supervision.

            How to apply

            Applications are reviewed every quarter, and successful firms may operate in the sandbox for up to two years.

            - Firms must be registered in Lakeland

            - Products must be new to the market
            """)
        #expect(articles[0].why == "Sandboxes let regulators learn about new products before writing rules, and attract young companies to the country.")
        #expect(articles[1].body.hasSuffix("\n\nRead the guidelines"))
        #expect(articles[1].why == nil)
    }

    /// Removing a stray emphasis mark must not leave a space at the end of a title or a
    /// paragraph (found by the fuzz driver: "Volunteers linked *").
    @Test func markupRemovedAtALineEndLeavesNoSpace() {
        let text = """
            Volunteers link two hill villages *

            A group of volunteers connected two hill villages with rooftop radio relays and solar panels, **
            so that the school and the clinic share one connection.

            Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

            """
        let articles = splitter.checkedSplit(Document(format: .markdown, encoding: "utf-8", markup: .markdown, text: text))
        #expect(articles.map(\.title) == ["Volunteers link two hill villages"])
        #expect(articles.first?.body.hasSuffix(" ") == false)
        #expect(articles.first?.body.contains("panels,  so") == false)
    }
}
