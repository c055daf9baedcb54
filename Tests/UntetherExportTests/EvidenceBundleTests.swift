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

    @Test("an untouched bundle verifies, and holds a report, readable records, exact records and a manifest")
    func untouchedVerifies() async throws {
        let log = try await makeLog()
        let zip = try await EvidenceBundle.make(from: log, options: ExportOptions())
        let result = EvidenceBundle.verify(zip)
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.chainLength == 6)
        #expect(result.summary.hasPrefix("Intact:"))
        let files = try entries(zip)
        #expect(Set(files.keys).isSuperset(of: ["manifest.json", "report.html", "records.json", "VERIFY.txt"]))
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains("tamper-evident"))
        #expect(!report.lowercased().contains("admissible"))
        #expect(report.contains("break-before: page"))
        #expect(report.contains("Shouted and threw a plate."))
        #expect(report.contains("It was closer to 22:00"))
        #expect(report.contains("CAD 1234"))
        #expect(!report.contains("duplicate"), "removed text stays removed")
        #expect(report.contains("Written twice"))
        let head = try await log.head()
        #expect(result.head == head?.chainHashHex)
    }

    @Test("the same records exported twice give the same bytes and hashes")
    func deterministic() async throws {
        let log = try await makeLog()
        let one = try await EvidenceBundle.make(from: log, options: ExportOptions())
        let two = try await EvidenceBundle.make(from: log, options: ExportOptions())
        #expect(try entries(one) == entries(two))
    }

    @Test("date range and categories choose the entries; the whole chain is still listed and verifies")
    func selection() async throws {
        let log = try await makeLog()
        let zip = try await EvidenceBundle.make(from: log, options: ExportOptions(from: "2026-11-01", to: "2026-11-30", categories: [.digital]))
        let files = try entries(zip)
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains("Read my messages"))
        #expect(!report.contains("Shouted"))
        #expect(!report.contains("Flowers"))
        #expect(EvidenceBundle.verify(zip).isIntact)
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: files["manifest.json"]!)
        #expect(manifest.chain.count == 6)
        #expect(manifest.records.count == 2)  // the incident and the removal record
    }

    enum Tamper: String, CaseIterable, CustomStringConvertible, Sendable {
        case editRecordByte, editReport, removeRecordFile, editRecordHashInManifest, reorderChain, dropChainEntry, editHead, notAZip
        var description: String { rawValue }
    }

    @Test("any change to a record, a file, the chain or its order is detected", arguments: Tamper.allCases)
    func tampering(tamper: Tamper) async throws {
        let zip = try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions())
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
        case .editRecordHashInManifest:
            chain[0]["recordHash"] = String(repeating: "0", count: 64)
        case .reorderChain:
            chain.swapAt(0, 1)
        case .dropChainEntry:
            chain.remove(at: 2)
        case .editHead:
            manifest["head"] = String(repeating: "a", count: 64)
        case .notAZip:
            tamperedZip = Data("not a zip".utf8)
        }
        manifest["chain"] = chain
        files["manifest.json"] = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let result = EvidenceBundle.verify(try tamperedZip ?? rezip(files))
        #expect(!result.isIntact)
        #expect(result.summary.hasPrefix("Not intact:"))
    }

    @Test("re-zipping the same files in another order still verifies: only content matters")
    func rezipped() async throws {
        let zip = try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions())
        let files = try entries(zip)
        #expect(EvidenceBundle.verify(try rezip(files, order: files.keys.sorted().reversed())).isIntact)
    }
}
