import Testing
import BulletinReader
@testable import BulletinSplitter

/// One test (or more) per failure kind of issue 10, each on a small invented fixture in
/// the shape of the digests where the kind was seen. Every split here also checks the
/// conservation invariant (`checkedSplit`).
@Suite struct FailureKindTests {
    let splitter: BulletinSplitter

    init() throws {
        splitter = try BulletinSplitter()
    }

    static let trailer = "Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!"

    func analyse(_ text: String, markup: Markup = .plain, key: LayoutKey? = nil) -> SplitResult {
        let document = FixtureLoader.normalisedDocument(text, markup: markup)
        let result = splitter.analyse(document, key: key)
        for problem in Conservation.violations(of: result, in: document) { Issue.record("conservation: \(problem)") }
        return result
    }

    // MARK: Kind 1: a title followed by another heading-like line is lost

    @Test func kind1TitleFollowedBySubheadingCaptionOrTopicsLineIsKept() {
        let text = """
            Lakeland opens a public register of delivery drone operators

            The aviation authority of Lakeland has opened a public register listing every company that flies delivery drones over towns.

            \(Self.trailer)

            Westmark tests quantum-safe encryption in its tax administration
            Pilot phase
            The tax administration of Westmark has started a pilot that protects taxpayer records with encryption designed to resist quantum computers.

            \(Self.trailer)

            Eastvale courts rule on algorithmic rent pricing
            Housing, algorithms, competition law
            Two courts in Eastvale have ruled that landlords sharing data through a pricing algorithm may breach competition law.

            \(Self.trailer)

            Southport funds community broadband in three valleys
            Related topics: broadband, rural areas
            The city of Southport will fund community-owned broadband networks in three valleys that commercial operators have not connected.

            \(Self.trailer)
            """
        let result = analyse(text)
        #expect(result.articles.map(\.title) == [
            "Lakeland opens a public register of delivery drone operators",
            "Westmark tests quantum-safe encryption in its tax administration",
            "Eastvale courts rule on algorithmic rent pricing",
            "Southport funds community broadband in three valleys",
        ])
        #expect(result.articles[1].body.hasPrefix("Pilot phase\n\nThe tax administration"))
        #expect(result.articles[2].body.hasPrefix("Housing, algorithms, competition law\n\n"))
        #expect(result.articles[3].body.hasPrefix("Related topics: broadband, rural areas\n\n"))
    }

    @Test func kind1FirstTitleFollowedBySubheadingWithoutTrailersIsKept() {
        let text = """
            Northland publishes rules for public-sector chatbots

            Scope of the rules

            The digital ministry of Northland has published binding rules for chatbots that answer questions on behalf of public agencies, covering accuracy and escalation.

            Westmark launches an open data portal for river levels

            The environment agency of Westmark has launched a portal that publishes river levels from four hundred gauges every fifteen minutes.
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Northland publishes rules for public-sector chatbots",
            "Westmark launches an open data portal for river levels",
        ])
        #expect(articles.first?.body.hasPrefix("Scope of the rules\n\n") == true)
    }

    // MARK: Kind 2: looking like a title beats the trailer

    @Test func kind2SubheadingsInsideATrailerClosedArticleDoNotSplitIt() {
        let text = """
            Coastal states agree on a shared plan to repair subsea cables quickly

            Ministers from five coastal states have signed a plan to share repair ships and spare cable so that damaged links are restored within days.

            A new agency will coordinate repair ships

            The agency will keep a register of available vessels and will be able to send the nearest one to a fault without waiting for commercial contracts.

            Funding comes from a regional levy on operators

            Operators landing cables in the five states will pay a small levy per landing station, which the ministers expect to cover the running costs.

            Why does it matter?

            Subsea cables carry almost all international data traffic, and slow repairs can isolate small countries for weeks.

            \(Self.trailer)

            Northland adopts a law on digital identity wallets for every resident

            The parliament of Northland has approved a law giving every resident the right to a free digital identity wallet issued by the state.

            \(Self.trailer)
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Coastal states agree on a shared plan to repair subsea cables quickly",
            "Northland adopts a law on digital identity wallets for every resident",
        ])
        #expect(articles.first?.body.contains("\n\nA new agency will coordinate repair ships\n\n") == true)
        #expect(articles.first?.body.contains("\n\nFunding comes from a regional levy on operators\n\n") == true)
        #expect(articles.first?.why != nil)
    }

    /// The other side of kind 2: a block that lost its trailer holds two articles. The line
    /// between them is as long as the other titles, stands alone, and both parts are
    /// article-sized (here the first has no why section, so no why text marks its end).
    @Test func kind2BlockThatLostItsTrailerStillSplitsInTwo() {
        let text = """
            Westmarch publishes rules for public sector use of facial recognition

            The government of Westmarch has published rules that limit how public bodies may use facial recognition in streets and stations.

            Every deployment will need a prior impact assessment and approval by the data protection authority, which must publish its decision.

            Police forces will have one year to bring existing systems into line with the rules or switch them off.

            \(Self.trailer)

            Riverton launches a national programme to train teachers in data literacy

            The education ministry of Riverton has launched a programme to train every secondary school teacher in basic data literacy by next year.

            Courses will be taught online and in regional centres, and teachers who finish them will receive a certificate recognised for promotion.

            The ministry expects about forty thousand teachers to take part in the first round of the programme.

            Highland regulator fines a telecom operator over repeated network outages

            The telecom regulator of Highland has fined the country's largest operator after three outages left customers without service for hours.

            The regulator found that the operator had not maintained backup power at key sites, despite earlier warnings from inspectors.

            The operator has two months to present a plan to improve the resilience of its network.

            Why does it matter?

            Outages of a dominant operator affect emergency calls and payments, which makes resilience a public concern.

            \(Self.trailer)

            Southbay opens consultation on rules for autonomous delivery robots

            The city of Southbay has opened a public consultation on rules for delivery robots that move along pavements in busy districts.

            Residents can comment on speed limits, the hours of operation and the zones where the robots would not be allowed to run.

            \(Self.trailer)
            """
        let result = analyse(text)
        #expect(result.articles.map(\.title) == [
            "Westmarch publishes rules for public sector use of facial recognition",
            "Riverton launches a national programme to train teachers in data literacy",
            "Highland regulator fines a telecom operator over repeated network outages",
            "Southbay opens consultation on rules for autonomous delivery robots",
        ])
        #expect(result.articles[1].body.hasSuffix("first round of the programme."))
        #expect(result.articles[1].why == nil)
        #expect(result.articles[2].why != nil)
    }

    /// A single sub-heading as long as the titles, after a one-paragraph lead, stays in
    /// its trailer-closed article: the part before it is no article body.
    @Test func kind2SingleLongSubheadingAfterAShortLeadDoesNotSplit() {
        let text = """
            Coastal states agree on a shared plan to repair subsea cables quickly

            Ministers from five coastal states have signed a plan to share repair ships and spare cable so that damaged links are restored within days.

            A new regional agency will coordinate the repair ships of all five states

            The agency will keep a register of available vessels and will be able to send the nearest one to a fault without waiting for commercial contracts.

            Operators landing cables in the five states will pay a small levy per landing station, which the ministers expect to cover the running costs.

            The first review of the plan is due after two years of operation.

            \(Self.trailer)

            Northland adopts a law on digital identity wallets for every resident

            The parliament of Northland has approved a law giving every resident the right to a free digital identity wallet issued by the state.

            Residents will be able to store their driving licence and diplomas in the wallet from the start of next year.

            \(Self.trailer)
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Coastal states agree on a shared plan to repair subsea cables quickly",
            "Northland adopts a law on digital identity wallets for every resident",
        ])
        #expect(articles.first?.body.contains("\n\nA new regional agency will coordinate the repair ships of all five states\n\n") == true)
    }

    // MARK: Kind 3: a body sentence without its final stop taken for a title

    @Test func kind3LongSentenceWithoutFinalStopIsNotATitle() {
        let text = """
            Eastvale requires energy labels for new data centres

            The government of Eastvale will require every new data centre to publish an energy label showing its power use and the share of renewable energy.

            Operators that fail to publish a label within six months of opening will face fines, the ministry said in a statement released on tuesday

            The label will be reviewed every two years, and the first reviews are expected before the end of the decade in the larger facilities.

            Southport opens a municipal cybersecurity help desk for small shops

            The city of Southport has opened a help desk where small shops can get free advice on securing their payment terminals and websites.
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Eastvale requires energy labels for new data centres",
            "Southport opens a municipal cybersecurity help desk for small shops",
        ])
        #expect(articles.first?.body.contains("released on tuesday\n\nThe label will be reviewed") == true)
    }

    // MARK: Kind 4: without trailers, a short title is refused

    @Test func kind4ShortQuestionTitleAfterLongerTitlesStartsAnArticle() {
        let text = """
            Lakeland fines a ride-hailing platform over its handling of driver data

            The data protection authority of Lakeland has fined a ride-hailing platform for keeping location data of drivers for years without a legal basis.

            Westmark proposes a tax credit for small firms that adopt cloud services

            The finance ministry of Westmark has proposed a tax credit covering part of the cost of cloud services for firms with fewer than fifty employees.

            Who pays for rural fibre?

            A report by the regulator of Eastvale estimates that connecting the last remote villages will cost more than the rest of the network combined.
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Lakeland fines a ride-hailing platform over its handling of driver data",
            "Westmark proposes a tax credit for small firms that adopt cloud services",
            "Who pays for rural fibre?",
        ])
    }

    // MARK: Kind 5: the older trailer

    @Test func kind5OlderTrailerClosesArticlesAndIsSkipped() {
        let text = """
            Northland audits the accessibility of government websites

            The digital agency of Northland has audited three hundred government websites and found that most fail basic accessibility checks.

            For more information on these topics, visit diplomacy.edu.

            Eastvale extends its broadband subsidy to rural cooperatives

            The government of Eastvale will extend its broadband subsidy to cooperatives that build fibre networks in villages.

            For more information on these topics, visit diplomacy.edu
            """
        let result = analyse(text)
        #expect(result.articles.map(\.title) == [
            "Northland audits the accessibility of government websites",
            "Eastvale extends its broadband subsidy to rural cooperatives",
        ])
        #expect(result.articles.allSatisfy { !$0.body.contains("diplomacy.edu") })
        #expect(result.skipped.map(\.reason) == [.trailer, .trailer])
    }

    // MARK: Kind 6: front matter and house sections become articles

    @Test func kind6MastheadIntroHouseSectionsAndSignOffAreSkipped() {
        let text = """
            Open Circuits Monthly
            Issue 18

            Dear friends,

            Welcome back. This month we look at repair rights and at the long life of home routers.

            Repair rights advance in three regional parliaments

            Three regional parliaments have passed laws requiring manufacturers to sell spare parts and publish repair manuals for at least seven years.

            Firmware vendors promise longer security updates for home routers

            Four large router vendors have promised to deliver security updates for at least five years after a model is last sold, after pressure from consumer groups.

            Contributors' corner

            This issue was written with help from Ana and Tomas, who also maintain our translation tools and the mailing list archive.

            Best regards,
            The Open Circuits team
            """
        let result = analyse(text)
        #expect(result.articles.map(\.title) == [
            "Repair rights advance in three regional parliaments",
            "Firmware vendors promise longer security updates for home routers",
        ])
        let skipped = Dictionary(grouping: result.skipped, by: \.reason).mapValues { $0.map(\.line) }
        #expect(skipped[.masthead] == [1, 2])
        #expect(skipped[.intro] == [4, 6])
        #expect(skipped[.house] == [16, 18, 20, 21])
    }

    @Test func kind6MarkdownLinkListAndSectionHeadingsAreSkipped() {
        let text = """
            # Lakeside Project Newsletter

            ## News

            ### Release 4.2 brings offline maps

            The new release lets volunteers download map tiles for a whole district and edit them without a connection, syncing when they are back online.

            ### The project joins a regional open-source foundation

            After a year of discussion the steering group has agreed to move the project's trademarks and servers to a regional open-source foundation.

            ## Upcoming events

            - [Mapping party in Westmark](https://example.org/events/1), 12 December
            - [Online release call](https://example.org/events/2), 15 December

            ## Jobs

            - [Backend developer, part time](https://example.org/jobs/7)
            """
        let result = analyse(text, markup: .markdown)
        #expect(result.articles.map(\.title) == [
            "Release 4.2 brings offline maps",
            "The project joins a regional open-source foundation",
        ])
        let lists = result.skipped.filter { $0.reason == .linkList }.map(\.line)
        #expect(lists == [13, 15, 16, 18, 20])
        #expect(result.skipped.first { $0.line == 3 }?.reason == .masthead)
        #expect(result.skipped.first { $0.line == 1 }?.reason == .masthead)
    }

    @Test func kind6HeadlineSourceParagraphKeepsTheHeadlineAsTitle() {
        let text = """
            Court orders a platform to restore suspended accounts
            Example Times, 3 November 2026
            A regional court has ordered a social media platform to restore the accounts of two journalists, finding that the suspensions lacked a stated reason.

            Regulator opens an inquiry into smart meter data sharing
            Example Post
            The energy regulator has opened an inquiry into whether suppliers shared smart meter readings with advertisers without the consent of households.

            Parliament debates a ban on facial recognition in schools
            Example Herald, 4 November 2026
            Members of parliament have begun debating a bill that would prohibit schools from using facial recognition for attendance or building access.
            """
        let articles = analyse(text).articles
        #expect(articles.map(\.title) == [
            "Court orders a platform to restore suspended accounts",
            "Regulator opens an inquiry into smart meter data sharing",
            "Parliament debates a ban on facial recognition in schools",
        ])
        #expect(articles[1].body.hasPrefix("Example Post\n\nThe energy regulator"))
    }

    // MARK: Kind 7: one global configuration

    @Test func kind7LayoutChosenBySenderOrFileNameHasItsOwnTrailer() throws {
        var config = SplitterConfig.default
        config.layouts.append(SplitterLayout(
            name: "hyphen-press",
            match: LayoutMatch(from: ["*@hyphen.example"], fileName: ["hyphen-*"]),
            config: SplitterConfig(trailerPatterns: ["-{3,}"], whyHeadingPatterns: [])))
        let splitter = try BulletinSplitter(config: config)
        let text = """
            Port Aurelia tests autonomous ferries

            The harbour authority has begun trials of two autonomous ferries on short routes across the bay.

            ---

            A bakery in Westmark accepts only cash again

            After a series of card payment outages, a popular bakery has decided to accept only cash until the end of the year.

            ---
            """
        let document = FixtureLoader.normalisedDocument(text)
        let bySender = splitter.analyse(document, key: LayoutKey(from: "Hyphen Press <news@hyphen.example>"))
        #expect(bySender.layout == "hyphen-press")
        #expect(bySender.articles.map(\.title) == ["Port Aurelia tests autonomous ferries", "A bakery in Westmark accepts only cash again"])
        #expect(bySender.skipped.map(\.reason) == [.trailer, .trailer])
        let byName = splitter.analyse(document, key: LayoutKey(fileName: "hyphen-2026-11.txt"))
        #expect(byName.articles == bySender.articles)
        // Another publisher's "---" is a section break inside an article, not a trailer: the
        // paragraph after it stays in the article.
        let otherText = """
            Port Aurelia tests autonomous ferries

            The harbour authority has begun trials of two autonomous ferries on short routes across the bay.

            ---

            The trials will run until the spring, when the authority will decide whether to order more vessels.
            """
        let otherDocument = FixtureLoader.normalisedDocument(otherText)
        let other = splitter.analyse(otherDocument, key: LayoutKey(from: "news@elsewhere.example", fileName: "other.txt"))
        #expect(other.layout == nil)
        #expect(other.articles.count == 1)
        #expect(other.articles.first?.body.hasSuffix("decide whether to order more vessels.") == true)
        #expect(Conservation.violations(of: other, in: otherDocument).isEmpty)
        for result in [bySender, byName] {
            #expect(Conservation.violations(of: result, in: document).isEmpty)
        }
    }
}
