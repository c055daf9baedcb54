import Foundation

/// Step 7: what keeps recovery going (a maintenance plan the person reviews when they want;
/// Untether never sends reminders) and steps toward resilience, each with the person's own note.
public struct StayingFreePlan: Codable, Sendable, Equatable {
    public static let maxNoteLength = 500

    /// One part of either list.
    public struct Part: Sendable, Equatable, Identifiable {
        public let id: String
        public let title: String
        public let hint: String
    }

    public static let maintenance: [Part] = [
        Part(id: "check_ins", title: "Check in with myself", hint: "How often, and how: a check-in here, a walk, a journal page."),
        Part(id: "therapy", title: "Therapy or a support group", hint: "Who, and when you go."),
        Part(id: "people", title: "People I stay close to", hint: "Who you will call or see, and how often."),
        Part(id: "self_care", title: "Looking after my body", hint: "Sleep, food, movement, rest."),
        Part(id: "boundaries", title: "Boundaries I keep", hint: "The lines that keep you well."),
    ]

    public static let resilience: [Part] = [
        Part(id: "money", title: "Money of my own", hint: "For example: an account only I use, some savings, knowing what I earn and owe."),
        Part(id: "support", title: "More than one source of support", hint: "Friends, family, a group, a help line, a professional."),
        Part(id: "interests", title: "Interests of my own", hint: "Things you do just for you."),
        Part(id: "speaking_up", title: "Speaking up", hint: "Saying what you think and need, in small ways first."),
    ]

    public struct Entry: Codable, Sendable, Equatable {
        public var done: Bool
        public var note: String
    }

    /// By part id.
    public var entries: [String: Entry]
    /// The day the person last looked it over.
    public var reviewedOn: CalendarDay?

    public init(entries: [String: Entry] = [:], reviewedOn: CalendarDay? = nil) {
        self.entries = entries
        self.reviewedOn = reviewedOn
    }

    public func entry(_ part: Part) -> Entry { entries[part.id] ?? Entry(done: false, note: "") }

    /// Saves the parts of one list, marking the plan reviewed on `today`.
    public mutating func update(_ parts: [Part], done: Set<String>, notes: [String: String], today: CalendarDay) throws(SwapError) {
        var updated = entries
        for part in parts {
            let note = (notes[part.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard note.count <= Self.maxNoteLength else { throw .tooLong }
            let entry = Entry(done: done.contains(part.id), note: note)
            updated[part.id] = entry.done || !entry.note.isEmpty ? entry : nil
        }
        entries = updated
        reviewedOn = today
    }

    /// How many parts of a list are ticked.
    public func doneCount(_ parts: [Part]) -> Int { parts.filter { entry($0).done }.count }
}

extension StayingFreePlan: SealedDocument {
    public static var kind: RecordKind { .stayingFree }
    public static var initial: StayingFreePlan { StayingFreePlan() }
}
