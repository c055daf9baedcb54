import Foundation
import Testing
import UntetherCore

@Suite("Unlock throttling")
struct UnlockThrottleTests {
    @Test("no delay for the first five failures, then 1 s doubling, capped at 15 minutes", arguments: [
        (0, 0.0), (4, 0), (5, 1), (6, 2), (7, 4), (10, 32), (14, 512), (15, 900), (40, 900), (1000, 900),
    ])
    func delays(failures: Int, seconds: TimeInterval) {
        #expect(UnlockThrottle.delay(afterFailures: failures) == seconds)
    }

    @Test("the wait counts down from the last failure and never becomes a lock-out")
    func waitCountsDown() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        var throttle = UnlockThrottle()
        for attempt in 0..<7 { throttle = throttle.recordingFailure(at: start.addingTimeInterval(Double(attempt))) }
        let last = start.addingTimeInterval(6)
        #expect(throttle.failures == 7)
        #expect(throttle.waitRemaining(at: last) == 4)
        #expect(throttle.waitRemaining(at: last.addingTimeInterval(3)) == 1)
        #expect(throttle.waitRemaining(at: last.addingTimeInterval(4)) == 0)
        var many = UnlockThrottle()
        for _ in 0..<500 { many = many.recordingFailure(at: last) }
        #expect(many.waitRemaining(at: last.addingTimeInterval(15 * 60)) == 0)
    }

    @Test("waits are described in plain words", arguments: [(0.2, "1 second"), (1, "1 second"), (8, "8 seconds"), (60, "1 minute"), (61, "2 minutes"), (900, "15 minutes")])
    func describe(seconds: TimeInterval, words: String) {
        #expect(UnlockThrottle.describe(wait: seconds) == words)
    }
}

@Suite("Session policy")
struct SessionPolicyTests {
    let start = Date(timeIntervalSince1970: 2_000_000)

    @Test("idle minutes are kept between 1 and 60", arguments: [(0, 60.0), (1, 60), (15, 900), (60, 3600), (500, 3600)])
    func clamp(minutes: Int, seconds: TimeInterval) {
        #expect(SessionPolicy(idleMinutes: minutes).idleTimeout == seconds)
    }

    @Test("a session expires after the idle time without use, or 12 hours after it started")
    func expiry() {
        let policy = SessionPolicy(idleMinutes: 15)
        #expect(!policy.hasExpired(started: start, lastUsed: start, now: start.addingTimeInterval(899)))
        #expect(policy.hasExpired(started: start, lastUsed: start, now: start.addingTimeInterval(900)))
        let lastUsed = start.addingTimeInterval(12 * 3600 - 10)
        #expect(!policy.hasExpired(started: start, lastUsed: lastUsed, now: start.addingTimeInterval(12 * 3600 - 1)))
        #expect(policy.hasExpired(started: start, lastUsed: lastUsed, now: start.addingTimeInterval(12 * 3600)))
    }
}
