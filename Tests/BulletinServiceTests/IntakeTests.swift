import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinService

/// The intake's schedules as plain values: a file's own trouble delays only that file; trouble
/// that concerns every file pauses all of them. (The daemon running as an unprivileged user on a
/// real inbox is Tests/stress/run.sh, scenario "intake".)
@Suite struct IntakeTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    private func drain(_ intake: inout Intake) -> [String] {
        var names: [String] = []
        while let name = intake.next() { names.append(name) }
        return names
    }

    @Test func aFileInTroubleWaitsAloneWhileTheOthersAreTaken() {
        var intake = Intake()
        intake.fileReady("private.txt")
        #expect(intake.next() == "private.txt")
        let failure = intake.fileFailed("private.txt", reason: "cannot be read", at: t0)
        #expect(failure.first && failure.delay == 1)
        #expect(!intake.isPaused(at: t0))
        for i in 1...20 { intake.fileReady("f\(i).txt") }
        // A listing of the inbox does not cut the delay short.
        intake.listed("private.txt")
        #expect(drain(&intake) == (1...20).map { "f\($0).txt" })
        #expect(intake.nextRelease == t0.addingTimeInterval(1))

        intake.releaseDue(at: t0.addingTimeInterval(0.5))
        #expect(!intake.hasQueued)
        intake.releaseDue(at: t0.addingTimeInterval(1))
        #expect(drain(&intake) == ["private.txt"])
        // Failing again: not logged again, a longer delay of its own.
        let again = intake.fileFailed("private.txt", reason: "cannot be read", at: t0.addingTimeInterval(1))
        #expect(!again.first && again.delay == 2)
        #expect(intake.waitingNote == "1 file waiting: private.txt (cannot be read)")
        let wasInTrouble = intake.fileTaken("private.txt")
        #expect(wasInTrouble)
        #expect(intake.waitingNote == nil)
        let stillInTrouble = intake.fileTaken("private.txt")
        #expect(!stillInTrouble)
    }

    @Test func anInotifyEventForAWaitingFileQueuesItAtOnce() {
        var intake = Intake()
        _ = intake.fileFailed("a.txt", reason: "I/O error", at: t0)
        intake.fileReady("a.txt")
        #expect(drain(&intake) == ["a.txt"])
        // Still in trouble until taken: its next failure is not logged as a first one.
        let again = intake.fileFailed("a.txt", reason: "I/O error", at: t0)
        #expect(!again.first)
    }

    @Test func troubleForEveryFilePausesAllAndEndsWithALongerDelayEachTime() {
        var intake = Intake()
        let first = intake.pause(because: "a.txt", at: t0)
        #expect(first.first && first.delay == 1)
        #expect(intake.isPaused(at: t0.addingTimeInterval(0.5)))
        #expect(!intake.isPaused(at: t0.addingTimeInterval(1)))
        intake.pauseOver()
        let second = intake.pause(because: "b.txt", at: t0)
        #expect(!second.first && second.delay == 2)
        #expect(intake.failingSince == "a.txt")
        let ended = intake.flowing()
        let endedAgain = intake.flowing()
        #expect(ended && !endedAgain)
        let afresh = intake.pause(because: "c.txt", at: t0)
        #expect(afresh.delay == 1)
    }

    @Test func troubleThatGoesAwayWithTheFileIsForgotten() {
        var intake = Intake()
        _ = intake.fileFailed("gone.txt", reason: "x", at: t0)
        _ = intake.fileFailed("kept.txt", reason: "y", at: t0)
        intake.forgetTrouble(notIn: ["kept.txt"])
        #expect(Set(intake.troubled.keys) == ["kept.txt"])
    }

    @Test func aReadFailureConcernsTheFileUnlessItWouldHitEveryFile() {
        #expect(Intake.scope(ofReadFailure: POSIXFailure(operation: "read", path: "a", code: EIO)) == .file)
        #expect(Intake.scope(ofReadFailure: POSIXFailure(operation: "open", path: "a", code: EAGAIN)) == .file)
        #expect(Intake.scope(ofReadFailure: POSIXFailure(operation: "open", path: "a", code: EMFILE)) == .everything)
        #expect(Intake.scope(ofReadFailure: POSIXFailure(operation: "stat", path: "a", code: EACCES)) == .everything)
    }
}
