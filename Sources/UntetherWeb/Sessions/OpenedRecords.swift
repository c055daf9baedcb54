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
    init(_ vault: UnlockedVault, _ context: WebContext) {
        self.init(vault: vault, cache: context.session?.cache)
    }

    /// The reality journal, opened once per change.
    func journal() async throws -> [JournalEntry] {
        try await values("journal") { [vault] in try await vault.journal.all() }
    }

    /// The log's entries that were not removed, opened once per change.
    func incidents() async throws -> [Incident] {
        try await values("incidents") { [vault] in try await vault.evidence.entries().compactMap { $0.isRemoved ? nil : $0.incident } }
    }
}
