import Testing
import BulletinReader
@testable import BulletinSplitter

extension BulletinSplitter {
    /// `split`, asserting the conservation invariant on the way: every test input is also
    /// a conservation test (nothing lost, nothing twice).
    func checkedSplit(_ document: Document, key: LayoutKey? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) -> [Article] {
        let result = analyse(document, key: key)
        for problem in Conservation.violations(of: result, in: document).prefix(5) {
            Issue.record("conservation: \(problem)", sourceLocation: sourceLocation)
        }
        return result.articles
    }
}
