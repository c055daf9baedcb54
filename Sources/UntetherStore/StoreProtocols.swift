import Foundation
import UntetherCore
import UntetherVault

/// One sealed record as every backend stores it: ids, kind and times in clear, content sealed.
public struct SealedRecord: Sendable, Equatable {
    public let id: String
    public let kind: RecordKind
    public let formatVersion: Int
    public let createdAt: Date
    public let updatedAt: Date
    public let sealed: Data

    public init(id: String, kind: RecordKind, formatVersion: Int, createdAt: Date, updatedAt: Date, sealed: Data) {
        self.id = id
        self.kind = kind
        self.formatVersion = formatVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.sealed = sealed
    }

    /// The address bound into this record's ciphertext.
    public var address: RecordAddress {
        RecordAddress(id: id, kind: kind.rawValue, formatVersion: formatVersion)
    }
}

extension RecordAddress {
    /// Where a new record of `kind` is sealed: its current format version.
    public init(id: String, kind: RecordKind) {
        self.init(id: id, kind: kind.rawValue, formatVersion: kind.formatVersion)
    }
}

extension ChainEntry {
    /// The chained record's kind, or nil when the chain names one this version does not know.
    public var recordKind: RecordKind? { RecordKind(rawValue: kind) }
}

/// Keeps the vault header: the wrapped keys and key-derivation settings.
public protocol VaultHeaderStore: Sendable {
    /// The header, or nil when no vault has been created here yet.
    func header() async throws -> VaultHeader?
    /// Saves the first header; fails with `StoreError.vaultExists` if there is one.
    func createHeader(_ header: VaultHeader, event: AccessEvent) async throws
    /// Replaces the header (passphrase change, recovery) and logs why, in one transaction.
    func replaceHeader(_ header: VaultHeader, event: AccessEvent) async throws
}

/// Keeps the access log: what happened to the vault and when, never content.
public protocol AccessLogStore: Sendable {
    /// Adds one event.
    func append(_ event: AccessEvent) async throws
    /// Every event, newest first.
    func accessEvents() async throws -> [AccessEvent]
}

/// Keeps sealed records of every kind.
public protocol RecordStore: Sendable {
    /// Adds a record; fails with `StoreError.duplicate` if the id is taken for that kind.
    func insert(_ record: SealedRecord) async throws
    /// Replaces a record's content and update time; fails with `StoreError.notFound`.
    func update(_ record: SealedRecord) async throws
    /// Removes a record; fails with `StoreError.notFound`.
    func deleteRecord(id: String, kind: RecordKind) async throws
    /// One record, or nil.
    func record(id: String, kind: RecordKind) async throws -> SealedRecord?
    /// All records of a kind, newest first (ties broken by id so the order is stable).
    func records(kind: RecordKind) async throws -> [SealedRecord]
    /// How many records of each kind there are, by the kind's stored name.
    func recordCounts() async throws -> [String: Int]
    /// A number that changes whenever any record is added, changed or deleted, by this process
    /// or another. Caches of opened records compare it to know when they are stale.
    func revision() async throws -> Int
    /// Adds many records in one transaction: all of them, or (on any error) none.
    func insert(contentsOf records: [SealedRecord]) async throws
    /// For each kind that has ever held a record, a number that changes whenever a record of
    /// that kind is added, changed or deleted (by this process or another), by the kind's stored
    /// name. A cache of one kind compares its own number, so a write to another kind leaves it warm.
    func kindRevisions() async throws -> [String: Int]
    /// Every record of a kind without its content: id, creation time and a stamp that changes
    /// whenever the record is sealed again (its nonce), newest first like `records(kind:)`.
    /// A cache reopens only the records whose stamp it has not seen.
    func recordStamps(kind: RecordKind) async throws -> [RecordStamp]
    /// The records of a kind with these ids (any order; ids that are not there are left out).
    func records(kind: RecordKind, ids: [String]) async throws -> [SealedRecord]
}

/// A record's id and version, without its content.
public struct RecordStamp: Sendable, Hashable {
    public let id: String
    public let createdAt: Date
    /// Changes whenever the record is sealed again (the first bytes of the sealed content: the nonce).
    public let version: Data

    public init(id: String, createdAt: Date, version: Data) {
        self.id = id
        self.createdAt = createdAt
        self.version = version
    }

    /// How many leading bytes of the sealed content make the version (AES-GCM's nonce).
    public static let versionLength = 12
}

/// Keeps the count of wrong passphrases, so the unlock delay survives a restart.
public protocol ThrottleStore: Sendable {
    /// The current state (no failures when nothing was saved).
    func throttle() async throws -> UnlockThrottle
    /// Saves the state.
    func saveThrottle(_ throttle: UnlockThrottle) async throws
    /// In one step: when no wait is running at `now`, counts this attempt as a failure in advance
    /// (a successful unlock clears it) and returns 0; otherwise changes nothing and returns the
    /// seconds still to wait. So attempts sent at once cannot all slip through one free moment.
    func claimUnlockAttempt(now: Date) async throws -> TimeInterval
}

/// Names one stored record.
public struct RecordRef: Sendable, Hashable {
    public let id: String
    public let kind: RecordKind

    public init(id: String, kind: RecordKind) {
        self.id = id
        self.kind = kind
    }
}

/// Keeps evidence: sealed records that can only be appended, each linked into the hash chain
/// in the same transaction.
public protocol EvidenceStore: Sendable {
    /// Appends a sealed record and its chain entry, computed from the current head by `makeEntry`,
    /// in one transaction. `alongside` are stored with it but not chained (an attachment's bytes,
    /// which its chained record covers by hash). `removing` names records whose sealed content is
    /// deleted in the same transaction; their chain entries stay, so the removal is visible.
    func appendEvidence(
        _ record: SealedRecord, alongside: [SealedRecord], removing: [RecordRef],
        makeEntry: @Sendable (ChainEntry?) -> ChainEntry
    ) async throws -> ChainEntry
    /// Appends many records, each linked after the one before, in one transaction: all or none.
    func appendEvidence(_ appends: [EvidenceAppend]) async throws -> [ChainEntry]
    /// The whole chain, in order.
    func chainEntries() async throws -> [ChainEntry]
    /// The chain entries whose record is, or is about, this record id, in order.
    func chainEntries(concerning recordID: String) async throws -> [ChainEntry]
    /// The newest entry, or nil while the chain is empty.
    func chainHead() async throws -> ChainEntry?
}

/// One record to append to the chain in a batch (see `EvidenceStore.appendEvidence(_:)`).
public struct EvidenceAppend: Sendable {
    public let record: SealedRecord
    public let alongside: [SealedRecord]
    public let makeEntry: @Sendable (ChainEntry?) -> ChainEntry

    public init(record: SealedRecord, alongside: [SealedRecord] = [], makeEntry: @escaping @Sendable (ChainEntry?) -> ChainEntry) {
        self.record = record
        self.alongside = alongside
        self.makeEntry = makeEntry
    }
}

/// Everything a vault needs from a storage backend.
public typealias VaultStore = VaultHeaderStore & AccessLogStore & RecordStore & ThrottleStore & EvidenceStore

/// Storage failures, in words a person or operator can act on. Never includes content.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case vaultExists
    case noVault
    case notFound
    case duplicate
    case cannotOpen(path: String)
    case damaged
    case backupUnreadable
    case backupNotABackup
    case backupWrongPassphrase
    case backupDamaged
    case backupFailedCheck(String)
    case restoreFailed
    case tryAgainLater(seconds: TimeInterval)
    case appendOnly

    public var description: String {
        switch self {
        case .vaultExists:
            "There are already notes here. Nothing was changed. To start again, delete them first from settings, or choose another data folder."
        case .noVault:
            "No notes have been set up here yet. Run 'untether init' first, or check the data folder."
        case .notFound:
            "That item was not found. It may have been deleted already."
        case .duplicate:
            "An item with that id already exists. Nothing was changed."
        case .cannotOpen(let path):
            "The data folder \(path) could not be opened. Check that it exists and that you may write to it."
        case .damaged:
            "The notes file is damaged and could not be read. Restore it from a backup."
        case .backupUnreadable:
            "The backup file could not be read. Check the path and that you may read it."
        case .backupNotABackup:
            "That file is not an Untether backup. Nothing was changed."
        case .backupWrongPassphrase:
            "That passphrase does not open this backup. Use the passphrase you had when the backup was made. Nothing was changed."
        case .backupDamaged:
            "The backup file is damaged or incomplete, so it was not restored. Your current notes are unchanged."
        case .backupFailedCheck(let what):
            "The backup failed a safety check (\(what)), so it was not restored. Your current notes are unchanged."
        case .restoreFailed:
            "The restore could not be finished. Your current notes are unchanged."
        case .appendOnly:
            "Saved records can't be changed or deleted directly. Add an amendment instead, or remove the entry, which is recorded."
        case .tryAgainLater(let seconds):
            "Several wrong passphrases were tried, so there is a short pause. Please try again in \(UnlockThrottle.describe(wait: seconds))."
        }
    }
}
