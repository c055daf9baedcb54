import Foundation
import UntetherCore
import UntetherVault

/// The opened records of one kind, newest first, with the version each was opened from, so that
/// opening the kind again after a change decrypts only the records that are new or changed.
/// Lives in memory only (a session's cache), and is dropped with it.
public struct OpenedSet<Value: Sendable>: Sendable {
    /// The opened values, in the store's order (newest first). Records `open` left out are not here.
    public let values: [Value]
    /// The store's revision of this kind when the set was made.
    public let revision: Int
    private let opened: [String: Opened]

    private struct Opened: Sendable {
        let version: Data
        let value: Value?
    }

    /// Nothing opened yet.
    public static var empty: OpenedSet { OpenedSet(values: [], revision: -1, opened: [:]) }

    /// How many records were opened (decrypted) to make the last refresh, for tests and benchmarks.
    public private(set) var openedCount = 0

    private init(values: [Value], revision: Int, opened: [String: Opened]) {
        self.values = values
        self.revision = revision
        self.opened = opened
    }

    /// The set as the store holds it now: records this set already opened at the same version are
    /// reused, and only new or changed ones are read and passed to `open` (which may return nil
    /// to leave a record out). `revision` is the kind's revision read before the stamps.
    public func refreshed(
        kind: RecordKind, revision: Int, store: any VaultStore, open: (SealedRecord) throws -> Value?
    ) async throws -> OpenedSet {
        if revision == self.revision {
            var same = self
            same.openedCount = 0
            return same
        }
        let stamps = try await store.recordStamps(kind: kind)
        let wanted = stamps.filter { opened[$0.id]?.version != $0.version }.map(\.id)
        var fresh: [String: Opened] = [:]
        for record in try await store.records(kind: kind, ids: wanted) {
            fresh[record.id] = Opened(version: record.sealed.prefix(RecordStamp.versionLength), value: try open(record))
        }
        var next: [String: Opened] = [:]
        next.reserveCapacity(stamps.count)
        var values: [Value] = []
        values.reserveCapacity(stamps.count)
        for stamp in stamps {
            // A record changed between reading the stamps and the records is taken as read now;
            // the kind's revision has moved too, so the next refresh looks again.
            guard let item = fresh[stamp.id] ?? opened[stamp.id] else { continue }
            next[stamp.id] = item
            if let value = item.value { values.append(value) }
        }
        var made = OpenedSet(values: values, revision: revision, opened: next)
        made.openedCount = fresh.count
        return made
    }
}

extension UnlockedVault {
    /// Every value of a log, newest first, reusing what `previous` already opened.
    public func opened<Value: LoggedValue>(
        _ type: Value.Type, after previous: OpenedSet<Value> = .empty, revision: Int
    ) async throws -> OpenedSet<Value> {
        let log = log(type)
        return try await previous.refreshed(kind: Value.kind, revision: revision, store: store) { try log.open($0) }
    }
}
