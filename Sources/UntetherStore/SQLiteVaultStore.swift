import Foundation
import GRDB
import UntetherCore
import UntetherVault

/// The embedded default store: SQLite through GRDB, in WAL mode with `synchronous=FULL`,
/// so a save is durable once its commit returns.
public final class SQLiteVaultStore: VaultStore {
    /// The database file's name inside the data folder.
    public static let fileName = "vault.sqlite"

    let writer: any DatabaseWriter
    /// The database file, or nil for an in-memory store.
    public let fileURL: URL?

    /// Opens (creating if needed) the vault database in `directory`, migrating it to the current schema.
    public init(directory: URL) throws {
        let manager = FileManager.default
        let url = directory.appendingPathComponent(Self.fileName)
        let isNew = !manager.fileExists(atPath: url.path)
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // A new vault's folder is made private even if the folder already existed.
            if isNew { try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path) }
        } catch {
            throw StoreError.cannotOpen(path: directory.path)
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: Self.configuration())
            // GRDB sets the writer to synchronous=NORMAL when it turns on WAL; we need FULL,
            // so a save that was confirmed survives a power cut.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            writer = pool
            try Self.migrator.migrate(writer)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged
        } catch {
            throw StoreError.cannotOpen(path: directory.path)
        }
        fileURL = url
        Self.restrictPermissions(of: url)
    }

    /// An in-memory SQLite store, for tests: the same schema and SQL as the file store.
    public init(inMemory: Void = ()) throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        try Self.migrator.migrate(writer)
        fileURL = nil
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
        fileURL = nil
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted content is overwritten with zeros rather than left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    static func restrictPermissions(of url: URL) {
        for suffix in ["", "-wal", "-shm"] {
            let path = url.path + suffix
            if FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: header, records, access log") { db in
            try db.execute(sql: """
                CREATE TABLE vault_header (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    format INTEGER NOT NULL CHECK (format >= 1),
                    kdf_log_n INTEGER NOT NULL CHECK (kdf_log_n BETWEEN 1 AND 24),
                    kdf_r INTEGER NOT NULL CHECK (kdf_r >= 1),
                    kdf_p INTEGER NOT NULL CHECK (kdf_p >= 1),
                    passphrase_salt BLOB NOT NULL CHECK (length(passphrase_salt) >= 16),
                    passphrase_wrapped_key BLOB NOT NULL CHECK (length(passphrase_wrapped_key) = 60),
                    recovery_salt BLOB NOT NULL CHECK (length(recovery_salt) >= 16),
                    recovery_wrapped_key BLOB NOT NULL CHECK (length(recovery_wrapped_key) = 60)
                ) STRICT;
                CREATE TABLE record (
                    kind TEXT NOT NULL CHECK (length(kind) > 0),
                    id TEXT NOT NULL CHECK (length(id) > 0),
                    format_version INTEGER NOT NULL CHECK (format_version >= 1),
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL CHECK (updated_at >= created_at),
                    sealed BLOB NOT NULL CHECK (length(sealed) >= 28),
                    PRIMARY KEY (kind, id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX record_newest_first ON record (kind, created_at DESC, id DESC);
                CREATE TABLE access_event (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (length(kind) > 0),
                    at REAL NOT NULL
                ) STRICT;
                CREATE INDEX access_event_newest_first ON access_event (at DESC);
                """)
        }
        migrator.registerMigration("v2: unlock throttle") { db in
            try db.execute(sql: """
                CREATE TABLE unlock_throttle (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    failures INTEGER NOT NULL CHECK (failures >= 0),
                    last_failure REAL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v3: evidence chain, append-only") { db in
            try db.execute(sql: """
                CREATE TABLE evidence_chain (
                    sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
                    kind TEXT NOT NULL CHECK (length(kind) > 0),
                    record_id TEXT NOT NULL,
                    subject_id TEXT,
                    record_hash BLOB NOT NULL CHECK (length(record_hash) = 32),
                    chain_hash BLOB NOT NULL CHECK (length(chain_hash) = 32),
                    UNIQUE (kind, record_id)
                ) STRICT;
                CREATE INDEX evidence_chain_subject ON evidence_chain (subject_id);
                CREATE TRIGGER evidence_chain_append_only_update BEFORE UPDATE ON evidence_chain
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                CREATE TRIGGER evidence_chain_append_only_delete BEFORE DELETE ON evidence_chain
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                CREATE TRIGGER evidence_record_no_update BEFORE UPDATE ON record
                WHEN OLD.kind IN ('incident', 'amendment', 'removal', 'attachment', 'attachment_file')
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                CREATE TRIGGER evidence_record_delete_needs_removal BEFORE DELETE ON record
                WHEN OLD.kind IN ('incident', 'amendment', 'removal', 'attachment', 'attachment_file')
                  AND NOT EXISTS (
                    SELECT 1 FROM evidence_chain AS removal
                    WHERE removal.kind = 'removal' AND (
                      removal.subject_id = OLD.id
                      OR removal.subject_id IN (SELECT subject_id FROM evidence_chain WHERE record_id = OLD.id)
                    )
                  )
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                """)
        }
        migrator.registerMigration("v4: record revision") { db in
            try db.execute(sql: """
                CREATE TABLE record_revision (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    n INTEGER NOT NULL CHECK (n >= 0)
                ) STRICT;
                INSERT INTO record_revision (id, n) VALUES (1, 0);
                CREATE TRIGGER record_revision_insert AFTER INSERT ON record
                BEGIN UPDATE record_revision SET n = n + 1 WHERE id = 1; END;
                CREATE TRIGGER record_revision_update AFTER UPDATE ON record
                BEGIN UPDATE record_revision SET n = n + 1 WHERE id = 1; END;
                CREATE TRIGGER record_revision_delete AFTER DELETE ON record
                BEGIN UPDATE record_revision SET n = n + 1 WHERE id = 1; END;
                """)
        }
        migrator.registerMigration("v5: export records are evidence") { db in
            // The append-only rules name the evidence kinds; an export's chained record joins them.
            try db.execute(sql: """
                DROP TRIGGER evidence_record_no_update;
                DROP TRIGGER evidence_record_delete_needs_removal;
                CREATE TRIGGER evidence_record_no_update BEFORE UPDATE ON record
                WHEN OLD.kind IN ('incident', 'amendment', 'removal', 'attachment', 'attachment_file', 'export')
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                CREATE TRIGGER evidence_record_delete_needs_removal BEFORE DELETE ON record
                WHEN OLD.kind IN ('incident', 'amendment', 'removal', 'attachment', 'attachment_file', 'export')
                  AND NOT EXISTS (
                    SELECT 1 FROM evidence_chain AS removal
                    WHERE removal.kind = 'removal' AND (
                      removal.subject_id = OLD.id
                      OR removal.subject_id IN (SELECT subject_id FROM evidence_chain WHERE record_id = OLD.id)
                    )
                  )
                BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
                """)
        }
        migrator.registerMigration("v6: revision per kind") { db in
            // A cache of one kind (the journal, say) stays warm while another kind is written.
            try db.execute(sql: """
                CREATE TABLE record_kind_revision (
                    kind TEXT PRIMARY KEY NOT NULL CHECK (length(kind) > 0),
                    n INTEGER NOT NULL CHECK (n >= 0)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO record_kind_revision (kind, n) SELECT kind, count(*) FROM record GROUP BY kind;
                CREATE TRIGGER record_kind_revision_insert AFTER INSERT ON record
                BEGIN INSERT INTO record_kind_revision (kind, n) VALUES (NEW.kind, 1)
                  ON CONFLICT (kind) DO UPDATE SET n = n + 1; END;
                CREATE TRIGGER record_kind_revision_update AFTER UPDATE ON record
                BEGIN INSERT INTO record_kind_revision (kind, n) VALUES (NEW.kind, 1)
                  ON CONFLICT (kind) DO UPDATE SET n = n + 1; END;
                CREATE TRIGGER record_kind_revision_delete AFTER DELETE ON record
                BEGIN INSERT INTO record_kind_revision (kind, n) VALUES (OLD.kind, 1)
                  ON CONFLICT (kind) DO UPDATE SET n = n + 1; END;
                """)
        }
        return migrator
    }

    // MARK: VaultHeaderStore

    public func header() async throws -> VaultHeader? {
        try await writer.read { db in try Self.fetchHeader(db) }
    }

    static func fetchHeader(_ db: Database) throws -> VaultHeader? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM vault_header WHERE id = 1") else { return nil }
        return VaultHeader(
            format: row["format"],
            kdf: KDFParameters(logN: row["kdf_log_n"], r: row["kdf_r"], p: row["kdf_p"]),
            passphraseSalt: row["passphrase_salt"],
            passphraseWrappedKey: row["passphrase_wrapped_key"],
            recoverySalt: row["recovery_salt"],
            recoveryWrappedKey: row["recovery_wrapped_key"]
        )
    }

    static func writeHeader(_ header: VaultHeader, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO vault_header
                    (id, format, kdf_log_n, kdf_r, kdf_p, passphrase_salt, passphrase_wrapped_key, recovery_salt, recovery_wrapped_key)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                header.format, header.kdf.logN, header.kdf.r, header.kdf.p,
                header.passphraseSalt, header.passphraseWrappedKey, header.recoverySalt, header.recoveryWrappedKey,
            ]
        )
    }

    public func createHeader(_ header: VaultHeader, event: AccessEvent) async throws {
        try await writer.write { db in
            guard try Self.fetchHeader(db) == nil else { throw StoreError.vaultExists }
            try Self.writeHeader(header, db)
            try Self.insertEvent(event, db)
        }
    }

    public func replaceHeader(_ header: VaultHeader, event: AccessEvent) async throws {
        try await writer.write { db in
            guard try Self.fetchHeader(db) != nil else { throw StoreError.noVault }
            try Self.writeHeader(header, db)
            try Self.insertEvent(event, db)
        }
    }

    // MARK: AccessLogStore

    static func insertEvent(_ event: AccessEvent, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO access_event (id, kind, at) VALUES (?, ?, ?)",
            arguments: [event.id.uuidString, event.kind.rawValue, event.at.timeIntervalSince1970]
        )
    }

    public func append(_ event: AccessEvent) async throws {
        try await writer.write { db in try Self.insertEvent(event, db) }
    }

    public func accessEvents() async throws -> [AccessEvent] {
        try await writer.read { db in try Self.fetchEvents(db) }
    }

    static func fetchEvents(_ db: Database) throws -> [AccessEvent] {
        try Row.fetchAll(db, sql: "SELECT id, kind, at FROM access_event ORDER BY at DESC, id DESC").compactMap { row in
            guard
                let id = UUID(uuidString: row["id"]),
                let kind = AccessEvent.Kind(rawValue: row["kind"])
            else { return nil }
            return AccessEvent(id: id, kind: kind, at: Date(timeIntervalSince1970: row["at"]))
        }
    }

    // MARK: RecordStore

    public func insert(_ record: SealedRecord) async throws {
        try await writer.write { db in try Self.insertRecord(record, db) }
    }

    public func insert(contentsOf records: [SealedRecord]) async throws {
        guard !records.isEmpty else { return }
        try await writer.write { db in
            for record in records { try Self.insertRecord(record, db) }
        }
    }

    public func kindRevisions() async throws -> [String: Int] {
        try await writer.read { db in
            var revisions: [String: Int] = [:]
            // Read on every page view: a cached statement skips parsing and the authorizer.
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, n FROM record_kind_revision")) { revisions[row[0]] = row[1] }
            return revisions
        }
    }

    public func recordStamps(kind: RecordKind) async throws -> [RecordStamp] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, created_at, substr(sealed, 1, ?) FROM record WHERE kind = ? ORDER BY created_at DESC, id DESC",
                arguments: [RecordStamp.versionLength, kind.rawValue]
            ).map { row in RecordStamp(id: row[0], createdAt: Date(timeIntervalSince1970: row[1]), version: row[2]) }
        }
    }

    public func records(kind: RecordKind, ids: [String]) async throws -> [SealedRecord] {
        guard !ids.isEmpty else { return [] }
        return try await writer.read { db in
            var found: [SealedRecord] = []
            found.reserveCapacity(ids.count)
            let statement = try db.cachedStatement(sql: "SELECT * FROM record WHERE kind = ? AND id = ?")
            for id in ids {
                if let row = try Row.fetchOne(statement, arguments: [kind.rawValue, id]) { found.append(try Self.sealedRecord(row)) }
            }
            return found
        }
    }

    static func insertRecord(_ record: SealedRecord, _ db: Database) throws {
        do {
            try db.execute(
                sql: """
                    INSERT INTO record (kind, id, format_version, created_at, updated_at, sealed)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.kind.rawValue, record.id, record.formatVersion,
                    record.createdAt.timeIntervalSince1970, record.updatedAt.timeIntervalSince1970, record.sealed,
                ]
            )
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw StoreError.duplicate
        }
    }

    public func update(_ record: SealedRecord) async throws {
        try await Self.mappingAppendOnly { try await self.updateRecord(record) }
    }

    func updateRecord(_ record: SealedRecord) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE record SET format_version = ?, updated_at = ?, sealed = ? WHERE kind = ? AND id = ?",
                arguments: [record.formatVersion, record.updatedAt.timeIntervalSince1970, record.sealed, record.kind.rawValue, record.id]
            )
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    public func deleteRecord(id: String, kind: RecordKind) async throws {
        try await Self.mappingAppendOnly { try await self.deleteRecordRow(id: id, kind: kind) }
    }

    /// Turns the schema's append-only refusal into a plain error.
    static func mappingAppendOnly(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as DatabaseError where error.message?.contains("append-only") == true {
            throw StoreError.appendOnly
        }
    }

    func deleteRecordRow(id: String, kind: RecordKind) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM record WHERE kind = ? AND id = ?", arguments: [kind.rawValue, id])
            guard db.changesCount == 1 else { throw StoreError.notFound }
        }
    }

    public func record(id: String, kind: RecordKind) async throws -> SealedRecord? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM record WHERE kind = ? AND id = ?", arguments: [kind.rawValue, id])
                .map(Self.sealedRecord)
        }
    }

    public func records(kind: RecordKind) async throws -> [SealedRecord] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM record WHERE kind = ? ORDER BY created_at DESC, id DESC", arguments: [kind.rawValue]
            ).map(Self.sealedRecord)
        }
    }

    public func recordCounts() async throws -> [String: Int] {
        try await writer.read { db in try Self.counts(db) }
    }

    public func revision() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT n FROM record_revision WHERE id = 1") ?? 0 }
    }

    static func counts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM record GROUP BY kind") {
            counts[row["kind"]] = row["n"]
        }
        return counts
    }

    /// A stored row as a record; a kind this version does not know means the file is damaged
    /// (or from a newer version, which the migrator refuses before this is reached).
    static func sealedRecord(_ row: Row) throws -> SealedRecord {
        guard let kind = RecordKind(rawValue: row["kind"]) else { throw StoreError.damaged }
        return SealedRecord(
            id: row["id"], kind: kind, formatVersion: row["format_version"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            sealed: row["sealed"]
        )
    }

    // MARK: EvidenceStore

    public func appendEvidence(
        _ record: SealedRecord, alongside: [SealedRecord], removing: [RecordRef],
        makeEntry: @Sendable (ChainEntry?) -> ChainEntry
    ) async throws -> ChainEntry {
        try await writer.write { db in
            let entry = makeEntry(try Self.fetchChainHead(db))
            try Self.insertLinked(record, alongside: alongside, entry: entry, db)
            for ref in removing {
                try db.execute(sql: "DELETE FROM record WHERE kind = ? AND id = ?", arguments: [ref.kind.rawValue, ref.id])
            }
            return entry
        }
    }

    public func appendEvidence(_ appends: [EvidenceAppend]) async throws -> [ChainEntry] {
        guard !appends.isEmpty else { return [] }
        return try await writer.write { db in
            var head = try Self.fetchChainHead(db)
            var entries: [ChainEntry] = []
            for append in appends {
                let entry = append.makeEntry(head)
                try Self.insertLinked(append.record, alongside: append.alongside, entry: entry, db)
                entries.append(entry)
                head = entry
            }
            return entries
        }
    }

    static func insertLinked(_ record: SealedRecord, alongside: [SealedRecord], entry: ChainEntry, _ db: Database) throws {
        for item in [record] + alongside { try insertRecord(item, db) }
        try db.execute(
            sql: """
                INSERT INTO evidence_chain (sequence, kind, record_id, subject_id, record_hash, chain_hash)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [entry.sequence, entry.kind, entry.recordID, entry.subjectID, entry.recordHash, entry.chainHash]
        )
    }

    public func chainEntries(concerning recordID: String) async throws -> [ChainEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM evidence_chain WHERE record_id = ? OR subject_id = ? ORDER BY sequence", arguments: [recordID, recordID]
            ).map(Self.chainEntry)
        }
    }

    public func chainEntries() async throws -> [ChainEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM evidence_chain ORDER BY sequence").map(Self.chainEntry)
        }
    }

    public func chainHead() async throws -> ChainEntry? {
        try await writer.read { db in try Self.fetchChainHead(db) }
    }

    static func fetchChainHead(_ db: Database) throws -> ChainEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM evidence_chain ORDER BY sequence DESC LIMIT 1").map(chainEntry)
    }

    static func chainEntry(_ row: Row) -> ChainEntry {
        ChainEntry(
            sequence: row["sequence"], kind: row["kind"], recordID: row["record_id"], subjectID: row["subject_id"],
            recordHash: row["record_hash"], chainHash: row["chain_hash"]
        )
    }

    // MARK: ThrottleStore

    public func throttle() async throws -> UnlockThrottle {
        try await writer.read { db in try Self.fetchThrottle(db) }
    }

    static func fetchThrottle(_ db: Database) throws -> UnlockThrottle {
        guard let row = try Row.fetchOne(db, sql: "SELECT failures, last_failure FROM unlock_throttle WHERE id = 1") else {
            return UnlockThrottle()
        }
        let last: Double? = row["last_failure"]
        return UnlockThrottle(failures: row["failures"], lastFailure: last.map(Date.init(timeIntervalSince1970:)))
    }

    static func storeThrottle(_ throttle: UnlockThrottle, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO unlock_throttle (id, failures, last_failure) VALUES (1, ?, ?)",
            arguments: [throttle.failures, throttle.lastFailure?.timeIntervalSince1970]
        )
    }

    public func claimUnlockAttempt(now: Date) async throws -> TimeInterval {
        try await writer.write { db in
            let current = try Self.fetchThrottle(db)
            let wait = current.waitRemaining(at: now)
            guard wait <= 0 else { return wait }
            try Self.storeThrottle(current.recordingFailure(at: now), db)
            return 0
        }
    }

    public func saveThrottle(_ throttle: UnlockThrottle) async throws {
        try await writer.write { db in try Self.storeThrottle(throttle, db) }
    }

    // MARK: Maintenance

    /// Moves everything from the write-ahead log into the main file and empties the log.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    /// Closes every connection. The store must not be used afterwards.
    public func close() throws {
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }

    /// Runs SQLite's own consistency check; true when it reports "ok".
    public func integrityCheck() throws -> Bool {
        try writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"]
        }
    }
}
