/// Paths given on the command line; each one given wins over the configuration file.
public struct PathOverrides: Sendable, Equatable {
    public var inbox: String?
    public var archive: String?
    public var quarantine: String?
    public var database: String?
    public var summaries: String?
    public var rules: String?

    public init(inbox: String? = nil, archive: String? = nil, quarantine: String? = nil,
                database: String? = nil, summaries: String? = nil, rules: String? = nil) {
        self.inbox = inbox
        self.archive = archive
        self.quarantine = quarantine
        self.database = database
        self.summaries = summaries
        self.rules = rules
    }

    func apply(to configuration: inout Configuration) {
        if let inbox { configuration.inbox = inbox }
        if let archive { configuration.archive = archive }
        if let quarantine { configuration.quarantine = quarantine }
        if let database { configuration.database = database }
        if let summaries { configuration.summaries = summaries }
        if let rules { configuration.rules = rules }
    }
}
