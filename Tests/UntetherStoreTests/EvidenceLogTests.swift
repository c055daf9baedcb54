import Foundation
import GRDB
import Testing
import UntetherCore
@testable import UntetherStore
@testable import UntetherVault

@Suite("Evidence log and hash chain")
struct EvidenceLogTests {
    let clock = TestClock()
    static let today: CalendarDay = "2026-11-25"

    func makeLog(_ backend: Backend = .sqliteFile) async throws -> (store: any VaultStore, log: EvidenceLog) {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        return (store, vault.evidence)
    }

    func draft(_ text: String, day: String = "2026-11-20", categories: [IncidentCategory] = [.emotionalVerbal]) -> IncidentDraft {
        IncidentDraft(occurredOn: day, occurredAt: "21:40", description: text, categories: categories, severity: .three, phase: .incident)
    }

    @Test("canonical bytes: sorted keys, no spaces, UTC dates with milliseconds, absent optionals left out")
    func canonicalForm() throws {
        let amendment = Amendment(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, incidentID: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!,
            recordedAt: Date(timeIntervalSince1970: 1_790_000_000.0125), change: "a/b \"c\"", reason: "é"
        )
        let text = String(decoding: try EvidenceChain.canonicalBytes(amendment), as: UTF8.self)
        #expect(text == #"{"change":"a/b \"c\"","id":"00000000-0000-0000-0000-000000000001","incidentID":"00000000-0000-0000-0000-000000000002","reason":"é","recordedAt":"2026-09-21T14:13:20.012Z"}"#)
        let incident = Incident(id: UUID(), occurredOn: "2026-11-20", recordedAt: Date(timeIntervalSince1970: 0), description: "x")
        let incidentText = String(decoding: try EvidenceChain.canonicalBytes(incident), as: UTF8.self)
        #expect(!incidentText.contains("occurredAt"))
        #expect(!incidentText.contains(" "))
        #expect(try EvidenceChain.decode(Incident.self, from: try EvidenceChain.canonicalBytes(incident)) == incident)
    }

    @Test("a hash stored in clear cannot confirm a guess of a new record: each holds a random salt")
    func guessingAttackFails() async throws {
        let (store, log) = try await makeLog(.sqliteFile)
        let incident = try await log.record(draft("He said he would take the car keys"), now: clock.tick(), today: Self.today)
        let salt = try #require(incident.salt)
        #expect(salt.count == 32)
        let other = try await log.record(draft("He said he would take the car keys"), now: clock.tick(), today: Self.today)
        #expect(other.salt != salt, "every record has its own salt")

        // What someone with the database file alone has: the id, the time and the hash, in clear.
        let stored = try #require(try await store.chainEntries().first { $0.recordID == incident.id.uuidString.lowercased() })
        let record = try #require(try await store.record(id: stored.recordID, kind: .incident))
        #expect(record.formatVersion == 2)
        // Their guesses: every severity, the likely categories and a handful of sentences, the true one among them.
        let sentences = ["He shouted", "He said he would take the car keys", "He took my phone", "He threw a plate", "He followed me"]
        func hash(_ sentence: String, _ severity: Severity, _ category: IncidentCategory, salt: String?) throws -> Data {
            var guess = incident
            guess.description = sentence
            guess.severity = severity
            guess.categories = [category]
            guess.salt = salt
            return EvidenceChain.recordHash(try EvidenceChain.canonicalBytes(guess))
        }
        var confirmed = 0
        for sentence in sentences {
            for severity in Severity.allCases {
                for category in IncidentCategory.allCases where try hash(sentence, severity, category, salt: nil) == stored.recordHash {
                    confirmed += 1
                }
            }
        }
        #expect(confirmed == 0, "no guess is confirmed without the salt")
        // The same guesses do find it when the salt is known (as for a record without one):
        // the guessing itself works, so the salt is what stops it.
        #expect(try hash("He said he would take the car keys", .three, .emotionalVerbal, salt: salt) == stored.recordHash)
    }

    @Test("a record written before salts (format 1) still opens, lists and verifies beside salted ones")
    func unsaltedRecordStillReads() async throws {
        let (store, log) = try await makeLog(.sqliteFile)
        // Written the way the first format did: no salt, sealed at version 1.
        let old = Incident(id: UUID(), occurredOn: "2026-10-01", recordedAt: EvidenceChain.truncated(clock.tick()), description: "Before salts")
        let canonical = try EvidenceChain.canonicalBytes(old)
        #expect(!String(decoding: canonical, as: UTF8.self).contains("\"salt\""))
        let id = old.id.uuidString.lowercased()
        let address = RecordAddress(id: id, kind: RecordKind.incident.rawValue, formatVersion: 1)
        _ = try await store.appendEvidence(
            SealedRecord(id: id, kind: .incident, formatVersion: 1, createdAt: old.recordedAt, updatedAt: old.recordedAt,
                         sealed: try log.sealer.seal(canonical, for: address)),
            alongside: [], removing: []
        ) { head in
            EvidenceChain.entry(after: head, kind: "incident", recordID: id, subjectID: nil, recordHash: EvidenceChain.recordHash(canonical))
        }
        let new = try await log.record(draft("After salts"), now: clock.tick(), today: Self.today)
        try await log.amend(old.id, change: "An addition", reason: "", now: clock.tick())
        let entries = try await log.entries()
        #expect(entries.count == 2)
        #expect(entries.first { $0.id == old.id }?.incident == old)
        #expect(entries.first { $0.id == new.id }?.incident?.salt != nil)
        #expect(try await log.verify().isIntact)
    }

    @Test("the chain follows h_i = SHA-256(h_(i-1) ‖ SHA-256(record_i)) from 32 zero bytes", arguments: Backend.allCases)
    func chainFormula(backend: Backend) async throws {
        let (store, log) = try await makeLog(backend)
        let first = try await log.record(draft("one"), now: clock.tick(), today: Self.today)
        try await log.record(draft("two"), now: clock.tick(), today: Self.today)
        try await log.amend(first.id, change: "It was 22:00", reason: "remembered", now: clock.tick())
        let chain = try await store.chainEntries()
        #expect(chain.map(\.sequence) == [1, 2, 3])
        #expect(chain.map(\.kind) == ["incident", "incident", "amendment"])
        var previous = Data(repeating: 0, count: 32)
        for entry in chain {
            #expect(entry.chainHash == EvidenceChain.link(previous: previous, recordHash: entry.recordHash))
            previous = entry.chainHash
        }
        let canonical = try EvidenceChain.canonicalBytes(first)
        #expect(chain[0].recordHash == EvidenceChain.recordHash(canonical))
        #expect(try await log.head() == chain.last)
        let report = try await log.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries == 3)
    }

    @Test("entries list newest first by when they happened, with amendments under the original", arguments: Backend.allCases)
    func entries(backend: Backend) async throws {
        let (_, log) = try await makeLog(backend)
        let older = try await log.record(draft("older", day: "2026-10-01"), now: clock.tick(), today: Self.today)
        let newer = try await log.record(draft("newer", day: "2026-11-01"), now: clock.tick(), today: Self.today)
        let kind = try await log.record(IncidentDraft(kindMoment: .apology, occurredOn: "2026-11-02", description: "said sorry"), now: clock.tick(), today: Self.today)
        let amendment = try await log.amend(older.id, change: "There was a witness", reason: "", now: clock.tick())
        let entries = try await log.entries()
        #expect(entries.map(\.id) == [kind.id, newer.id, older.id])
        #expect(entries[2].amendments == [amendment])
        #expect(entries[2].incident == older)
        #expect(entries[0].incident?.phase == .reconciliation)
        await #expect(throws: StoreError.notFound) { try await log.amend(UUID(), change: "x", reason: "", now: clock.tick()) }
    }

    @Test("removing an entry deletes its text, keeps its link, and the chain still verifies", arguments: Backend.allCases)
    func removal(backend: Backend) async throws {
        let (store, log) = try await makeLog(backend)
        let kept = try await log.record(draft("kept"), now: clock.tick(), today: Self.today)
        let removed = try await log.record(draft("removed text"), now: clock.tick(), today: Self.today)
        try await log.remove(removed.id, reason: "written twice", now: clock.tick())
        #expect(try await store.record(id: removed.id.uuidString.lowercased(), kind: .incident) == nil)
        let entries = try await log.entries()
        #expect(entries.count == 2)
        let gone = try #require(entries.first { $0.id == removed.id })
        #expect(gone.incident == nil)
        #expect(gone.removal?.reason == "written twice")
        #expect(entries.first { $0.id == kept.id }?.incident == kept)
        #expect(try await log.verify().isIntact)
        #expect(try await store.chainEntries().last?.kind == "removal")
        await #expect(throws: StoreError.notFound) { try await log.amend(removed.id, change: "more", reason: "", now: clock.tick()) }
    }

    @Test("evidence cannot be updated or deleted through the ordinary record calls", arguments: Backend.allCases)
    func appendOnly(backend: Backend) async throws {
        let (store, log) = try await makeLog(backend)
        let incident = try await log.record(draft("fixed"), now: clock.tick(), today: Self.today)
        let id = incident.id.uuidString.lowercased()
        let record = try #require(try await store.record(id: id, kind: .incident))
        await #expect(throws: StoreError.appendOnly) { try await store.update(record) }
        await #expect(throws: StoreError.appendOnly) { try await store.deleteRecord(id: id, kind: .incident) }
        #expect(try await log.verify().isIntact)
    }

    @Test("bad drafts are refused with a message", arguments: [
        (IncidentDraft(occurredOn: "2026-02-30", description: "x"), IncidentDraftError.badDate),
        (IncidentDraft(occurredOn: "yesterday", description: "x"), .badDate),
        (IncidentDraft(occurredOn: "2027-01-10", description: "x"), .futureDate),
        (IncidentDraft(occurredOn: "2026-11-20", occurredAt: "25:00", description: "x"), .badTime),
        (IncidentDraft(occurredOn: "2026-11-20", description: "   "), .emptyDescription),
    ])
    func refusedDrafts(draft: IncidentDraft, error: IncidentDraftError) {
        #expect(throws: error) { try draft.makeIncident(id: UUID(), recordedAt: Date(), today: Self.today) }
    }

    // MARK: Tampering, by someone with the database file and no passphrase

    enum Tamper: String, CaseIterable, CustomStringConvertible, Sendable {
        case flipCiphertextByte, swapCiphertexts, deleteRecord, deleteChainEntry, reorderChain, editRecordHash, editChainHash, addUnchainedRecord
        var description: String { rawValue }
    }

    @Test("any change, removal or reordering in the vault is detected", arguments: Tamper.allCases)
    func tamperingDetected(tamper: Tamper) async throws {
        let (store, log) = try await makeLog(.sqliteFile)
        let one = try await log.record(draft("one"), now: clock.tick(), today: Self.today)
        let two = try await log.record(draft("two"), now: clock.tick(), today: Self.today)
        try await log.amend(one.id, change: "added later", reason: "", now: clock.tick())
        #expect(try await log.verify().isIntact)
        let sqlite = try #require(store as? SQLiteVaultStore)
        let idOne = one.id.uuidString.lowercased()
        let idTwo = two.id.uuidString.lowercased()
        try await sqlite.writer.write { db in
            // An attacker can drop the schema's guards; the chain must still tell.
            try db.execute(sql: """
                DROP TRIGGER evidence_chain_append_only_update; DROP TRIGGER evidence_chain_append_only_delete;
                DROP TRIGGER evidence_record_no_update; DROP TRIGGER evidence_record_delete_needs_removal;
                """)
            switch tamper {
            case .flipCiphertextByte:
                // Invert every bit of one byte, so the change is real whatever the byte was.
                var sealed = try Data.fetchOne(db, sql: "SELECT sealed FROM record WHERE id = ?", arguments: [idOne])!
                let index = sealed.startIndex + 20
                sealed[index] = ~sealed[index]
                try db.execute(sql: "UPDATE record SET sealed = ? WHERE id = ?", arguments: [sealed, idOne])
            case .swapCiphertexts:
                let sealedTwo = try Data.fetchOne(db, sql: "SELECT sealed FROM record WHERE id = ?", arguments: [idTwo])!
                try db.execute(sql: "UPDATE record SET sealed = ? WHERE id = ?", arguments: [sealedTwo, idOne])
            case .deleteRecord:
                try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [idTwo])
            case .deleteChainEntry:
                try db.execute(sql: "DELETE FROM evidence_chain WHERE sequence = 2")
            case .reorderChain:
                try db.execute(sql: "UPDATE evidence_chain SET sequence = sequence + 100 WHERE sequence IN (1, 2)")
                try db.execute(sql: "UPDATE evidence_chain SET sequence = 2 WHERE sequence = 101")
                try db.execute(sql: "UPDATE evidence_chain SET sequence = 1 WHERE sequence = 102")
            case .editRecordHash:
                try db.execute(sql: "UPDATE evidence_chain SET record_hash = zeroblob(32) WHERE sequence = 1")
            case .editChainHash:
                try db.execute(sql: "UPDATE evidence_chain SET chain_hash = zeroblob(32) WHERE sequence = 3")
            case .addUnchainedRecord:
                try db.execute(
                    sql: "INSERT INTO record (kind, id, format_version, created_at, updated_at, sealed) SELECT kind, 'planted', format_version, created_at, updated_at, sealed FROM record WHERE id = ?",
                    arguments: [idTwo]
                )
            }
        }
        let report = try await log.verify()
        #expect(!report.isIntact)
        #expect(!report.problems.isEmpty)
        // One damaged record never hides the rest of the log.
        let entries = try await log.entries()
        #expect(entries.contains { $0.incident != nil })
    }

    @Test("a backup whose record of events was tampered with is refused before anything changes")
    func tamperedBackupRefused() async throws {
        let directory = TemporaryDirectory.make()
        let store = try SQLiteVaultStore(directory: directory)
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        try await vault.evidence.record(draft("one"), now: clock.tick(), today: Self.today)
        try await vault.evidence.record(draft("two"), now: clock.tick(), today: Self.today)
        let header = try #require(try await store.header())
        let snapshot = try store.snapshotDatabase(near: directory.appendingPathComponent("x"))
        // Tamper with a copy of the database: drop the guards and swap two links.
        let scratch = directory.appendingPathComponent("tampered.sqlite")
        try snapshot.write(to: scratch)
        let queue = try DatabaseQueue(path: scratch.path)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER evidence_chain_append_only_update")
            try db.execute(sql: "UPDATE evidence_chain SET record_hash = zeroblob(32) WHERE sequence = 1")
        }
        try queue.close()
        let forged = try BackupFile.encode(
            manifest: .init(format: 1, header: header),
            contents: .init(createdAt: clock.tick(), counts: try await store.recordCounts()),
            database: try Data(contentsOf: scratch), sealer: vault.sealer
        )
        let url = directory.appendingPathComponent("forged.untether")
        try forged.write(to: url)
        try await vault.evidence.record(draft("three, after the backup"), now: clock.tick(), today: Self.today)
        await #expect(throws: StoreError.backupFailedCheck("its record of events does not check out")) {
            try await store.restore(from: url, passphrase: testPassphrase, now: clock.tick())
        }
        #expect(try await vault.evidence.entries().count == 3)
        #expect(try await vault.evidence.verify().isIntact)
    }
}
