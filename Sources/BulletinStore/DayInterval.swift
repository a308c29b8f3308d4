#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One day as the store counts it: `[start, end)`, computed by the caller's calendar (23 or 25
/// hours long on DST changes). The store never decides where a day begins.
public struct DayInterval: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}
