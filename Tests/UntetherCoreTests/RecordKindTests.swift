import Foundation
import Testing
import UntetherCore

@Suite("Record kinds: one registry, and every sealed type names its kind")
struct RecordKindTests {
    /// Every type the vault seals. A new kind is added to `RecordKind` and its type to this list.
    static let sealedTypes: [any SealedValue.Type] = [
        Preferences.self, NoContactPlan.self, LowContactRules.self, PreparedAnswers.self, ReachOutPlan.self, SafetyPlan.self, RecoveryKeyReminder.self, DraftKeyPair.self, ValuesPlan.self, SwapPlan.self, StayingFreePlan.self, BoundaryPlan.self, Toolkit.self, PlanState.self,
        Note.self, ContactEvent.self, CheckIn.self, Urge.self, JournalEntry.self, Milestone.self, Decision.self, SavedDangerCheck.self, SavedRelationshipCheck.self, FlagObservation.self, SwapTry.self, Victory.self, KinderVoice.self, BoundaryHeld.self, Goal.self, Interest.self, SafePerson.self, Draft.self,
        Incident.self, Amendment.self, Removal.self, Attachment.self, ExportRecord.self,
    ]

    @Test("each kind is named by exactly one type; only attached files' bytes have no type of their own")
    func oneTypePerKind() {
        let named = Self.sealedTypes.map { $0.kind }
        #expect(Set(named).count == named.count)
        #expect(Set(RecordKind.allCases).subtracting(named) == [.attachmentFile, .lockedDraft], "file bytes, and forms sealed to the draft key")
    }

    @Test("stored names are unique, lower case and never change")
    func storedNames() {
        let names = RecordKind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
        // These names are in every vault already written; renaming one would hide its records.
        #expect(names == [
            "preferences", "contact_plan", "contact_rules", "prepared_answers", "reach_out_plan", "safety_plan", "recovery_reminder", "draft_key", "values", "swap_plan", "staying_free", "boundaries", "toolkit", "day_plan",
            "note", "contact", "checkin", "urge", "journal", "milestone", "decision", "danger_check", "relationship_check", "flag_observation", "swap_try", "victory", "kinder_voice", "boundary_held", "goal", "interest", "safe_person", "draft", "locked_draft",
            "incident", "amendment", "removal", "attachment", "attachment_file", "export",
        ])
    }

    @Test("shapes: documents are single records, logs are working records, evidence is append-only")
    func shapes() {
        #expect(Self.sealedTypes.filter { $0 is any SealedDocument.Type }.map { $0.kind }.allSatisfy { $0.shape == .document })
        #expect(Self.sealedTypes.filter { $0 is any LoggedValue.Type }.map { $0.kind }.allSatisfy { $0.shape == .log })
        #expect(RecordKind.evidenceKinds == [.incident, .amendment, .removal, .attachment, .attachmentFile, .export])
        #expect(RecordKind.allCases.filter(\.isChained) == [.incident, .amendment, .removal, .attachment, .export])
        #expect(RecordKind.allCases.allSatisfy { $0.formatVersion >= 1 })
    }

    @Test("a contact is checked before it is saved")
    func contactValidation() throws {
        let fine = ContactEvent(id: UUID(), at: Date(), channel: .text, initiatedBy: .them, necessary: true, feelingBefore: 0, feelingAfter: 10)
        try fine.validate()
        let wrong = ContactEvent(id: UUID(), at: Date(), channel: .text, initiatedBy: .them, necessary: true, feelingBefore: 11)
        #expect(throws: ContactLogError.feelingOutOfRange) { try wrong.validate() }
    }
}
