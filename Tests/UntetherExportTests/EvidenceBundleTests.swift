import Foundation
import Testing
import UntetherCore
@testable import UntetherExport
import UntetherStore
import UntetherVault
import ZIPFoundation

@Suite("Evidence bundles: export and verify without the vault")
struct EvidenceBundleTests {
    static let today: CalendarDay = "2026-11-25"

    final class Clock: @unchecked Sendable {
        var seconds: TimeInterval = 1_790_000_000
        func tick() -> Date {
            seconds += 60
            return Date(timeIntervalSince1970: seconds)
        }
    }

    func makeLog() async throws -> EvidenceLog {
        let clock = Clock()
        let vault = try await Vault(store: SQLiteVaultStore()).create(passphrase: "correct horse battery", kdf: .insecureForTestsOnly, now: clock.tick()).vault
        let log = vault.evidence
        let first = try await log.record(
            IncidentDraft(occurredOn: "2026-10-02", occurredAt: "21:40", location: "Kitchen", description: "Shouted and threw a plate.\nI left the room.",
                          categories: [.emotionalVerbal, .property], severity: .three, phase: .incident, witnesses: "Neighbour",
                          childrenPresent: true, reports: [IncidentReport(kind: .police, reference: "CAD 1234")]),
            now: clock.tick(), today: Self.today)
        try await log.record(IncidentDraft(kindMoment: .gift, occurredOn: "2026-10-04", description: "Flowers and a long apology"), now: clock.tick(), today: Self.today)
        try await log.record(IncidentDraft(occurredOn: "2026-11-10", description: "Read my messages", categories: [.digital], severity: .two), now: clock.tick(), today: Self.today)
        try await log.amend(first.id, change: "It was closer to 22:00", reason: "Checked my phone", now: clock.tick())
        let removed = try await log.record(IncidentDraft(occurredOn: "2026-11-11", description: "duplicate"), now: clock.tick(), today: Self.today)
        try await log.remove(removed.id, reason: "Written twice", now: clock.tick())
        return log
    }

    func entries(_ zip: Data) throws -> [String: Data] {
        try zipContents(zip)
    }

    func rezip(_ files: [String: Data], order: [String]? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in order ?? files.keys.sorted() {
            let bytes = files[path]!
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        return archive.data!
    }

    static let exportedAt = Date(timeIntervalSince1970: 1_790_086_400)

    func make(_ log: EvidenceLog, _ options: ExportOptions = ExportOptions()) async throws -> Data {
        try await EvidenceBundle.make(from: log, options: options, now: Self.exportedAt)
    }

    @Test("an untouched bundle verifies, and holds a report, readable records, exact records, the checker and a manifest")
    func untouchedVerifies() async throws {
        let log = try await makeLog()
        let zip = try await make(log)
        let result = EvidenceBundle.verify(zip)
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.chainLength == 7, "six records and the export's own")
        #expect(result.summary.hasPrefix("Intact:"))
        #expect(result.madeAt == Self.exportedAt)
        let files = try entries(zip)
        #expect(Set(files.keys).isSuperset(of: ["manifest.json", "report.html", "records.json", "VERIFY.txt", "verify.html", "verify.js", "records/000007-export.json"]))
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains("tamper-evident") || report.contains("chain of SHA-256 hashes"))
        #expect(!report.lowercased().contains("admissible"))
        #expect(report.contains("Shouted and threw a plate."))
        #expect(report.contains("It was closer to 22:00"))
        #expect(report.contains("CAD 1234"))
        #expect(!report.contains("duplicate"), "removed text stays removed")
        #expect(report.contains("Written twice"))
        let head = try await log.head()
        #expect(result.head == head?.chainHashHex, "the export's record is the vault's newest link")
        #expect(try await log.verify().isIntact, "the vault's own chain still checks out with the export in it")
    }

    @Test("the report: a chronology first, readable times in the named zone, correct plurals, ids in an appendix")
    func reportReadsWell() async throws {
        let zip = try await make(try await makeLog(), ExportOptions(timeZone: TimeZone(identifier: "Europe/London")!))
        let report = String(decoding: try entries(zip)["report.html"]!, as: UTF8.self)
        let chronology = try #require(report.range(of: "Chronology"))
        let full = try #require(report.range(of: "Entries in full"))
        let appendix = try #require(report.range(of: "Appendix: technical details"))
        #expect(chronology.lowerBound < full.lowerBound && full.lowerBound < appendix.lowerBound)
        #expect(report.contains("2 entries and 1 kind moment, from Fri 2 Oct 2026 to Tue 10 Nov 2026."))
        #expect(report.contains("Every time in this report is Europe/London time."))
        // The first entry was written at 1_790_000_120, 2026-09-21 14:15:20 UTC: 15:15 in London summer time.
        #expect(report.contains("Mon 21 Sep 2026, 15:15 (UTC+1)"))
        #expect(!report.contains("T14:15"), "no raw ISO times")
        #expect(report.contains("<td>21:40</td>"))
        #expect(report.contains("3 of 5"))
        #expect(report.contains("counter(page)"), "printed pages are numbered")
        let idsBeforeAppendix = report[..<appendix.lowerBound]
        #expect(!idsBeforeAppendix.contains("Record id"), "technical ids wait for the appendix")
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: try entries(zip)["manifest.json"]!)
        let incidentID = try #require(manifest.chain.first?.recordID)
        #expect(!idsBeforeAppendix.contains(incidentID))
        #expect(report[appendix.lowerBound...].contains(incidentID))
        let one = try await makeLog()
        let single = String(decoding: try entries(try await make(one, ExportOptions(categories: [.digital])))["report.html"]!, as: UTF8.self)
        #expect(single.contains("1 entry, on Tue 10 Nov 2026. Only entries about phone, online or tech were chosen"))
    }

    @Test("checking makes the report and readable records again and finds them equal; two exports both check out")
    func rebuiltEqual() async throws {
        let log = try await makeLog()
        let one = try await make(log)
        let two = try await make(log)
        #expect(EvidenceBundle.verify(one).isIntact)
        let second = EvidenceBundle.verify(two)
        #expect(second.isIntact, "\(second.problems)")
        #expect(second.chainLength == 8, "the second export's chain holds the first export's record")
        #expect(try entries(one)["report.html"] != nil)
    }

    @Test("date range and categories choose the entries; the whole chain is still listed and verifies")
    func selection() async throws {
        let log = try await makeLog()
        let zip = try await make(log, ExportOptions(from: "2026-11-01", to: "2026-11-30", categories: [.digital]))
        let files = try entries(zip)
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains("Read my messages"))
        #expect(!report.contains("Shouted"))
        #expect(!report.contains("Flowers"))
        #expect(EvidenceBundle.verify(zip).isIntact)
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: files["manifest.json"]!)
        #expect(manifest.chain.count == 7)
        #expect(manifest.records.count == 2)  // the incident and the removal record
        #expect(manifest.export.path == "records/000007-export.json")
    }

    /// Rewrites the export record with `edit`, then re-links the chain's last entry and the head,
    /// as a forger with the bundle (and not the vault) can: the chain is consistent again.
    func relinked(_ files: [String: Data], edit: (inout [String: Any]) -> Void) throws -> [String: Data] {
        var files = files
        var manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        let export = manifest["export"] as! [String: Any]
        let path = export["path"] as! String
        var record = try JSONSerialization.jsonObject(with: files[path]!) as! [String: Any]
        edit(&record)
        let bytes = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        files[path] = bytes
        var chain = manifest["chain"] as! [[String: Any]]
        let previous = chain.count > 1 ? Data(hex: chain[chain.count - 2]["chainHash"] as! String)! : EvidenceChain.genesis
        let recordHash = EvidenceChain.recordHash(bytes)
        let chainHash = EvidenceChain.link(previous: previous, recordHash: recordHash)
        chain[chain.count - 1]["recordHash"] = recordHash.hexString
        chain[chain.count - 1]["chainHash"] = chainHash.hexString
        manifest["chain"] = chain
        manifest["head"] = chainHash.hexString
        files["manifest.json"] = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .withoutEscapingSlashes])
        return files
    }

    enum Forgery: String, CaseIterable, CustomStringConvertible, Sendable {
        case report, readableRecords, summary
        var description: String { rawValue }
        var path: String {
            switch self {
            case .report: "report.html"
            case .readableRecords: "records.json"
            case .summary: "summary.html"
            }
        }
    }

    @Test("a forged report or records.json is caught even when its hash is put back and the chain re-linked", arguments: Forgery.allCases)
    func forgedDerivedFile(forgery: Forgery) async throws {
        let zip = try await make(try await makeLog())
        var files = try entries(zip)
        let original = String(decoding: files[forgery.path]!, as: UTF8.self)
        let forgedText = switch forgery {
        case .report: original.replacingOccurrences(of: "threw a plate", with: "dropped a plate")
        case .readableRecords: original.replacingOccurrences(of: "\"severity\" : 3", with: "\"severity\" : 1")
        case .summary: original.replacingOccurrences(of: "<dd>2</dd>", with: "<dd>0</dd>")
        }
        let forged = Data(forgedText.utf8)
        #expect(forged != files[forgery.path]!, "the forgery changed something")
        files[forgery.path] = forged
        let plain = EvidenceBundle.verify(try rezip(files))
        #expect(!plain.isIntact)
        #expect(plain.problems.contains { $0.what == .fileChanged && $0.detail == forgery.path })
        let relinkedFiles = try relinked(files) { record in
            var hashes = record["files"] as! [String: String]
            hashes[forgery.path] = EvidenceChain.recordHash(forged).hexString
            record["files"] = hashes
        }
        let result = EvidenceBundle.verify(try rezip(relinkedFiles))
        #expect(!result.isIntact, "a re-linked chain does not hide a report that the records do not give")
        let problem = try #require(result.problems.first { $0.what == .derivedDiffers })
        #expect(problem.detail?.hasPrefix(forgery.path) == true)
        #expect(problem.detail?.contains("line ") == true, "it says where: \(problem.detail ?? "")")
        #expect(result.head != EvidenceBundle.verify(zip).head, "and the check code differs from the one the person kept")
    }

    enum Tamper: String, CaseIterable, CustomStringConvertible, Sendable {
        case editRecordByte, editReport, removeRecordFile, removeReport, addFile, editRecordHashInManifest, reorderChain, dropChainEntry,
             editHead, editLength, dropRecordFromManifest, exportNotLast, unknownKind, notAZip
        var description: String { rawValue }
    }

    @Test("any change to a record, a file, the chain or its order, and any added file, is detected", arguments: Tamper.allCases)
    func tampering(tamper: Tamper) async throws {
        let zip = try await make(try await makeLog())
        var files = try entries(zip)
        var manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        var chain = manifest["chain"] as! [[String: Any]]
        let firstRecord = files.keys.sorted().first { $0.hasPrefix("records/0") }!
        var tamperedZip: Data?
        switch tamper {
        case .editRecordByte:
            var bytes = files[firstRecord]!
            bytes[bytes.count / 2] ^= 0x01
            files[firstRecord] = bytes
        case .editReport:
            files["report.html"] = Data(String(decoding: files["report.html"]!, as: UTF8.self).replacingOccurrences(of: "plate", with: "cup").utf8)
        case .removeRecordFile:
            files[firstRecord] = nil
        case .removeReport:
            files["report.html"] = nil
        case .addFile:
            files["attachments/000099-extra.jpg"] = Data([0xFF, 0xD8, 0xFF, 0xD9])
        case .editRecordHashInManifest:
            chain[0]["recordHash"] = String(repeating: "0", count: 64)
        case .reorderChain:
            chain.swapAt(0, 1)
        case .dropChainEntry:
            chain.remove(at: 2)
        case .editHead:
            manifest["head"] = String(repeating: "a", count: 64)
        case .editLength:
            manifest["length"] = 6
        case .dropRecordFromManifest:
            var records = manifest["records"] as! [[String: Any]]
            files[records[0]["path"] as! String] = nil
            records.removeFirst()
            manifest["records"] = records
        case .exportNotLast:
            chain.removeLast()
        case .unknownKind:
            chain[1]["kind"] = "../../outside"
        case .notAZip:
            tamperedZip = Data("not a zip".utf8)
        }
        manifest["chain"] = chain
        files["manifest.json"] = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let result = EvidenceBundle.verify(try tamperedZip ?? rezip(files))
        #expect(!result.isIntact)
        #expect(result.summary.hasPrefix("Not intact:"))
        if tamper == .addFile { #expect(result.problems.contains { $0.what == .fileAdded && $0.detail == "attachments/000099-extra.jpg" }) }
        if tamper == .removeReport { #expect(result.problems.contains { $0.what == .fileMissing && $0.detail == "report.html" }) }
    }

    @Test("re-zipping the same files in another order still verifies: only content matters")
    func rezipped() async throws {
        let zip = try await make(try await makeLog())
        let files = try entries(zip)
        #expect(EvidenceBundle.verify(try rezip(files, order: files.keys.sorted().reversed())).isIntact)
    }

    @Test("the report's times come from the offsets the export recorded, so other time-zone data on the checking machine changes nothing")
    func recordedOffsets() {
        let date = Date(timeIntervalSince1970: 1_790_000_120)
        let unknownZone = ReportClock(timeZoneID: "Nowhere/Unknown", offsets: [EvidenceChain.canonicalDate(date): 3_600])
        #expect(unknownZone.moment(date) == "Mon 21 Sep 2026, 15:15 (UTC+1)")
        #expect(ReportClock(timeZoneID: "Nowhere/Unknown").moment(date) == "Mon 21 Sep 2026, 14:15 (UTC)")
        let lateEvening = Date(timeIntervalSince1970: 1_790_028_000)  // 22:00 UTC
        #expect(ReportClock(timeZoneID: "UTC", offsets: [EvidenceChain.canonicalDate(lateEvening): 5 * 3_600 + 1_800]).moment(lateEvening)
                == "Tue 22 Sep 2026, 03:30 (UTC+5:30)", "the day turns with the offset")
    }

    enum ZipTrick: String, CaseIterable, CustomStringConvertible, Sendable {
        case nameTwice, symlink, folderWithData
        var description: String { rawValue }
    }

    @Test("a zip entry that is not a plain file, or a name in the zip twice, is named, never skipped", arguments: ZipTrick.allCases)
    func zipTricks(trick: ZipTrick) async throws {
        let files = try entries(try await make(try await makeLog()))
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in files.keys.sorted() {
            let bytes = files[path]!
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        let forged = Data("<h1>A different story</h1>".utf8)
        switch trick {
        case .nameTwice:
            try archive.addEntry(with: "report.html", type: .file, uncompressedSize: Int64(forged.count)) { position, size in
                forged.subdata(in: Int(position)..<min(Int(position) + size, forged.count))
            }
        case .symlink:
            try archive.addEntry(with: "statement.html", type: .symlink, uncompressedSize: Int64(forged.count)) { position, size in
                forged.subdata(in: Int(position)..<min(Int(position) + size, forged.count))
            }
        case .folderWithData:
            try archive.addEntry(with: "statement", type: .directory, uncompressedSize: Int64(0)) { (_: Int64, _: Int) in Data() }
        }
        let result = EvidenceBundle.verify(archive.data!)
        #expect(!result.isIntact, "\(trick)")
        #expect(result.problems.contains { $0.what == .fileAdded })
    }

    @Test("a bundle made by the first format is named as such, not passed")
    func olderFormat() async throws {
        var files = try entries(try await make(try await makeLog()))
        var manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        manifest["version"] = 1
        files["manifest.json"] = try JSONSerialization.data(withJSONObject: manifest)
        let result = EvidenceBundle.verify(try rezip(files))
        #expect(!result.isIntact)
        #expect(result.summary.contains("another version"))
    }

    @Test("the summary for a helper is made from the chosen entries: its counts match records.json, removed entries are left out")
    func summaryMatchesRecords() async throws {
        let files = try entries(try await make(try await makeLog()))
        let summary = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        let records = try JSONSerialization.jsonObject(with: try #require(files["records.json"])) as! [[String: Any]]
        let incidents = records.filter { $0["kind"] as? String == "incident" }.map { $0["record"] as! [String: Any] }
        let harm = incidents.filter { $0["kindMoment"] == nil }.count
        let kind = incidents.count - harm
        #expect(harm == 2 && kind == 1, "the removed entry is not among them")
        #expect(summary.range(of: "<dt>Entries of harm</dt>\\s*<dd>\(harm)</dd>", options: .regularExpression) != nil)
        #expect(summary.range(of: "<dt>Kind moments</dt>\\s*<dd>\(kind)</dd>", options: .regularExpression) != nil)
        #expect(summary.contains("from Fri 2 Oct 2026 to "))
        #expect(!summary.contains("duplicate"))
        #expect(summary.contains("report.html"))
    }

    @Test("a bundle made before the summary existed, with none listed, still verifies")
    func bundleWithoutSummary() async throws {
        var files = try entries(try await make(try await makeLog()))
        files["summary.html"] = nil
        let relinkedFiles = try relinked(files) { record in
            var hashes = record["files"] as! [String: String]
            hashes["summary.html"] = nil
            record["files"] = hashes
        }
        let result = EvidenceBundle.verify(try rezip(relinkedFiles))
        #expect(result.isIntact, "\(result.problems)")
    }
}
