import Crypto
import Foundation
import GRDB
import UntetherCore
import UntetherVault

/// One sealed file holding a whole vault.
///
/// Layout: 16-byte magic, a 4-byte big-endian length, a clear manifest (format and the vault
/// header, which holds only wrapped keys), then the sealed payload. The payload is sealed with
/// the data key and bound to the manifest, and holds the record counts and a copy of the
/// database made with SQLite's online backup.
enum BackupFile {
    static let magic = Data("UNTETHER-BACKUP1".utf8)

    struct Manifest: Codable {
        let format: Int
        let header: VaultHeader
    }

    struct Contents: Codable {
        let createdAt: Date
        let counts: [String: Int]
    }

    /// What a backup's contents are sealed as: a file, not a record kind of the vault.
    static let sealedAs = "backup"

    static func address(for manifestBytes: Data) -> RecordAddress {
        let digest = SHA256.hash(data: manifestBytes).map { String(format: "%02x", $0) }.joined()
        return RecordAddress(id: digest, kind: sealedAs, formatVersion: 1)
    }

    static func encode(manifest: Manifest, contents: Contents, database: Data, sealer: RecordSealer) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let manifestBytes = try encoder.encode(manifest)
        let contentsBytes = try encoder.encode(contents)
        let payload = lengthPrefix(contentsBytes.count) + contentsBytes + database
        let sealed = try sealer.seal(payload, for: address(for: manifestBytes))
        return magic + lengthPrefix(manifestBytes.count) + manifestBytes + sealed
    }

    /// Reads and opens a backup with the passphrase it was made under.
    static func decode(_ file: Data, passphrase: String) throws -> (header: VaultHeader, dataKey: DataKey, contents: Contents, database: Data) {
        guard file.count > magic.count + 4, file.prefix(magic.count) == magic else { throw StoreError.backupNotABackup }
        var rest = file.dropFirst(magic.count)
        guard let manifestLength = readLength(&rest), manifestLength <= rest.count else { throw StoreError.backupDamaged }
        let manifestBytes = Data(rest.prefix(manifestLength))
        rest = rest.dropFirst(manifestLength)
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: manifestBytes), manifest.format == 1 else {
            throw StoreError.backupDamaged
        }
        let dataKey: DataKey
        do {
            dataKey = try manifest.header.unlock(passphrase: passphrase)
        } catch VaultError.wrongPassphrase {
            throw StoreError.backupWrongPassphrase
        }
        guard let payload = try? RecordSealer(dataKey: dataKey).open(Data(rest), for: address(for: manifestBytes)) else {
            throw StoreError.backupDamaged
        }
        var body = payload[...]
        guard
            let contentsLength = readLength(&body), contentsLength <= body.count,
            let contents = try? JSONDecoder().decode(Contents.self, from: Data(body.prefix(contentsLength)))
        else { throw StoreError.backupDamaged }
        return (manifest.header, dataKey, contents, Data(body.dropFirst(contentsLength)))
    }

    static func lengthPrefix(_ count: Int) -> Data {
        withUnsafeBytes(of: UInt32(count).bigEndian) { Data($0) }
    }

    static func readLength(_ data: inout Data.SubSequence) -> Int? {
        guard data.count >= 4 else { return nil }
        let value = data.prefix(4).reduce(0) { ($0 << 8) | Int($1) }
        data = data.dropFirst(4)
        return value
    }
}

extension SQLiteVaultStore {
    /// Writes a sealed backup of the whole vault to `url`. The file appears only once it is complete.
    public func writeBackup(of vault: UnlockedVault, to url: URL, now: Date) async throws {
        let data = try await backupData(of: vault, scratchDirectory: url.deletingLastPathComponent(), now: now)
        try DurableFile.write(data, to: url)
    }

    /// A sealed backup of the whole vault as bytes, logged in the access log.
    /// `scratchDirectory` holds a short-lived copy of the database (its records are sealed).
    public func backupData(of vault: UnlockedVault, scratchDirectory: URL, now: Date) async throws -> Data {
        guard let header = try await header() else { throw StoreError.noVault }
        let snapshot = try snapshotDatabase(near: scratchDirectory.appendingPathComponent("backup"))
        let counts = try await recordCounts()
        let data = try BackupFile.encode(
            manifest: .init(format: 1, header: header),
            contents: .init(createdAt: now, counts: counts),
            database: snapshot,
            sealer: vault.sealer
        )
        try await append(AccessEvent(id: UUID(), kind: .backupMade, at: now))
        return data
    }

    /// A consistent copy of the database as bytes, made with SQLite's online backup.
    func snapshotDatabase(near url: URL) throws -> Data {
        let scratch = try ScratchFile(near: url)
        defer { scratch.remove() }
        let copy = try DatabaseQueue(path: scratch.url.path)
        try writer.backup(to: copy)
        try copy.close()
        return try Data(contentsOf: scratch.url)
    }

    /// Replaces this vault with the backup at `url`, after checking it fully: it must open with
    /// `passphrase`, pass `integrity_check`, hold the record counts it claims, and every record
    /// must decrypt. If any check fails, nothing here changes. Returns the restored record counts.
    @discardableResult
    public func restore(from url: URL, passphrase: String, now: Date) async throws -> [String: Int] {
        let scratchDirectory = fileURL?.deletingLastPathComponent() ?? url.deletingLastPathComponent()
        let verified = try VerifiedBackup(url: url, passphrase: passphrase, scratchDirectory: scratchDirectory)
        defer { verified.discard() }
        return try await restore(verified, now: now)
    }

    /// Restores into `directory`, creating the vault there only once the backup has passed every check,
    /// so a refused backup leaves an empty folder ready for a fresh start.
    @discardableResult
    public static func restore(from url: URL, passphrase: String, into directory: URL, now: Date) async throws -> [String: Int] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotOpen(path: directory.path)
        }
        let verified = try VerifiedBackup(url: url, passphrase: passphrase, scratchDirectory: directory)
        defer { verified.discard() }
        let store = try SQLiteVaultStore(directory: directory)
        return try await store.restore(verified, now: now)
    }

    /// Replaces this vault's contents with a backup that has already passed every check.
    public func restore(_ verified: VerifiedBackup, now: Date) async throws -> [String: Int] {
        let earlierEvents = try await accessEvents()
        let earlierRevision = try await revision()
        do {
            try verified.candidate.backup(to: writer)
        } catch {
            throw StoreError.restoreFailed
        }
        // Keep the access log of the vault that was replaced, so no unlock goes unseen.
        try await writer.write { db in
            for event in earlierEvents {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO access_event (id, kind, at) VALUES (?, ?, ?)",
                    arguments: [event.id.uuidString, event.kind.rawValue, event.at.timeIntervalSince1970]
                )
            }
            try Self.insertEvent(AccessEvent(id: UUID(), kind: .restored, at: now), db)
            // The copy brought the backup's own revision with it, which may be lower than ours.
            // Move past both, so anything cached from before the restore is seen as stale.
            try db.execute(sql: "UPDATE record_revision SET n = max(n, ?) + 1 WHERE id = 1", arguments: [earlierRevision])
        }
        return verified.counts
    }

    static func check(
        candidate: DatabaseQueue,
        backup: (header: VaultHeader, dataKey: DataKey, contents: BackupFile.Contents, database: Data)
    ) throws {
        try candidate.read { db in
            guard try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] else {
                throw StoreError.backupFailedCheck("the database inside is damaged")
            }
        }
        let migrator = Self.migrator
        guard try candidate.read({ try !migrator.hasBeenSuperseded($0) }) else {
            throw StoreError.backupFailedCheck("it was made by a newer version of Untether")
        }
        try migrator.migrate(candidate)
        try candidate.read { db in
            guard try fetchHeader(db) == backup.header else {
                throw StoreError.backupFailedCheck("its key information does not match")
            }
            guard try counts(db) == backup.contents.counts else {
                throw StoreError.backupFailedCheck("it holds a different number of items than it says")
            }
            let sealer = RecordSealer(dataKey: backup.dataKey)
            let records: [SealedRecord]
            do {
                records = try Row.fetchAll(db, sql: "SELECT * FROM record").map(sealedRecord)
            } catch StoreError.damaged {
                throw StoreError.backupFailedCheck("it holds an item of a kind this version does not know")
            }
            for record in records {
                guard (try? sealer.open(record.sealed, for: record.address)) != nil else {
                    throw StoreError.backupFailedCheck("an item inside could not be decrypted")
                }
            }
            let chain = try Row.fetchAll(db, sql: "SELECT * FROM evidence_chain ORDER BY sequence").map(chainEntry)
            let problems = EvidenceLog.problems(chain: chain, records: records.filter(\.kind.isEvidence), sealer: sealer)
            guard problems.isEmpty else {
                throw StoreError.backupFailedCheck("its record of events does not check out")
            }
        }
    }
}

/// A backup file that has been opened and has passed every check, waiting in a scratch file.
public final class VerifiedBackup {
    let candidate: DatabaseQueue
    let scratch: ScratchFile
    /// How many records of each kind the backup holds.
    public let counts: [String: Int]

    /// Reads, opens and checks the backup at `url`; the scratch copy is written in `scratchDirectory`.
    public init(url: URL, passphrase: String, scratchDirectory: URL) throws {
        let file: Data
        do {
            file = try Data(contentsOf: url)
        } catch {
            throw StoreError.backupUnreadable
        }
        let backup = try BackupFile.decode(file, passphrase: passphrase)
        let scratch = try ScratchFile(near: scratchDirectory.appendingPathComponent("restore"))
        do {
            try DurableFile.write(backup.database, to: scratch.url)
            let candidate: DatabaseQueue
            do {
                candidate = try DatabaseQueue(path: scratch.url.path, configuration: SQLiteVaultStore.configuration())
            } catch {
                throw StoreError.backupFailedCheck("the database inside would not open")
            }
            do {
                try SQLiteVaultStore.check(candidate: candidate, backup: backup)
            } catch {
                try? candidate.close()
                throw error
            }
            self.candidate = candidate
        } catch {
            scratch.remove()
            throw error
        }
        self.scratch = scratch
        counts = backup.contents.counts
    }

    /// Closes and deletes the scratch copy.
    public func discard() {
        try? candidate.close()
        scratch.remove()
    }
}

/// A temporary file beside a target, so it sits on the same disk and in the same private folder.
struct ScratchFile {
    let url: URL

    init(near target: URL) throws {
        url = target.deletingLastPathComponent().appendingPathComponent(".untether-scratch-\(UUID().uuidString.lowercased())")
    }

    func remove() {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }
}

/// Writes files so that they are either complete on disk or not there at all.
enum DurableFile {
    /// Writes to a temporary name, flushes to disk, then renames into place (mode 0600).
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString.lowercased())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotOpen(path: url.deletingLastPathComponent().path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 { throw StoreError.cannotOpen(path: url.deletingLastPathComponent().path) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
