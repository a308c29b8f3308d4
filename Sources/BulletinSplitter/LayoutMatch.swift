#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which documents a `SplitterLayout` is for. A document matches when any one of the
/// given lists has an entry that accepts it (an empty match accepts nothing).
///
/// `from`, `listID` and `fileName` entries are shell-style globs (`*`, `?`, `[…]`),
/// matched case-insensitively against the whole value: `*@diplomacy.edu` against the
/// `From` header as written ("Digital Watch <news@diplomacy.edu>") or against the bare
/// address between `<` and `>`, `*.diplomacy.edu*`
/// against `List-Id`, `diplo-*.txt` against the file name. `subject` entries are regular
/// expressions (`SplitterConfig`'s syntax, bulletind's own matcher) searched case-insensitively anywhere in the subject (or HTML title).
public struct LayoutMatch: Sendable, Equatable {
    public var from: [String]
    public var listID: [String]
    public var subject: [String]
    public var fileName: [String]

    public init(from: [String] = [], listID: [String] = [], subject: [String] = [], fileName: [String] = []) {
        self.from = from
        self.listID = listID
        self.subject = subject
        self.fileName = fileName
    }

    /// Whether the document described by these values is one for the layout. Compiles the
    /// `subject` patterns on each call; `BulletinSplitter` compiles them once (`compiledSubjects`).
    public func accepts(_ key: LayoutKey) -> Bool {
        accepts(key, subjects: compiledSubjects())
    }

    /// The `subject` patterns compiled, in order; one that is not valid is left out (it
    /// accepts nothing).
    func compiledSubjects() -> [LinePattern] {
        subject.compactMap { try? LinePattern($0) }
    }

    /// `accepts(_:)` with the `subject` patterns compiled beforehand (`compiledSubjects`).
    func accepts(_ key: LayoutKey, subjects: [LinePattern]) -> Bool {
        if let value = key.from {
            let address = Self.address(in: value)
            for pattern in from where Self.glob(pattern, matches: value) || address.map({ Self.glob(pattern, matches: $0) }) == true {
                return true
            }
        }
        if let value = key.listID, listID.contains(where: { Self.glob($0, matches: value) }) { return true }
        if let value = key.fileName, fileName.contains(where: { Self.glob($0, matches: value) }) { return true }
        if let value = key.subject {
            for pattern in subjects where pattern.occurs(in: value) {
                return true
            }
        }
        return false
    }

    /// The address between `<` and `>` in a header such as "Name <user@host>".
    static func address(in header: String) -> String? {
        guard let open = header.lastIndex(of: "<"), let close = header[open...].firstIndex(of: ">") else { return nil }
        return String(header[header.index(after: open)..<close])
    }

    static func glob(_ pattern: String, matches value: String) -> Bool {
        fnmatch(pattern.lowercased(), value.lowercased(), 0) == 0
    }
}

/// What a layout is chosen by: the document's sender, list, subject and file name.
public struct LayoutKey: Sendable, Equatable {
    public var from: String?
    public var listID: String?
    public var subject: String?
    public var fileName: String?

    public init(from: String? = nil, listID: String? = nil, subject: String? = nil, fileName: String? = nil) {
        self.from = from
        self.listID = listID
        self.subject = subject
        self.fileName = fileName
    }
}
