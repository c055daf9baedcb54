import Foundation
import UntetherCore
import UntetherVault

/// Where a vault lives, for a long-running program: it can say whether there is one, create it,
/// back it up, and erase it completely.
public protocol VaultHome: Sendable {
    /// The vault's store, or nil when no vault has been created.
    func existingStore() async throws -> (any VaultStore)?
    /// The store to create a vault in (made empty if needed).
    func storeForNewVault() async throws -> any VaultStore
    /// A sealed backup of the open vault.
    func backup(of vault: UnlockedVault, now: Date) async throws -> Data
    /// Deletes the vault and everything it holds.
    func eraseEverything() async throws
}

/// A vault in a folder on disk: `vault.sqlite` and its WAL companions.
public actor DirectoryVaultHome: VaultHome {
    public let directory: URL
    private var store: SQLiteVaultStore?

    public init(directory: URL) {
        self.directory = directory
    }

    var fileURL: URL { directory.appendingPathComponent(SQLiteVaultStore.fileName) }

    public func existingStore() throws -> (any VaultStore)? {
        if let store { return store }
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return nil }
        let opened = try SQLiteVaultStore(directory: directory)
        store = opened
        return opened
    }

    public func storeForNewVault() throws -> any VaultStore {
        if let store { return store }
        let opened = try SQLiteVaultStore(directory: directory)
        store = opened
        return opened
    }

    public func backup(of vault: UnlockedVault, now: Date) async throws -> Data {
        guard let store else { throw StoreError.noVault }
        return try await store.backupData(of: vault, scratchDirectory: directory, now: now)
    }

    public func eraseEverything() throws {
        try store?.close()
        store = nil
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = fileURL.path + suffix
            if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
        }
        // Leftovers of an interrupted backup or restore.
        for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(".untether-scratch-") {
            try? manager.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}

/// A vault in memory (SQLite in memory), for tests.
public actor MemoryVaultHome: VaultHome {
    private var store: SQLiteVaultStore?
    private let scratch: URL

    public init() {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("untether-memory-home-\(UUID().uuidString.lowercased())")
    }

    public func existingStore() async throws -> (any VaultStore)? {
        guard let store, try await store.header() != nil else { return nil }
        return store
    }

    public func storeForNewVault() throws -> any VaultStore {
        if let store { return store }
        let made = try SQLiteVaultStore()
        store = made
        return made
    }

    public func backup(of vault: UnlockedVault, now: Date) async throws -> Data {
        guard let store else { throw StoreError.noVault }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        return try await store.backupData(of: vault, scratchDirectory: scratch, now: now)
    }

    public func eraseEverything() {
        store = nil
    }
}
