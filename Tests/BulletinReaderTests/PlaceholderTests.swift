import Testing
@testable import BulletinReader

@Test func placeholder() { #expect(Bool(true)) }
