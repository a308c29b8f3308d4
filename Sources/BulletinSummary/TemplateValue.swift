/// What a `PageTemplate` shows or tests: a page's values as plain data, so that the
/// templates decide the markup and the code only supplies text, flags and lists.
enum TemplateValue: Sendable, Equatable {
    /// Shown by `{{name}}`, HTML-escaped. A section over it renders once, with it on top.
    case text(String)
    /// A section over it renders once when true (nothing is put on top), never when false;
    /// shown as `true`/`false`.
    case flag(Bool)
    /// A section over it renders once per element, with the element on top; never when empty.
    /// Shown as nothing.
    case list([TemplateValue])
    /// Named values; a section over it renders once, with it on top. Shown as nothing.
    case record([String: TemplateValue])

    /// A count, shown in decimal (as Mustache shows an `Int`).
    static func number(_ value: Int) -> TemplateValue {
        .text(String(value))
    }

    /// True when a section over the value renders nothing (and an inverted one renders):
    /// false and the empty list.
    var isFalsy: Bool {
        switch self {
        case .flag(let value): !value
        case .list(let elements): elements.isEmpty
        case .text, .record: false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    init(booleanLiteral value: Bool) {
        self = .flag(value)
    }
}
