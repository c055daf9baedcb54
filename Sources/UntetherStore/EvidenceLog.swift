import Foundation
import UntetherCore
import UntetherVault

/// An entry of the log as a person sees it: the original record and every amendment,
/// or, once removed, only when and why it was removed.
public struct LogEntry: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let incident: Incident?
    public let amendments: [Amendment]
    public let removal: Removal?
    /// The chain position of the original record.
    public let sequence: Int

    public var isRemoved: Bool { removal != nil }
}

/// What a check of the whole chain found.
public struct ChainReport: Sendable, Equatable {
    /// How many chain entries were checked.
    public let entries: Int
    /// The newest chain hash, or nil while the chain is empty.
    public let head: ChainEntry?
    /// Every problem found; empty when the chain is intact.
    public let problems: [ChainProblem]

    public var isIntact: Bool { problems.isEmpty }
}

/// The incident log: evidence records that are sealed, append-only and linked into the hash chain.
/// The sealed payload of each record is exactly its canonical bytes, so what is hashed is what is saved.
public struct EvidenceLog: Sendable {
    let store: any VaultStore
    let sealer: RecordSealer

    public init(store: any VaultStore, sealer: RecordSealer) {
        self.store = store
        self.sealer = sealer
    }

    /// Kinds of evidence record, as stored and chained.
    public enum Kind: String, CaseIterable, Sendable {
        case incident
        case amendment
        case removal
    }

    static let formatVersion = 1

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func address(_ kind: Kind, _ id: String) -> RecordAddress {
        RecordAddress(id: id, kind: kind.rawValue, formatVersion: formatVersion)
    }

    /// Saves a new entry. When this returns, it is on disk and in the chain.
    @discardableResult
    public func record(_ draft: IncidentDraft, id: UUID = UUID(), now: Date, today: String) async throws -> Incident {
        var incident = try draft.makeIncident(id: id, recordedAt: now, today: today)
        incident.recordedAt = EvidenceChain.truncated(incident.recordedAt)
        try await append(incident, kind: .incident, id: incident.id, subject: nil, at: incident.recordedAt)
        return incident
    }

    /// Adds a correction or addition to an entry that is still in the log.
    @discardableResult
    public func amend(_ incidentID: UUID, change: String, reason: String, id: UUID = UUID(), now: Date) async throws -> Amendment {
        let checked = try AmendmentDraft.validate(change: change, reason: reason)
        guard try await store.record(id: Self.key(incidentID), kind: Kind.incident.rawValue) != nil else { throw StoreError.notFound }
        let amendment = Amendment(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), change: checked.change, reason: checked.reason)
        try await append(amendment, kind: .amendment, id: id, subject: incidentID, at: amendment.recordedAt)
        return amendment
    }

    /// Removes an entry: its text is deleted, and the removal itself is recorded in the chain.
    @discardableResult
    public func remove(_ incidentID: UUID, reason: String, id: UUID = UUID(), now: Date) async throws -> Removal {
        guard reason.count <= IncidentDraft.maxShortFieldLength else { throw IncidentDraftError.tooLong }
        let removal = Removal(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        try await append(removal, kind: .removal, id: id, subject: incidentID, at: removal.recordedAt,
                         removing: (Self.key(incidentID), Kind.incident.rawValue))
        return removal
    }

    func append<Value: Encodable>(
        _ value: Value, kind: Kind, id: UUID, subject: UUID?, at date: Date, removing: (id: String, kind: String)? = nil
    ) async throws {
        let canonical = try EvidenceChain.canonicalBytes(value)
        let recordID = Self.key(id)
        let sealed = try sealer.seal(canonical, for: Self.address(kind, recordID))
        let hash = EvidenceChain.recordHash(canonical)
        let subjectID = subject.map(Self.key)
        _ = try await store.appendEvidence(
            SealedRecord(id: recordID, kind: kind.rawValue, formatVersion: Self.formatVersion, createdAt: date, updatedAt: date, sealed: sealed),
            removing: removing
        ) { head in
            EvidenceChain.entry(after: head, kind: kind.rawValue, recordID: recordID, subjectID: subjectID, recordHash: hash)
        }
    }

    /// The canonical bytes of a stored record, decrypted.
    func canonicalBytes(kind: Kind, id: String) async throws -> Data? {
        guard let record = try await store.record(id: id, kind: kind.rawValue) else { return nil }
        return try sealer.open(record.sealed, for: record.address)
    }

    /// The whole chain with each record's canonical bytes (nil where the record was removed), for export.
    public func chainWithRecords() async throws -> [(entry: ChainEntry, canonical: Data?)] {
        var result: [(entry: ChainEntry, canonical: Data?)] = []
        for link in try await store.chainEntries() {
            var bytes: Data?
            if let kind = Kind(rawValue: link.kind) { bytes = try await canonicalBytes(kind: kind, id: link.recordID) }
            result.append((link, bytes))
        }
        return result
    }

    /// Every entry, in the order it happened (newest first), with its amendments and removal.
    public func entries() async throws -> [LogEntry] {
        let chain = try await store.chainEntries()
        var amendments: [String: [Amendment]] = [:]
        var removals: [String: Removal] = [:]
        for record in try await store.records(kind: Kind.amendment.rawValue) {
            let amendment = try EvidenceChain.decode(Amendment.self, from: try sealer.open(record.sealed, for: record.address))
            amendments[Self.key(amendment.incidentID), default: []].append(amendment)
        }
        for record in try await store.records(kind: Kind.removal.rawValue) {
            let removal = try EvidenceChain.decode(Removal.self, from: try sealer.open(record.sealed, for: record.address))
            removals[Self.key(removal.incidentID)] = removal
        }
        var incidents: [String: Incident] = [:]
        for record in try await store.records(kind: Kind.incident.rawValue) {
            incidents[record.id] = try EvidenceChain.decode(Incident.self, from: try sealer.open(record.sealed, for: record.address))
        }
        let entries: [LogEntry] = chain.filter { $0.kind == Kind.incident.rawValue }.compactMap { link in
            guard let id = UUID(uuidString: link.recordID) else { return nil }
            return LogEntry(
                id: id, incident: incidents[link.recordID],
                amendments: (amendments[link.recordID] ?? []).sorted { $0.recordedAt < $1.recordedAt },
                removal: removals[link.recordID], sequence: link.sequence
            )
        }
        return entries.sorted { lhs, rhs in
            let left = lhs.incident?.occurrenceKey ?? ""
            let right = rhs.incident?.occurrenceKey ?? ""
            return left != right ? left > right : lhs.sequence > rhs.sequence
        }
    }

    /// One entry, or nil.
    public func entry(_ id: UUID) async throws -> LogEntry? {
        try await entries().first { $0.id == id }
    }

    /// The newest link, to show the person so they can keep a copy elsewhere.
    public func head() async throws -> ChainEntry? {
        try await store.chainHead()
    }

    /// Checks the whole chain: every link, every record's hash, and that nothing was removed
    /// without a recorded removal, or stored without a link.
    public func verify() async throws -> ChainReport {
        let chain = try await store.chainEntries()
        var records: [SealedRecord] = []
        for kind in Kind.allCases { records += try await store.records(kind: kind.rawValue) }
        return ChainReport(entries: chain.count, head: chain.last, problems: Self.problems(chain: chain, records: records, sealer: sealer))
    }

    /// The checks behind `verify()`, on values, so a backup can be checked before it is restored.
    static func problems(chain: [ChainEntry], records: [SealedRecord], sealer: RecordSealer) -> [ChainProblem] {
        var problems: [ChainProblem] = []
        if let broken = EvidenceChain.firstBrokenLink(in: chain) { problems.append(broken) }
        let removedIDs = Set(chain.filter { $0.kind == Kind.removal.rawValue }.compactMap(\.subjectID))
        let stored = Dictionary(records.map { ("\($0.kind)/\($0.id)", $0) }, uniquingKeysWith: { first, _ in first })
        var chained: Set<String> = []
        for link in chain {
            let key = "\(link.kind)/\(link.recordID)"
            chained.insert(key)
            guard let record = stored[key] else {
                if !(link.kind == Kind.incident.rawValue && removedIDs.contains(link.recordID)) {
                    problems.append(ChainProblem(sequence: link.sequence, what: .recordMissing, detail: "\(link.kind) \(link.recordID)"))
                }
                continue
            }
            guard let bytes = try? sealer.open(record.sealed, for: record.address) else {
                problems.append(ChainProblem(sequence: link.sequence, what: .recordUnreadable, detail: "\(link.kind) \(link.recordID)"))
                continue
            }
            if EvidenceChain.recordHash(bytes) != link.recordHash {
                problems.append(ChainProblem(sequence: link.sequence, what: .recordChanged, detail: "\(link.kind) \(link.recordID)"))
            }
        }
        for key in stored.keys.sorted() where !chained.contains(key) {
            problems.append(ChainProblem(sequence: nil, what: .unchainedRecord, detail: key.replacingOccurrences(of: "/", with: " ")))
        }
        return problems
    }
}

extension UnlockedVault {
    /// The incident log.
    public var evidence: EvidenceLog { EvidenceLog(store: store, sealer: sealer) }
}
