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
}
