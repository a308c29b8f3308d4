import Foundation
import BulletinStore
import BulletinSummary

/// STUB until the summary composer lands.
public enum SummaryComposer {
    public static func compose(store: Store, day: Date, timeZone: TimeZone, now: Date) throws -> DaySummary {
        DaySummary(date: "", timeZone: timeZone.identifier, generatedAt: "", counts: .init(bulletins: 0, articles: 0, topics: 0), sections: [])
    }
}
