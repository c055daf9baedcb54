import Foundation

/// The three kinds of withdrawal the recovery guide describes.
public enum SymptomGroup: String, CaseIterable, Codable, Sendable {
    case physical, emotional, cognitive

    public var label: String {
        switch self {
        case .physical: "Body"
        case .emotional: "Feelings"
        case .cognitive: "Thinking"
        }
    }
}

/// One withdrawal symptom to rate from 0 to 4.
public struct Symptom: Sendable, Equatable, Identifiable {
    public let id: String
    public let group: SymptomGroup
    public let label: String
}

/// The one list of symptoms and their groups. Ids are stable: they are saved in check-ins and
/// used by the command line.
public enum Symptoms {
    public static let all: [Symptom] = [
        Symptom(id: "nausea", group: .physical, label: "Upset stomach or feeling sick"),
        Symptom(id: "sleep", group: .physical, label: "Trouble sleeping"),
        Symptom(id: "panic", group: .physical, label: "Panic or a racing heart"),
        Symptom(id: "pain", group: .physical, label: "Aches, pains or headaches"),
        Symptom(id: "tired", group: .physical, label: "Tired, no energy"),
        Symptom(id: "longing", group: .emotional, label: "Missing them, thoughts that won't stop"),
        Symptom(id: "low", group: .emotional, label: "Low or hopeless"),
        Symptom(id: "numb", group: .emotional, label: "Numb, then flooded with feeling"),
        Symptom(id: "anger", group: .emotional, label: "Angry, often at myself"),
        Symptom(id: "guilt", group: .emotional, label: "Guilt or blaming myself"),
        Symptom(id: "focus", group: .cognitive, label: "Hard to concentrate"),
        Symptom(id: "memories", group: .cognitive, label: "Memories that push in"),
        Symptom(id: "unsure", group: .cognitive, label: "Unsure what was real"),
        Symptom(id: "decisions", group: .cognitive, label: "Hard to make decisions"),
        Symptom(id: "forgetting", group: .cognitive, label: "Forgetting things"),
    ]

    public static let rating = 0...4
    /// What 0 and 4 mean, in plain words.
    public static let lowAnchor = "0: not at all"
    public static let highAnchor = "4: very strong, most of the day"

    public static func group(_ group: SymptomGroup) -> [Symptom] {
        all.filter { $0.group == group }
    }

    static let ids = Set(all.map(\.id))
}

/// A withdrawal check-in: some or all symptoms rated 0–4, sleep, and a line of anything else.
public struct CheckIn: Codable, Sendable, Equatable, Identifiable {
    public static let maxNoteLength = 500

    public let id: UUID
    public let at: Date
    /// Symptom id to rating, 0–4. Symptoms the person skipped are absent.
    public let ratings: [String: Int]
    /// Hours slept last night, when given.
    public let sleepHours: Double?
    public let note: String

    /// Checks every part; unknown symptoms and out-of-range numbers are refused.
    public static func validated(
        id: UUID, at: Date, ratings: [String: Int], sleepHours: Double? = nil, note: String = ""
    ) throws(CheckInError) -> CheckIn {
        for (symptom, rating) in ratings {
            guard Symptoms.ids.contains(symptom) else { throw .unknownSymptom(symptom) }
            guard Symptoms.rating.contains(rating) else { throw .ratingOutOfRange }
        }
        if let sleepHours, !(0...24).contains(sleepHours) { throw .sleepOutOfRange }
        let clean = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard clean.count <= maxNoteLength else { throw .noteTooLong }
        guard !ratings.isEmpty || sleepHours != nil || !clean.isEmpty else { throw .empty }
        return CheckIn(id: id, at: at, ratings: ratings, sleepHours: sleepHours, note: clean)
    }

    /// The average rating of the rated symptoms in `group`, or nil when none were rated.
    public func average(_ group: SymptomGroup) -> Double? {
        Self.mean(Symptoms.group(group).compactMap { ratings[$0.id] })
    }

    /// The average of every rated symptom, or nil when none were rated.
    public var overall: Double? {
        Self.mean(Symptoms.all.compactMap { ratings[$0.id] })
    }

    static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
}

/// Why a check-in was not saved.
public enum CheckInError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownSymptom(String)
    case ratingOutOfRange
    case sleepOutOfRange
    case noteTooLong
    case empty

    public var description: String {
        switch self {
        case .unknownSymptom(let id): "There is no symptom called \"\(id)\"."
        case .ratingOutOfRange: "Each rating is from 0 (not at all) to 4 (very strong)."
        case .sleepOutOfRange: "Hours of sleep need to be between 0 and 24."
        case .noteTooLong: "That note is longer than can be saved here. Please shorten it."
        case .empty: "There was nothing to save. Rate at least one thing, or write a line."
        }
    }
}

/// What can set off an urge to reach out.
public enum UrgeTrigger: String, CaseIterable, Codable, Sendable {
    case memory, loneliness, message = "message_from_them", datePlace = "date_or_place"
    case socialMedia = "social_media", alcohol, tiredness, conflict, other

    public var label: String {
        switch self {
        case .memory: "A memory"
        case .loneliness: "Feeling lonely"
        case .message: "A message from them"
        case .datePlace: "A date or a place"
        case .socialMedia: "Social media"
        case .alcohol: "Alcohol or other drugs"
        case .tiredness: "Tired or run down"
        case .conflict: "A hard time with someone else"
        case .other: "Something else"
        }
    }
}

/// The tools and actions a person can use when an urge hits. The first six are the guided
/// tools; the rest are things people do.
public enum CopingAction: String, CaseIterable, Codable, Sendable {
    case boxBreathing = "box_breathing"
    case longExhale = "long_exhale"
    case grounding
    case muscleRelaxation = "muscle_relaxation"
    case watchThought = "watch_thought"
    case movement
    case urgeTimer = "urge_timer"
    case reasons
    case calledSomeone = "called_someone"
    case wrote
    case wentOut = "went_out"
    case waited

    public var label: String {
        switch self {
        case .boxBreathing: "Box breathing"
        case .longExhale: "Longer out-breaths"
        case .grounding: "5-4-3-2-1 grounding"
        case .muscleRelaxation: "Tense and relax"
        case .watchThought: "Watching the thought"
        case .movement: "Moving my body"
        case .urgeTimer: "Riding it out with the timer"
        case .reasons: "Reading my reasons"
        case .calledSomeone: "Talking to someone"
        case .wrote: "Writing it down"
        case .wentOut: "Going somewhere else"
        case .waited: "Just waiting"
        }
    }
}

/// One urge to reach out: how strong at the start and after, what set it off, what the person
/// did, and whether they made contact.
public struct Urge: Codable, Sendable, Equatable, Identifiable {
    public static let maxTextLength = 500
    public static let scale = 0...10

    public let id: UUID
    public let at: Date
    /// Strength at the start and afterwards, 0–10, when the person said.
    public let before: Int?
    public let after: Int?
    public let triggers: [UrgeTrigger]
    public let triggerNote: String
    public let helped: [CopingAction]
    public let note: String
    public let contacted: Bool?

    public static func validated(
        id: UUID, at: Date, before: Int?, after: Int?, triggers: [UrgeTrigger] = [], triggerNote: String = "",
        helped: [CopingAction] = [], note: String = "", contacted: Bool? = nil
    ) throws(UrgeError) -> Urge {
        for value in [before, after].compactMap({ $0 }) where !scale.contains(value) { throw .outOfRange }
        let triggerNote = triggerNote.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard triggerNote.count <= maxTextLength, note.count <= maxTextLength else { throw .tooLong }
        return Urge(
            id: id, at: at, before: before, after: after,
            triggers: UrgeTrigger.allCases.filter(triggers.contains), triggerNote: triggerNote,
            helped: CopingAction.allCases.filter(helped.contains), note: note, contacted: contacted
        )
    }

    /// How much it eased, when both numbers are known (negative when it grew).
    public var drop: Int? {
        guard let before, let after else { return nil }
        return before - after
    }
}

/// Why an urge was not saved.
public enum UrgeError: Error, Equatable, Sendable, CustomStringConvertible {
    case outOfRange
    case tooLong

    public var description: String {
        switch self {
        case .outOfRange: "Strength is from 0 (none) to 10 (the strongest). Please pick a number in that range."
        case .tooLong: "That note is longer than can be saved here. Please shorten it."
        }
    }
}

/// What the "I want to reach out" screen shows, written by the person beforehand: their reasons
/// for leaving, their crisis plan, whether to show a reminder from their own log, and the order.
public struct ReachOutPlan: Codable, Sendable, Equatable {
    /// The parts of the screen, in the order the person chose.
    public enum Part: String, CaseIterable, Codable, Sendable {
        case reasons, reminder, crisisPlan = "crisis_plan", timer, tools

        public var label: String {
            switch self {
            case .reasons: "My reasons"
            case .reminder: "A reminder from my log"
            case .crisisPlan: "My crisis plan"
            case .timer: "Ride it out"
            case .tools: "Tools that calm"
            }
        }
    }

    public static let maxLineLength = 300
    public static let maxLines = 20
    public static let timerRange = 1...60
    public static let defaultTimerMinutes = 10

    public private(set) var reasons: [String]
    public private(set) var people: [String]
    public private(set) var actions: [String]
    /// Off until the person opts in: the latest log entry's day and words.
    public var showLogReminder: Bool
    public private(set) var order: [Part]
    public private(set) var timerMinutes: Int

    public init(
        reasons: [String] = [], people: [String] = [], actions: [String] = [], showLogReminder: Bool = false,
        order: [Part] = Part.allCases, timerMinutes: Int = ReachOutPlan.defaultTimerMinutes
    ) {
        self.reasons = reasons
        self.people = people
        self.actions = actions
        self.showLogReminder = showLogReminder
        self.order = Self.normalised(order)
        self.timerMinutes = Self.timerRange.contains(timerMinutes) ? timerMinutes : Self.defaultTimerMinutes
    }

    /// The plan as typed: one item per line, blank lines dropped, each line checked.
    public static func validated(
        reasons: String, people: String, actions: String, showLogReminder: Bool, timerMinutes: Int, order: [Part]
    ) throws(ReachOutPlanError) -> ReachOutPlan {
        func lines(_ text: String) throws(ReachOutPlanError) -> [String] {
            let items = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard items.count <= maxLines else { throw .tooManyLines }
            guard items.allSatisfy({ $0.count <= maxLineLength }) else { throw .lineTooLong }
            return items
        }
        guard timerRange.contains(timerMinutes) else { throw .badTimer }
        return ReachOutPlan(
            reasons: try lines(reasons), people: try lines(people), actions: try lines(actions),
            showLogReminder: showLogReminder, order: order, timerMinutes: timerMinutes
        )
    }

    /// Moves a part one place up (towards the top) or down.
    public mutating func move(_ part: Part, up: Bool) {
        guard let index = order.firstIndex(of: part) else { return }
        let target = up ? index - 1 : index + 1
        guard order.indices.contains(target) else { return }
        order.swapAt(index, target)
    }

    /// Every part exactly once: the given order first, then any missing part in its usual place.
    static func normalised(_ order: [Part]) -> [Part] {
        var seen: [Part] = []
        for part in order where !seen.contains(part) { seen.append(part) }
        return seen + Part.allCases.filter { !seen.contains($0) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reasons: try container.decode([String].self, forKey: .reasons),
            people: try container.decode([String].self, forKey: .people),
            actions: try container.decode([String].self, forKey: .actions),
            showLogReminder: try container.decode(Bool.self, forKey: .showLogReminder),
            order: try container.decode([Part].self, forKey: .order),
            timerMinutes: try container.decode(Int.self, forKey: .timerMinutes)
        )
    }
}

/// Why the reach-out plan was not saved.
public enum ReachOutPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooManyLines
    case lineTooLong
    case badTimer

    public var description: String {
        switch self {
        case .tooManyLines: "There's room for \(ReachOutPlan.maxLines) lines in each box. Please shorten the list."
        case .lineTooLong: "Please keep each line to \(ReachOutPlan.maxLineLength) characters or fewer."
        case .badTimer: "The timer can be from \(ReachOutPlan.timerRange.lowerBound) to \(ReachOutPlan.timerRange.upperBound) minutes."
        }
    }
}

extension CheckIn: LoggedValue {
    public static var kind: RecordKind { .checkIn }
    public var loggedAt: Date { at }
}

extension Urge: LoggedValue {
    public static var kind: RecordKind { .urge }
    public var loggedAt: Date { at }
}

extension ReachOutPlan: SealedDocument {
    public static var kind: RecordKind { .reachOutPlan }
    public static var initial: Self { Self() }
}
