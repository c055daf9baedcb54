import Foundation
import UntetherCore
import UntetherVault

extension UnlockedVault {
    /// The public half of the draft key pair, made (and its private half sealed) on first use.
    public func draftPublicKey(now: Date) async throws -> Data {
        if let saved = try await document(DraftKeyPair.self).privateKey, let publicKey = DraftBox.publicKey(ofPrivateKey: saved) {
            return publicKey
        }
        let key = DraftBox.newPrivateKey()
        try await save(DraftKeyPair(privateKey: key), now: now)
        guard let publicKey = DraftBox.publicKey(ofPrivateKey: key) else { throw VaultError.damagedRecord }
        return publicKey
    }

    /// Opens every form kept while the vault was locked into an ordinary sealed draft, and deletes
    /// the locked copy. One that cannot be opened (its key is gone) is deleted too: no one can
    /// ever read it. Returns how many were opened.
    @discardableResult
    public func openLockedDrafts(now: Date) async throws -> Int {
        let locked = try await store.records(kind: .lockedDraft)
        guard !locked.isEmpty else { return 0 }
        let privateKey = try await document(DraftKeyPair.self).privateKey
        let drafts = log(Draft.self)
        var opened = 0
        for record in locked {
            if let privateKey, let bytes = try? DraftBox.open(record.sealed, withPrivateKey: privateKey, context: LockedDrafts.context(record.id)),
               let draft = try? JSONDecoder().decode(Draft.self, from: bytes) {
                if try await drafts.value(draft.id) != nil {
                    try await drafts.update(draft, now: now)
                } else {
                    try await drafts.add(draft)
                }
                opened += 1
            }
            try await store.deleteRecord(id: record.id, kind: .lockedDraft)
        }
        return opened
    }

    /// Keeps what the person is typing (or was, when the lock warning showed), over the form's
    /// earlier draft if there is one.
    public func keepDraft(_ draft: Draft, now: Date) async throws {
        let drafts = log(Draft.self)
        if let earlier = try await drafts.value(draft.id) {
            // Once the lock interrupted it, it stays offered first until saved or let go.
            var draft = draft
            draft.interrupted = draft.interrupted || earlier.interrupted
            try await drafts.update(draft, now: now)
        } else {
            try await drafts.add(draft)
        }
    }
}

/// Keeping a form that arrived while the vault was locked: the server holds no data key then,
/// so the form is sealed to the draft key's public half and stored as it is.
public enum LockedDrafts {
    /// At most this many forms wait, locked, for the next unlock.
    public static let limit = 50

    /// What each sealed box is bound to: its kind, format and record id.
    static func context(_ id: String) -> Data {
        Data("\(RecordKind.lockedDraft.rawValue)\u{0}v\(RecordKind.lockedDraft.formatVersion)\u{0}\(id)".utf8)
    }

    public static func keep(_ draft: Draft, publicKey: Data, in store: any VaultStore, now: Date) async throws {
        try draft.validate()
        guard try await store.records(kind: .lockedDraft).count < limit else { throw DraftError.tooLarge }
        let id = UUID().uuidString.lowercased()
        let sealed = try DraftBox.seal(try JSONEncoder().encode(draft), toPublicKey: publicKey, context: context(id))
        try await store.insert(SealedRecord(
            id: id, kind: .lockedDraft, formatVersion: RecordKind.lockedDraft.formatVersion, createdAt: now, updatedAt: now, sealed: sealed
        ))
    }
}
