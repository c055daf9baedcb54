import Foundation
import UntetherCore
import UntetherVault

/// The contact log: each contact sealed on its own. Unlike the incident log it is the person's
/// working record, so an entry can be deleted.
public struct ContactLog: Sendable {
    let store: any VaultStore
    let log: SealedLog<ContactEvent>

    init(store: any VaultStore, sealer: RecordSealer) {
        self.store = store
        log = SealedLog(store: store, sealer: sealer, kind: "contact", time: { $0.at })
    }

    /// Saves a contact; feelings must be 0–10 when given.
    @discardableResult
    public func add(_ event: ContactEvent) async throws -> ContactEvent {
        for feeling in [event.feelingBefore, event.feelingAfter].compactMap({ $0 }) where !(0...10).contains(feeling) {
            throw ContactLogError.feelingOutOfRange
        }
        guard event.about.count <= IncidentDraft.maxShortFieldLength else { throw ContactLogError.tooLong }
        return try await log.add(event)
    }

    /// Every contact, newest first.
    public func all() async throws -> [ContactEvent] { try await log.all() }

    /// Deletes one contact.
    public func delete(_ id: UUID) async throws { try await log.delete(id) }

    /// One contact, or nil.
    public func event(_ id: UUID) async throws -> ContactEvent? { try await log.value(id) }

    /// Streaks at `now` in the person's time zone, counted from when the vault was set up.
    /// Pass `events` when they were just read, to save reading them again.
    public func summary(mode: ContactMode, now: Date, timeZone: TimeZone, events: [ContactEvent]? = nil) async throws -> Streaks.Summary {
        let created = try await store.accessEvents().filter { $0.kind == .created }.map(\.at).min() ?? now
        let events = if let events { events } else { try await all() }
        return Streaks.summary(of: events, mode: mode, since: created, now: now, timeZone: timeZone)
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
