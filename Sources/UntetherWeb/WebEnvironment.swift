import Foundation
import Logging
import UntetherCore
import UntetherStore
import UntetherVault

/// Everything the web app depends on, passed in as values so tests can swap each part.
public struct WebEnvironment: Sendable {
    /// Where the vault lives.
    public var home: any VaultHome
    /// The clock. Tests move it forward to prove the idle and absolute locks.
    public var now: @Sendable () -> Date
    /// Key-derivation cost for new vaults and passphrase changes.
    public var kdf: KDFParameters
    /// The request log. It receives method, route pattern, status and duration only.
    public var logger: Logger
    /// The person's time zone, for calendar days and the times they type. Untether runs on the
    /// person's own computer, so this is the computer's zone unless a test sets another.
    public var timeZone: TimeZone = .current
    /// The help lines shown on Get help: the built-in list, or one an operator extended.
    public var helpLines: HelpLineDirectory = .builtIn
    /// True when the server speaks HTTPS itself: every request then came over TLS.
    public var servesTLS = false
    /// The fingerprint of the server's certificate, shown in Settings to compare on a phone.
    public var tlsFingerprint: String?

    /// "Now" for the person of this session: their time zone if they chose one, else this computer's.
    func clock(_ session: SessionSnapshot?) -> PersonalClock {
        PersonalClock(now: now(), timeZone: session?.preferences.timeZone(fallback: timeZone) ?? timeZone)
    }

    public init(home: any VaultHome, now: @escaping @Sendable () -> Date = { Date() }, kdf: KDFParameters = .production, logger: Logger) {
        self.home = home
        self.now = now
        self.kdf = kdf
        self.logger = logger
    }
}
