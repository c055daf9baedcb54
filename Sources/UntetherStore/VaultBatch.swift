import Foundation
import UntetherCore
import UntetherVault

/// Many records saved at once (an import, a demo vault): each is checked and sealed as it is
/// added, and `commit()` writes them in two transactions, the working logs and then the log's
/// evidence, each linked into the chain in order. One unlock and two disk syncs, however many
/// records there are.
public struct VaultBatch: Sendable {
    let vault: UnlockedVault
    private(set) var records: [SealedRecord] = []
    private(set) var evidence: [EvidenceAppend] = []
    /// How many records of each kind were added, by the kind's stored name.
    public private(set) var counts: [String: Int] = [:]

    public init(vault: UnlockedVault) {
        self.vault = vault
    }

    public var isEmpty: Bool { records.isEmpty && evidence.isEmpty }

    /// Checks and seals a value of a working log.
    public mutating func add<Value: LoggedValue>(_ value: Value) throws {
        try value.validate()
        let id = SealedLog<Value>.key(value.id)
        let address = RecordAddress(id: id, kind: Value.kind)
        records.append(SealedRecord(
            id: id, kind: Value.kind, formatVersion: address.formatVersion, createdAt: value.loggedAt, updatedAt: value.loggedAt,
            sealed: try vault.sealer.seal(json: value.payload, for: address)
        ))
        counts[Value.kind.rawValue, default: 0] += 1
    }

    /// Seals a log entry made from a checked draft, to be linked into the chain.
    @discardableResult
    public mutating func record(_ draft: IncidentDraft, id: UUID = UUID(), recordedAt: Date, today: CalendarDay) throws -> Incident {
        var incident = try draft.makeIncident(id: id, recordedAt: recordedAt, today: today)
        incident.recordedAt = EvidenceChain.truncated(incident.recordedAt)
        try chain(incident, id: incident.id, subject: nil, at: incident.recordedAt)
        return incident
    }

    /// Seals an addition to an entry of this batch, to be linked after it.
    public mutating func amend(_ incidentID: UUID, change: String, reason: String, id: UUID = UUID(), at date: Date) throws {
        let checked = try AmendmentDraft.validate(change: change, reason: reason)
        let amendment = Amendment(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(date), change: checked.change, reason: checked.reason)
        try chain(amendment, id: id, subject: incidentID, at: amendment.recordedAt)
    }

    private mutating func chain<Value: ChainedValue>(_ value: Value, id: UUID, subject: UUID?, at date: Date) throws {
        evidence.append(try vault.evidence.prepared(value, id: id, subject: subject, at: date))
        counts[Value.kind.rawValue, default: 0] += 1
    }

    /// Writes everything. When it returns, every record is on disk.
    public func commit() async throws {
        try await vault.store.insert(contentsOf: records)
        _ = try await vault.store.appendEvidence(evidence)
    }
}

extension EvidenceLog {
    /// Seals a new chained record with a fresh salt, ready to be linked after whatever the chain's
    /// head is when it is written.
    func prepared<Value: ChainedValue>(_ value: Value, id: UUID, subject: UUID?, at date: Date) throws -> EvidenceAppend {
        var value = value
        value.salt = EvidenceChain.newSalt()
        let kind = Value.kind
        let canonical = try EvidenceChain.canonicalBytes(value)
        let recordID = Self.key(id)
        let address = RecordAddress(id: recordID, kind: kind)
        let hash = EvidenceChain.recordHash(canonical)
        let subjectID = subject.map(Self.key)
        return EvidenceAppend(
            record: SealedRecord(
                id: recordID, kind: kind, formatVersion: address.formatVersion, createdAt: date, updatedAt: date,
                sealed: try sealer.seal(canonical, for: address)
            )
        ) { head in
            EvidenceChain.entry(after: head, kind: kind.rawValue, recordID: recordID, subjectID: subjectID, recordHash: hash)
        }
    }
}
