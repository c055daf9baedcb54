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
    private var kindChanges: [String: Int] = [:]
    private struct RecordKey: Hashable {
        let kind: RecordKind
        let id: String
    }

    public init() {}

    public func revision() -> Int { changes }

    public func kindRevisions() -> [String: Int] { kindChanges }

    private func changed(_ kind: RecordKind) {
        changes += 1
        kindChanges[kind.rawValue, default: 0] += 1
    }

    public func insert(contentsOf records: [SealedRecord]) throws {
        var keys = Set<RecordKey>()
        for record in records {
            let key = RecordKey(kind: record.kind, id: record.id)
            guard recordsByKey[key] == nil, keys.insert(key).inserted else { throw StoreError.duplicate }
        }
        for record in records { try insert(record) }
    }

    public func recordStamps(kind: RecordKind) -> [RecordStamp] {
        records(kind: kind).map { RecordStamp(id: $0.id, createdAt: $0.createdAt, version: $0.sealed.prefix(RecordStamp.versionLength)) }
    }

    public func records(kind: RecordKind, ids: [String]) -> [SealedRecord] {
        ids.compactMap { recordsByKey[RecordKey(kind: kind, id: $0)] }
    }

    public func appendEvidence(_ appends: [EvidenceAppend]) throws -> [ChainEntry] {
        var keys = Set<RecordKey>()
        for append in appends {
            for item in [append.record] + append.alongside {
                let key = RecordKey(kind: item.kind, id: item.id)
                guard recordsByKey[key] == nil, keys.insert(key).inserted else { throw StoreError.duplicate }
            }
        }
        return try appends.map { try appendEvidence($0.record, alongside: $0.alongside, removing: [], makeEntry: $0.makeEntry) }
    }

    public func chainEntries(concerning recordID: String) -> [ChainEntry] {
        chain.filter { $0.recordID == recordID || $0.subjectID == recordID }
    }

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
        changed(record.kind)
    }

    public func update(_ record: SealedRecord) throws {
        guard !record.kind.isEvidence else { throw StoreError.appendOnly }
        let key = RecordKey(kind: record.kind, id: record.id)
        guard let old = recordsByKey[key] else { throw StoreError.notFound }
        changed(record.kind)
        recordsByKey[key] = SealedRecord(
            id: old.id, kind: old.kind, formatVersion: record.formatVersion,
            createdAt: old.createdAt, updatedAt: record.updatedAt, sealed: record.sealed
        )
    }

    public func deleteRecord(id: String, kind: RecordKind) throws {
        guard !kind.isEvidence else { throw StoreError.appendOnly }
        changed(kind)
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
        for item in [record] + alongside {
            recordsByKey[RecordKey(kind: item.kind, id: item.id)] = item
            changed(item.kind)
        }
        for ref in removing where recordsByKey.removeValue(forKey: RecordKey(kind: ref.kind, id: ref.id)) != nil { changed(ref.kind) }
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
