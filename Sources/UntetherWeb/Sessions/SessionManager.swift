import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

/// What a request may know about its session.
public struct SessionSnapshot: Sendable {
    /// The cookie value.
    public let token: String
    /// The synchronizer token every form must carry.
    public let csrf: String
    /// The open vault, or nil while locked.
    public let vault: UnlockedVault?
    /// Opened records and the search index, while unlocked.
    let cache: SessionCache?
    /// The person's settings (defaults while locked, or remembered from the last unlock).
    public let preferences: Preferences
    /// Seconds of idleness before this session locks itself (nil while locked).
    public let idleSeconds: Int?
    /// True when this request found the session it asked for (false: a new one was started).
    public let wasKnown: Bool
    /// A new vault's recovery key, held in memory until the person says they wrote it down (or
    /// asks to see it later); until then every unlocked page leads back to it.
    public var pendingRecoveryKey: String? = nil
}

/// Sessions live only in this process's memory. An unlocked session holds the vault's data key;
/// locking, timing out or exiting drops it, and swift-crypto wipes the key's bytes.
public actor SessionManager {
    struct Entry {
        var csrf: String
        var vault: UnlockedVault?
        var cache: SessionCache?
        let started: Date
        var lastUsed: Date
        var policy: SessionPolicy
        var pendingRecoveryKey: String? = nil
    }

    /// How long a locked session (used only for its form token) is kept without use.
    static let lockedSessionLifetime: TimeInterval = 60 * 60
    /// The most sessions kept at once; the least recently used locked ones go first.
    static let maximumSessions = 500

    private var entries: [String: Entry] = [:]
    /// The settings of the last unlock, kept in memory only, so locked pages and quick exit
    /// can use the person's chosen name and exit site until the program restarts.
    private var rememberedPreferences = Preferences()
    /// The public half of the draft key, learned at unlock and kept in memory only, so a form
    /// that arrives after the lock can be sealed for the next unlock.
    public private(set) var draftPublicKey: Data?
    private let maxIdleSeconds: TimeInterval?

    /// `maxIdleSeconds` caps every session's idle time (an operator's setting; nil: the person's choice).
    public init(maxIdleSeconds: TimeInterval? = nil) {
        self.maxIdleSeconds = maxIdleSeconds
    }

    /// The session for this cookie, touched at `now`; a new locked one when the cookie is unknown,
    /// expired or missing. An unlocked session past its idle or absolute limit is locked first.
    /// `touch: false` reads the session without counting the request as use: keeping a draft
    /// when the lock warning shows must never keep the session open.
    public func session(token: String?, now: Date, touch: Bool = true) -> SessionSnapshot {
        if let token, var entry = entries[token] {
            if entry.vault != nil, entry.policy.hasExpired(started: entry.started, lastUsed: entry.lastUsed, now: now) {
                drop(token)
                return startLocked(now: now)
            }
            if entry.vault == nil, now.timeIntervalSince(entry.lastUsed) >= Self.lockedSessionLifetime {
                entries[token] = nil
                return startLocked(now: now)
            }
            if touch {
                entry.lastUsed = now
                entries[token] = entry
            }
            return snapshot(token: token, entry: entry, wasKnown: true)
        }
        return startLocked(now: now)
    }

    /// Opens a session with the vault under a brand-new token (the old one stops working).
    public func unlock(
        replacing oldToken: String?, vault: UnlockedVault, preferences: Preferences, now: Date, pendingRecoveryKey: String? = nil
    ) -> SessionSnapshot {
        if let oldToken { drop(oldToken) }
        rememberedPreferences = preferences
        let entry = Entry(
            csrf: Self.randomToken(), vault: vault, cache: SessionCache(), started: now, lastUsed: now, policy: policy(for: preferences),
            pendingRecoveryKey: pendingRecoveryKey
        )
        let token = Self.randomToken()
        entries[token] = entry
        evictIfNeeded()
        return snapshot(token: token, entry: entry, wasKnown: true)
    }

    /// Remembers the draft key's public half (at unlock); forgotten with everything else.
    public func rememberDraftKey(_ publicKey: Data?) {
        draftPublicKey = publicKey
    }

    /// The person wrote the recovery key down (or chose to see it later): pages open normally.
    public func settleRecoveryKey(token: String) {
        entries[token]?.pendingRecoveryKey = nil
    }

    /// Ends a session: its key is dropped and its token no longer works.
    public func lock(token: String?) {
        guard let token else { return }
        drop(token)
    }

    /// Forgets a session, clearing what its cache held so nothing opened outlives the lock.
    private func drop(_ token: String) {
        entries[token]?.cache?.clear()
        entries[token] = nil
    }

    /// Ends every session (after deleting everything).
    public func lockAll(forgetPreferences: Bool) {
        for entry in entries.values { entry.cache?.clear() }
        entries.removeAll()
        if forgetPreferences {
            rememberedPreferences = Preferences()
            draftPublicKey = nil
        }
    }

    /// Records new settings for an open session and for locked pages.
    public func updatePreferences(token: String, preferences: Preferences) {
        rememberedPreferences = preferences
        guard var entry = entries[token] else { return }
        entry.policy = policy(for: preferences)
        entries[token] = entry
    }

    /// Locks every session past its limits. Run regularly, so keys leave memory on time
    /// even when no request arrives.
    @discardableResult
    public func sweep(now: Date) -> Int {
        var locked = 0
        for (token, entry) in entries {
            if entry.vault != nil, entry.policy.hasExpired(started: entry.started, lastUsed: entry.lastUsed, now: now) {
                drop(token)
                locked += 1
            } else if entry.vault == nil, now.timeIntervalSince(entry.lastUsed) >= Self.lockedSessionLifetime {
                entries[token] = nil
            }
        }
        return locked
    }

    /// How many sessions hold an open vault (for tests and diagnostics; never which).
    public var unlockedCount: Int {
        entries.values.filter { $0.vault != nil }.count
    }

    /// True when this token names a session that holds an open vault.
    public func isUnlocked(token: String) -> Bool {
        entries[token]?.vault != nil
    }

    /// The settings locked pages may use.
    public var preferencesForLockedPages: Preferences { rememberedPreferences }

    private func startLocked(now: Date) -> SessionSnapshot {
        let token = Self.randomToken()
        let entry = Entry(csrf: Self.randomToken(), vault: nil, cache: nil, started: now, lastUsed: now, policy: policy(for: rememberedPreferences))
        entries[token] = entry
        evictIfNeeded()
        return snapshot(token: token, entry: entry, wasKnown: false)
    }

    private func evictIfNeeded() {
        guard entries.count > Self.maximumSessions else { return }
        let lockedOldestFirst = entries.filter { $0.value.vault == nil }.sorted { $0.value.lastUsed < $1.value.lastUsed }
        for (token, _) in lockedOldestFirst.prefix(entries.count - Self.maximumSessions) {
            entries[token] = nil
        }
    }

    private func policy(for preferences: Preferences) -> SessionPolicy {
        let chosen = preferences.sessionPolicy
        guard let maxIdleSeconds, maxIdleSeconds < chosen.idleTimeout else { return chosen }
        return SessionPolicy(idleTimeout: maxIdleSeconds)
    }

    private func snapshot(token: String, entry: Entry, wasKnown: Bool) -> SessionSnapshot {
        SessionSnapshot(
            token: token, csrf: entry.csrf, vault: entry.vault, cache: entry.cache, preferences: rememberedPreferences,
            idleSeconds: entry.vault == nil ? nil : Int(entry.policy.idleTimeout), wasKnown: wasKnown,
            pendingRecoveryKey: entry.vault == nil ? nil : entry.pendingRecoveryKey
        )
    }

    static func randomToken() -> String { SecureToken.make() }
}
