import Foundation
import Testing
@testable import BulletinReader

@Suite("E-mail messages")
struct EmailTests {
    /// 2026-11-29 00:00:00 UTC as seconds since 1970.
    static let november29 = 1_795_910_400.0

    @Test func quotedPrintablePlainText() throws {
        let document = try Fixtures.read("qp-plain.eml")
        #expect(document.format == .email)
        #expect(document.markup == .plain)
        #expect(document.encoding == "utf-8")
        #expect(document.title == "Weekly digest: café tracking and cable repairs")
        #expect(document.date == Date(timeIntervalSince1970: Self.november29 + 6.5 * 3600))
        #expect(document.text == """
            Regulator fines café chain over Wi-Fi tracking

            The data regulator fined a café chain €40,000 for logging customers’ phones via in-store Wi-Fi without consent.

            Why does it matter?

            Score: 9=9, and a lone = sign stays.
            """)
    }

    @Test func base64Latin1BodyAndDateWithoutWeekday() throws {
        let document = try Fixtures.read("base64-plain.eml")
        #expect(document.markup == .plain)
        #expect(document.encoding == "iso-8859-1")
        #expect(document.title == "Résumé de la semaine")
        #expect(document.date == Date(timeIntervalSince1970: Self.november29 + 4 * 86_400 + 18 * 3600 + 5 * 60))
        #expect(document.text == """
            Résumé of the week: the Valdoria data office opened an inquiry into a school app that shared pupils´ locations with advertisers. The app maker denies wrongdoing.

            Naïve consent banners were also criticised.
            """)
    }

    @Test func alternativePrefersPlainText() throws {
        let document = try Fixtures.read("alternative.eml")
        #expect(document.markup == .plain)
        #expect(document.encoding == "us-ascii")
        #expect(document.title == "Alternatives")
        #expect(document.date == Date(timeIntervalSince1970: Self.november29 + 86_400 + 14.25 * 3600))
        #expect(document.text == """
            Satellite operators sign debris pledge

            Four operators promised to de-orbit dead satellites within five years.
            """)
    }

    @Test func htmlOnlyMessageIsConverted() throws {
        let document = try Fixtures.read("html-only.eml")
        #expect(document.markup == .markdown)
        #expect(document.encoding == "windows-1252")
        #expect(document.title == "Tide – HTML edition")
        #expect(document.date == Date(timeIntervalSince1970: Self.november29 + 2 * 86_400 + 17 * 3600))
        #expect(document.text == """
            ## Drone rules for farmers

            Farmers’ groups won an exemption for crop-spraying drones under 25 kg.

            Unsubscribe
            """)
    }

    @Test func nestedMixedSkipsAttachments() throws {
        let document = try Fixtures.read("mixed-nested.eml")
        #expect(document.markup == .plain)
        #expect(document.encoding == "iso-8859-15")
        #expect(document.title == "Nested")
        #expect(document.date == Date(timeIntervalSince1970: Self.november29 + 3 * 86_400 + 8 * 3600))
        #expect(document.text == "Museum digitises 40,000 maps\n\nThe project cost € 1.2 million and the œuvre catalogue is online.")
    }

    @Test func alternativeFallsBackToHTML() throws {
        let message = """
            From: a@example.net
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: image/png
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --b
            Content-Type: text/html

            <h1>Only&nbsp;HTML</h1>
            --b--
            """
        let document = try BulletinReader().read(Data(message.utf8), fileName: "m.eml")
        #expect(document.markup == .markdown)
        #expect(document.encoding == "utf-8")
        #expect(document.text == "# Only HTML")
    }

    @Test func htmlTitleIsUsedWhenThereIsNoSubject() throws {
        let message = "From: a@example.net\nContent-Type: text/html\n\n<title>Issue 7</title><p>Body</p>"
        let document = try BulletinReader().read(Data(message.utf8), fileName: "m.eml")
        #expect(document.title == "Issue 7")
        #expect(document.date == nil)
    }

    @Test func messageWithOnlyAnAttachmentIsMalformed() {
        let message = """
            From: a@example.net
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: text/plain
            Content-Disposition: attachment; filename=a.txt

            attached
            --x--
            """
        let error = readError { () throws(ReadError) in try BulletinReader().read(Data(message.utf8), fileName: "m.EML") }
        #expect(error == .malformedEmail("no text/plain or text/html body part"))
    }

    @Test func emlWithoutHeadersIsMalformed() {
        let error = readError { () throws(ReadError) in try BulletinReader().read(Data("just some text\n".utf8), fileName: "m.eml") }
        #expect(error == .malformedEmail("no header fields"))
    }

    @Test(arguments: ["digest.txt", "digest", "digest.bin"])
    func emailIsSniffedInTextFiles(name: String) throws {
        let message = "Return-Path: <a@example.net>\r\nMIME-Version: 1.0\r\nSubject: Sniffed\r\n\r\nBody line\r\n"
        let document = try BulletinReader().read(Data(message.utf8), fileName: name)
        #expect(document.format == .email)
        #expect(document.title == "Sniffed")
        #expect(document.text == "Body line")
    }

    @Test func textStartingWithAColonLineIsNotEmail() throws {
        let text = "Note: read this first\n\nBody paragraph.\n"
        let document = try BulletinReader().read(Data(text.utf8), fileName: "n.txt")
        #expect(document.format == .text)
        #expect(document.text == "Note: read this first\n\nBody paragraph.")
    }

    @Test func unknownCharsetTriesUTF8ThenWindows1252() throws {
        let utf8 = "From: a@example.net\nContent-Type: text/plain; charset=x-unknown\n\ncaf\u{E9}"
        #expect(try BulletinReader().read(Data(utf8.utf8), fileName: "a.eml").encoding == "utf-8")
        let latin: [UInt8] = Array("From: a@example.net\nContent-Type: text/plain; charset=x-unknown\n\ncaf".utf8) + [0xE9]
        let document = try BulletinReader().read(Data(latin), fileName: "a.eml")
        #expect(document.encoding == "windows-1252")
        #expect(document.text == "café")
    }

    @Test func deeplyNestedMultipartDoesNotOverflow() throws {
        var message = "From: a@example.net\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<200 {
            message += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        message += "--b199\nContent-Type: text/plain\n\ndeep\n"
        let error = readError { () throws(ReadError) in try BulletinReader().read(Data(message.utf8), fileName: "deep.eml") }
        #expect(error == .malformedEmail("no text/plain or text/html body part"))
    }
}

@Suite("format=flowed")
struct FlowedTextTests {
    @Test func softBreaksAreJoinedHardBreaksKept() {
        let text = "A soft \r\nwrapped line.\r\n Stuffed line\r\n> quoted and \r\n> joined\r\n-- \r\nsig\r\n"
        #expect(FlowedText.unflow(text, deleteSpace: false) == "A soft wrapped line.\nStuffed line\n> quoted and joined\n-- \nsig\n\n")
    }

    @Test func delSpDropsTheBreakingSpace() {
        #expect(FlowedText.unflow("Donau \ndampf\n", deleteSpace: true) == "Donaudampf\n\n")
    }

    @Test func flowedMessageBody() throws {
        let message = """
            From: a@example.net
            Content-Type: text/plain; charset=utf-8; format=flowed

            Regulators in three countries opened a joint inquiry into\u{20}
            a ride-hailing app.

            Second paragraph.
            """
        let document = try BulletinReader().read(Data(message.utf8), fileName: "f.eml")
        #expect(document.text == "Regulators in three countries opened a joint inquiry into a ride-hailing app.\n\nSecond paragraph.")
    }
}

@Suite("Enclosed messages")
struct EnclosedMessageTests {
    @Test func inlineForwardedMessageIsRead() throws {
        let message = """
            From: a@example.net
            Subject: Fwd: Weekly notes
            Content-Type: multipart/mixed; boundary=f

            --f
            Content-Type: message/rfc822

            From: notes@example.org
            Subject: Weekly notes
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 Wi-Fi rules tightened.
            --f--
            """
        let document = try BulletinReader().read(Data(message.utf8), fileName: "fwd.eml")
        #expect(document.title == "Fwd: Weekly notes")
        #expect(document.encoding == "iso-8859-1")
        #expect(document.text == "Café Wi-Fi rules tightened.")
    }

    @Test func forwardedMessageAsAttachmentIsIgnored() {
        let message = """
            From: a@example.net
            Content-Type: multipart/mixed; boundary=f

            --f
            Content-Type: message/rfc822
            Content-Disposition: attachment

            From: notes@example.org

            Body
            --f--
            """
        let error = readError { () throws(ReadError) in try BulletinReader().read(Data(message.utf8), fileName: "fwd.eml") }
        #expect(error == .malformedEmail("no text/plain or text/html body part"))
    }
}
