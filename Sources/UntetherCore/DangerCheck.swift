import Foundation

/// A short set of yes-or-no questions about danger, in our own words. Its shape follows what
/// screening research on severe and lethal violence found (the Lethality Screen, the Danger
/// Assessment, DASH): a "yes" to any of the strongest signs is reason enough to talk to
/// someone now; several of the others together mean a higher risk. It never says a person is
/// safe: their own sense of danger counts for more than any check.
public enum DangerCheck {
    public enum Question: String, CaseIterable, Codable, Sendable {
        case weapon
        case threatToKill = "threat_to_kill"
        case couldKill = "could_kill"
        case strangulation
        case gun
        case worse
        case leaving
        case jealousy
        case stalking
        case suicideThreat = "suicide_threat"
        case forcedSex = "forced_sex"
        case pregnancy
        case children

        /// The question as the person reads it.
        public var text: String {
            switch self {
            case .weapon: "Have they ever used a weapon against you, or threatened you with one?"
            case .threatToKill: "Have they threatened to kill you or your children?"
            case .couldKill: "Do you think they might try to kill you?"
            case .strangulation: "Have they ever choked or strangled you, or pressed on your neck?"
            case .gun: "Do they have a gun, or could they easily get one?"
            case .worse: "Has the violence happened more often, or got worse, this past year?"
            case .leaving: "Have you left, or tried to leave, this past year?"
            case .jealousy: "Are they very jealous, or do they control most of what you do?"
            case .stalking: "Do they follow you, track your phone, or keep watch on you?"
            case .suicideThreat: "Have they threatened or tried to kill themselves?"
            case .forcedSex: "Have they forced or pressured you into sex?"
            case .pregnancy: "Have they hurt you while you were pregnant?"
            case .children: "Have they hurt or threatened your children?"
            }
        }

        /// A few words for a list ("a weapon", "choking").
        public var short: String {
            switch self {
            case .weapon: "a weapon"
            case .threatToKill: "a threat to kill"
            case .couldKill: "fear they might kill you"
            case .strangulation: "choking"
            case .gun: "a gun"
            case .worse: "getting worse"
            case .leaving: "leaving"
            case .jealousy: "jealousy or control"
            case .stalking: "following or tracking"
            case .suicideThreat: "threats to kill themselves"
            case .forcedSex: "forced sex"
            case .pregnancy: "harm while pregnant"
            case .children: "the children"
            }
        }

        /// A "yes" to any of these is enough on its own.
        public var isStrongest: Bool { [.weapon, .threatToKill, .couldKill, .strangulation].contains(self) }

        /// The sign of the log's list this question asks about, if any.
        public var sign: DangerSign? {
            switch self {
            case .weapon: .weapon
            case .threatToKill: .threatToKill
            case .strangulation: .strangulation
            case .stalking: .stalking
            case .suicideThreat: .suicideThreat
            case .forcedSex: .forcedSex
            case .pregnancy: .pregnancy
            case .children: .children
            case .leaving: .separation
            case .couldKill, .gun, .worse, .jealousy: nil
            }
        }
    }

    public enum Result: String, Codable, Sendable {
        /// A "yes" to one of the strongest signs: talk to someone today.
        case urgent
        /// Several other signs together.
        case higher
        /// Fewer signs. Still never "safe".
        case fewer
    }

    /// How many of the other signs together mean a higher risk.
    public static let severalOthers = 3

    public static func result(_ yes: Set<Question>) -> Result {
        if yes.contains(where: \.isStrongest) { return .urgent }
        return yes.count >= severalOthers ? .higher : .fewer
    }
}

/// A danger check the person chose to keep (sealed like everything else), so "then and now"
/// can be compared.
public struct SavedDangerCheck: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let takenAt: Date
    /// The questions answered "yes", in the list's order.
    public let yes: [DangerCheck.Question]

    public init(id: UUID, takenAt: Date, yes: Set<DangerCheck.Question>) {
        self.id = id
        self.takenAt = takenAt
        self.yes = DangerCheck.Question.allCases.filter(yes.contains)
    }

    public var result: DangerCheck.Result { DangerCheck.result(Set(yes)) }
}

extension SavedDangerCheck: LoggedValue {
    public static var kind: RecordKind { .dangerCheck }
    public var loggedAt: Date { takenAt }
}
