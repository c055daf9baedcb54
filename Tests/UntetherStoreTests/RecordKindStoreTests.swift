import Foundation
import GRDB
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("Record kinds in the store: the registry, the schema and every backend agree")
struct RecordKindStoreTests {
    let clock = TestClock()

    @Test("the kinds the SQLite triggers keep append-only are exactly the registry's evidence kinds")
    func triggersMatchRegistry() async throws {
        let store = try SQLiteVaultStore()
        let triggers = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'record'")
                .map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        }
        let guarding = triggers.filter { $0.name.hasPrefix("evidence_record_") }
        #expect(guarding.count == 2)
        for trigger in guarding {
            let list = try #require(trigger.sql.range(of: #"OLD\.kind IN \(([^)]*)\)"#, options: .regularExpression))
            let names = trigger.sql[list]
                .drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
                .split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
            #expect(Set(names) == Set(RecordKind.evidenceKinds.map(\.rawValue)), "\(trigger.name)")
            #expect(names.count == RecordKind.evidenceKinds.count)
        }
    }

    @Test("every kind is stored, read, counted and listed; working kinds change and delete, evidence refuses", arguments: Backend.allCases)
    func everyKindRaw(backend: Backend) async throws {
        let store = try backend.make()
        for (index, kind) in RecordKind.allCases.enumerated() {
            let at = Date(timeIntervalSince1970: 1_000 + Double(index))
            let record = SealedRecord(id: "r\(index)", kind: kind, formatVersion: kind.formatVersion, createdAt: at, updatedAt: at,
                                      sealed: Data(repeating: UInt8(index), count: 40))
            try await store.insert(record)
            #expect(try await store.record(id: record.id, kind: kind) == record)
            #expect(try await store.records(kind: kind) == [record])
            let changed = SealedRecord(id: record.id, kind: kind, formatVersion: kind.formatVersion, createdAt: at,
                                       updatedAt: at.addingTimeInterval(5), sealed: Data(repeating: 0xAB, count: 40))
            if kind.isEvidence {
                await #expect(throws: StoreError.appendOnly) { try await store.update(changed) }
                await #expect(throws: StoreError.appendOnly) { try await store.deleteRecord(id: record.id, kind: kind) }
                #expect(try await store.record(id: record.id, kind: kind) == record)
            } else {
                try await store.update(changed)
                #expect(try await store.record(id: record.id, kind: kind) == changed)
            }
        }
        let counts = try await store.recordCounts()
        #expect(counts == Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0.rawValue, 1) }))
        for kind in RecordKind.allCases where !kind.isEvidence {
            try await store.deleteRecord(id: "r\(RecordKind.allCases.firstIndex(of: kind)!)", kind: kind)
            #expect(try await store.records(kind: kind).isEmpty)
        }
    }

    @Test("every kind's values round-trip through the vault, sealed at the kind's format version", arguments: Backend.allCases)
    func everyKindTyped(backend: Backend) async throws {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let now = clock.tick()

        // Documents: the starting value until saved, then exactly what was saved.
        #expect(try await vault.document(Preferences.self) == Preferences())
        #expect(try await vault.savedDocument(Preferences.self) == nil)
        var preferences = Preferences(displayName: "Diary")
        preferences.timeZoneID = "Europe/London"
        try await vault.save(preferences, now: now)
        try await vault.save(NoContactPlan(doneGuideSteps: [NoContactPlan.guideSteps[0].id]), now: now)
        try await vault.save(LowContactRules(rules: ["Email only, about the children"]), now: now)
        var answers = PreparedAnswers()
        try answers.add(when: "A friend asks", text: "I'm taking some space.", id: UUID())
        try await vault.save(answers, now: now)
        let plan = try ReachOutPlan.validated(reasons: "I left for a reason", people: "", actions: "", showLogReminder: true, timerMinutes: 10, order: ReachOutPlan.Part.allCases)
        try await vault.save(plan, now: now)
        #expect(try await vault.document(Preferences.self) == preferences)
        #expect(try await vault.document(Preferences.self).timeZone(fallback: TimeZone(identifier: "UTC")!) == TimeZone(identifier: "Europe/London"))
        #expect(try await vault.document(NoContactPlan.self).doneGuideSteps == [NoContactPlan.guideSteps[0].id])
        #expect(try await vault.document(LowContactRules.self).rules == ["Email only, about the children"])
        #expect(try await vault.document(PreparedAnswers.self) == answers)
        #expect(try await vault.document(ReachOutPlan.self) == plan)
        var safety = SafetyPlan(situation: .planningToLeave)
        try safety.update(.goBag, answer: "Under the stairs", ticked: [SafetyPlanSection.goBag.checklist[0].id, "not-an-item"])
        try await vault.save(safety, now: now)
        #expect(try await vault.document(SafetyPlan.self) == safety)
        #expect(try await vault.document(SafetyPlan.self).ticked(.goBag) == [SafetyPlanSection.goBag.checklist[0]])
        var values = ValuesPlan()
        try values.choose(["honesty", "calm"], own: "Gardening")
        try values.rank(["Gardening", "Calm"])
        try await vault.save(values, now: now)
        #expect(try await vault.document(ValuesPlan.self) == values)
        var swaps = SwapPlan()
        try swaps.set(.isolation, notice: "I cancel plans", attempt: "Text one friend")
        try await vault.save(swaps, now: now)
        #expect(try await vault.document(SwapPlan.self) == swaps)
        var ahead = StayingFreePlan()
        try ahead.update(StayingFreePlan.resilience, done: ["money"], notes: ["support": "Sister, and the Tuesday group"], today: "2026-11-25")
        try await vault.save(ahead, now: now)
        #expect(try await vault.document(StayingFreePlan.self) == ahead)
        var boundaries = BoundaryPlan()
        try boundaries.update(mine: "No calls after 9pm", practice: "That doesn't work for me.")
        try await vault.save(boundaries, now: now)
        #expect(try await vault.document(BoundaryPlan.self) == boundaries)
        var toolkit = Toolkit()
        try toolkit.add(kind: .nature, text: "Sit by the canal")
        try toolkit.add(kind: .breathing, text: "Box breathing", action: .boxBreathing)
        try await vault.save(toolkit, now: now)
        #expect(try await vault.document(Toolkit.self) == toolkit)
        var dayPlan = PlanState(startedOn: "2026-11-01", track: .lowContact)
        dayPlan.skip(on: "2026-11-01")
        try await vault.save(dayPlan, now: now)
        #expect(try await vault.document(PlanState.self) == dayPlan)
        let held = try await vault.log(BoundaryHeld.self).add(try BoundaryHeld.validated(
            id: UUID(), on: "2026-11-24", boundary: "No calls after 9pm", note: "Let it ring", recordedAt: now, today: "2026-11-25"
        ))
        #expect(try await vault.log(BoundaryHeld.self).value(held.id) == held)
        var goal = try Goal.validated(id: UUID(), title: "Learn to drive", steps: "Book a lesson\nTheory test", createdAt: now)
        goal.mark(done: [0])
        try await vault.log(Goal.self).add(goal)
        #expect(try await vault.log(Goal.self).value(goal.id) == goal)
        var interest = try Interest.validated(id: UUID(), name: "Swimming", origin: .before, createdAt: now)
        interest.didIt(on: "2026-11-24")
        try await vault.log(Interest.self).add(interest)
        #expect(try await vault.log(Interest.self).value(interest.id) == interest)
        #expect(try await vault.document(RecoveryKeyReminder.self).key == nil)
        try await vault.save(RecoveryKeyReminder(key: "ABCDEF-GHJKMN"), now: now)
        #expect(try await vault.document(RecoveryKeyReminder.self).key == "ABCDEF-GHJKMN")
        let draftKey = try await vault.draftPublicKey(now: now)
        #expect(try await vault.draftPublicKey(now: now) == draftKey, "made once, then the same")
        let draft = Draft(id: UUID(), savedAt: now, action: "/journal", fields: ["facts": "kept", "csrf": "never kept"])
        #expect(draft.fields == ["facts": "kept"])
        try await vault.keepDraft(draft, now: now)
        #expect(try await vault.log(Draft.self).all() == [draft])
        try await LockedDrafts.keep(Draft(id: UUID(), savedAt: now, action: "/notes", fields: ["body": "after the lock"]), publicKey: draftKey, in: store, now: now)

        // Logs.
        let note = try await vault.log(Note.self).add(NoteDraft(title: "Tuesday", body: "Kept"), now: now)
        let contact = try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: now, channel: .email, initiatedBy: .them, necessary: true))
        let checkIn = try await vault.log(CheckIn.self).add(try CheckIn.validated(id: UUID(), at: now, ratings: [Symptoms.all[0].id: 2]))
        let urge = try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: now, before: 7, after: 3, helped: [.boxBreathing]))
        let entry = try await vault.log(JournalEntry.self).add(try JournalEntry.validated(
            id: UUID(), date: "2026-11-20", facts: "It rained", feelings: "", truths: "", createdAt: now, updatedAt: now, today: "2026-11-25"
        ))
        let milestone = try await vault.log(Milestone.self).add(try Milestone.validated(id: UUID(), date: "2020-05-01", kind: .met, note: "", today: "2026-11-25"))
        let decision = try await vault.log(Decision.self).add(try Decision.validated(
            id: UUID(), madeOn: "2026-11-24", decision: "Go to the class", gut: "Yes", chose: "Went", reviewOn: "2026-12-01"
        ))
        let person = try await vault.log(SafePerson.self).add(try SafePerson.validated(id: UUID(), name: "Jo", reach: "07700 900123", helpsWith: "", addedAt: now))
        let check = try await vault.log(SavedDangerCheck.self).add(SavedDangerCheck(id: UUID(), takenAt: now, yes: [.stalking, .weapon]))
        #expect(try await vault.log(SavedDangerCheck.self).value(check.id) == check)
        #expect(check.yes == [.weapon, .stalking] && check.result == .urgent)
        let selfCheck = try await vault.log(SavedRelationshipCheck.self).add(SavedRelationshipCheck(id: UUID(), takenAt: now, ticked: ["miss", "names", "retired_item"]))
        #expect(try await vault.log(SavedRelationshipCheck.self).value(selfCheck.id) == selfCheck)
        #expect(selfCheck.ticked == ["names", "miss", "retired_item"], "known items in the check's order, unknown ones kept after them")
        let flag = try await vault.log(FlagObservation.self).add(try FlagObservation.validated(
            id: UUID(), person: "Sam", on: "2026-11-20", flags: [.honest, .rushing], note: "Met for coffee", recordedAt: now, today: "2026-11-25"
        ))
        #expect(try await vault.log(FlagObservation.self).value(flag.id) == flag)
        let swapTry = try await vault.log(SwapTry.self).add(try SwapTry.validated(id: UUID(), swap: .numbing, at: now, outcome: .helped, note: "Named it"))
        #expect(try await vault.log(SwapTry.self).value(swapTry.id) == swapTry)
        let victory = try await vault.log(Victory.self).add(try Victory.validated(id: UUID(), on: "2026-11-24", text: "Said no to a shift", recordedAt: now, today: "2026-11-25"))
        #expect(try await vault.log(Victory.self).value(victory.id) == victory)
        let kinder = try await vault.log(KinderVoice.self).add(try KinderVoice.validated(
            id: UUID(), at: now, belief: "I ruin everything", supports: "The row", against: "Friends rely on me", kinder: "I made a mistake once"
        ))
        #expect(try await vault.log(KinderVoice.self).value(kinder.id) == kinder)
        #expect(try await vault.log(SafePerson.self).all() == [person])
        #expect(try await vault.log(Note.self).value(note.id) == note)
        #expect(try await vault.log(ContactEvent.self).all() == [contact])
        #expect(try await vault.log(CheckIn.self).all() == [checkIn])
        #expect(try await vault.log(Urge.self).value(urge.id) == urge)
        #expect(try await vault.log(JournalEntry.self).value(entry.id) == entry)
        #expect(try await vault.log(Milestone.self).value(milestone.id) == milestone)
        #expect(try await vault.log(Decision.self).value(decision.id) == decision)
        await #expect(throws: ContactLogError.feelingOutOfRange) {
            try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: now, channel: .call, initiatedBy: .me, necessary: false, feelingAfter: -1))
        }

        // Evidence.
        let incident = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-20", description: "Shouting"), now: now, today: "2026-11-25")
        try await vault.evidence.amend(incident.id, change: "About 9pm", reason: "", now: clock.tick())
        try await vault.evidence.attach(SampleFiles.png, fileName: "photo.png", to: incident.id, now: clock.tick())
        let removed = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-21", description: "Twice"), now: clock.tick(), today: "2026-11-25")
        try await vault.evidence.remove(removed.id, reason: "Written twice", now: clock.tick())
        let export = ExportRecord(id: UUID(), madeAt: clock.tick(), files: ["report.html": String(repeating: "0", count: 64)], records: [1], settings: ExportSettings())
        let savedExport = try await vault.evidence.recordExport(export)
        #expect(try EvidenceChain.decode(ExportRecord.self, from: savedExport.canonical).files == export.files)
        #expect(try await vault.evidence.entry(incident.id)?.incident == incident)
        #expect(try await vault.evidence.verify().isIntact)

        // Every kind in the registry now has records, each sealed at its kind's current format version.
        for kind in RecordKind.allCases {
            let records = try await store.records(kind: kind)
            #expect(!records.isEmpty, "\(kind)")
            #expect(records.allSatisfy { $0.formatVersion == kind.formatVersion }, "\(kind)")
        }
    }
}
