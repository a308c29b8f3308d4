/// STUB: the TOML module's public API is designed by its implementer; see issue notes.
public struct TOMLTable: Sendable {}
