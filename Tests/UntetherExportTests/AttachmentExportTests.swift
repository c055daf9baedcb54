import Foundation
import Testing
import UntetherCore
@testable import UntetherExport
import UntetherStore
import UntetherVault
import ZIPFoundation

@Suite("Exports with attached files")
struct AttachmentExportTests {
    /// A JPEG with an EXIF block holding a made-up GPS position, then the image data.
    static let exifMarker = Data("Exif\u{0}\u{0}GPS 51.5N 0.1W".utf8)
    static var photo: Data {
        var bytes = Data([0xFF, 0xD8])
        let app1 = exifMarker
        bytes += Data([0xFF, 0xE1, UInt8((app1.count + 2) >> 8), UInt8((app1.count + 2) & 0xFF)]) + app1
        bytes += Data([0xFF, 0xDB, 0x00, 0x04, 0x01, 0x02])
        bytes += Data([0xFF, 0xDA, 0x00, 0x02, 0x33, 0x44, 0x55, 0xFF, 0xD9])
        return bytes
    }

    static let exportedAt = Date(timeIntervalSince1970: 1_790_000_900)

    func entries(_ zip: Data) throws -> [String: Data] {
        try zipContents(zip)
    }

    func makeLog() async throws -> EvidenceLog {
        let log = try await Vault(store: SQLiteVaultStore()).create(passphrase: "correct horse battery", kdf: .insecureForTestsOnly, now: Date(timeIntervalSince1970: 1_790_000_000)).vault.evidence
        let incident = try await log.record(IncidentDraft(occurredOn: "2026-11-20", description: "Broke the door"), now: Date(timeIntervalSince1970: 1_790_000_100), today: "2026-11-25")
        try await log.attach(Self.photo, fileName: "door.jpg", to: incident.id, now: Date(timeIntervalSince1970: 1_790_000_200))
        try await log.attach(Data("a note\n".utf8), fileName: "note.txt", to: incident.id, now: Date(timeIntervalSince1970: 1_790_000_300))
        let heic = Data([0, 0, 0, 24]) + Data("ftypheic".utf8) + Data(count: 12)
        try await log.attach(heic, fileName: "IMG.heic", to: incident.id, now: Date(timeIntervalSince1970: 1_790_000_400))
        return log
    }

    @Test("attachments are exported exactly and listed with their SHA-256; the bundle verifies")
    func exact() async throws {
        let log = try await makeLog()
        let zip = try await EvidenceBundle.make(from: log, options: ExportOptions(), now: Self.exportedAt)
        let files = try entries(zip)
        let attachments = files.filter { $0.key.hasPrefix("attachments/") }
        #expect(attachments.count == 3)
        #expect(attachments.values.contains(Self.photo))
        #expect(!attachments.keys.contains { $0.contains("door") }, "file names in the bundle are made by us")
        #expect(EvidenceBundle.verify(zip).isIntact)
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains(EvidenceChain.recordHash(Self.photo).hexString))
        #expect(report.contains("door.jpg"))
    }

    @Test("stripping location removes EXIF from photo copies, leaves out what can't be cleaned, and keeps the original")
    func stripLocation() async throws {
        let log = try await makeLog()
        let zip = try await EvidenceBundle.make(from: log, options: ExportOptions(stripLocation: true), now: Self.exportedAt)
        let files = try entries(zip)
        let jpeg = try #require(files.first { $0.key.hasSuffix(".jpg") }?.value)
        #expect(jpeg.range(of: Self.exifMarker) == nil)
        #expect(jpeg.prefix(2) == Data([0xFF, 0xD8]))
        #expect(jpeg.suffix(2) == Data([0xFF, 0xD9]))
        #expect(!files.keys.contains { $0.hasSuffix(".heic") })
        #expect(files.keys.contains { $0.hasSuffix(".txt") })
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(report.contains("Location data was removed from this copy"))
        #expect(report.contains("Not in this bundle: its location data could not be removed"))
        #expect(EvidenceBundle.verify(zip).isIntact)
        let entry = try #require(try await log.entries().first)
        let original = try #require(entry.attachments.first { $0.type == .jpeg })
        #expect(try await log.attachmentBytes(original) == Self.photo)
    }

    @Test("without attachments, no files are copied but their records still are")
    func noAttachments() async throws {
        let zip = try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions(includeAttachments: false), now: Self.exportedAt)
        let files = try entries(zip)
        #expect(!files.keys.contains { $0.hasPrefix("attachments/") })
        #expect(files.keys.filter { $0.hasPrefix("records/") }.count == 5, "four records and the export's own")
        #expect(EvidenceBundle.verify(zip).isIntact)
    }

    @Test("a changed attachment in a bundle is detected")
    func tamperedAttachment() async throws {
        let zip = try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions(), now: Self.exportedAt)
        var files = try entries(zip)
        let path = try #require(files.keys.first { $0.hasSuffix(".txt") && $0.hasPrefix("attachments/") })
        files[path] = Data("a changed note\n".utf8)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in files {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        let result = EvidenceBundle.verify(archive.data!)
        #expect(!result.isIntact)
        #expect(result.summary.contains(path))
    }

    @Test("the report shows photos small, beside their fingerprints, and names files it could not include")
    func photosInReport() async throws {
        let zip = try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions(), now: Self.exportedAt)
        let files = try entries(zip)
        let report = String(decoding: files["report.html"]!, as: UTF8.self)
        let jpegPath = try #require(files.keys.first { $0.hasPrefix("attachments/") && $0.hasSuffix(".jpg") })
        #expect(report.contains("<img src=\"\(jpegPath)\""))
        #expect(!report.contains("<img src=\"attachments/") || !report.contains(".heic\" alt"), "a HEIC photo is linked, not shown: browsers cannot draw it")
        let withoutFiles = try entries(try await EvidenceBundle.make(from: try await makeLog(), options: ExportOptions(includeAttachments: false), now: Self.exportedAt))
        let bare = String(decoding: withoutFiles["report.html"]!, as: UTF8.self)
        #expect(!bare.contains("<img"))
        #expect(bare.contains("Not in this bundle: files were left out of this export."))
        #expect(bare.contains(EvidenceChain.recordHash(Self.photo).hexString), "the fingerprint is there even when the file is not")
    }
}
