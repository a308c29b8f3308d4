import Testing
@testable import BulletinService

@Suite struct SystemdNotifierTests {
    @Test func aStatusWithSeveralLinesStaysOneAssignment() {
        let text = "reload failed: /etc/bulletind/topics.toml:4:13: dangling operator\n/etc/bulletind/topics.toml:9:1: unknown key"
        #expect(SystemdNotifier.statusAssignment(text)
            == "STATUS=reload failed: /etc/bulletind/topics.toml:4:13: dangling operator; /etc/bulletind/topics.toml:9:1: unknown key")
        #expect(!SystemdNotifier.statusAssignment("a\r\nb\n").contains("\n"))
    }
}
