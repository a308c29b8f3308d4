#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift value that can be bound to a statement's parameter and read from a column.
///
/// The stored forms are those GRDB wrote, so databases written before keep reading the same:
/// `Bool` as 0/1, `Date` as UTC text "yyyy-MM-dd HH:mm:ss.SSS" (`SQLDate`), `Data` and
/// `[UInt8]` as blobs, `Optional.none` as NULL. Reading converts like SQLite's own affinities
/// where it is lossless (an integer column read as `Double`, a number read as `Bool`); a value
/// that cannot be converted reads as nil.
public protocol SQLValueConvertible {
    /// The value as bound to a parameter.
    var sqlValue: SQLValue { get }
    /// The value read from a column; nil when the stored value cannot be this type.
    init?(sqlValue: SQLValue)
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let value): self = value
        case .real(let value): guard let exact = Int64(exactly: value) else { return nil }; self = exact
        case .text(let text): guard let parsed = Int64(text) else { return nil }; self = parsed
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue: SQLValue) {
        guard let value = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(value)
    }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let value): self = Double(value)
        case .real(let value): self = value
        case .text(let text): guard let parsed = Double(text) else { return nil }; self = parsed
        default: return nil
        }
    }
}

extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let value): self = value != 0
        case .real(let value): self = value != 0
        default: return nil
        }
    }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let text): self = text
        case .integer(let value): self = String(value)
        case .real(let value): self = String(value)
        case .blob(let bytes): self = String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }
}

extension Date: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(SQLDate.text(of: self)) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let text): guard let date = SQLDate.date(from: text) else { return nil }; self = date
        // GRDB's reading of a number: seconds since 1970.
        case .integer(let value): self = Date(timeIntervalSince1970: Double(value))
        case .real(let value): self = Date(timeIntervalSince1970: value)
        default: return nil
        }
    }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .blob(let bytes): self = Data(bytes)
        case .text(let text): self = Data(text.utf8)
        default: return nil
        }
    }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .blob(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// NULL reads as `.none`; a value that cannot be `Wrapped` fails (a mismatch).
    public init?(sqlValue: SQLValue) {
        if case .null = sqlValue {
            self = .none
        } else if let value = Wrapped(sqlValue: sqlValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
