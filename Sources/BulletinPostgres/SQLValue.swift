import Foundation
import PostgresNIO

/// A value bound to a `$n` placeholder: the few types the archive's statements use.
enum SQLValue: Sendable {
    case text(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case date(Date)
    case texts([String])
    case ints([Int64])
    case doubles([Double])
    case bytes(Data)
    case null

    static func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    static func date(_ value: Date?) -> SQLValue { value.map(SQLValue.date) ?? .null }

    static func bindings(_ values: [SQLValue]) throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let v): bindings.append(v)
            case .int(let v): bindings.append(v)
            case .double(let v): bindings.append(v)
            case .bool(let v): bindings.append(v)
            case .date(let v): bindings.append(v)
            case .texts(let v): bindings.append(v)
            case .ints(let v): bindings.append(v)
            case .doubles(let v): bindings.append(v)
            case .bytes(let v): try bindings.append(v)
            case .null: bindings.appendNull()
            }
        }
        return bindings
    }
}
