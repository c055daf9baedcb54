import Foundation
import UntetherCore
import UntetherVault

/// The contact log: each contact sealed on its own. Unlike the incident log it is the person's
/// working record, so an entry can be deleted.
public struct ContactLog: Sendable {
    let store: any VaultStore
    let sealer: RecordSealer

    static let kind = "contact"

    static func address(_ id: String) -> RecordAddress {
        RecordAddress(id: id, kind: kind, formatVersion: 1)
    }

    /// Saves a contact; feelings must be 0–10 when given.
    @discardableResult
    public func add(_ event: ContactEvent) async throws -> ContactEvent {
        for feeling in [event.feelingBefore, event.feelingAfter].compactMap({ $0 }) where !(0...10).contains(feeling) {
            throw ContactLogError.feelingOutOfRange
        }
        guard event.about.count <= IncidentDraft.maxShortFieldLength else { throw ContactLogError.tooLong }
        let id = event.id.uuidString.lowercased()
        try await store.insert(SealedRecord(
            id: id, kind: Self.kind, formatVersion: 1, createdAt: event.at, updatedAt: event.at,
            sealed: try sealer.seal(json: event, for: Self.address(id))
        ))
        return event
    }

    /// Every contact, newest first.
    public func all() async throws -> [ContactEvent] {
        try await store.records(kind: Self.kind).map { record in
            try sealer.open(ContactEvent.self, from: record.sealed, for: record.address)
        }
    }

    /// Deletes one contact.
    public func delete(_ id: UUID) async throws {
        try await store.deleteRecord(id: id.uuidString.lowercased(), kind: Self.kind)
    }

    /// Streaks at `now` in the person's time zone, counted from when the vault was set up.
    /// Pass `events` when they were just read, to save reading them again.
    public func summary(mode: ContactMode, now: Date, timeZone: TimeZone, events: [ContactEvent]? = nil) async throws -> Streaks.Summary {
        let created = try await store.accessEvents().filter { $0.kind == .created }.map(\.at).min() ?? now
        let events = if let events { events } else { try await all() }
        return Streaks.summary(of: events, mode: mode, since: created, now: now, timeZone: timeZone)
    }

    /// One contact, or nil.
    public func event(_ id: UUID) async throws -> ContactEvent? {
        let key = id.uuidString.lowercased()
        guard let record = try await store.record(id: key, kind: Self.kind) else { return nil }
        return try sealer.open(ContactEvent.self, from: record.sealed, for: record.address)
    }
}

/// Why a contact was not saved.
public enum ContactLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case feelingOutOfRange
    case tooLong

    public var description: String {
        switch self {
        case .feelingOutOfRange: "Feelings are from 0 (worst) to 10 (best). Please pick a number in that range."
        case .tooLong: "That note is longer than can be saved here. Please shorten it."
        }
    }
}

extension UnlockedVault {
    /// The contact log.
    public var contacts: ContactLog { ContactLog(store: store, sealer: sealer) }
}
