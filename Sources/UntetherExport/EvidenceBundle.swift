import Crypto
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault
import ZIPFoundation

/// What to put in an export.
public struct ExportOptions: Sendable, Equatable {
    /// First day to include, or nil for no limit.
    public var from: CalendarDay?
    /// Last day to include, or nil for no limit.
    public var to: CalendarDay?
    /// Only incidents with at least one of these categories; empty for every entry, kind moments included.
    public var categories: Set<IncidentCategory>
    /// Put copies of attached files in the bundle.
    public var includeAttachments: Bool
    /// Remove location data (EXIF, XMP) from photo copies; photos that can't be cleaned are left out.
    public var stripLocation: Bool

    public init(
        from: CalendarDay? = nil, to: CalendarDay? = nil, categories: Set<IncidentCategory> = [],
        includeAttachments: Bool = true, stripLocation: Bool = false
    ) {
        self.from = from
        self.to = to
        self.categories = categories
        self.includeAttachments = includeAttachments
        self.stripLocation = stripLocation
    }

    func includes(_ incident: Incident) -> Bool {
        if let from, incident.occurredOn < from { return false }
        if let to, incident.occurredOn > to { return false }
        guard !categories.isEmpty else { return true }
        return !categories.isDisjoint(with: incident.categories)
    }
}

/// Makes and checks evidence bundles: one zip with a printable report, the records in their exact
/// canonical bytes, a readable `records.json`, and a manifest of hashes.
public enum EvidenceBundle {
    /// Zip entries carry this fixed date, so the same records always give the same files.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01

    /// Builds a bundle from the log. `progress` receives short lines for a person to watch.
    public static func make(
        from log: EvidenceLog, options: ExportOptions, progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> Data {
        progress("Reading and checking the log…")
        let chain = try await log.chainWithRecords()
        let decoded = try decodeAll(chain)
        let chosen = select(decoded, options: options)
        progress("Preparing \(chosen.incidents.count) entries…")

        var files: [(path: String, bytes: Data)] = []
        var included: [BundleManifest.IncludedRecord] = []
        for item in chosen.records {
            let path = String(format: "records/%06d-%@.json", item.entry.sequence, item.entry.kind)
            files.append((path, item.canonical))
            included.append(.init(sequence: item.entry.sequence, path: path))
        }
        var notes: [String: String] = [:]
        if options.includeAttachments {
            let attachments = chosen.records.compactMap { item in item.attachment.map { (item.entry.sequence, $0) } }
            for (index, (sequence, attachment)) in attachments.enumerated() {
                if index % 20 == 0 { progress("Copying files: \(index) of \(attachments.count)…") }
                var bytes = try await log.attachmentBytes(attachment)
                if options.stripLocation {
                    switch LocationStripper.strip(bytes, type: attachment.type) {
                    case .stripped(let copy):
                        if copy != bytes { notes[attachment.id.uuidString] = "Location data was removed from this copy; the original is unchanged in the vault." }
                        bytes = copy
                    case .cannotStrip:
                        notes[attachment.id.uuidString] = "Left out: location data could not be removed from this kind of photo."
                        continue
                    case .notAPhoto:
                        break
                    }
                }
                let path = String(format: "attachments/%06d-%@", sequence, attachment.storedName)
                files.append((path, bytes))
                notes[attachment.id.uuidString + "/path"] = path
            }
        }
        files.append(("records.json", try readableRecords(chosen)))
        let head = chain.last?.entry.chainHash.hexString ?? ""
        files.append(("report.html", Data(EvidenceReport.render(chosen, options: options, head: head, chainLength: chain.count, fileNotes: notes).utf8)))
        files.append(("VERIFY.txt", Data(verifyInstructions.utf8)))

        var hashes: [String: String] = [:]
        for file in files { hashes[file.path] = Data(SHA256.hash(data: file.bytes)).hexString }
        let manifest = BundleManifest(
            format: BundleManifest.formatName, version: 1, head: head,
            chain: chain.map { BundleManifest.link($0.entry) }, records: included, files: hashes
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files.insert(("manifest.json", try encoder.encode(manifest)), at: 0)

        progress("Writing the bundle…")
        let archive = try Archive(data: Data(), accessMode: .create)
        for file in files {
            let bytes = file.bytes
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        guard let data = archive.data else { throw BundleError.cannotWrite }
        progress("Done: \(chosen.incidents.count) entries, \(chosen.records.count) records.")
        return data
    }

    /// The result of checking a bundle.
    public struct Verification: Sendable, Equatable {
        public let problems: [ChainProblem]
        public let chainLength: Int
        public let recordsChecked: Int
        public let filesChecked: Int
        public let head: String

        public var isIntact: Bool { problems.isEmpty }

        /// One line for a person or a script.
        public var summary: String {
            if isIntact {
                return "Intact: \(recordsChecked) records and \(filesChecked) files match a chain of \(chainLength) entries ending in \(head.prefix(16))…"
            }
            return "Not intact: " + problems.map(\.description).joined(separator: "; ")
        }
    }

    /// Checks a bundle with no passphrase and no vault: every chain link, every included record
    /// against its hash, and every listed file.
    public static func verify(_ zip: Data) -> Verification {
        func failed(_ problem: ChainProblem) -> Verification {
            Verification(problems: [problem], chainLength: 0, recordsChecked: 0, filesChecked: 0, head: "")
        }
        guard let archive = try? Archive(data: zip, accessMode: .read) else {
            return failed(ChainProblem(sequence: nil, what: .manifestUnreadable, detail: "not a zip file"))
        }
        func read(_ path: String) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            guard (try? archive.extract(entry, consumer: { data.append($0) })) != nil else { return nil }
            return data
        }
        guard
            let manifestBytes = read("manifest.json"),
            let manifest = try? JSONDecoder().decode(BundleManifest.self, from: manifestBytes),
            manifest.format == BundleManifest.formatName,
            let chain = manifest.chainEntries()
        else { return failed(ChainProblem(sequence: nil, what: .manifestUnreadable, detail: "manifest.json")) }

        var problems: [ChainProblem] = []
        if let broken = EvidenceChain.firstBrokenLink(in: chain) { problems.append(broken) }
        if manifest.head != (chain.last?.chainHash.hexString ?? "") {
            problems.append(ChainProblem(sequence: chain.last?.sequence, what: .brokenLink, detail: "the head does not match the last entry"))
        }
        let bySequence = Dictionary(chain.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        for record in manifest.records {
            guard let link = bySequence[record.sequence] else {
                problems.append(ChainProblem(sequence: record.sequence, what: .missingOrReordered, detail: record.path))
                continue
            }
            guard let bytes = read(record.path) else {
                problems.append(ChainProblem(sequence: record.sequence, what: .fileMissing, detail: record.path))
                continue
            }
            if EvidenceChain.recordHash(bytes) != link.recordHash {
                problems.append(ChainProblem(sequence: record.sequence, what: .recordChanged, detail: record.path))
            }
        }
        for (path, expected) in manifest.files.sorted(by: { $0.key < $1.key }) {
            guard let bytes = read(path) else {
                problems.append(ChainProblem(sequence: nil, what: .fileMissing, detail: path))
                continue
            }
            if Data(SHA256.hash(data: bytes)).hexString != expected {
                problems.append(ChainProblem(sequence: nil, what: .fileChanged, detail: path))
            }
        }
        return Verification(
            problems: problems, chainLength: chain.count, recordsChecked: manifest.records.count,
            filesChecked: manifest.files.count, head: manifest.head
        )
    }

    // MARK: Selection

    struct Decoded {
        let entry: ChainEntry
        let canonical: Data
        let incident: Incident?
        let amendment: Amendment?
        let removal: Removal?
        var attachment: Attachment? = nil
    }

    /// What goes into one bundle.
    struct Selection {
        let incidents: [Incident]
        let amendments: [String: [Amendment]]
        let attachments: [String: [Attachment]]
        let removals: [Removal]
        let records: [Decoded]
    }

    static func decodeAll(_ chain: [(entry: ChainEntry, canonical: Data?)]) throws -> [Decoded] {
        try chain.compactMap { item in
            guard let canonical = item.canonical else { return nil }
            guard EvidenceChain.recordHash(canonical) == item.entry.recordHash else {
                throw ChainProblem(sequence: item.entry.sequence, what: .recordChanged)
            }
            switch item.entry.recordKind {
            case .incident:
                return Decoded(entry: item.entry, canonical: canonical, incident: try EvidenceChain.decode(Incident.self, from: canonical), amendment: nil, removal: nil)
            case .amendment:
                return Decoded(entry: item.entry, canonical: canonical, incident: nil, amendment: try EvidenceChain.decode(Amendment.self, from: canonical), removal: nil)
            case .removal:
                return Decoded(entry: item.entry, canonical: canonical, incident: nil, amendment: nil, removal: try EvidenceChain.decode(Removal.self, from: canonical))
            case .attachment:
                return Decoded(entry: item.entry, canonical: canonical, incident: nil, amendment: nil, removal: nil,
                               attachment: try EvidenceChain.decode(Attachment.self, from: canonical))
            default:
                return nil
            }
        }
    }

    static func select(_ all: [Decoded], options: ExportOptions) -> Selection {
        let incidents = all.compactMap(\.incident).filter { incident in
            options.includes(incident) && (options.categories.isEmpty || !incident.isKindMoment)
        }
        let chosenIDs = Set(incidents.map(\.id))
        let records = all.filter { item in
            if let incident = item.incident { return chosenIDs.contains(incident.id) }
            if let amendment = item.amendment { return chosenIDs.contains(amendment.incidentID) }
            if let attachment = item.attachment { return chosenIDs.contains(attachment.incidentID) }
            return item.removal != nil
        }
        var attachments: [String: [Attachment]] = [:]
        for attachment in records.compactMap(\.attachment) {
            attachments[attachment.incidentID.uuidString, default: []].append(attachment)
        }
        var amendments: [String: [Amendment]] = [:]
        for amendment in records.compactMap(\.amendment) {
            amendments[amendment.incidentID.uuidString, default: []].append(amendment)
        }
        let ordered = incidents.sorted { ($0.occurrenceKey, $0.recordedAt) < ($1.occurrenceKey, $1.recordedAt) }
        return Selection(incidents: ordered, amendments: amendments, attachments: attachments, removals: records.compactMap(\.removal), records: records)
    }

    static func readableRecords(_ selection: Selection) throws -> Data {
        struct Item: Encodable {
            let sequence: Int
            let kind: String
            let record: AnyRecord
        }
        enum AnyRecord: Encodable {
            case incident(Incident), amendment(Amendment), removal(Removal), attachment(Attachment)
            func encode(to encoder: any Encoder) throws {
                switch self {
                case .attachment(let value): try value.encode(to: encoder)
                case .incident(let value): try value.encode(to: encoder)
                case .amendment(let value): try value.encode(to: encoder)
                case .removal(let value): try value.encode(to: encoder)
                }
            }
        }
        let items: [Item] = selection.records.compactMap { item in
            if let incident = item.incident { return Item(sequence: item.entry.sequence, kind: item.entry.kind, record: .incident(incident)) }
            if let amendment = item.amendment { return Item(sequence: item.entry.sequence, kind: item.entry.kind, record: .amendment(amendment)) }
            if let removal = item.removal { return Item(sequence: item.entry.sequence, kind: item.entry.kind, record: .removal(removal)) }
            if let attachment = item.attachment { return Item(sequence: item.entry.sequence, kind: item.entry.kind, record: .attachment(attachment)) }
            return nil
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(EvidenceChain.canonicalDate(date))
        }
        return try encoder.encode(items)
    }

    static let verifyInstructions = """
        How to check these records
        ==========================

        The records in this bundle are tamper-evident. Each one is linked into a chain of
        SHA-256 hashes that started when it was first written down. Changing, removing or
        reordering any record breaks the chain, and a check will show where.

        To check the bundle with Untether (no passphrase needed):

            untether verify this-bundle.zip

        To check it by hand: for each file in manifest.json "records", its SHA-256 must equal
        the "recordHash" of its entry in "chain". Each entry's "chainHash" must equal
        SHA-256(previous chainHash + recordHash), starting from 32 zero bytes. Every other
        file's SHA-256 is listed in "files".

        Being tamper-evident shows the records were not changed after they were written.
        It does not by itself prove what they say; that is for the people reading them.

        """
}

/// Why a bundle could not be made.
public enum BundleError: Error, CustomStringConvertible {
    case cannotWrite

    public var description: String {
        "The export file could not be put together. Nothing was changed; please try again."
    }
}
