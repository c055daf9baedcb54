import Foundation
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("Journal, decisions, the store revision and the search corpus, on every backend")
struct JournalStoreTests {
    let clock = TestClock()

    @Test("the revision changes with every insert, update and delete, and not on reads", arguments: Backend.allCases)
    func revision(backend: Backend) async throws {
        let store = try backend.make()
        let start = try await store.revision()
        let record = SealedRecord(id: "a", kind: .note, formatVersion: 1, createdAt: clock.tick(), updatedAt: clock.tick(),
                                  sealed: Data(repeating: 1, count: 40))
        try await store.insert(record)
        let inserted = try await store.revision()
        #expect(inserted != start)
        _ = try await store.records(kind: .note)
        #expect(try await store.revision() == inserted)
        try await store.update(SealedRecord(id: "a", kind: .note, formatVersion: 1, createdAt: record.createdAt, updatedAt: clock.tick(),
                                            sealed: Data(repeating: 2, count: 40)))
        let updated = try await store.revision()
        #expect(updated != inserted)
        try await store.deleteRecord(id: "a", kind: .note)
        #expect(try await store.revision() != updated)
    }

    @Test("journal entries are sealed, can be changed and deleted", arguments: Backend.allCases)
    func journal(backend: Backend) async throws {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let now = clock.tick()
        let entry = try JournalEntry.validated(id: UUID(), date: "2026-11-20", facts: "CANARY-facts", feelings: "", truths: "",
                                               createdAt: now, updatedAt: now, today: "2026-11-25")
        try await vault.log(JournalEntry.self).add(entry)
        let record = try #require(try await store.record(id: entry.id.uuidString.lowercased(), kind: .journal))
        #expect(record.sealed.range(of: Data("CANARY-facts".utf8)) == nil)
        var changed = entry
        changed.truths = "I remember it"
        try await vault.log(JournalEntry.self).update(changed, now: clock.tick())
        #expect(try await vault.log(JournalEntry.self).value(entry.id)?.truths == "I remember it")
        #expect(try await vault.log(JournalEntry.self).all().count == 1)
        try await vault.log(JournalEntry.self).delete(entry.id)
        #expect(try await vault.log(JournalEntry.self).value(entry.id) == nil)
        await #expect(throws: StoreError.notFound) { try await vault.log(JournalEntry.self).update(changed, now: clock.tick()) }
    }

    @Test("the search corpus holds every kind, and leaves out removed log entries")
    func corpus() async throws {
        let store = MemoryVaultStore()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let now = clock.tick()
        try await vault.log(Note.self).add(try NoteDraft(title: "Groceries", body: "apples"), now: now)
        try await vault.log(JournalEntry.self).add(try JournalEntry.validated(id: UUID(), date: "2026-11-20", facts: "apples on the floor", feelings: "", truths: "",
                                                               tags: ["home"], createdAt: now, updatedAt: now, today: "2026-11-25"))
        let kept = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-19", description: "Threw apples"), now: now, today: "2026-11-25")
        try await vault.evidence.amend(kept.id, change: "It was pears too", reason: "remembered", now: clock.tick())
        let removed = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-18", description: "Apples again"), now: clock.tick(), today: "2026-11-25")
        try await vault.evidence.remove(removed.id, reason: "Written twice", now: clock.tick())
        try await vault.log(Decision.self).add(try Decision.validated(id: UUID(), madeOn: "2026-11-21", decision: "Buy apples alone", gut: "", chose: "", reviewOn: "2026-11-28"))
        try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: now, channel: .email, initiatedBy: .them, necessary: true, about: "apples for school"))
        try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: now, before: 5, after: 2, note: "ate apples instead"))
        try await vault.log(FlagObservation.self).add(try FlagObservation.validated(
            id: UUID(), person: "Sam", on: "2026-11-20", flags: [.honest], note: "brought apples", recordedAt: now, today: "2026-11-25"
        ))
        var values = ValuesPlan()
        try values.write("Picking apples with friends")
        try await vault.save(values, now: now)
        var swaps = SwapPlan()
        try swaps.set(.isolation, notice: "", attempt: "Share apples with a neighbour")
        try await vault.save(swaps, now: now)
        try await vault.log(SwapTry.self).add(try SwapTry.validated(id: UUID(), swap: .isolation, at: now, outcome: .helped, note: "apples and tea"))
        var ahead = StayingFreePlan()
        try ahead.update(StayingFreePlan.maintenance, done: [], notes: ["people": "Apples with Gran on Sundays"], today: "2026-11-25")
        try await vault.save(ahead, now: now)
        var boundaries = BoundaryPlan()
        try boundaries.update(mine: "No apples talk at dinner", practice: "")
        try await vault.save(boundaries, now: now)
        try await vault.log(Goal.self).add(try Goal.validated(id: UUID(), title: "Grow apples", steps: "Buy a tree", createdAt: now))
        var toolkit = Toolkit()
        try toolkit.add(kind: .nature, text: "Picking apples")
        try await vault.save(toolkit, now: now)
        try await vault.log(Victory.self).add(try Victory.validated(id: UUID(), on: "2026-11-24", text: "Baked apples", recordedAt: now, today: "2026-11-25"))
        try await vault.log(KinderVoice.self).add(try KinderVoice.validated(id: UUID(), at: now, belief: "I bruise everything like apples", supports: "", against: "", kinder: ""))
        let index = SearchIndex(try await vault.searchDocuments(timeZone: TimeZone(identifier: "UTC")!))
        let kinds = index.search(.parse("apples")).map(\.kind)
        #expect(Set(kinds) == Set(SearchDocument.Kind.allCases))
        #expect(kinds.count == 16, "the removed entry is not searchable; the swap and its try are two")
        #expect(index.search(.parse("pears")).map(\.kind) == [.log], "corrections are searchable with their entry")
        #expect(index.search(.parse("#home")).map(\.kind) == [.journal])
    }
}
