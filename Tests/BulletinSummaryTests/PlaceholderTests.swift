import Testing
@testable import BulletinSummary

@Test func placeholder() { #expect(Bool(true)) }
