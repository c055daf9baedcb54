import Foundation

/// Opened records and what is worked out from them (the search index, trend series), kept in
/// memory for one unlocked session so pages don't open every record on each request. Each value
/// remembers the store's revision it was made from, and is made again when the store has changed.
/// Locking the session clears it.
final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (revision: Int, value: any Sendable)] = [:]
    /// Set when the session ends: nothing made after that (say, by a background build) is kept.
    private var closed = false

    /// The cached value for `key` made at `revision`, or a new one from `make`.
    func value<Value: Sendable>(_ key: String, revision: Int, make: () async throws -> Value) async rethrows -> Value {
        if let hit = lock.withLock({ values[key] }), hit.revision == revision, let value = hit.value as? Value {
            return value
        }
        let value = try await make()
        lock.withLock { if !closed { values[key] = (revision, value) } }
        return value
    }

    /// True when a value for `key` is held (for tests).
    func holds(_ key: String) -> Bool {
        lock.withLock { values[key] != nil }
    }

    var isEmpty: Bool {
        lock.withLock { values.isEmpty }
    }

    /// Drops everything it holds and keeps nothing from now on (the session has ended).
    func clear() {
        lock.withLock {
            closed = true
            values.removeAll()
        }
    }
}
