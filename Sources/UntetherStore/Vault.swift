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
        let made = try VaultHeader.create(passphrase: passphrase, kdf: kdf)
        try await store.createHeader(made.header, event: AccessEvent(id: UUID(), kind: .created, at: now))
        return (UnlockedVault(store: store, dataKey: made.dataKey), made.recoveryKey)
    }

    /// Opens the vault with the passphrase.
    public func unlock(passphrase: String, now: Date) async throws -> UnlockedVault {
        guard let header = try await store.header() else { throw StoreError.noVault }
        do {
            let dataKey = try header.unlock(passphrase: passphrase)
            try await store.append(AccessEvent(id: UUID(), kind: .unlocked, at: now))
            return UnlockedVault(store: store, dataKey: dataKey)
        } catch VaultError.wrongPassphrase {
            try await store.append(AccessEvent(id: UUID(), kind: .failedUnlock, at: now))
            throw VaultError.wrongPassphrase
        }
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
        let rewrapped = try header.rewrapped(dataKey: dataKey, newPassphrase: newPassphrase)
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

    /// The private notes.
    public var notes: NoteRepository { NoteRepository(records: store, sealer: sealer) }

    /// Identifies the data key without revealing it (to tell two vaults apart).
    public var keyFingerprint: String { dataKey.fingerprint }

    /// Re-wraps the data key under a new passphrase; content is untouched and the recovery key still works.
    public func changePassphrase(to newPassphrase: String, now: Date) async throws {
        guard let header = try await store.header() else { throw StoreError.noVault }
        let rewrapped = try header.rewrapped(dataKey: dataKey, newPassphrase: newPassphrase)
        try await store.replaceHeader(rewrapped, event: AccessEvent(id: UUID(), kind: .passphraseChanged, at: now))
    }

    /// The access log, newest first.
    public func accessEvents() async throws -> [AccessEvent] {
        try await store.accessEvents()
    }
}
