import Foundation
import UntetherCore
import UntetherVault

/// Private notes, sealed one by one. Title and body are only ever stored inside the ciphertext.
public struct NoteRepository: Sendable {
    let records: any RecordStore
    let sealer: RecordSealer

    public init(records: any RecordStore, sealer: RecordSealer) {
        self.records = records
        self.sealer = sealer
    }

    struct Payload: Codable {
        let title: String
        let body: String
    }

    static let kind = RecordKind.note

    static func address(_ id: String) -> RecordAddress {
        RecordAddress(id: id, kind: kind.rawValue, formatVersion: kind.formatVersion)
    }

    /// Saves a new note; when this returns, the note is on disk.
    @discardableResult
    public func add(_ draft: NoteDraft, id: UUID = UUID(), now: Date) async throws -> Note {
        let note = draft.makeNote(id: id, now: now)
        try await records.insert(try seal(note))
        return note
    }

    /// Replaces a note's title and body.
    @discardableResult
    public func update(id: UUID, with draft: NoteDraft, now: Date) async throws -> Note {
        guard let current = try await note(id: id) else { throw StoreError.notFound }
        let changed = draft.apply(to: current, now: max(now, current.createdAt))
        try await records.update(try seal(changed))
        return changed
    }

    /// Deletes a note for good.
    public func delete(id: UUID) async throws {
        try await records.deleteRecord(id: Self.key(id), kind: Self.kind.rawValue)
    }

    /// One note, or nil.
    public func note(id: UUID) async throws -> Note? {
        try await records.record(id: Self.key(id), kind: Self.kind.rawValue).map(open)
    }

    /// Every note, newest first.
    public func all() async throws -> [Note] {
        try await records.records(kind: Self.kind.rawValue).map(open)
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    func seal(_ note: Note) throws -> SealedRecord {
        let id = Self.key(note.id)
        let address = Self.address(id)
        return SealedRecord(
            id: id, kind: address.kind, formatVersion: address.formatVersion,
            createdAt: note.createdAt, updatedAt: note.updatedAt,
            sealed: try sealer.seal(json: Payload(title: note.title, body: note.body), for: address)
        )
    }

    func open(_ record: SealedRecord) throws -> Note {
        guard let id = UUID(uuidString: record.id) else { throw VaultError.damagedRecord }
        let payload = try sealer.open(Payload.self, from: record.sealed, for: record.address)
        return Note(id: id, title: payload.title, body: payload.body, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
