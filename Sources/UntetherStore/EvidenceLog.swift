import Foundation
import UntetherCore
import UntetherVault

/// An entry of the log as a person sees it: the original record and every amendment,
/// or, once removed, only when and why it was removed.
public struct LogEntry: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let incident: Incident?
    public let amendments: [Amendment]
    public let attachments: [Attachment]
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
        case attachment
    }

    /// The sealed bytes of an attached file: stored beside its chained `attachment` record, which
    /// holds their SHA-256, under the same id.
    static let fileKind = "attachment_file"

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

    /// Attaches a file to an entry that is still in the log. The bytes are kept exactly, sealed,
    /// and their SHA-256 goes into the chain.
    @discardableResult
    public func attach(
        _ bytes: Data, fileName: String, to incidentID: UUID, id: UUID = UUID(), now: Date
    ) async throws -> Attachment {
        guard !bytes.isEmpty else { throw AttachmentError.empty }
        guard bytes.count <= AttachmentType.maxBytes else { throw AttachmentError.tooLarge }
        guard let type = AttachmentType.detect(bytes) else { throw AttachmentError.unsupportedType }
        guard try await store.record(id: Self.key(incidentID), kind: Kind.incident.rawValue) != nil else { throw StoreError.notFound }
        let name = String(fileName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_").prefix(200))
        let attachment = Attachment(
            id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), fileName: name, type: type,
            size: bytes.count, sha256: EvidenceChain.recordHash(bytes).hexString
        )
        let fileID = Self.key(id)
        let file = SealedRecord(
            id: fileID, kind: Self.fileKind, formatVersion: Self.formatVersion, createdAt: attachment.recordedAt,
            updatedAt: attachment.recordedAt,
            sealed: try sealer.seal(bytes, for: RecordAddress(id: fileID, kind: Self.fileKind, formatVersion: Self.formatVersion))
        )
        try await append(attachment, kind: .attachment, id: id, subject: incidentID, at: attachment.recordedAt, alongside: [file])
        return attachment
    }

    /// The exact bytes of an attached file, checked against the SHA-256 in the chain.
    public func attachmentBytes(_ attachment: Attachment) async throws -> Data {
        let id = Self.key(attachment.id)
        guard let record = try await store.record(id: id, kind: Self.fileKind) else { throw StoreError.notFound }
        let bytes = try sealer.open(record.sealed, for: record.address)
        guard EvidenceChain.recordHash(bytes).hexString == attachment.sha256 else { throw VaultError.damagedRecord }
        return bytes
    }

    /// Removes an entry: its text, amendments and files are deleted, and the removal itself is
    /// recorded in the chain.
    @discardableResult
    public func remove(_ incidentID: UUID, reason: String, id: UUID = UUID(), now: Date) async throws -> Removal {
        guard reason.count <= IncidentDraft.maxShortFieldLength else { throw IncidentDraftError.tooLong }
        let incidentKey = Self.key(incidentID)
        guard try await store.record(id: incidentKey, kind: Kind.incident.rawValue) != nil else { throw StoreError.notFound }
        var doomed = [RecordRef(id: incidentKey, kind: Kind.incident.rawValue)]
        for link in try await store.chainEntries() where link.subjectID == incidentKey {
            doomed.append(RecordRef(id: link.recordID, kind: link.kind))
            if link.kind == Kind.attachment.rawValue { doomed.append(RecordRef(id: link.recordID, kind: Self.fileKind)) }
        }
        let removal = Removal(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        try await append(removal, kind: .removal, id: id, subject: incidentID, at: removal.recordedAt, removing: doomed)
        return removal
    }

    func append<Value: Encodable>(
        _ value: Value, kind: Kind, id: UUID, subject: UUID?, at date: Date,
        alongside: [SealedRecord] = [], removing: [RecordRef] = []
    ) async throws {
        let canonical = try EvidenceChain.canonicalBytes(value)
        let recordID = Self.key(id)
        let sealed = try sealer.seal(canonical, for: Self.address(kind, recordID))
        let hash = EvidenceChain.recordHash(canonical)
        let subjectID = subject.map(Self.key)
        _ = try await store.appendEvidence(
            SealedRecord(id: recordID, kind: kind.rawValue, formatVersion: Self.formatVersion, createdAt: date, updatedAt: date, sealed: sealed),
            alongside: alongside, removing: removing
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
        let chained = Set(chain.map { "\($0.kind)/\($0.recordID)" })
        var amendments: [String: [Amendment]] = [:]
        var removals: [String: Removal] = [:]
        var attachments: [String: [Attachment]] = [:]
        for attachment in try await readable(Attachment.self, kind: .attachment, chained: chained) {
            attachments[Self.key(attachment.incidentID), default: []].append(attachment)
        }
        for amendment in try await readable(Amendment.self, kind: .amendment, chained: chained) {
            amendments[Self.key(amendment.incidentID), default: []].append(amendment)
        }
        for removal in try await readable(Removal.self, kind: .removal, chained: chained) {
            removals[Self.key(removal.incidentID)] = removal
        }
        var incidents: [String: Incident] = [:]
        for incident in try await readable(Incident.self, kind: .incident, chained: chained) {
            incidents[Self.key(incident.id)] = incident
        }
        let entries: [LogEntry] = chain.filter { $0.kind == Kind.incident.rawValue }.compactMap { link in
            guard let id = UUID(uuidString: link.recordID) else { return nil }
            return LogEntry(
                id: id, incident: incidents[link.recordID],
                amendments: (amendments[link.recordID] ?? []).sorted { $0.recordedAt < $1.recordedAt },
                attachments: (attachments[link.recordID] ?? []).sorted { ($0.recordedAt, $0.id.uuidString) < ($1.recordedAt, $1.id.uuidString) },
                removal: removals[link.recordID], sequence: link.sequence
            )
        }
        return entries.sorted { lhs, rhs in
            let left = lhs.incident?.occurrenceKey ?? ""
            let right = rhs.incident?.occurrenceKey ?? ""
            return left != right ? left > right : lhs.sequence > rhs.sequence
        }
    }

    /// The records of a kind that are in the chain and open and decode. Anything else is left out
    /// here, so one damaged record never hides the whole log; `verify()` names it.
    func readable<Value: Decodable>(_ type: Value.Type, kind: Kind, chained: Set<String>) async throws -> [Value] {
        try await store.records(kind: kind.rawValue).compactMap { record in
            guard chained.contains("\(record.kind)/\(record.id)"),
                  let bytes = try? sealer.open(record.sealed, for: record.address)
            else { return nil }
            return try? EvidenceChain.decode(type, from: bytes)
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
        records += try await store.records(kind: Self.fileKind)
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
            let wasRemoved = removedIDs.contains(link.recordID) || link.subjectID.map(removedIDs.contains) == true
            guard let record = stored[key] else {
                if !(link.kind != Kind.removal.rawValue && wasRemoved) {
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
                continue
            }
            if link.kind == Kind.attachment.rawValue {
                // The file's own bytes must still match the SHA-256 its chained record holds.
                chained.insert("\(fileKind)/\(link.recordID)")
                let file = stored["\(fileKind)/\(link.recordID)"].flatMap { try? sealer.open($0.sealed, for: $0.address) }
                let attachment = try? EvidenceChain.decode(Attachment.self, from: bytes)
                if file == nil || attachment == nil || EvidenceChain.recordHash(file!).hexString != attachment!.sha256 {
                    problems.append(ChainProblem(sequence: link.sequence, what: .fileChanged, detail: "attachment \(link.recordID)"))
                }
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
