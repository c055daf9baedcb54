import Foundation
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("Store contract: the same behaviour from every backend")
struct StoreContractTests {
    let clock = TestClock()

    func record(_ id: String, kind: RecordKind = .note, at seconds: TimeInterval, sealed: Data = Data(repeating: 7, count: 40)) -> SealedRecord {
        let date = Date(timeIntervalSince1970: seconds)
        return SealedRecord(id: id, kind: kind, formatVersion: 1, createdAt: date, updatedAt: date, sealed: sealed)
    }

    @Test("a new store has no vault, and a header can be created once only", arguments: Backend.allCases)
    func headerOnce(backend: Backend) async throws {
        let store = try backend.make()
        #expect(try await store.header() == nil)
        let made = try VaultHeader.create(passphrase: testPassphrase, kdf: testKDF)
        try await store.createHeader(made.header, event: AccessEvent(id: UUID(), kind: .created, at: clock.tick()))
        #expect(try await store.header() == made.header)
        let other = try VaultHeader.create(passphrase: testPassphrase, kdf: testKDF)
        await #expect(throws: StoreError.vaultExists) {
            try await store.createHeader(other.header, event: AccessEvent(id: UUID(), kind: .created, at: clock.tick()))
        }
        #expect(try await store.header() == made.header)
    }

    @Test("replacing a header needs one to exist, and logs the event with it", arguments: Backend.allCases)
    func replaceHeader(backend: Backend) async throws {
        let store = try backend.make()
        let made = try VaultHeader.create(passphrase: testPassphrase, kdf: testKDF)
        await #expect(throws: StoreError.noVault) {
            try await store.replaceHeader(made.header, event: AccessEvent(id: UUID(), kind: .passphraseChanged, at: clock.tick()))
        }
        try await store.createHeader(made.header, event: AccessEvent(id: UUID(), kind: .created, at: clock.tick()))
        let changed = try made.header.rewrapped(dataKey: made.dataKey, newPassphrase: "another passphrase")
        try await store.replaceHeader(changed, event: AccessEvent(id: UUID(), kind: .passphraseChanged, at: clock.tick()))
        #expect(try await store.header() == changed)
        #expect(try await store.accessEvents().map(\.kind) == [.passphraseChanged, .created])
    }

    @Test("records round-trip exactly and list newest first, one kind at a time", arguments: Backend.allCases)
    func recordsRoundTrip(backend: Backend) async throws {
        let store = try backend.make()
        let older = record("a", at: 100)
        let newer = record("b", at: 200, sealed: Data(repeating: 9, count: 50))
        let otherKind = record("c", kind: .checkIn, at: 300)
        try await store.insert(older)
        try await store.insert(newer)
        try await store.insert(otherKind)
        #expect(try await store.records(kind: .note) == [newer, older])
        #expect(try await store.record(id: "a", kind: .note) == older)
        #expect(try await store.record(id: "a", kind: .checkIn) == nil)
        #expect(try await store.recordCounts() == ["note": 2, "checkin": 1])
    }

    @Test("records made in the same instant keep a stable order", arguments: Backend.allCases)
    func stableOrder(backend: Backend) async throws {
        let store = try backend.make()
        for id in ["m", "z", "a"] { try await store.insert(record(id, at: 100)) }
        #expect(try await store.records(kind: .note).map(\.id) == ["z", "m", "a"])
    }

    @Test("a duplicate id is refused and the first record is kept", arguments: Backend.allCases)
    func duplicate(backend: Backend) async throws {
        let store = try backend.make()
        let first = record("a", at: 100)
        try await store.insert(first)
        await #expect(throws: StoreError.duplicate) { try await store.insert(record("a", at: 200, sealed: Data(count: 30))) }
        #expect(try await store.record(id: "a", kind: .note) == first)
    }

    @Test("update replaces content and update time, never the creation time", arguments: Backend.allCases)
    func update(backend: Backend) async throws {
        let store = try backend.make()
        try await store.insert(record("a", at: 100))
        let changed = SealedRecord(
            id: "a", kind: .note, formatVersion: 1, createdAt: Date(timeIntervalSince1970: 999),
            updatedAt: Date(timeIntervalSince1970: 150), sealed: Data(repeating: 1, count: 33)
        )
        try await store.update(changed)
        let stored = try #require(try await store.record(id: "a", kind: .note))
        #expect(stored.createdAt == Date(timeIntervalSince1970: 100))
        #expect(stored.updatedAt == Date(timeIntervalSince1970: 150))
        #expect(stored.sealed == Data(repeating: 1, count: 33))
        await #expect(throws: StoreError.notFound) { try await store.update(record("missing", at: 1)) }
    }

    @Test("delete removes one record; deleting it again says not found", arguments: Backend.allCases)
    func delete(backend: Backend) async throws {
        let store = try backend.make()
        try await store.insert(record("a", at: 100))
        try await store.insert(record("b", at: 200))
        try await store.deleteRecord(id: "a", kind: .note)
        #expect(try await store.records(kind: .note).map(\.id) == ["b"])
        await #expect(throws: StoreError.notFound) { try await store.deleteRecord(id: "a", kind: .note) }
    }

    @Test("the access log lists events newest first", arguments: Backend.allCases)
    func accessLog(backend: Backend) async throws {
        let store = try backend.make()
        let kinds: [AccessEvent.Kind] = [.unlocked, .failedUnlock, .backupMade, .restored]
        for kind in kinds { try await store.append(AccessEvent(id: UUID(), kind: kind, at: clock.tick())) }
        #expect(try await store.accessEvents().map(\.kind) == kinds.reversed())
    }
}

@Suite("Vault and notes, on every backend")
struct VaultNotesTests {
    let clock = TestClock()

    @Test("create, unlock, and read back notes; a wrong passphrase is refused and logged", arguments: Backend.allCases)
    func lifecycle(backend: Backend) async throws {
        let vault = Vault(store: try backend.make())
        #expect(try await !vault.exists())
        let created = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick())
        #expect(try await vault.exists())
        let saved = try await created.vault.log(Note.self).add(NoteDraft(title: "  First  ", body: "Body one"), now: clock.tick())
        #expect(saved.title == "First")

        await #expect(throws: VaultError.wrongPassphrase) { try await vault.unlock(passphrase: "not it at all", now: clock.tick()) }
        let unlocked = try await vault.unlock(passphrase: testPassphrase, now: clock.tick())
        #expect(try await unlocked.log(Note.self).all() == [saved])
        #expect(try await unlocked.accessEvents().map(\.kind) == [.unlocked, .failedUnlock, .created])
        await #expect(throws: StoreError.vaultExists) { try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()) }
    }

    @Test("notes list newest first; edit keeps the creation time; delete removes", arguments: Backend.allCases)
    func notes(backend: Backend) async throws {
        let vault = try await Vault(store: backend.make()).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let first = try await vault.log(Note.self).add(NoteDraft(title: "One", body: "1"), now: clock.tick())
        let second = try await vault.log(Note.self).add(NoteDraft(title: "Two", body: "2"), now: clock.tick())
        #expect(try await vault.log(Note.self).all().map(\.id) == [second.id, first.id])

        let edited = try await vault.log(Note.self).update(id: first.id, with: NoteDraft(title: "One, again", body: "changed"), now: clock.tick())
        #expect(edited.createdAt == first.createdAt)
        #expect(edited.updatedAt > first.updatedAt)
        #expect(try await vault.log(Note.self).value(first.id) == edited)

        try await vault.log(Note.self).delete(second.id)
        #expect(try await vault.log(Note.self).all() == [edited])
        await #expect(throws: StoreError.notFound) { try await vault.log(Note.self).delete(second.id) }
        await #expect(throws: StoreError.notFound) {
            try await vault.log(Note.self).update(id: second.id, with: NoteDraft(title: "x", body: ""), now: clock.tick())
        }
    }

    @Test("every note still opens after a passphrase change, and the old passphrase no longer works", arguments: Backend.allCases)
    func passphraseChange(backend: Backend) async throws {
        let store = try backend.make()
        let vault = Vault(store: store)
        let open = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        for index in 0..<5 { try await open.log(Note.self).add(NoteDraft(title: "Note \(index)", body: "body \(index)"), now: clock.tick()) }
        let before = try await open.log(Note.self).all()
        let sealedBefore = try await store.records(kind: .note).map(\.sealed)

        try await open.changePassphrase(to: "a brand new passphrase", now: clock.tick())
        await #expect(throws: VaultError.wrongPassphrase) { try await vault.unlock(passphrase: testPassphrase, now: clock.tick()) }
        let reopened = try await vault.unlock(passphrase: "a brand new passphrase", now: clock.tick())
        #expect(try await reopened.log(Note.self).all() == before)
        // Re-wrapping only: content was not re-encrypted.
        #expect(try await store.records(kind: .note).map(\.sealed) == sealedBefore)
    }

    @Test("the recovery key alone gets back in, sets a new passphrase, and keeps working", arguments: Backend.allCases)
    func recovery(backend: Backend) async throws {
        let vault = Vault(store: try backend.make())
        let created = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick())
        let note = try await created.vault.log(Note.self).add(NoteDraft(title: "Keep me", body: "safe"), now: clock.tick())
        let typed = try RecoveryKey(parsing: created.recoveryKey.formatted.lowercased())

        let recovered = try await vault.recover(recoveryKey: typed, newPassphrase: "chosen after forgetting", now: clock.tick())
        #expect(try await recovered.log(Note.self).all() == [note])
        #expect(try await vault.unlock(passphrase: "chosen after forgetting", now: clock.tick()).log(Note.self).all() == [note])
        _ = try await vault.recover(recoveryKey: typed, newPassphrase: "and once more again", now: clock.tick())
        #expect(try await vault.unlock(passphrase: "and once more again", now: clock.tick()).log(Note.self).all() == [note])
        #expect(try await recovered.accessEvents().map(\.kind).filter { $0 == .unlockedWithRecoveryKey }.count == 2)
    }

    @Test("a wrong recovery key changes nothing and is logged as a failed unlock", arguments: Backend.allCases)
    func wrongRecoveryKey(backend: Backend) async throws {
        let store = try backend.make()
        let vault = Vault(store: store)
        _ = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick())
        let header = try await store.header()
        await #expect(throws: VaultError.wrongRecoveryKey) {
            try await vault.recover(recoveryKey: RecoveryKey.random(), newPassphrase: "attacker's choice", now: clock.tick())
        }
        #expect(try await store.header() == header)
        #expect(try await store.accessEvents().first?.kind == .failedUnlock)
    }

    @Test("a record whose ciphertext was swapped with another's is refused, not shown", arguments: Backend.allCases)
    func swappedCiphertext(backend: Backend) async throws {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let one = try await vault.log(Note.self).add(NoteDraft(title: "One", body: "1"), now: clock.tick())
        let two = try await vault.log(Note.self).add(NoteDraft(title: "Two", body: "2"), now: clock.tick())
        let sealedTwo = try #require(try await store.record(id: two.id.uuidString.lowercased(), kind: .note)).sealed
        let recordOne = try #require(try await store.record(id: one.id.uuidString.lowercased(), kind: .note))
        try await store.update(SealedRecord(
            id: recordOne.id, kind: recordOne.kind, formatVersion: 1,
            createdAt: recordOne.createdAt, updatedAt: recordOne.updatedAt, sealed: sealedTwo
        ))
        await #expect(throws: VaultError.damagedRecord) { try await vault.log(Note.self).value(one.id) }
    }
}
