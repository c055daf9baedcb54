import Foundation
import UntetherCore
import UntetherVault

/// A log of values sealed one per record (contacts, check-ins, urges). Only each record's id,
/// kind and time are in clear. These logs are the person's working records, so an entry can
/// be deleted.
public struct SealedLog<Value: Codable & Sendable & Identifiable>: Sendable where Value.ID == UUID {
    let store: any VaultStore
    let sealer: RecordSealer
    let kind: String
    let time: @Sendable (Value) -> Date

    func address(_ id: String) -> RecordAddress {
        RecordAddress(id: id, kind: kind, formatVersion: 1)
    }

    /// Seals and saves one value.
    @discardableResult
    public func add(_ value: Value) async throws -> Value {
        let id = value.id.uuidString.lowercased()
        let at = time(value)
        try await store.insert(SealedRecord(
            id: id, kind: kind, formatVersion: 1, createdAt: at, updatedAt: at,
            sealed: try sealer.seal(json: value, for: address(id))
        ))
        return value
    }

    /// Replaces a saved value with a changed one (same id), keeping when it was first saved.
    public func update(_ value: Value, now: Date) async throws {
        let id = value.id.uuidString.lowercased()
        guard let existing = try await store.record(id: id, kind: kind) else { throw StoreError.notFound }
        try await store.update(SealedRecord(
            id: id, kind: kind, formatVersion: 1, createdAt: existing.createdAt, updatedAt: max(now, existing.createdAt),
            sealed: try sealer.seal(json: value, for: address(id))
        ))
    }

    /// Every value, newest first.
    public func all() async throws -> [Value] {
        try await store.records(kind: kind).map { record in
            try sealer.open(Value.self, from: record.sealed, for: record.address)
        }
    }

    /// One value, or nil.
    public func value(_ id: UUID) async throws -> Value? {
        guard let record = try await store.record(id: id.uuidString.lowercased(), kind: kind) else { return nil }
        return try sealer.open(Value.self, from: record.sealed, for: record.address)
    }

    /// Deletes one value.
    public func delete(_ id: UUID) async throws {
        try await store.deleteRecord(id: id.uuidString.lowercased(), kind: kind)
    }
}

extension UnlockedVault {
    /// Withdrawal check-ins.
    public var checkIns: SealedLog<CheckIn> { SealedLog(store: store, sealer: sealer, kind: "checkin", time: { $0.at }) }
    /// Urges to reach out.
    public var urges: SealedLog<Urge> { SealedLog(store: store, sealer: sealer, kind: "urge", time: { $0.at }) }
    /// The reality journal. Entries are ordered by when they were first written.
    public var journal: SealedLog<JournalEntry> { SealedLog(store: store, sealer: sealer, kind: "journal", time: { $0.createdAt }) }
    /// The person's milestones on the relationship timeline.
    public var milestones: SealedLog<Milestone> { SealedLog(store: store, sealer: sealer, kind: "milestone", time: { $0.day }) }
    /// The decision log.
    public var decisions: SealedLog<Decision> {
        SealedLog(store: store, sealer: sealer, kind: "decision", time: { IncidentDraft.parseDay($0.madeOn) ?? .distantPast })
    }
}
