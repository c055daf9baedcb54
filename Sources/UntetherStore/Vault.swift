import Foundation
import UntetherCore
import UntetherVault

/// The vault as a whole: creating it, unlocking it, and recovering it. Every unlock attempt,
/// good or bad, is written to the access log.
public struct Vault: Sendable {
    public let store: any VaultStore

    public init(store: any VaultStore) {
        self.store = store
    }

    /// True when a vault has been created in this store.
    public func exists() async throws -> Bool {
        try await store.header() != nil
    }

    /// Creates the vault and returns it unlocked, with the recovery key to show once.
    public func create(
        passphrase: String, kdf: KDFParameters = .production, now: Date
    ) async throws -> (vault: UnlockedVault, recoveryKey: RecoveryKey) {
        guard try await store.header() == nil else { throw StoreError.vaultExists }
        let made = try await Offload.run { try VaultHeader.create(passphrase: passphrase, kdf: kdf) }
        try await store.createHeader(made.header, event: AccessEvent(id: UUID(), kind: .created, at: now))
        return (UnlockedVault(store: store, dataKey: made.dataKey), made.recoveryKey)
    }

    /// Opens the vault with the passphrase. After several wrong tries, attempts are refused with
    /// `StoreError.tryAgainLater` until the delay has passed. The attempt is claimed, and counted
    /// as a failure, in one step before any key derivation, so attempts sent at once are each
    /// counted and none is tried while a wait is running; a right passphrase clears the count.
    public func unlock(passphrase: String, now: Date) async throws -> UnlockedVault {
        guard let header = try await store.header() else { throw StoreError.noVault }
        let wait = try await store.claimUnlockAttempt(now: now)
        guard wait <= 0 else { throw StoreError.tryAgainLater(seconds: wait) }
        do {
            let dataKey = try await Offload.run { try header.unlock(passphrase: passphrase) }
            try await store.saveThrottle(UnlockThrottle())
            try await store.append(AccessEvent(id: UUID(), kind: .unlocked, at: now))
            return UnlockedVault(store: store, dataKey: dataKey)
        } catch VaultError.wrongPassphrase {
            try await store.append(AccessEvent(id: UUID(), kind: .failedUnlock, at: now))
            throw VaultError.wrongPassphrase
        }
    }

    /// Seconds to wait before the next unlock attempt is accepted (0 when it is accepted now).
    public func unlockWait(now: Date) async throws -> TimeInterval {
        try await store.throttle().waitRemaining(at: now)
    }

    /// Opens the vault with the recovery key and sets a new passphrase at once,
    /// so the person is never left with a vault they cannot open.
    public func recover(recoveryKey: RecoveryKey, newPassphrase: String, now: Date) async throws -> UnlockedVault {
        guard let header = try await store.header() else { throw StoreError.noVault }
        let dataKey: DataKey
        do {
            dataKey = try header.unlock(recoveryKey: recoveryKey)
        } catch {
            try await store.append(AccessEvent(id: UUID(), kind: .failedUnlock, at: now))
            throw error
        }
        let rewrapped = try await Offload.run { try header.rewrapped(dataKey: dataKey, newPassphrase: newPassphrase) }
        try await store.replaceHeader(rewrapped, event: AccessEvent(id: UUID(), kind: .unlockedWithRecoveryKey, at: now))
        return UnlockedVault(store: store, dataKey: dataKey)
    }
}

/// An open vault: the data key is in memory while this value lives, and nowhere else.
public struct UnlockedVault: Sendable {
    public let store: any VaultStore
    let dataKey: DataKey

    init(store: any VaultStore, dataKey: DataKey) {
        self.store = store
        self.dataKey = dataKey
    }

    /// Seals and opens records with this vault's data key.
    public var sealer: RecordSealer { RecordSealer(dataKey: dataKey) }

    /// The one saved value of a document kind (settings, a plan, the rules), or its starting
    /// value when it was never saved: `vault.document(ReachOutPlan.self)`.
    public func document<Value: SealedDocument>(_ type: Value.Type) async throws -> Value {
        try await savedDocument(type) ?? Value.initial
    }

    /// When a document kind was last saved (the store's plain record time), or nil when never.
    public func documentSavedAt<Value: SealedDocument>(_ type: Value.Type) async throws -> Date? {
        try await store.record(id: Self.documentAddress(Value.kind).id, kind: Value.kind)?.updatedAt
    }

    /// The saved value of a document kind, or nil when it was never saved.
    public func savedDocument<Value: SealedDocument>(_ type: Value.Type) async throws -> Value? {
        let address = Self.documentAddress(Value.kind)
        guard let record = try await store.record(id: address.id, kind: Value.kind) else { return nil }
        return try sealer.open(Value.self, from: record.sealed, for: record.address)
    }

    /// Seals and saves a document, replacing the one before.
    public func save<Value: SealedDocument>(_ value: Value, now: Date) async throws {
        let address = Self.documentAddress(Value.kind)
        let sealed = try sealer.seal(json: value, for: address)
        if let existing = try await store.record(id: address.id, kind: Value.kind) {
            try await store.update(SealedRecord(
                id: address.id, kind: Value.kind, formatVersion: address.formatVersion,
                createdAt: existing.createdAt, updatedAt: max(now, existing.createdAt), sealed: sealed
            ))
        } else {
            try await store.insert(SealedRecord(
                id: address.id, kind: Value.kind, formatVersion: address.formatVersion,
                createdAt: now, updatedAt: now, sealed: sealed
            ))
        }
    }

    /// A document's address: its id is its kind's name.
    static func documentAddress(_ kind: RecordKind) -> RecordAddress {
        RecordAddress(id: kind.rawValue, kind: kind)
    }

    /// Identifies the data key without revealing it (to tell two vaults apart).
    public var keyFingerprint: String { dataKey.fingerprint }

    /// Checks the current passphrase, then re-wraps the data key under a new one.
    public func changePassphrase(current: String, to newPassphrase: String, now: Date) async throws {
        guard try await isCurrentPassphrase(current) else { throw VaultError.wrongPassphrase }
        try await changePassphrase(to: newPassphrase, now: now)
    }

    /// True when `passphrase` opens this vault now: asked again before anything that can't be undone.
    public func isCurrentPassphrase(_ passphrase: String) async throws -> Bool {
        guard let header = try await store.header() else { throw StoreError.noVault }
        let key = try? await Offload.run { try header.unlock(passphrase: passphrase) }
        return key?.fingerprint == dataKey.fingerprint
    }

    /// Re-wraps the data key under a new passphrase; content is untouched and the recovery key still works.
    public func changePassphrase(to newPassphrase: String, now: Date) async throws {
        guard let header = try await store.header() else { throw StoreError.noVault }
        let dataKey = dataKey
        let rewrapped = try await Offload.run { try header.rewrapped(dataKey: dataKey, newPassphrase: newPassphrase) }
        try await store.replaceHeader(rewrapped, event: AccessEvent(id: UUID(), kind: .passphraseChanged, at: now))
    }

    /// The access log, newest first.
    public func accessEvents() async throws -> [AccessEvent] {
        try await store.accessEvents()
    }
}
