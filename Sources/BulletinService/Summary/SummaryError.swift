/// A summary that cannot be written, with what was asked.
public enum SummaryError: Error, CustomStringConvertible, Equatable {
    case noSuchWeek(String)

    public var description: String {
        switch self {
        case .noSuchWeek(let week): "no such ISO week: \(week)"
        }
    }
}
