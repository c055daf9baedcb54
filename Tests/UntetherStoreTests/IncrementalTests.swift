import Foundation
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

/// What keeps warm pages cheap: revisions per kind, stamps, opening only what changed, batches,
/// and one entry read by its id.
@Suite("Incremental opening and batches")
struct IncrementalTests {
    func journal(_ text: String, day: String = "2026-11-01", at date: Date) throws -> JournalEntry {
        try JournalEntry.validated(
            id: UUID(), date: day, facts: text, feelings: "", truths: "", createdAt: date, updatedAt: date, today: CalendarDay(stringLiteral: "2026-11-30")
        )
    }

    @Test("a write moves only its own kind's revision", arguments: Backend.allCases)
    func revisionPerKind(backend: Backend) async throws {
        let store = try backend.make()
        let clock = TestClock()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let before = try await store.kindRevisions()
        try await vault.log(JournalEntry.self).add(journal("one", at: clock.tick()))
        let afterJournal = try await store.kindRevisions()
        #expect(afterJournal["journal"] != before["journal"])
        #expect(afterJournal["note"] == before["note"])
        let note = try await vault.log(Note.self).add(NoteDraft(title: "A", body: "b"), now: clock.tick())
        let afterNote = try await store.kindRevisions()
        #expect(afterNote["journal"] == afterJournal["journal"], "a note leaves the journal's revision alone")
        #expect(afterNote["note"] != afterJournal["note"])
        try await vault.log(Note.self).update(id: note.id, with: NoteDraft(title: "A", body: "changed"), now: clock.tick())
        let afterUpdate = try await store.kindRevisions()
        #expect(afterUpdate["note"] != afterNote["note"])
        try await vault.log(Note.self).delete(note.id)
        #expect(try await store.kindRevisions()["note"] != afterUpdate["note"])
    }

    @Test("a refresh opens only new and changed records, and keeps the store's order", arguments: Backend.allCases)
    func refreshOpensOnlyChanges(backend: Backend) async throws {
        let store = try backend.make()
        let clock = TestClock()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let log = vault.log(JournalEntry.self)
        var entries: [JournalEntry] = []
        for index in 0..<5 { entries.append(try await log.add(journal("entry \(index)", at: clock.tick()))) }
        let first = try await vault.opened(JournalEntry.self, revision: try await store.kindRevisions()["journal"] ?? 0)
        #expect(first.openedCount == 5)
        #expect(first.values.map(\.id) == entries.reversed().map(\.id), "newest first, as the store keeps them")

        let same = try await vault.opened(JournalEntry.self, after: first, revision: first.revision)
        #expect(same.openedCount == 0, "nothing changed: nothing opened")

        var changed = entries[1]
        changed.facts = "changed words"
        try await log.update(changed, now: clock.tick())
        let added = try await log.add(journal("new one", at: clock.tick()))
        try await log.delete(entries[3].id)
        let next = try await vault.opened(JournalEntry.self, after: first, revision: try await store.kindRevisions()["journal"] ?? 0)
        #expect(next.openedCount == 2, "one changed and one added; the rest reused")
        #expect(next.values == (try await log.all()), "the same as opening everything")
        #expect(next.values.first?.id == added.id)
        #expect(!next.values.contains { $0.id == entries[3].id })
    }

    @Test("a batch saves every record and links the log's entries in order; a duplicate saves nothing", arguments: Backend.allCases)
    func batch(backend: Backend) async throws {
        let store = try backend.make()
        let clock = TestClock()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-01", description: "Before the batch"), now: clock.tick(), today: CalendarDay(stringLiteral: "2026-11-30"))
        var batch = VaultBatch(vault: vault)
        for index in 0..<3 { try batch.add(journal("batch \(index)", at: clock.tick())) }
        let incident = try batch.record(IncidentDraft(occurredOn: "2026-11-02", description: "In the batch"), recordedAt: clock.tick(), today: CalendarDay(stringLiteral: "2026-11-30"))
        try batch.amend(incident.id, change: "Later than I wrote", reason: "Remembered", at: clock.tick())
        try await batch.commit()
        #expect(try await vault.log(JournalEntry.self).all().count == 3)
        let report = try await vault.evidence.verify()
        #expect(report.isIntact)
        #expect(report.entries == 3)
        let entry = try #require(try await vault.evidence.entry(incident.id))
        #expect(entry.amendments.map { $0.change } == ["Later than I wrote"])
        #expect(try await vault.evidence.entries().count == 2)

        let taken = try await vault.log(JournalEntry.self).all()[0]
        var clash = VaultBatch(vault: vault)
        try clash.add(journal("fresh", at: clock.tick()))
        try clash.add(taken)
        await #expect(throws: StoreError.duplicate) { try await clash.commit() }
        #expect(try await vault.log(JournalEntry.self).all().count == 3, "the fresh entry was not saved either")
    }

    @Test("one entry is read by its id: the same as found in the whole log, removed ones included", arguments: Backend.allCases)
    func entryByID(backend: Backend) async throws {
        let store = try backend.make()
        let clock = TestClock()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let today = CalendarDay(stringLiteral: "2026-11-30")
        var ids: [UUID] = []
        for index in 0..<4 {
            let incident = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-0\(index + 1)", description: "Entry \(index)"), now: clock.tick(), today: today)
            ids.append(incident.id)
        }
        try await vault.evidence.amend(ids[1], change: "More", reason: "Remembered", now: clock.tick())
        try await vault.evidence.remove(ids[2], reason: "Wrong day", now: clock.tick())
        let all = try await vault.evidence.entries()
        for id in ids {
            #expect(try await vault.evidence.entry(id) == all.first { $0.id == id })
        }
        #expect(try await vault.evidence.entry(UUID()) == nil)
    }
}
