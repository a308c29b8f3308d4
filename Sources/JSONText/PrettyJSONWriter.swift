/// Writes pretty-printed JSON by hand: the bytes `JSONEncoder` writes with `.prettyPrinted`
/// and `.sortedKeys` (and `.withoutEscapingSlashes` unless `escapingSlashes`), for a value whose
/// members the caller hands over one by one. The state file and the day's summary are written
/// with it, without the encoder's cost or its code in the daemon.
///
/// Callers may rely on: two spaces of indent per level; every member of an object or array on
/// a line of its own, a comma after each but the last; `"key" : value`; an empty object or
/// array as the encoder writes it (`{` or `[`, an empty line, `}` or `]` at the container's
/// indent); strings as `JSONStringEscaper` writes them; an integer as its decimal digits; a
/// `Double` as its shortest decimal text less a trailing `.0` (`2`, `0.25`, `3e+21`); no newline
/// at the end unless `endLine()` writes one.
///
/// What the caller keeps: keys are written as given, so for `.sortedKeys` the caller writes
/// them in byte order; inside an `object` every `key` is followed by exactly one value (a
/// scalar, an `object` or an `array`); an absent optional is left out by not writing its key
/// (`field` does both for a scalar).
/// After a throw from the caller's closure the bytes are incomplete: start again.
public struct PrettyJSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    private let escapingSlashes: Bool
    /// The level of the container being written (0: the top).
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var first = true

    /// `escapingSlashes`: `/` as `\/`, `JSONEncoder`'s default; false for `.withoutEscapingSlashes`.
    /// `capacity`: bytes reserved up front.
    public init(escapingSlashes: Bool, capacity: Int = 0) {
        self.escapingSlashes = escapingSlashes
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// An object: `{`, the members `members` writes (each a `key` and its value) one level in, `}`.
    public mutating func object(_ members: (inout PrettyJSONWriter) throws -> Void) rethrows {
        try container(open: "{", close: "}", members)
    }

    /// An array of `elements`, each written by `element` (one value each) one level in.
    public mutating func array<Element>(_ elements: [Element],
                                        _ element: (inout PrettyJSONWriter, Element) throws -> Void) rethrows {
        try container(open: "[", close: "]") { w in
            for value in elements {
                w.separate()
                try element(&w, value)
            }
        }
    }

    /// An array of strings.
    public mutating func array(_ strings: [String]) {
        array(strings) { w, value in w.string(value) }
    }

    /// A member's key: the comma ending the member before (if any), a new line, the indent and
    /// `"name" : `. The member's value comes next.
    public mutating func key(_ name: StaticString) {
        separate()
        append("\"")
        append(name)
        append("\" : ")
    }

    // MARK: Values

    /// A string literal (`JSONStringEscaper`).
    public mutating func string(_ value: String) {
        JSONStringEscaper.append(value, to: &bytes, escapingSlashes: escapingSlashes)
    }

    /// An integer's decimal digits.
    public mutating func number(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A `Double` as the encoder writes it: its `description` less a trailing `.0`. JSON has no
    /// text for infinities and NaN (the encoder throws for them): the caller passes a finite value.
    public mutating func number(_ value: Double) {
        precondition(value.isFinite, "JSON has no text for \(value)")
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    // MARK: Members (a key and its value; an absent optional leaves its key out)

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field<Integer: BinaryInteger>(_ name: StaticString, _ value: Integer?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    /// A finite `value` (see `number(_:)`).
    public mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: StaticString, _ strings: [String]) {
        key(name)
        array(strings)
    }

    /// A newline after the top-level value, for a file that ends with one.
    public mutating func endLine() {
        append("\n")
    }

    // MARK: Structure

    /// `open`, a newline, the members one level in (each preceded by `separate()`), a newline,
    /// `close` at this level: an empty container is `open`, an empty line, `close`.
    private mutating func container(open: StaticString, close: StaticString,
                                    _ members: (inout PrettyJSONWriter) throws -> Void) rethrows {
        append(open)
        append("\n")
        depth += 1
        let outerFirst = first
        first = true
        try members(&self)
        depth -= 1
        first = outerFirst
        append("\n")
        indent()
        append(close)
    }

    /// The comma and newline before every member but the first, and the member's indent.
    private mutating func separate() {
        if first { first = false } else { append(",\n") }
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
