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
    /// The time zone the report shows every time in: the person's own.
    public var timeZone: TimeZone

    public init(
        from: CalendarDay? = nil, to: CalendarDay? = nil, categories: Set<IncidentCategory> = [],
        includeAttachments: Bool = true, stripLocation: Bool = false, timeZone: TimeZone = .gmt
    ) {
        self.from = from
        self.to = to
        self.categories = categories
        self.includeAttachments = includeAttachments
        self.stripLocation = stripLocation
        self.timeZone = timeZone
    }

    func includes(_ incident: Incident) -> Bool {
        if let from, incident.occurredOn < from { return false }
        if let to, incident.occurredOn > to { return false }
        guard !categories.isEmpty else { return true }
        return !categories.isDisjoint(with: incident.categories)
    }
}

/// Makes and checks evidence bundles (format 2, described in docs/evidence-bundle.md): one zip
/// with a printable report, the records in their exact canonical bytes, a readable
/// `records.json`, copies of attached files, an in-browser checker and a manifest of the chain.
/// Making one writes an export record into the chain that commits to every file that is not a
/// chained record itself, so nothing in the bundle can change without a check noticing.
public enum EvidenceBundle {
    /// Zip entries carry this fixed date, so the same records always give the same files.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01
    /// The bundle format this version writes.
    public static let formatVersion = 2

    /// Builds a bundle from the log and records the export in the chain. `progress` receives
    /// short lines for a person to watch.
    public static func make(
        from log: EvidenceLog, options: ExportOptions, now: Date, progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> Data {
        progress("Reading and checking the log…")
        let chain = try await log.chainWithRecords()
        let decoded = try decodeAll(chain)
        let chosen = select(decoded, options: options)
        progress("Preparing \(plural(chosen.incidents.count, "entry", "entries"))…")

        var files: [(path: String, bytes: Data)] = []
        for item in chosen.records {
            files.append((recordPath(item.entry), item.canonical))
        }
        var settings = ExportSettings(
            from: options.from, to: options.to, categories: options.categories.sorted(), includeAttachments: options.includeAttachments,
            stripLocation: options.stripLocation, timeZone: options.timeZone.identifier, upTo: chain.last?.entry.sequence ?? 0
        )
        let madeAt = EvidenceChain.truncated(now)
        let shownTimes = chosen.records.compactMap { $0.incident?.recordedAt ?? $0.amendment?.recordedAt ?? $0.removal?.recordedAt ?? $0.attachment?.recordedAt }
        for date in shownTimes + [madeAt] {
            settings.offsets[EvidenceChain.canonicalDate(date)] = options.timeZone.secondsFromGMT(for: date)
        }
        var derived: [(path: String, bytes: Data)] = []
        if options.includeAttachments {
            let attachments = chosen.records.compactMap { item in item.attachment.map { (item.entry, $0) } }
            for (index, (entry, attachment)) in attachments.enumerated() {
                if index % 20 == 0 { progress("Copying files: \(index) of \(attachments.count)…") }
                var bytes = try await log.attachmentBytes(attachment)
                if options.stripLocation {
                    switch LocationStripper.strip(bytes, type: attachment.type) {
                    case .stripped(let copy):
                        if copy != bytes { settings.cleaned.append(attachment.id.uuidString.lowercased()) }
                        bytes = copy
                    case .cannotStrip:
                        settings.leftOut.append(attachment.id.uuidString.lowercased())
                        continue
                    case .notAPhoto:
                        break
                    }
                }
                derived.append((attachmentPath(entry, attachment), bytes))
            }
        }
        derived.append(("records.json", try readableRecords(chosen)))
        derived.append(("report.html", Data(EvidenceReport.render(chosen, settings: settings, madeAt: madeAt, chain: chain.map(\.entry)).utf8)))
        derived.append(("summary.html", Data(summary(chosen, settings: settings, madeAt: madeAt).utf8)))
        derived.append(("VERIFY.txt", Data(verifyInstructions.utf8)))
        derived.append(("verify.html", Data(BundleChecker.html.utf8)))
        derived.append(("verify.js", Data(BundleChecker.javascript.utf8)))

        progress("Recording the export in the log's chain…")
        var hashes: [String: String] = [:]
        for file in derived { hashes[file.path] = sha256Hex(file.bytes) }
        let exportRecord = ExportRecord(
            id: UUID(), madeAt: madeAt, files: hashes, records: chosen.records.map(\.entry.sequence), settings: settings
        )
        let saved = try await log.recordExport(exportRecord)
        // The chain up to and including the export (a record written meanwhile is not part of it).
        let links = try await log.chainEntries().filter { $0.sequence <= saved.entry.sequence }
        let exportPath = recordPath(saved.entry)
        let manifest = BundleManifest(
            format: BundleManifest.formatName, version: formatVersion, head: saved.entry.chainHashHex, length: links.count,
            chain: links.map(BundleManifest.link), records: chosen.records.map { .init(sequence: $0.entry.sequence, path: recordPath($0.entry)) },
            export: .init(sequence: saved.entry.sequence, path: exportPath)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files.insert(("manifest.json", try encoder.encode(manifest)), at: 0)
        files.append((exportPath, saved.canonical))
        files += derived

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
        progress("Done: \(plural(chosen.incidents.count, "entry", "entries")), \(plural(chosen.records.count, "record", "records")). Check code: \(links.count) · \(saved.entry.chainHashHex)")
        return data
    }

    static func recordPath(_ entry: ChainEntry) -> String {
        String(format: "records/%06d-%@.json", entry.sequence, entry.kind)
    }

    static func attachmentPath(_ entry: ChainEntry, _ attachment: Attachment) -> String {
        String(format: "attachments/%06d-%@", entry.sequence, attachment.storedName)
    }

    static func sha256Hex(_ bytes: Data) -> String { Data(SHA256.hash(data: bytes)).hexString }

    /// "1 entry", "3 entries".
    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// The result of checking a bundle.
    public struct Verification: Sendable, Equatable {
        public let problems: [ChainProblem]
        public let chainLength: Int
        public let recordsChecked: Int
        public let filesChecked: Int
        public let head: String
        /// When the export was made, from its chained record.
        public var madeAt: Date? = nil

        public var isIntact: Bool { problems.isEmpty }

        /// The check code of the bundle's chain: its length and head.
        public var checkCode: String { "\(chainLength) · \(head)" }

        /// One line for a person or a script.
        public var summary: String {
            if isIntact {
                return "Intact: \(plural(recordsChecked, "record", "records")) and \(plural(filesChecked, "file", "files")) match a chain of \(plural(chainLength, "entry", "entries")). Check code: \(checkCode)"
            }
            return "Not intact: " + problems.map(\.description).joined(separator: "; ")
        }
    }

    /// Checks a bundle with no passphrase and no vault: every chain link, every record against its
    /// hash, every file against the export record, that no file was added, and that the report and
    /// readable records are exactly what the records give.
    public static func verify(_ zip: Data) -> Verification {
        func failed(_ problem: ChainProblem) -> Verification {
            Verification(problems: [problem], chainLength: 0, recordsChecked: 0, filesChecked: 0, head: "")
        }
        guard let archive = try? Archive(data: zip, accessMode: .read) else {
            return failed(ChainProblem(sequence: nil, what: .manifestUnreadable, detail: "not a zip file"))
        }
        // Every entry counts. A folder is an empty entry whose name ends in "/"; anything else that
        // is not a plain file (a link, a "folder" holding data) unpacks as a file somewhere, so it
        // is named. A name twice would let the unpacked copy differ from the one checked.
        var contents: [String: Data] = [:]
        var entryProblems: [ChainProblem] = []
        for entry in archive {
            if entry.path.hasSuffix("/"), entry.uncompressedSize == 0 { continue }
            guard contents[entry.path] == nil else {
                entryProblems.append(ChainProblem(sequence: nil, what: .fileAdded, detail: "\(entry.path) (in the zip twice)"))
                continue
            }
            guard entry.type == .file, !entry.path.hasSuffix("/") else {
                entryProblems.append(ChainProblem(sequence: nil, what: .fileAdded, detail: "\(entry.path) (not a plain file)"))
                contents[entry.path] = Data()
                continue
            }
            var data = Data()
            guard (try? archive.extract(entry, skipCRC32: false, consumer: { data.append($0) })) != nil else {
                return failed(ChainProblem(sequence: nil, what: .fileChanged, detail: "\(entry.path) cannot be read from the zip"))
            }
            contents[entry.path] = data
        }
        guard
            let manifestBytes = contents["manifest.json"],
            let manifest = try? JSONDecoder().decode(BundleManifest.self, from: manifestBytes),
            manifest.format == BundleManifest.formatName, manifest.version == formatVersion,
            let chain = manifest.chainEntries()
        else {
            return failed(ChainProblem(sequence: nil, what: .manifestUnreadable, detail: "manifest.json (or a bundle made by another version)"))
        }

        var problems = entryProblems
        if let broken = EvidenceChain.firstBrokenLink(in: chain) { problems.append(broken) }
        // The hashes do not cover an entry's kind; only the kinds a chain can hold are read, so a
        // made-up kind can never turn into a path.
        for link in chain where link.recordKind?.isChained != true {
            problems.append(ChainProblem(sequence: link.sequence, what: .missingOrReordered, detail: "an unknown kind of record"))
        }
        if manifest.head != (chain.last?.chainHashHex ?? "") || manifest.length != chain.count {
            problems.append(ChainProblem(sequence: chain.last?.sequence, what: .brokenLink, detail: "the check code does not match the chain"))
        }
        let bySequence = Dictionary(chain.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        var expectedPaths: Set<String> = ["manifest.json"]
        var included: [(entry: ChainEntry, canonical: Data?)] = []
        for record in manifest.records {
            expectedPaths.insert(record.path)
            guard let link = bySequence[record.sequence], record.path == recordPath(link) else {
                problems.append(ChainProblem(sequence: record.sequence, what: .missingOrReordered, detail: record.path))
                continue
            }
            guard let bytes = contents[record.path] else {
                problems.append(ChainProblem(sequence: record.sequence, what: .fileMissing, detail: record.path))
                continue
            }
            guard EvidenceChain.recordHash(bytes) == link.recordHash else {
                problems.append(ChainProblem(sequence: record.sequence, what: .recordChanged, detail: record.path))
                continue
            }
            included.append((link, bytes))
        }

        // The export record: the last link, matching its file, committing to everything else.
        expectedPaths.insert(manifest.export.path)
        var exportRecord: ExportRecord?
        if let link = bySequence[manifest.export.sequence], link.sequence == chain.count, link.recordKind == .export,
           manifest.export.path == recordPath(link) {
            if let bytes = contents[manifest.export.path], EvidenceChain.recordHash(bytes) == link.recordHash {
                exportRecord = try? EvidenceChain.decode(ExportRecord.self, from: bytes)
                if exportRecord == nil { problems.append(ChainProblem(sequence: link.sequence, what: .recordUnreadable, detail: manifest.export.path)) }
            } else {
                problems.append(ChainProblem(sequence: link.sequence, what: contents[manifest.export.path] == nil ? .fileMissing : .recordChanged, detail: manifest.export.path))
            }
        } else {
            problems.append(ChainProblem(sequence: manifest.export.sequence, what: .missingOrReordered, detail: "the export record is not the last entry of the chain"))
        }
        var filesChecked = 0
        if let exportRecord {
            if Set(exportRecord.records) != Set(manifest.records.map(\.sequence)) || exportRecord.records.count != manifest.records.count {
                problems.append(ChainProblem(sequence: nil, what: .missingOrReordered, detail: "the records in the bundle are not the ones the export listed"))
            }
            for (path, expected) in exportRecord.files.sorted(by: { $0.key < $1.key }) {
                expectedPaths.insert(path)
                guard let bytes = contents[path] else {
                    problems.append(ChainProblem(sequence: nil, what: .fileMissing, detail: path))
                    continue
                }
                filesChecked += 1
                if sha256Hex(bytes) != expected {
                    problems.append(ChainProblem(sequence: nil, what: .fileChanged, detail: path))
                }
            }
        }
        for path in contents.keys.sorted() where !expectedPaths.contains(path) {
            problems.append(ChainProblem(sequence: nil, what: .fileAdded, detail: path))
        }

        // Made again from the records: the readable records, the report and untouched photo copies.
        if problems.isEmpty, let exportRecord {
            problems += rebuiltDifferences(included: included, export: exportRecord, chain: chain, contents: contents)
        }
        return Verification(
            problems: problems, chainLength: chain.count, recordsChecked: manifest.records.count + 1,
            filesChecked: filesChecked, head: manifest.head, madeAt: exportRecord?.madeAt
        )
    }

    /// Compares the files derived from the records with what they should be.
    static func rebuiltDifferences(
        included: [(entry: ChainEntry, canonical: Data?)], export: ExportRecord, chain: [ChainEntry], contents: [String: Data]
    ) -> [ChainProblem] {
        let decoded: [Decoded]
        do { decoded = try decodeAll(included) } catch {
            return [ChainProblem(sequence: (error as? ChainProblem)?.sequence, what: .recordUnreadable, detail: "a record could not be read")]
        }
        var problems: [ChainProblem] = []
        // Each record is the one its chain entry names, about the entry it names.
        for item in decoded {
            let id = (item.incident?.id ?? item.amendment?.id ?? item.removal?.id ?? item.attachment?.id)?.uuidString.lowercased()
            let subject = (item.amendment?.incidentID ?? item.removal?.incidentID ?? item.attachment?.incidentID)?.uuidString.lowercased()
            if id != item.entry.recordID || subject != item.entry.subjectID {
                problems.append(ChainProblem(sequence: item.entry.sequence, what: .recordChanged, detail: "its id does not match its chain entry"))
            }
        }
        if decoded.count != included.count {
            problems.append(ChainProblem(sequence: nil, what: .recordUnreadable, detail: "a record is not of a kind a bundle carries"))
        }
        let selection = organize(decoded)
        if let readable = try? readableRecords(selection) {
            if let difference = firstDifference(readable, contents["records.json"]) {
                problems.append(ChainProblem(sequence: nil, what: .derivedDiffers, detail: "records.json, \(difference)"))
            }
        }
        let report = Data(EvidenceReport.render(selection, settings: export.settings, madeAt: export.madeAt, chain: chain).utf8)
        if let difference = firstDifference(report, contents["report.html"]) {
            problems.append(ChainProblem(sequence: nil, what: .derivedDiffers, detail: "report.html, \(difference)"))
        }
        // Bundles made before the summary existed have none; a bundle that lists one must match.
        if export.files["summary.html"] != nil {
            let rebuilt = Data(summary(selection, settings: export.settings, madeAt: export.madeAt).utf8)
            if let difference = firstDifference(rebuilt, contents["summary.html"]) {
                problems.append(ChainProblem(sequence: nil, what: .derivedDiffers, detail: "summary.html, \(difference)"))
            }
        }
        for item in decoded {
            guard let attachment = item.attachment, !export.settings.cleaned.contains(attachment.id.uuidString.lowercased()),
                  let bytes = contents[attachmentPath(item.entry, attachment)] else { continue }
            if sha256Hex(bytes) != attachment.sha256 {
                problems.append(ChainProblem(sequence: item.entry.sequence, what: .fileChanged, detail: attachmentPath(item.entry, attachment)))
            }
        }
        return problems
    }

    /// Where two texts first differ, as "line N: expected …, found …", or nil when they are equal.
    static func firstDifference(_ expected: Data, _ found: Data?) -> String? {
        guard let found else { return "missing" }
        guard expected != found else { return nil }
        let left = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: found, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let want = index < left.count ? String(left[index]) : "(nothing)"
            let have = index < right.count ? String(right[index]) : "(nothing)"
            if want != have {
                return "line \(index + 1): the records give \"\(want.trimmingCharacters(in: .whitespaces).prefix(80))\" but the file has \"\(have.trimmingCharacters(in: .whitespaces).prefix(80))\""
            }
        }
        return "it differs in its bytes"
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

        /// The chain entry of each record, by lowercase id.
        var entries: [String: ChainEntry] {
            Dictionary(records.map { ($0.entry.recordID, $0.entry) }, uniquingKeysWith: { first, _ in first })
        }
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
        let chosenIDs = Set(all.compactMap(\.incident).filter { incident in
            options.includes(incident) && (options.categories.isEmpty || !incident.isKindMoment)
        }.map(\.id))
        return organize(all.filter { item in
            if let incident = item.incident { return chosenIDs.contains(incident.id) }
            if let amendment = item.amendment { return chosenIDs.contains(amendment.incidentID) }
            if let attachment = item.attachment { return chosenIDs.contains(attachment.incidentID) }
            return item.removal != nil
        })
    }

    /// The chosen records, grouped for the report. Making a bundle and checking one both use this,
    /// so the report a check makes again is the one the export wrote.
    static func organize(_ records: [Decoded]) -> Selection {
        var attachments: [String: [Attachment]] = [:]
        for attachment in records.compactMap(\.attachment) {
            attachments[attachment.incidentID.uuidString, default: []].append(attachment)
        }
        var amendments: [String: [Amendment]] = [:]
        for amendment in records.compactMap(\.amendment) {
            amendments[amendment.incidentID.uuidString, default: []].append(amendment)
        }
        let ordered = records.compactMap(\.incident).sorted { ($0.occurrenceKey, $0.recordedAt) < ($1.occurrenceKey, $1.recordedAt) }
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
