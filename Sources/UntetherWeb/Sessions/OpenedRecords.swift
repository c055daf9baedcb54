import Foundation
import UntetherStore

/// Opened records for one session: from the session's cache while the vault is unchanged,
/// otherwise opened again (and cached). Without a cache, always opened.
struct OpenedRecords: Sendable {
    let vault: UnlockedVault
    let cache: SessionCache?

    func values<Value: Sendable>(_ key: String, _ load: @Sendable () async throws -> Value) async throws -> Value {
        guard let cache else { return try await load() }
        let revision = try await vault.store.revision()
        return try await cache.value(key, revision: revision, make: load)
    }
}
