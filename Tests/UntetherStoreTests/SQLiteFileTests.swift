import Foundation
import GRDB
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("SQLite file store: durability, privacy, backup and restore")
struct SQLiteFileTests {
    let clock = TestClock()

    func makeVault() async throws -> (directory: URL, store: SQLiteVaultStore, vault: UnlockedVault) {
        let directory = TemporaryDirectory.make()
        let store = try SQLiteVaultStore(directory: directory)
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        return (directory, store, vault)
    }

    @Test("the database runs in WAL mode with synchronous=FULL on every connection")
    func durabilitySettings() async throws {
        let (_, store, _) = try await makeVault()
        let (journal, synchronous) = try await store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        let writerSynchronous = try await store.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
    }

    @Test("the folder and files are private to their owner")
    func permissions() async throws {
        let (directory, _, _) = try await makeVault()
        let folder = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        let file = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("vault.sqlite").path)[.posixPermissions] as? Int
        #expect(folder == 0o700)
        #expect(file == 0o600)
    }

    @Test("the schema refuses a record with empty content or an update time before its creation")
    func schemaInvariants() async throws {
        let (_, store, _) = try await makeVault()
        await #expect(throws: (any Error).self) {
            try await store.insert(SealedRecord(id: "x", kind: .note, formatVersion: 1, createdAt: Date(), updatedAt: Date(), sealed: Data()))
        }
        await #expect(throws: (any Error).self) {
            try await store.insert(SealedRecord(
                id: "y", kind: .note, formatVersion: 1, createdAt: Date(timeIntervalSince1970: 100),
                updatedAt: Date(timeIntervalSince1970: 50), sealed: Data(count: 40)
            ))
        }
        #expect(try await store.recordCounts() == [:])
    }

    @Test("a canary written as a note's title and body never appears in any file, in UTF-8 or UTF-16")
    func canaryNeverOnDisk() async throws {
        let (directory, store, vault) = try await makeVault()
        let canary = "CANARY-\(UUID().uuidString)-ÿ"
        let note = try await vault.log(Note.self).add(NoteDraft(title: "t \(canary)", body: "b \(canary) b"), now: clock.tick())
        try await vault.log(Note.self).update(id: note.id, with: NoteDraft(title: "\(canary) edited", body: canary), now: clock.tick())
        try await vault.log(Note.self).add(NoteDraft(title: canary, body: ""), now: clock.tick())
        let backup = directory.appendingPathComponent("backup.untether")
        try await store.writeBackup(of: vault, to: backup, now: clock.tick())

        // Before the checkpoint the content sits in the WAL; after it, in the main file. Check both moments.
        let leaksBefore = try CanaryScan.find(canary, in: directory)
        try store.checkpoint()
        let leaksAfter = try CanaryScan.find(canary, in: directory)
        #expect(leaksBefore.isEmpty, "found in \(leaksBefore)")
        #expect(leaksAfter.isEmpty, "found in \(leaksAfter)")
        #expect(CanaryScan.filesScanned(in: directory) >= 2)
        #expect(try await vault.log(Note.self).all().contains { $0.body == canary })
    }

    @Test("backup and restore round-trip every note into an empty folder")
    func backupRoundTrip() async throws {
        let (directory, store, vault) = try await makeVault()
        for index in 0..<20 { try await vault.log(Note.self).add(NoteDraft(title: "Note \(index)", body: String(repeating: "x", count: index * 100)), now: clock.tick()) }
        let notes = try await vault.log(Note.self).all()
        let backup = directory.appendingPathComponent("backup.untether")
        try await store.writeBackup(of: vault, to: backup, now: clock.tick())
        #expect(try await vault.accessEvents().first?.kind == .backupMade)

        let elsewhere = try SQLiteVaultStore(directory: TemporaryDirectory.make())
        let counts = try await elsewhere.restore(from: backup, passphrase: testPassphrase, now: clock.tick())
        #expect(counts == ["note": 20])
        let restored = try await Vault(store: elsewhere).unlock(passphrase: testPassphrase, now: clock.tick())
        #expect(try await restored.log(Note.self).all() == notes)
        #expect(try elsewhere.integrityCheck())
        #expect(try await elsewhere.accessEvents().contains { $0.kind == .restored })
    }

    @Test("restoring over a vault replaces its notes and keeps its access log")
    func restoreOverExisting() async throws {
        let (directory, store, vault) = try await makeVault()
        let kept = try await vault.log(Note.self).add(NoteDraft(title: "In the backup", body: ""), now: clock.tick())
        let backup = directory.appendingPathComponent("backup.untether")
        try await store.writeBackup(of: vault, to: backup, now: clock.tick())
        try await vault.log(Note.self).add(NoteDraft(title: "Written after", body: ""), now: clock.tick())
        let revisionBefore = try await store.revision()
        await #expect(throws: VaultError.wrongPassphrase) { try await Vault(store: store).unlock(passphrase: "someone guessing", now: clock.tick()) }

        try await store.restore(from: backup, passphrase: testPassphrase, now: clock.tick())
        #expect(try await store.revision() > revisionBefore, "caches made before the restore must see it as a change")
        let reopened = try await Vault(store: store).unlock(passphrase: testPassphrase, now: clock.tick())
        #expect(try await reopened.log(Note.self).all() == [kept])
        let kinds = try await reopened.accessEvents().map(\.kind)
        #expect(kinds.contains(.failedUnlock))
        #expect(kinds.contains(.restored))
        #expect(try store.integrityCheck())
    }

    enum Damage: String, CaseIterable, CustomStringConvertible, Sendable {
        case flippedByteInPayload, flippedByteInManifest, truncated, emptyFile, notABackup, wrongPassphrase, missingFile
        var description: String { rawValue }
    }

    @Test("a failed restore changes nothing: same notes, same bytes, no stray files", arguments: Damage.allCases)
    func failedRestoreChangesNothing(damage: Damage) async throws {
        let (directory, store, vault) = try await makeVault()
        try await vault.log(Note.self).add(NoteDraft(title: "Current", body: "keep me"), now: clock.tick())
        let backupDirectory = TemporaryDirectory.make()
        let backup = backupDirectory.appendingPathComponent("backup.untether")
        try await store.writeBackup(of: vault, to: backup, now: clock.tick())
        try await vault.log(Note.self).add(NoteDraft(title: "Newer", body: "also keep me"), now: clock.tick())

        var bytes = try Data(contentsOf: backup)
        var passphrase = testPassphrase
        var expected: StoreError
        switch damage {
        case .flippedByteInPayload:
            bytes[bytes.count - 100] ^= 0x40
            expected = .backupDamaged
        case .flippedByteInManifest:
            bytes[40] ^= 0x01
            expected = .backupDamaged
        case .truncated:
            bytes = bytes.prefix(bytes.count / 2)
            expected = .backupDamaged
        case .emptyFile:
            bytes = Data()
            expected = .backupNotABackup
        case .notABackup:
            bytes = Data("just some text, not a backup at all".utf8)
            expected = .backupNotABackup
        case .wrongPassphrase:
            passphrase = "not the passphrase"
            expected = .backupWrongPassphrase
        case .missingFile:
            try FileManager.default.removeItem(at: backup)
            expected = .backupUnreadable
        }
        if damage != .missingFile { try bytes.write(to: backup) }

        try store.checkpoint()
        let notesBefore = try await vault.log(Note.self).all()
        let fileBefore = try Data(contentsOf: directory.appendingPathComponent("vault.sqlite"))
        let listingBefore = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

        await #expect(throws: expected) { try await store.restore(from: backup, passphrase: passphrase, now: clock.tick()) }

        try store.checkpoint()
        #expect(try await vault.log(Note.self).all() == notesBefore)
        #expect(try Data(contentsOf: directory.appendingPathComponent("vault.sqlite")) == fileBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == listingBefore)
    }

    @Test("a backup whose counts do not match its database is refused before anything changes")
    func countMismatch() async throws {
        let (directory, store, vault) = try await makeVault()
        try await vault.log(Note.self).add(NoteDraft(title: "One", body: ""), now: clock.tick())
        let header = try #require(try await store.header())
        let forged = try BackupFile.encode(
            manifest: .init(format: 1, header: header),
            contents: .init(createdAt: clock.tick(), counts: ["note": 5]),
            database: try store.snapshotDatabase(near: directory.appendingPathComponent("x")),
            sealer: vault.sealer
        )
        let url = directory.appendingPathComponent("forged.untether")
        try forged.write(to: url)
        await #expect(throws: StoreError.backupFailedCheck("it holds a different number of items than it says")) {
            try await store.restore(from: url, passphrase: testPassphrase, now: clock.tick())
        }
        #expect(try await vault.log(Note.self).all().count == 1)
    }

    @Test("a backup holding a damaged database file is refused")
    func damagedDatabaseInside() async throws {
        let (directory, store, vault) = try await makeVault()
        for index in 0..<50 { try await vault.log(Note.self).add(NoteDraft(title: "Note \(index)", body: String(repeating: "y", count: 500)), now: clock.tick()) }
        let header = try #require(try await store.header())
        var database = try store.snapshotDatabase(near: directory.appendingPathComponent("x"))
        // Overwrite part of the second page (a b-tree page) with garbage.
        for offset in 4096 + 8..<4096 + 200 { database[offset] = 0xAB }
        let forged = try BackupFile.encode(
            manifest: .init(format: 1, header: header),
            contents: .init(createdAt: clock.tick(), counts: ["note": 50]),
            database: database, sealer: vault.sealer
        )
        let url = directory.appendingPathComponent("forged.untether")
        try forged.write(to: url)
        await #expect(throws: StoreError.self) { try await store.restore(from: url, passphrase: testPassphrase, now: clock.tick()) }
        #expect(try await vault.log(Note.self).all().count == 50)
        #expect(try store.integrityCheck())
    }

    @Test("opening a file that is not a database says it is damaged")
    func notADatabase() throws {
        let directory = TemporaryDirectory.make()
        try Data(repeating: 0x42, count: 8192).write(to: directory.appendingPathComponent("vault.sqlite"))
        #expect(throws: StoreError.damaged) { try SQLiteVaultStore(directory: directory) }
    }
}

/// Looks for a string in the raw bytes of every file in a folder, as UTF-8, UTF-16LE and UTF-16BE.
enum CanaryScan {
    static func find(_ canary: String, in directory: URL) throws -> [String] {
        let needles: [(String, Data)] = [
            ("utf8", Data(canary.utf8)),
            ("utf16le", canary.data(using: .utf16LittleEndian)!),
            ("utf16be", canary.data(using: .utf16BigEndian)!),
        ]
        var hits: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            for (encoding, needle) in needles where bytes.range(of: needle) != nil {
                hits.append("\(name) (\(encoding))")
            }
        }
        return hits
    }

    static func filesScanned(in directory: URL) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path).count) ?? 0
    }
}
