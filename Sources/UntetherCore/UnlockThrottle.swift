import Foundation

/// How long to wait before the next unlock attempt, after wrong passphrases.
///
/// The first few mistakes cost nothing (people mistype). After that each failure doubles the
/// wait, from one second up to a cap. There is never a hard lock-out: someone who wants to keep
/// the person out could otherwise use it against them.
public struct UnlockThrottle: Sendable, Equatable, Codable {
    /// Failures allowed before any delay.
    public static let freeAttempts = 5
    /// The longest wait, in seconds (15 minutes).
    public static let maximumDelay: TimeInterval = 15 * 60

    /// Wrong attempts since the last successful unlock.
    public var failures: Int
    /// When the last wrong attempt happened.
    public var lastFailure: Date?

    public init(failures: Int = 0, lastFailure: Date? = nil) {
        self.failures = failures
        self.lastFailure = lastFailure
    }

    /// The wait after `failures` wrong attempts: 0 for the first five, then 1 s, 2 s, 4 s, … capped.
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeAttempts else { return 0 }
        let exponent = failures - freeAttempts
        guard exponent < 30 else { return maximumDelay }
        return min(TimeInterval(1 << exponent), maximumDelay)
    }

    /// The earliest time the next attempt is accepted.
    public var nextAttemptAllowed: Date? {
        guard let lastFailure, failures >= Self.freeAttempts else { return nil }
        return lastFailure.addingTimeInterval(Self.delay(afterFailures: failures))
    }

    /// Seconds still to wait at `now` (0 when an attempt is allowed).
    public func waitRemaining(at now: Date) -> TimeInterval {
        guard let next = nextAttemptAllowed else { return 0 }
        return max(0, next.timeIntervalSince(now))
    }

    /// The state after a wrong attempt at `now`.
    public func recordingFailure(at now: Date) -> UnlockThrottle {
        UnlockThrottle(failures: failures + 1, lastFailure: now)
    }

    /// Words for how long to wait, rounded up: "1 second", "8 seconds", "3 minutes".
    public static func describe(wait seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return whole == 1 ? "1 second" : "\(whole) seconds" }
        let minutes = Int((Double(whole) / 60).rounded(.up))
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}
