import Foundation

/// When an open session locks itself.
public struct SessionPolicy: Sendable, Equatable {
    /// The idle time allowed by default (15 minutes).
    public static let defaultIdleMinutes = 15
    /// The range a person may choose for the idle time, in minutes.
    public static let idleMinutesRange = 1...60
    /// The longest any session may last, however active (12 hours).
    public static let absoluteLimit: TimeInterval = 12 * 60 * 60
    /// How long before an idle lock the person is warned.
    public static let warningLead: TimeInterval = 60

    /// Idle time before locking, in seconds.
    public let idleTimeout: TimeInterval
    /// Total time before locking, in seconds.
    public let absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval, absoluteTimeout: TimeInterval = SessionPolicy.absoluteLimit) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// A policy from the person's chosen idle minutes, kept within the allowed range.
    public init(idleMinutes: Int) {
        let minutes = min(max(idleMinutes, Self.idleMinutesRange.lowerBound), Self.idleMinutesRange.upperBound)
        self.init(idleTimeout: TimeInterval(minutes * 60))
    }

    /// True when a session that started at `started` and was last used at `lastUsed` has expired at `now`.
    public func hasExpired(started: Date, lastUsed: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastUsed) >= idleTimeout || now.timeIntervalSince(started) >= absoluteTimeout
    }
}
