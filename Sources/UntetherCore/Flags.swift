import Foundation

/// Step 7: red and green flags in a new person, written down as they happen and matched to one
/// list, so a pattern can be seen over weeks rather than felt in a moment. It never says whom to
/// date or trust: it shows what the person noticed, and reminds them their gut counts.
public enum RelationshipFlag: String, CaseIterable, Codable, Sendable, Comparable {
    // Red flags: the early shapes of control.
    case loveBombing = "love_bombing"
    case rushing
    case isolating
    case criticismAsHelp = "criticism_as_help"
    case inconsistent
    case boundaryCrossed = "boundary_crossed"
    case jealousy
    // Green flags: what safety looks like.
    case consistent
    case respectsTime = "respects_time"
    case handlesConflict = "handles_conflict"
    case supportsGrowth = "supports_growth"
    case honest
    case acceptsNo = "accepts_no"

    public var isRed: Bool {
        switch self {
        case .loveBombing, .rushing, .isolating, .criticismAsHelp, .inconsistent, .boundaryCrossed, .jealousy: true
        case .consistent, .respectsTime, .handlesConflict, .supportsGrowth, .honest, .acceptsNo: false
        }
    }

    /// A few words, for a list.
    public var label: String {
        switch self {
        case .loveBombing: "Too much, too soon"
        case .rushing: "Rushing things"
        case .isolating: "Pulling me from my people"
        case .criticismAsHelp: "Criticism dressed as help"
        case .inconsistent: "Hot and cold"
        case .boundaryCrossed: "Crossed a line, then argued it away"
        case .jealousy: "Jealous or checking up on me"
        case .consistent: "Does what they say"
        case .respectsTime: "Respects my time and friends"
        case .handlesConflict: "Handles a disagreement calmly"
        case .supportsGrowth: "Glad when I grow"
        case .honest: "Honest, even when it is hard"
        case .acceptsNo: "Takes no for an answer"
        }
    }

    /// What it can look like, in a line.
    public var example: String {
        switch self {
        case .loveBombing: "Big gifts, constant messages or talk of forever, very early."
        case .rushing: "Pushing to move in, meet family or commit before you are ready."
        case .isolating: "Hints that your friends or family are not good for you."
        case .criticismAsHelp: "Put-downs framed as advice or a joke."
        case .inconsistent: "Warm one day and cold the next, with no reason you can see."
        case .boundaryCrossed: "You said no, it happened anyway, and then it was your fault for minding."
        case .jealousy: "Wanting to know where you are, or who you talk to."
        case .consistent: "Turns up when they said, and their words match what they do."
        case .respectsTime: "Fine with you seeing friends and having time alone."
        case .handlesConflict: "Listens when you disagree, and no one is punished for it."
        case .supportsGrowth: "Pleased about your work, study or plans."
        case .honest: "Tells you the truth, and owns it when they are wrong."
        case .acceptsNo: "Hears no without sulking, pushing or a price to pay."
        }
    }

    public static var red: [RelationshipFlag] { allCases.filter(\.isRed) }
    public static var green: [RelationshipFlag] { allCases.filter { !$0.isRed } }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Something the person noticed about someone new, on one day: the flags it matches and a note.
public struct FlagObservation: Codable, Sendable, Equatable, Identifiable {
    public static let maxNicknameLength = 40
    public static let maxNoteLength = 2_000

    public let id: UUID
    /// A nickname only, never a full name.
    public let person: String
    public let on: CalendarDay
    public let flags: [RelationshipFlag]
    public let note: String
    public let recordedAt: Date

    public static func validated(
        id: UUID, person: String, on: String, flags: Set<RelationshipFlag>, note: String, recordedAt: Date, today: CalendarDay
    ) throws(FlagError) -> FlagObservation {
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else { throw .noPerson }
        guard person.count <= maxNicknameLength else { throw .nicknameTooLong }
        guard note.count <= maxNoteLength else { throw .tooLong }
        guard !flags.isEmpty || !note.isEmpty else { throw .empty }
        guard let day = CalendarDay(on.trimmingCharacters(in: .whitespaces)) else { throw .badDate }
        guard day <= today else { throw .future }
        return FlagObservation(id: id, person: person, on: day, flags: flags.sorted(), note: note, recordedAt: recordedAt)
    }
}

extension FlagObservation: LoggedValue {
    public static var kind: RecordKind { .flagObservation }
    public var loggedAt: Date { recordedAt }
}

/// Why an observation was not saved.
public enum FlagError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPerson, nicknameTooLong, tooLong, empty, badDate, future

    public var description: String {
        switch self {
        case .noPerson: "Please give a nickname for the person, so you can see them over time."
        case .nicknameTooLong: "Please use a short nickname (40 letters at most). A nickname is safer than a full name."
        case .tooLong: "That note is longer than can be saved here. Please shorten it."
        case .empty: "Please tick what you noticed, or write a few words about it."
        case .badDate: "Please give the day as year-month-day, for example 2026-03-14."
        case .future: "That day has not happened yet. Please choose today or an earlier day."
        }
    }
}

/// The pattern for one person: how often each flag came up, when, and what that may mean. It
/// never tells anyone whom to date.
public struct FlagSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let flag: RelationshipFlag
        public let times: Int
        public let first: CalendarDay
        public let last: CalendarDay
    }

    public let person: String
    public let observations: Int
    public let first: CalendarDay
    public let last: CalendarDay
    /// Each flag noticed, most often first (then in the list's order).
    public let red: [Count]
    public let green: [Count]

    public var redTimes: Int { red.reduce(0) { $0 + $1.times } }
    public var greenTimes: Int { green.reduce(0) { $0 + $1.times } }

    /// Red flags noticed more than once: a pattern, not a bad day.
    public var repeatedRed: [Count] { red.filter { $0.times > 1 } }

    /// What the pattern may mean, in plain words; never a verdict.
    public var reading: String {
        if !repeatedRed.isEmpty {
            let names = repeatedRed.map { $0.flag.label.lowercased() }.joined(separator: "; ")
            return "Some red flags came up more than once: \(names). A pattern like this is worth taking seriously, however good the other days feel."
        }
        if observations < 3 {
            return "It is early days. A few more notes over time will show more than any one moment."
        }
        if redTimes == 0 && greenTimes > 0 {
            return "So far you have noticed green flags and no red ones. Keep noticing, at your own pace."
        }
        if redTimes > greenTimes {
            return "You have noticed more red flags than green ones. It may help to talk it over with someone you trust."
        }
        return "You have noticed both. No one is perfect; what matters is whether the red ones repeat."
    }

    /// One summary per person, the most recently seen first. Names are matched without regard
    /// to case or spaces at the ends.
    public static func people(_ observations: [FlagObservation]) -> [FlagSummary] {
        var groups: [String: [FlagObservation]] = [:]
        for observation in observations {
            groups[observation.person.lowercased().trimmingCharacters(in: .whitespaces), default: []].append(observation)
        }
        return groups.values.map(FlagSummary.init).sorted { ($0.last, $0.person) > ($1.last, $1.person) }
    }

    /// The summary of one person's observations (at least one).
    init(_ observations: [FlagObservation]) {
        let ordered = observations.sorted { ($0.on, $0.recordedAt) < ($1.on, $1.recordedAt) }
        person = ordered.last!.person
        self.observations = ordered.count
        first = ordered.first!.on
        last = ordered.last!.on
        var days: [RelationshipFlag: [CalendarDay]] = [:]
        for observation in ordered { for flag in Set(observation.flags) { days[flag, default: []].append(observation.on) } }
        let counts = days.map { Count(flag: $0.key, times: $0.value.count, first: $0.value.first!, last: $0.value.last!) }
            .sorted { ($0.times, $1.flag) > ($1.times, $0.flag) }
        red = counts.filter(\.flag.isRed)
        green = counts.filter { !$0.flag.isRed }
    }
}
