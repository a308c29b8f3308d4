/// A problem in a rule, at an offset (in Unicode scalars) of the rule's text; a nil offset
/// means the rule as a whole (reported at the rule's value in the file).
struct RuleSyntaxError: Error, Sendable, Equatable {
    var offset: Int?
    var message: String
}
