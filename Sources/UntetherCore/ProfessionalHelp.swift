import Foundation

/// Step 5: "Should I talk to a professional?" A gentle check built from the recovery guide's
/// reasons, and from what the person's own records already show, with the dates. Thoughts of
/// not wanting to live always come first, straight to a crisis line. It never diagnoses.
public enum ProfessionalHelp {
    /// The reasons the person can tick.
    public enum Reason: String, CaseIterable, Codable, Sendable {
        case notWantingToLive = "not_wanting_to_live"
        case lowMood = "low_mood"
        case overwhelmed
        case wentBack = "went_back"
        case harmfulCoping = "harmful_coping"
        case outsideView = "outside_view"
        case safetyPlan = "safety_plan"

        public var text: String {
            switch self {
            case .notWantingToLive: "I have thoughts of not wanting to live, or of ending my life."
            case .lowMood: "I feel very low or hopeless most days."
            case .overwhelmed: "Missing them takes over my days: I can't sleep, eat or work as I need to."
            case .wentBack: "I have left and gone back more than once."
            case .harmfulCoping: "I cope in ways that worry me, like drinking, drugs or hurting myself."
            case .outsideView: "I want someone outside to help me see the relationship clearly."
            case .safetyPlan: "I need help making a plan to stay safe."
            }
        }
    }

    /// Something the person's own records show, with the days behind it.
    public struct Sign: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case hopelessness
            case reachedOut = "reached_out"
            case strongUrges = "strong_urges"
            case dangerSigns = "danger_signs"
        }

        public let kind: Kind
        public let days: [CalendarDay]

        /// What it shows, in a sentence, with the first and last day written by `day`.
        public func sentence(_ day: (CalendarDay) -> String = { $0.description }) -> String {
            let span = Self.span(days, day)
            switch kind {
            case .hopelessness: return "In every check-in for two weeks, you rated feeling low or hopeless 3 or more out of 4 (\(span))."
            case .reachedOut: return "You started contact \(days.count) times after no contact began (\(span))."
            case .strongUrges: return "You logged strong urges on \(days.count) days in the last two weeks (\(span))."
            case .dangerSigns: return "Your log holds danger signs in the last three months (\(span))."
            }
        }

        static func span(_ days: [CalendarDay], _ day: (CalendarDay) -> String) -> String {
            guard let first = days.first, let last = days.last else { return "" }
            return first == last ? "on \(day(first))" : "from \(day(first)) to \(day(last))"
        }
    }

    /// The check-in rating (0 to 4) that counts as high, for "Low or hopeless".
    public static let highRating = 3
    /// Contacts started after no contact began that are worth a word.
    public static let contactsWorthNoting = 2
    /// An urge this strong (0 to 10, before riding it out) counts as strong.
    public static let strongUrge = 8
    /// Days with a strong urge in two weeks that are worth a word.
    public static let strongUrgeDays = 5

    /// What the person's records show, as of `today`, in the person's own days. Each sign needs
    /// enough behind it: hopelessness rated high in every check-in of the last 14 days, with
    /// check-ins in both weeks; at least two contacts the person started since no contact began;
    /// strong urges on five or more days of the last 14; a danger sign in the last 90 days.
    public static func signs(
        checkIns: [CheckIn], urges: [Urge], contacts: [ContactEvent], incidents: [Incident], noContactSince: CalendarDay?,
        today: CalendarDay, timeZone: TimeZone
    ) -> [Sign] {
        var signs: [Sign] = []
        let fortnight = today.adding(days: -13)
        let recent = checkIns.map { (day: CalendarDay($0.at, in: timeZone), low: $0.ratings["low"]) }
            .filter { $0.day >= fortnight && $0.day <= today && $0.low != nil }
            .sorted { $0.day < $1.day }
        let week = today.adding(days: -6)
        if recent.contains(where: { $0.day < week }), recent.contains(where: { $0.day >= week }),
           recent.allSatisfy({ ($0.low ?? 0) >= highRating }) {
            signs.append(Sign(kind: .hopelessness, days: Array(Set(recent.map(\.day))).sorted()))
        }
        if let since = noContactSince {
            let days = contacts.filter { $0.initiatedBy == .me }.map { CalendarDay($0.at, in: timeZone) }.filter { $0 >= since && $0 <= today }.sorted()
            if days.count >= contactsWorthNoting { signs.append(Sign(kind: .reachedOut, days: days)) }
        }
        let urgeDays = Set(urges.filter { ($0.before ?? 0) >= strongUrge }.map { CalendarDay($0.at, in: timeZone) }.filter { $0 >= fortnight && $0 <= today })
        if urgeDays.count >= strongUrgeDays { signs.append(Sign(kind: .strongUrges, days: urgeDays.sorted())) }
        let dangerDays = Set(incidents.filter { !($0.dangerSigns ?? []).isEmpty && $0.occurredOn >= today.adding(days: -89) && $0.occurredOn <= today }.map(\.occurredOn))
        if !dangerDays.isEmpty { signs.append(Sign(kind: .dangerSigns, days: dangerDays.sorted())) }
        return signs
    }

    public enum Result: Equatable, Sendable {
        /// Thoughts of not wanting to live: the crisis line first.
        case crisis
        /// Reasons, ticked or from the records, that talking to someone could help.
        case suggested
        /// Nothing ticked and nothing in the records. Still welcome to talk to someone.
        case open
    }

    public static func result(ticked: Set<Reason>, signs: [Sign]) -> Result {
        if ticked.contains(.notWantingToLive) { return .crisis }
        return ticked.isEmpty && signs.isEmpty ? .open : .suggested
    }
}
