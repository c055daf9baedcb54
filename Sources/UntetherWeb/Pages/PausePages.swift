import Foundation
import Plot
import UntetherCore

/// The "I want to reach out" screen: calm, in the order the person chose, with the two quick
/// questions for when the moment has passed.
enum PausePages {
    /// A reminder drawn from the person's own log, shown only if they opted in.
    struct Reminder {
        let day: String
        let words: String
    }

    /// What the after-questions hold, as typed.
    struct UrgeForm {
        var before = ""
        var after = ""
        var helped: Set<CopingAction> = []
        var triggers: Set<UrgeTrigger> = []
        var triggerNote = ""
        var note = ""
        var contacted = ""

        init() {}

        init(_ form: FormFields) {
            before = form["before"]
            after = form["after"]
            helped = Set(CopingAction.allCases.filter { form.has("helped_\($0.rawValue)") })
            triggers = Set(UrgeTrigger.allCases.filter { form.has("trigger_\($0.rawValue)") })
            triggerNote = form["trigger_note"]
            note = form["note"]
            contacted = form["contacted"]
        }

        var isEmpty: Bool {
            before.isEmpty && after.isEmpty && helped.isEmpty && triggers.isEmpty
                && triggerNote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && contacted.isEmpty
        }

        func urge(id: UUID, at: Date) throws(UrgeError) -> Urge {
            func strength(_ text: String) throws(UrgeError) -> Int? {
                if text.isEmpty { return nil }
                guard let value = Int(text) else { throw .outOfRange }
                return value
            }
            return try Urge.validated(
                id: id, at: at, before: try strength(before), after: try strength(after),
                triggers: Array(triggers), triggerNote: triggerNote, helped: Array(helped), note: note,
                contacted: contacted == "yes" || contacted == "them" ? true : contacted == "no" ? false : nil
            )
        }

        /// The contact to put in the contact log too, when the person says they were in touch:
        /// "yes" means they reached out, "them" that the other person did.
        func contact(id: UUID, at: Date) -> ContactEvent? {
            switch contacted {
            case "yes": ContactEvent(id: id, at: at, channel: .other, initiatedBy: .me, necessary: false)
            case "them": ContactEvent(id: id, at: at, channel: .other, initiatedBy: .them, necessary: false)
            default: nil
            }
        }
    }
}
