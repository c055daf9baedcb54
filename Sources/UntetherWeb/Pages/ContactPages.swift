import Foundation
import Plot
import UntetherCore

/// What the streak card needs: the summary and the person's day.
struct StreakView {
    let summary: Streaks.Summary
    let now: Date
    let timeZone: TimeZone

    /// True when the person reached out to them today, in their own calendar day.
    var reachedOutToday: Bool {
        guard let last = summary.lastReachedOut else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.isDate(last, inSameDayAs: now)
    }

    /// The milestone to mark today: only on the day it is reached, so it stays quiet.
    var milestoneToday: Int? {
        summary.milestone == summary.current ? summary.milestone : nil
    }
}

/// Step 2: the streak, the contact log, and the person's situation.
enum ContactPages {

    static let situationMissing = "Please choose no contact or low contact. You can change it later."

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    static func startedBy(_ who: ContactInitiator) -> String {
        switch who {
        case .them: "They started it"
        case .me: "I started it"
        case .thirdParty: "Someone else started it"
        }
    }
}
