import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 4: the decision log and the relationship timeline.
enum SelfTrustPages {
}

/// The decision form as typed. The days are nil until the form was sent, so the page can
/// suggest today and a week from today.
struct DecisionForm {
    var decision = ""
    var gut = ""
    var chose = ""
    var madeOn: String?
    var reviewOn: String?

    init() {}

    init(_ form: FormFields) {
        decision = form["decision"]
        gut = form["gut"]
        chose = form["chose"]
        madeOn = form["made_on"]
        reviewOn = form["review_on"]
    }

    func decision(id: UUID) throws(JournalError) -> Decision {
        try Decision.validated(id: id, madeOn: madeOn ?? "", decision: decision, gut: gut, chose: chose, reviewOn: reviewOn ?? "")
    }
}

/// The "add to your timeline" form as typed.
struct MilestoneForm {
    var kind = ""
    var date = ""
    var note = ""

    init() {}

    init(_ form: FormFields) {
        kind = form["kind"]
        date = form["date"]
        note = form["note"]
    }

    func milestone(id: UUID, today: CalendarDay) throws(JournalError) -> Milestone {
        guard let kind = Milestone.Kind(rawValue: kind) else { throw .empty }
        return try Milestone.validated(id: id, date: date, kind: kind, note: note, today: today)
    }
}
