import Foundation
import GRDB
import Testing
import UntetherCore
@testable import UntetherStore
@testable import UntetherVault

/// Small files of each accepted kind, built from their signatures.
enum SampleFiles {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0xFF, 0xD9])
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: 24)
    static let pdf = Data("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8)
    static let text = Data("Saturday 9pm: messages kept coming.\n".utf8)
    static let heic = Data([0, 0, 0, 24]) + Data("ftypheic".utf8) + Data(count: 12)
    static let m4a = Data([0, 0, 0, 24]) + Data("ftypM4A ".utf8) + Data(count: 12)
    static let wav = Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WAVEfmt ".utf8)
    static let mp3 = Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0, 0])
    static let ogg = Data("OggS".utf8) + Data(count: 20)
    static let webm = Data([0x1A, 0x45, 0xDF, 0xA3]) + Data(count: 20)
    static let executable = Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0])
    static let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])
}

@Suite("Attachments")
struct AttachmentTests {
    let clock = TestClock()

    @Test("file kinds are recognised by their first bytes", arguments: [
        (SampleFiles.jpeg, AttachmentType.jpeg), (SampleFiles.png, .png), (SampleFiles.pdf, .pdf), (SampleFiles.text, .text),
        (SampleFiles.heic, .heic), (SampleFiles.m4a, .m4a), (SampleFiles.wav, .wav), (SampleFiles.mp3, .mp3),
        (SampleFiles.ogg, .ogg), (SampleFiles.webm, .webm),
    ])
    func detection(bytes: Data, type: AttachmentType) {
        #expect(AttachmentType.detect(bytes) == type)
    }

    @Test("programs, archives and other binaries are refused", arguments: [SampleFiles.executable, SampleFiles.zip, Data([0, 1, 2, 3, 4])])
    func refusedTypes(bytes: Data) {
        #expect(AttachmentType.detect(bytes) == nil)
    }

    func makeLog(_ backend: Backend) async throws -> (store: any VaultStore, log: EvidenceLog, incident: Incident) {
        let store = try backend.make()
        let log = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault.evidence
        let incident = try await log.record(IncidentDraft(occurredOn: "2026-11-20", description: "with a photo"), now: clock.tick(), today: "2026-11-25")
        return (store, log, incident)
    }

    @Test("an attached file is kept exactly, sealed, chained, and listed with its entry", arguments: Backend.allCases)
    func attach(backend: Backend) async throws {
        let (store, log, incident) = try await makeLog(backend)
        let attachment = try await log.attach(SampleFiles.jpeg, fileName: "IMG_0042.jpg", to: incident.id, now: clock.tick())
        #expect(attachment.type == .jpeg)
        #expect(attachment.size == SampleFiles.jpeg.count)
        #expect(attachment.sha256 == EvidenceChain.recordHash(SampleFiles.jpeg).hexString)
        #expect(try await log.attachmentBytes(attachment) == SampleFiles.jpeg)
        #expect(try await log.entry(incident.id)?.attachments == [attachment])
        #expect(try await store.chainEntries().last?.kind == "attachment")
        let file = try #require(try await store.record(id: attachment.id.uuidString.lowercased(), kind: .attachmentFile))
        #expect(file.sealed.range(of: SampleFiles.jpeg) == nil)
        #expect(try await log.verify().isIntact)
        #expect(attachment.storedName.hasPrefix("attachment-") && !attachment.storedName.contains("IMG"))
    }

    @Test("empty, oversized and unknown files are refused and nothing is saved", arguments: Backend.allCases)
    func refused(backend: Backend) async throws {
        let (store, log, incident) = try await makeLog(backend)
        await #expect(throws: AttachmentError.empty) { try await log.attach(Data(), fileName: "x", to: incident.id, now: clock.tick()) }
        await #expect(throws: AttachmentError.unsupportedType) { try await log.attach(SampleFiles.executable, fileName: "x", to: incident.id, now: clock.tick()) }
        let huge = SampleFiles.pdf + Data(count: AttachmentType.maxBytes)
        await #expect(throws: AttachmentError.tooLarge) { try await log.attach(huge, fileName: "big.pdf", to: incident.id, now: clock.tick()) }
        await #expect(throws: StoreError.notFound) { try await log.attach(SampleFiles.pdf, fileName: "x.pdf", to: UUID(), now: clock.tick()) }
        #expect(try await store.chainEntries().count == 1)
    }

    @Test("removing an entry deletes its files and amendments too, and the chain still verifies", arguments: Backend.allCases)
    func removalTakesFiles(backend: Backend) async throws {
        let (store, log, incident) = try await makeLog(backend)
        let attachment = try await log.attach(SampleFiles.png, fileName: "screenshot.png", to: incident.id, now: clock.tick())
        try await log.amend(incident.id, change: "more detail", reason: "", now: clock.tick())
        try await log.remove(incident.id, reason: "", now: clock.tick())
        #expect(try await store.record(id: attachment.id.uuidString.lowercased(), kind: .attachmentFile) == nil)
        #expect(try await store.records(kind: .amendment).isEmpty)
        #expect(try await store.records(kind: .attachment).isEmpty)
        let report = try await log.verify()
        #expect(report.isIntact, "\(report.problems)")
    }

    @Test("a changed file byte in the vault is detected")
    func tamperedFile() async throws {
        let (store, log, incident) = try await makeLog(.sqliteFile)
        let attachment = try await log.attach(SampleFiles.pdf, fileName: "letter.pdf", to: incident.id, now: clock.tick())
        let sqlite = try #require(store as? SQLiteVaultStore)
        // Replace the sealed file with another sealed file (valid ciphertext, wrong content).
        let other = try await log.attach(SampleFiles.text, fileName: "other.txt", to: incident.id, now: clock.tick())
        try await sqlite.writer.write { db in
            try db.execute(sql: "DROP TRIGGER evidence_record_no_update")
            try db.execute(
                sql: "UPDATE record SET sealed = (SELECT sealed FROM record WHERE id = ? AND kind = 'attachment_file') WHERE id = ? AND kind = 'attachment_file'",
                arguments: [other.id.uuidString.lowercased(), attachment.id.uuidString.lowercased()]
            )
        }
        #expect(try await !log.verify().isIntact)
        await #expect(throws: (any Error).self) { try await log.attachmentBytes(attachment) }
    }

    @Test("a canary in a file's name and content never appears in clear on disk")
    func canary() async throws {
        let directory = TemporaryDirectory.make()
        let store = try SQLiteVaultStore(directory: directory)
        let log = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault.evidence
        let incident = try await log.record(IncidentDraft(occurredOn: "2026-11-20", description: "x"), now: clock.tick(), today: "2026-11-25")
        let canary = "CANARY-\(UUID().uuidString)"
        try await log.attach(Data("\(canary) inside the file\n".utf8), fileName: "\(canary).txt", to: incident.id, now: clock.tick())
        try store.checkpoint()
        #expect(try CanaryScan.find(canary, in: directory).isEmpty)
    }
}
