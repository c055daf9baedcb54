import Foundation
import UntetherCore
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

extension OpenedRecords {
    /// Every value of a log, newest first, opened once per change.
    func all<Value: LoggedValue>(_ type: Value.Type) async throws -> [Value] {
        try await values(Value.kind.rawValue) { [vault] in try await vault.log(type).all() }
    }

    /// The log's entries that were not removed, opened once per change.
    func incidents() async throws -> [Incident] {
        try await values("incidents") { [vault] in try await vault.evidence.entries().compactMap { $0.isRemoved ? nil : $0.incident } }
    }
}
