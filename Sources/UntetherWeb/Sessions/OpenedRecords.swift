import Foundation
import UntetherCore
import UntetherStore

/// Opened records for one session, from the session's cache. Each kind is stamped with the
/// store's revision of that kind, so writing a journal entry leaves the log's records warm; and
/// after a change only the new or changed records are opened (see `OpenedSet`). Without a
/// cache, everything is opened each time.
struct OpenedRecords: Sendable {
    let vault: UnlockedVault
    let cache: SessionCache?

    /// The store's revision of each kind, read once per call.
    func revisions() async throws -> [String: Int] {
        try await vault.store.kindRevisions()
    }

    /// A value worked out from the records of `kinds`, made again (from the value before) only
    /// when one of those kinds has changed. `key` must name everything else the value depends on.
    func derived<Value: Sendable>(
        _ key: String, from kinds: [RecordKind], revisions known: [String: Int]? = nil,
        make: @escaping @Sendable (_ previous: Value?, _ revisions: [String: Int]) async throws -> Value
    ) async throws -> Value {
        let revisions = if let known { known } else { try await revisions() }
        guard let cache else { return try await make(nil, revisions) }
        let stamp = kinds.map { revisions[$0.rawValue] ?? 0 }
        return try await cache.value(key, stamp: stamp) { previous in try await make(previous, revisions) }
    }

    /// Every value of a log, newest first (the store's order), opened incrementally.
    func all<Value: LoggedValue>(_ type: Value.Type, revisions known: [String: Int]? = nil) async throws -> [Value] {
        try await set(type, revisions: known).values
    }

    /// The opened set of a log kind.
    func set<Value: LoggedValue>(_ type: Value.Type, revisions known: [String: Int]? = nil) async throws -> OpenedSet<Value> {
        let vault = vault
        return try await derived("opened:\(Value.kind.rawValue)", from: [Value.kind], revisions: known) { (previous: OpenedSet<Value>?, revisions) in
            try await vault.opened(type, after: previous ?? .empty, revision: revisions[Value.kind.rawValue] ?? 0)
        }
    }

    /// The log's entries (with removed ones), newest first, opened incrementally.
    func logEntries(revisions known: [String: Int]? = nil) async throws -> [LogEntry] {
        let vault = vault
        let opened: OpenedEvidence = try await derived("evidence", from: OpenedEvidence.kinds, revisions: known) { previous, revisions in
            try await (previous ?? .empty).refreshed(revisions: revisions, log: vault.evidence)
        }
        return opened.entries
    }

    /// The log's entries that were not removed.
    func incidents(revisions known: [String: Int]? = nil) async throws -> [Incident] {
        let revisions = if let known { known } else { try await revisions() }
        return try await derived("incidents", from: OpenedEvidence.kinds, revisions: revisions) { [self] (_: [Incident]?, revisions) in
            try await logEntries(revisions: revisions).compactMap { $0.isRemoved ? nil : $0.incident }
        }
    }

    /// A document (settings, a plan), opened once per change.
    func document<Value: SealedDocument>(_ type: Value.Type, revisions known: [String: Int]? = nil) async throws -> Value {
        let vault = vault
        return try await derived("document:\(Value.kind.rawValue)", from: [Value.kind], revisions: known) { (_: Value?, _) in
            try await vault.document(type)
        }
    }

    /// The day a document was last saved, in `timeZone` (today when it never was).
    func documentSavedOn<Value: SealedDocument>(_ type: Value.Type, timeZone: TimeZone, revisions known: [String: Int]? = nil) async throws -> CalendarDay {
        let vault = vault
        let savedAt: Date? = try await derived("document-saved:\(Value.kind.rawValue)", from: [Value.kind], revisions: known) { (_: Date??, _) in
            try await vault.documentSavedAt(type)
        }
        return CalendarDay(savedAt ?? Date(), in: timeZone)
    }

    /// How many decisions are ready to look back on `today`.
    func dueDecisions(today: CalendarDay, revisions known: [String: Int]? = nil) async throws -> Int {
        try await derived("decisions:due:\(today)", from: [.decision], revisions: known) { (_: Int?, revisions) in
            try await all(Decision.self, revisions: revisions).filter { $0.isDue(today: today) }.count
        }
    }

    /// The whole chain's check, made again only when evidence changes.
    func chainReport(revisions known: [String: Int]? = nil) async throws -> ChainReport {
        let vault = vault
        return try await derived("verify", from: RecordKind.evidenceKinds, revisions: known) { (_: ChainReport?, _) in
            try await vault.evidence.verify()
        }
    }
}
