import Testing
@testable import BulletinStore

@Test func placeholder() { #expect(Bool(true)) }
