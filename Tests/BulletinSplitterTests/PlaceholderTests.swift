import Testing
@testable import BulletinSplitter

@Test func placeholder() { #expect(Bool(true)) }
