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
    /// How many links of each kind the chain has (by the kind's stored name).
    public var kinds: [String: Int] = [:]

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

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Saves a new entry. When this returns, it is on disk and in the chain.
    @discardableResult
    public func record(_ draft: IncidentDraft, id: UUID = UUID(), now: Date, today: CalendarDay) async throws -> Incident {
        var incident = try draft.makeIncident(id: id, recordedAt: now, today: today)
        incident.recordedAt = EvidenceChain.truncated(incident.recordedAt)
        return try await append(incident, id: incident.id, subject: nil, at: incident.recordedAt).value
    }

    /// Saves a new entry with a file attached to it. The file is checked first, so when it is
    /// refused (`AttachmentError`) nothing is saved.
    @discardableResult
    public func record(
        _ draft: IncidentDraft, attaching file: NewAttachment?, id: UUID = UUID(), now: Date, today: CalendarDay
    ) async throws -> Incident {
        if let file { _ = try AttachmentType.checked(file.bytes) }
        let incident = try await record(draft, id: id, now: now, today: today)
        if let file { try await attach(file.bytes, fileName: file.fileName, to: incident.id, now: now) }
        return incident
    }

    /// Adds a correction or addition to an entry that is still in the log.
    @discardableResult
    public func amend(_ incidentID: UUID, change: String, reason: String, id: UUID = UUID(), now: Date) async throws -> Amendment {
        let checked = try AmendmentDraft.validate(change: change, reason: reason)
        guard try await store.record(id: Self.key(incidentID), kind: .incident) != nil else { throw StoreError.notFound }
        let amendment = Amendment(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), change: checked.change, reason: checked.reason)
        return try await append(amendment, id: id, subject: incidentID, at: amendment.recordedAt).value
    }

    /// Attaches a file to an entry that is still in the log. The bytes are kept exactly, sealed,
    /// and their SHA-256 goes into the chain.
    @discardableResult
    public func attach(
        _ bytes: Data, fileName: String, to incidentID: UUID, id: UUID = UUID(), now: Date
    ) async throws -> Attachment {
        let type = try AttachmentType.checked(bytes)
        guard try await store.record(id: Self.key(incidentID), kind: .incident) != nil else { throw StoreError.notFound }
        let name = String(fileName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_").prefix(200))
        let attachment = Attachment(
            id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), fileName: name, type: type,
            size: bytes.count, sha256: EvidenceChain.recordHash(bytes).hexString
        )
        let fileID = Self.key(id)
        let fileAddress = RecordAddress(id: fileID, kind: .attachmentFile)
        let file = SealedRecord(
            id: fileID, kind: .attachmentFile, formatVersion: fileAddress.formatVersion, createdAt: attachment.recordedAt,
            updatedAt: attachment.recordedAt, sealed: try sealer.seal(bytes, for: fileAddress)
        )
        return try await append(attachment, id: id, subject: incidentID, at: attachment.recordedAt, alongside: [file]).value
    }

    /// The exact bytes of an attached file, checked against the SHA-256 in the chain.
    public func attachmentBytes(_ attachment: Attachment) async throws -> Data {
        let id = Self.key(attachment.id)
        guard let record = try await store.record(id: id, kind: .attachmentFile) else { throw StoreError.notFound }
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
        guard try await store.record(id: incidentKey, kind: .incident) != nil else { throw StoreError.notFound }
        var doomed = [RecordRef(id: incidentKey, kind: .incident)]
        for link in try await store.chainEntries() where link.subjectID == incidentKey {
            guard let kind = link.recordKind else { continue }
            doomed.append(RecordRef(id: link.recordID, kind: kind))
            if kind == .attachment { doomed.append(RecordRef(id: link.recordID, kind: .attachmentFile)) }
        }
        let removal = Removal(id: id, incidentID: incidentID, recordedAt: EvidenceChain.truncated(now), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        return try await append(removal, id: id, subject: incidentID, at: removal.recordedAt, removing: doomed).value
    }

    /// Writes an export's record into the chain and returns its link and exact bytes.
    public func recordExport(_ record: ExportRecord) async throws -> (entry: ChainEntry, canonical: Data) {
        let saved = try await append(record, id: record.id, subject: nil, at: EvidenceChain.truncated(record.madeAt))
        return (saved.entry, saved.canonical)
    }

    /// Seals a new record with a fresh salt, stores it and links it into the chain, in one write.
    func append<Value: ChainedValue>(
        _ value: Value, id: UUID, subject: UUID?, at date: Date,
        alongside: [SealedRecord] = [], removing: [RecordRef] = []
    ) async throws -> (value: Value, entry: ChainEntry, canonical: Data) {
        var value = value
        value.salt = EvidenceChain.newSalt()
        let kind = Value.kind
        let canonical = try EvidenceChain.canonicalBytes(value)
        let recordID = Self.key(id)
        let address = RecordAddress(id: recordID, kind: kind)
        let sealed = try sealer.seal(canonical, for: address)
        let hash = EvidenceChain.recordHash(canonical)
        let subjectID = subject.map(Self.key)
        let entry = try await store.appendEvidence(
            SealedRecord(id: recordID, kind: kind, formatVersion: address.formatVersion, createdAt: date, updatedAt: date, sealed: sealed),
            alongside: alongside, removing: removing
        ) { head in
            EvidenceChain.entry(after: head, kind: kind.rawValue, recordID: recordID, subjectID: subjectID, recordHash: hash)
        }
        return (value, entry, canonical)
    }

    /// The canonical bytes of a stored record, decrypted.
    func canonicalBytes(kind: RecordKind, id: String) async throws -> Data? {
        guard let record = try await store.record(id: id, kind: kind) else { return nil }
        return try sealer.open(record.sealed, for: record.address)
    }

    /// The chain's links alone (hashes, kinds and ids), oldest first.
    public func chainEntries() async throws -> [ChainEntry] {
        try await store.chainEntries()
    }

    /// The whole chain with each record's canonical bytes (nil where the record was removed), for export.
    public func chainWithRecords() async throws -> [(entry: ChainEntry, canonical: Data?)] {
        var result: [(entry: ChainEntry, canonical: Data?)] = []
        for link in try await store.chainEntries() {
            var bytes: Data?
            if let kind = link.recordKind, kind.isChained { bytes = try await canonicalBytes(kind: kind, id: link.recordID) }
            result.append((link, bytes))
        }
        return result
    }

    /// Every entry, in the order it happened (newest first), with its amendments and removal.
    public func entries() async throws -> [LogEntry] {
        try await OpenedEvidence.empty.refreshed(revisions: nil, log: self).entries
    }

    /// Opens one evidence record into `Value`, or nil when it does not open or decode: one
    /// damaged record never hides the whole log; `verify()` names it.
    func readable<Value: Decodable & SealedValue>(_ type: Value.Type, _ record: SealedRecord) -> Value? {
        guard let bytes = try? sealer.open(record.sealed, for: record.address) else { return nil }
        return try? EvidenceChain.decode(type, from: bytes)
    }

    /// Puts entries together from the chain and the opened records. Only records that are in the
    /// chain count; entries come newest first by when they happened.
    static func assemble(
        chain: [ChainEntry], incidents: [Incident], amendments: [Amendment], attachments: [Attachment], removals: [Removal]
    ) -> [LogEntry] {
        let chained = Set(chain.map { "\($0.kind)/\($0.recordID)" })
        func isChained(_ kind: RecordKind, _ id: UUID) -> Bool { chained.contains("\(kind.rawValue)/\(key(id))") }
        var amendmentsByEntry: [String: [Amendment]] = [:]
        var removalsByEntry: [String: Removal] = [:]
        var attachmentsByEntry: [String: [Attachment]] = [:]
        for attachment in attachments where isChained(.attachment, attachment.id) {
            attachmentsByEntry[key(attachment.incidentID), default: []].append(attachment)
        }
        for amendment in amendments where isChained(.amendment, amendment.id) {
            amendmentsByEntry[key(amendment.incidentID), default: []].append(amendment)
        }
        for removal in removals where isChained(.removal, removal.id) {
            removalsByEntry[key(removal.incidentID)] = removal
        }
        var incidentsByID: [String: Incident] = [:]
        for incident in incidents where isChained(.incident, incident.id) {
            incidentsByID[key(incident.id)] = incident
        }
        let entries: [LogEntry] = chain.filter { $0.recordKind == .incident }.compactMap { link in
            guard let id = UUID(uuidString: link.recordID) else { return nil }
            return LogEntry(
                id: id, incident: incidentsByID[link.recordID],
                amendments: (amendmentsByEntry[link.recordID] ?? []).sorted { $0.recordedAt < $1.recordedAt },
                attachments: (attachmentsByEntry[link.recordID] ?? []).sorted { ($0.recordedAt, $0.id.uuidString) < ($1.recordedAt, $1.id.uuidString) },
                removal: removalsByEntry[link.recordID], sequence: link.sequence
            )
        }
        return entries.sorted { lhs, rhs in
            let left = lhs.incident?.occurrenceKey ?? ""
            let right = rhs.incident?.occurrenceKey ?? ""
            return left != right ? left > right : lhs.sequence > rhs.sequence
        }
    }

    /// One entry, or nil: read by its id and the links about it, without opening the rest of the log.
    public func entry(_ id: UUID) async throws -> LogEntry? {
        let key = Self.key(id)
        let links = try await store.chainEntries(concerning: key)
        guard links.contains(where: { $0.recordKind == .incident && $0.recordID == key }) else { return nil }
        func ids(_ kind: RecordKind) -> [String] { links.filter { $0.recordKind == kind }.map(\.recordID) }
        func opened<Value: Decodable & SealedValue>(_ type: Value.Type) async throws -> [Value] {
            try await store.records(kind: Value.kind, ids: ids(Value.kind)).compactMap { readable(type, $0) }
        }
        return Self.assemble(
            chain: links, incidents: try await opened(Incident.self), amendments: try await opened(Amendment.self),
            attachments: try await opened(Attachment.self), removals: try await opened(Removal.self)
        ).first
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
        for kind in RecordKind.evidenceKinds { records += try await store.records(kind: kind) }
        var report = ChainReport(entries: chain.count, head: chain.last, problems: Self.problems(chain: chain, records: records, sealer: sealer))
        report.kinds = chain.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        return report
    }

    /// The checks behind `verify()`, on values, so a backup can be checked before it is restored.
    static func problems(chain: [ChainEntry], records: [SealedRecord], sealer: RecordSealer) -> [ChainProblem] {
        var problems: [ChainProblem] = []
        if let broken = EvidenceChain.firstBrokenLink(in: chain) { problems.append(broken) }
        let removedIDs = Set(chain.filter { $0.recordKind == .removal }.compactMap(\.subjectID))
        let stored = Dictionary(records.map { ("\($0.kind.rawValue)/\($0.id)", $0) }, uniquingKeysWith: { first, _ in first })
        var chained: Set<String> = []
        for link in chain {
            let key = "\(link.kind)/\(link.recordID)"
            chained.insert(key)
            let wasRemoved = removedIDs.contains(link.recordID) || link.subjectID.map(removedIDs.contains) == true
            guard let record = stored[key] else {
                if !(link.recordKind != .removal && wasRemoved) {
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
            if link.recordKind == .attachment {
                // The file's own bytes must still match the SHA-256 its chained record holds.
                let fileKey = "\(RecordKind.attachmentFile.rawValue)/\(link.recordID)"
                chained.insert(fileKey)
                let file = stored[fileKey].flatMap { try? sealer.open($0.sealed, for: $0.address) }
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

/// The log's opened records and its entries, kept by a session so that a change opens only what
/// changed (see `OpenedSet`).
public struct OpenedEvidence: Sendable {
    var incidents: OpenedSet<Incident>
    var amendments: OpenedSet<Amendment>
    var attachments: OpenedSet<Attachment>
    var removals: OpenedSet<Removal>
    /// Every entry, newest first (as `EvidenceLog.entries()`).
    public let entries: [LogEntry]

    public static var empty: OpenedEvidence { OpenedEvidence(incidents: .empty, amendments: .empty, attachments: .empty, removals: .empty, entries: []) }

    /// The kinds the entries are made from.
    public static let kinds: [RecordKind] = [.incident, .amendment, .attachment, .removal]

    /// The entries as stored now, reopening only new records. `revisions` are the store's kind
    /// revisions read first (nil: read everything again).
    public func refreshed(revisions: [String: Int]?, log: EvidenceLog) async throws -> OpenedEvidence {
        func revision(_ kind: RecordKind) -> Int { revisions.map { $0[kind.rawValue] ?? 0 } ?? -2 }
        let store = log.store
        let incidents = try await incidents.refreshed(kind: .incident, revision: revision(.incident), store: store) { log.readable(Incident.self, $0) }
        let amendments = try await amendments.refreshed(kind: .amendment, revision: revision(.amendment), store: store) { log.readable(Amendment.self, $0) }
        let attachments = try await attachments.refreshed(kind: .attachment, revision: revision(.attachment), store: store) { log.readable(Attachment.self, $0) }
        let removals = try await removals.refreshed(kind: .removal, revision: revision(.removal), store: store) { log.readable(Removal.self, $0) }
        let entries = EvidenceLog.assemble(
            chain: try await store.chainEntries(), incidents: incidents.values, amendments: amendments.values,
            attachments: attachments.values, removals: removals.values
        )
        return OpenedEvidence(incidents: incidents, amendments: amendments, attachments: attachments, removals: removals, entries: entries)
    }
}

extension UnlockedVault {
    /// The incident log.
    public var evidence: EvidenceLog { EvidenceLog(store: store, sealer: sealer) }
}

/// A file the person chose to attach to a new entry.
public struct NewAttachment: Sendable {
    public let bytes: Data
    public let fileName: String

    public init(bytes: Data, fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }
}
