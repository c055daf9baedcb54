import Foundation
import UntetherCore
import UntetherVault

/// A vault store that lives in memory only, for tests and previews.
public actor MemoryVaultStore: VaultStore {
    private var storedHeader: VaultHeader?
    private var events: [AccessEvent] = []
    private var recordsByKey: [RecordKey: SealedRecord] = [:]
    private var storedThrottle = UnlockThrottle()
    private var chain: [ChainEntry] = []
    private var changes = 0
    private struct RecordKey: Hashable {
        let kind: RecordKind
        let id: String
    }

    public init() {}

    public func revision() -> Int { changes }

    public func header() -> VaultHeader? { storedHeader }

    public func createHeader(_ header: VaultHeader, event: AccessEvent) throws {
        guard storedHeader == nil else { throw StoreError.vaultExists }
        storedHeader = header
        events.append(event)
    }

    public func replaceHeader(_ header: VaultHeader, event: AccessEvent) throws {
        guard storedHeader != nil else { throw StoreError.noVault }
        storedHeader = header
        events.append(event)
    }

    public func append(_ event: AccessEvent) {
        events.append(event)
    }

    public func accessEvents() -> [AccessEvent] {
        events.sorted { ($0.at, $0.id.uuidString) > ($1.at, $1.id.uuidString) }
    }

    public func insert(_ record: SealedRecord) throws {
        let key = RecordKey(kind: record.kind, id: record.id)
        guard recordsByKey[key] == nil else { throw StoreError.duplicate }
        recordsByKey[key] = record
        changes += 1
    }

    public func update(_ record: SealedRecord) throws {
        guard !record.kind.isEvidence else { throw StoreError.appendOnly }
        let key = RecordKey(kind: record.kind, id: record.id)
        guard let old = recordsByKey[key] else { throw StoreError.notFound }
        changes += 1
        recordsByKey[key] = SealedRecord(
            id: old.id, kind: old.kind, formatVersion: record.formatVersion,
            createdAt: old.createdAt, updatedAt: record.updatedAt, sealed: record.sealed
        )
    }

    public func deleteRecord(id: String, kind: RecordKind) throws {
        guard !kind.isEvidence else { throw StoreError.appendOnly }
        changes += 1
        guard recordsByKey.removeValue(forKey: RecordKey(kind: kind, id: id)) != nil else {
            throw StoreError.notFound
        }
    }

    public func record(id: String, kind: RecordKind) -> SealedRecord? {
        recordsByKey[RecordKey(kind: kind, id: id)]
    }

    public func records(kind: RecordKind) -> [SealedRecord] {
        recordsByKey.values
            .filter { $0.kind == kind }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    public func appendEvidence(
        _ record: SealedRecord, alongside: [SealedRecord], removing: [RecordRef],
        makeEntry: @Sendable (ChainEntry?) -> ChainEntry
    ) throws -> ChainEntry {
        for item in [record] + alongside where recordsByKey[RecordKey(kind: item.kind, id: item.id)] != nil {
            throw StoreError.duplicate
        }
        let entry = makeEntry(chain.last)
        for item in [record] + alongside { recordsByKey[RecordKey(kind: item.kind, id: item.id)] = item }
        for ref in removing { recordsByKey[RecordKey(kind: ref.kind, id: ref.id)] = nil }
        changes += 1
        chain.append(entry)
        return entry
    }

    public func chainEntries() -> [ChainEntry] { chain }

    public func chainHead() -> ChainEntry? { chain.last }

    public func throttle() -> UnlockThrottle { storedThrottle }

    public func saveThrottle(_ throttle: UnlockThrottle) {
        storedThrottle = throttle
    }

    public func claimUnlockAttempt(now: Date) -> TimeInterval {
        let wait = storedThrottle.waitRemaining(at: now)
        guard wait <= 0 else { return wait }
        storedThrottle = storedThrottle.recordingFailure(at: now)
        return 0
    }

    public func recordCounts() -> [String: Int] {
        recordsByKey.values.reduce(into: [:]) { counts, record in counts[record.kind.rawValue, default: 0] += 1 }
    }
}
