import Foundation
import UntetherCore
import UntetherVault

/// A log of values sealed one per record (notes, contacts, check-ins, urges, the journal…). Only
/// each record's id, kind and times are in clear. These logs are the person's working records,
/// so an entry can be changed or deleted.
public struct SealedLog<Value: LoggedValue>: Sendable {
    let store: any VaultStore
    let sealer: RecordSealer

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Checks, seals and saves one value.
    @discardableResult
    public func add(_ value: Value) async throws -> Value {
        try value.validate()
        let id = Self.key(value.id)
        let address = RecordAddress(id: id, kind: Value.kind)
        try await store.insert(SealedRecord(
            id: id, kind: Value.kind, formatVersion: address.formatVersion, createdAt: value.loggedAt, updatedAt: value.loggedAt,
            sealed: try sealer.seal(json: value.payload, for: address)
        ))
        return value
    }

    /// Replaces a saved value with a changed one (same id), keeping when it was first saved.
    public func update(_ value: Value, now: Date) async throws {
        try value.validate()
        let id = Self.key(value.id)
        guard let existing = try await store.record(id: id, kind: Value.kind) else { throw StoreError.notFound }
        let address = RecordAddress(id: id, kind: Value.kind)
        try await store.update(SealedRecord(
            id: id, kind: Value.kind, formatVersion: address.formatVersion,
            createdAt: existing.createdAt, updatedAt: max(now, existing.createdAt),
            sealed: try sealer.seal(json: value.payload, for: address)
        ))
    }

    /// Every value, newest first.
    public func all() async throws -> [Value] {
        try await store.records(kind: Value.kind).map(open)
    }

    /// One value, or nil.
    public func value(_ id: UUID) async throws -> Value? {
        try await store.record(id: Self.key(id), kind: Value.kind).map(open)
    }

    /// Deletes one value for good.
    public func delete(_ id: UUID) async throws {
        try await store.deleteRecord(id: Self.key(id), kind: Value.kind)
    }

    func open(_ record: SealedRecord) throws -> Value {
        guard let id = UUID(uuidString: record.id) else { throw VaultError.damagedRecord }
        let payload = try sealer.open(Value.Payload.self, from: record.sealed, for: record.address)
        return try Value.opened(payload, id: id, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}

extension SealedLog where Value == Note {
    /// Saves a new note from a checked draft; when this returns, the note is on disk.
    @discardableResult
    public func add(_ draft: NoteDraft, id: UUID = UUID(), now: Date) async throws -> Note {
        try await add(draft.makeNote(id: id, now: now))
    }

    /// Replaces a note's title and body.
    @discardableResult
    public func update(id: UUID, with draft: NoteDraft, now: Date) async throws -> Note {
        guard let current = try await value(id) else { throw StoreError.notFound }
        let changed = draft.apply(to: current, now: max(now, current.createdAt))
        try await update(changed, now: changed.updatedAt)
        return changed
    }
}

extension SealedLog where Value == ContactEvent {
    /// Streaks at `now` in the person's time zone, counted from when the vault was set up.
    /// Pass `events` when they were just read, to save reading them again.
    public func summary(mode: ContactMode, now: Date, timeZone: TimeZone, events: [ContactEvent]? = nil) async throws -> Streaks.Summary {
        let created = try await store.accessEvents().filter { $0.kind == .created }.map(\.at).min() ?? now
        let events = if let events { events } else { try await all() }
        return Streaks.summary(of: events, mode: mode, since: created, now: now, timeZone: timeZone)
    }
}

extension SealedLog where Value == SafePerson {
    /// The person's safe people in the order they were added, as every page and the CLI list them.
    public func inOrderAdded() async throws -> [SafePerson] {
        try await all().reversed()
    }
}

extension UnlockedVault {
    /// The log of one kind of value: `vault.log(Urge.self)`.
    public func log<Value: LoggedValue>(_ type: Value.Type) -> SealedLog<Value> {
        SealedLog(store: store, sealer: sealer)
    }
}
