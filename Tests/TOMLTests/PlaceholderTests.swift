import Testing
@testable import TOML

@Test func placeholder() { #expect(Bool(true)) }
