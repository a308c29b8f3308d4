import Testing
@testable import BulletinClassifier

@Test func placeholder() { #expect(Bool(true)) }
