import PosixThreads
import Testing

/// The pacing of background work (checkpoints, the state file) as a value: moments are given,
/// nothing sleeps. A run starts with a request, never on a timer while requests keep coming.
@Suite struct InStepPacingTests {
    @Test func theFirstRequestRunsAtOnceAndNothingRunsWithoutOne() {
        var pacing = InStepPacing(interval: 1)
        #expect(pacing.next(at: 10) == .idle)
        pacing.request(at: 10)
        #expect(pacing.next(at: 10) == .run)
        #expect(pacing.lastRun == 10)
        #expect(pacing.next(at: 10.5) == .idle, "served: nothing waits")
    }

    @Test func aRequestOnceTheIntervalHasPassedRunsWithIt() {
        var pacing = InStepPacing(interval: 1)
        pacing.request(at: 0)
        #expect(pacing.next(at: 0) == .run)
        pacing.request(at: 1.3)
        #expect(pacing.next(at: 1.3) == .run)
        #expect(pacing.lastRun == 1.3)
    }

    /// Files every 50 ms, a request after each (moments in whole milliseconds): the runs start
    /// with requests, about once per interval, at the requests' phase.
    @Test func aStreamOfRequestsRunsWithTheFirstRequestAfterTheInterval() {
        var pacing = InStepPacing(interval: 1000)
        var runs: [Double] = []
        var waits: [Double] = []
        for index in 0..<100 {
            let now = 13 + Double(index) * 50  // each file's commit, 13 ms after its drop
            pacing.request(at: now)
            switch pacing.next(at: now) {
            case .run: runs.append(now)
            case .wait(let until): waits.append(until)
            case .idle: Issue.record("a request was pending")
            }
        }
        #expect(runs == [13, 1013, 2013, 3013, 4013], "with the first request at or after the interval")
        // The other 95 requests wait for a later one (the fallback, 1.25 s after a run, is never reached).
        #expect(waits.count == 95)
        #expect(waits.allSatisfy { until in runs.contains { until == $0 + 1250 } })
    }

    @Test func aRequestTooSoonRunsAfterTheGraceWhenNoOtherComes() {
        var pacing = InStepPacing(interval: 1, grace: 0.25)
        pacing.request(at: 0)
        #expect(pacing.next(at: 0) == .run)
        pacing.request(at: 0.4)
        #expect(pacing.next(at: 0.4) == .wait(until: 1.25))
        #expect(pacing.next(at: 1.1) == .wait(until: 1.25), "due, but the grace has not passed")
        #expect(pacing.next(at: 1.25) == .run)
        #expect(pacing.latestRequest == nil)
    }

    @Test func aFlushServesThePendingRequestsAndCountsAsARun() {
        var pacing = InStepPacing(interval: 1)
        pacing.request(at: 0)
        #expect(pacing.next(at: 0) == .run)
        pacing.request(at: 0.2)
        pacing.ran(at: 0.3)
        #expect(pacing.next(at: 0.3) == .idle)
        pacing.request(at: 0.5)
        #expect(pacing.next(at: 0.5) == .wait(until: 1.55))
    }

    /// The daemon's writes after a file's commit (`markFiled`, tidy steps) ask for a checkpoint
    /// but do not start one: the next commit does, or the grace once nothing comes.
    @Test func aRequestThatCannotStartWaitsForOneThatCanOrForTheGrace() {
        var pacing = InStepPacing(interval: 1000, grace: 1000)
        pacing.request(at: 0)
        #expect(pacing.next(at: 0) == .run)
        pacing.request(at: 1020, canStart: false)
        #expect(pacing.next(at: 1020) == .wait(until: 2000), "due, but not a moment to start with")
        pacing.request(at: 1040, canStart: false)
        #expect(pacing.next(at: 1040) == .wait(until: 2000))
        pacing.request(at: 1063)
        #expect(pacing.next(at: 1063) == .run, "the next commit starts it")
        pacing.request(at: 1100, canStart: false)
        #expect(pacing.next(at: 3062) == .wait(until: 3063))
        #expect(pacing.next(at: 3063) == .run, "nothing came: the grace has passed")
        #expect(pacing.latestRequest == nil && pacing.latestStart == nil)
    }

    @Test func theGraceDefaultsToAQuarterOfTheInterval() {
        #expect(InStepPacing(interval: 2).grace == 0.5)
        #expect(InStepPacing(interval: 0).grace == 0)
    }
}
