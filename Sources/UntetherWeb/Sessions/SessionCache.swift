import Foundation

/// Opened records and what is worked out from them (the log's entries, the search index, trend
/// series), kept in memory for one unlocked session so pages don't open every record on each
/// request. Each value remembers the stamp it was made at (the store's revisions of the kinds it
/// is made from), and is made again, from the value before, when the stamp has changed. When
/// several requests miss at once, one makes the value and the others wait for it. Locking the
/// session clears it.
final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (stamp: [Int], value: any Sendable)] = [:]
    private var building: [String: (stamp: [Int], task: Task<any Sendable, any Error>)] = [:]
    /// Set when the session ends: nothing made after that (say, by a background build) is kept.
    private var closed = false

    /// The cached value for `key` made at `stamp`, or a new one from `make`, which is given the
    /// value held before (made at another stamp), if any, to update rather than start again.
    func value<Value: Sendable>(
        _ key: String, stamp: [Int], make: @escaping @Sendable (_ previous: Value?) async throws -> Value
    ) async throws -> Value {
        let step: CacheStep<Value> = lock.withLock {
            let held = values[key]
            if let held, held.stamp == stamp, let value = held.value as? Value { return .hit(value) }
            if let running = building[key], running.stamp == stamp { return .wait(running.task) }
            let previous = held?.value as? Value
            let task = Task<any Sendable, any Error> { try await make(previous) }
            building[key] = (stamp, task)
            return .wait(task)
        }
        switch step {
        case .hit(let value):
            return value
        case .wait(let task):
            do {
                let made = try await task.value
                lock.withLock {
                    if building[key]?.task == task { building[key] = nil }
                    // A value made at an older stamp than the one held is not kept over it.
                    if !closed, values[key].map({ $0.stamp.lexicographicallyPrecedes(stamp) || $0.stamp == stamp }) ?? true {
                        values[key] = (stamp, made)
                        trimIfNeeded(keeping: key)
                    }
                }
                guard let value = made as? Value else { throw CancellationError() }
                return value
            } catch {
                lock.withLock { if building[key]?.task == task { building[key] = nil } }
                throw error
            }
        }
    }

    /// The most values kept. Keys that name a day (a streak, the decisions due) add one a day, so
    /// a long session drops those past the cap; opened records and the search index stay.
    static let maximumValues = 256
    /// The most rendered pages kept (see `UnlockedContext.cachedPage`): each is up to about
    /// 100 KB, and every address (each page of a list, each entry) is a page of its own.
    static let maximumPages = 48
    /// Rendered pages are kept under keys that start with this.
    static let pagePrefix = "page:"

    private func trimIfNeeded(keeping newest: String) {
        if newest.hasPrefix(Self.pagePrefix), values.keys.count(where: { $0.hasPrefix(Self.pagePrefix) }) > Self.maximumPages {
            for key in values.keys where key.hasPrefix(Self.pagePrefix) && key != newest { values[key] = nil }
        }
        guard values.count > Self.maximumValues else { return }
        for key in values.keys where !Self.kept(key) && key != newest { values[key] = nil }
    }

    static func kept(_ key: String) -> Bool {
        key.hasPrefix("opened:") || key == "evidence" || key == "search"
    }

    /// How many values are held (for tests).
    var count: Int {
        lock.withLock { values.count }
    }

    /// How many rendered pages are held (for tests).
    var pageCount: Int {
        lock.withLock { values.keys.count(where: { $0.hasPrefix(Self.pagePrefix) }) }
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
            building.removeAll()
        }
    }
}

/// What a cache lookup found: the value, or a build to wait for.
private enum CacheStep<Value> {
    case hit(Value)
    case wait(Task<any Sendable, any Error>)
}
