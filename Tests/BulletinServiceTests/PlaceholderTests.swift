import Testing
@testable import BulletinService

@Test func placeholder() { #expect(Bool(true)) }
