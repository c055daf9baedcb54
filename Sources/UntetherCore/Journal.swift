import Foundation

/// A reality-journal entry: what happened (as a camera would have seen it), what the person felt
/// and thought, and what they know to be true. Any part may be empty, but not all three.
/// Entries can be edited: the journal is the person's own, not evidence.
public struct JournalEntry: Codable, Sendable, Equatable, Identifiable {
    public static let maxPartLength = 20_000
    public static let maxTags = 12
    public static let maxTagLength = 40
    public static let moods = 1...5

    public let id: UUID
    /// The day it is about.
    public var date: CalendarDay
    public var facts: String
    public var feelings: String
    public var truths: String
    /// 1 (very low) to 5 (very good), when given.
    public var mood: Int?
    public var tags: [String]
    public let createdAt: Date
    public var updatedAt: Date

    /// Checks and tidies what the person wrote.
    public static func validated(
        id: UUID, date: String, facts: String, feelings: String, truths: String, mood: Int? = nil, tags: [String] = [],
        createdAt: Date, updatedAt: Date, today: CalendarDay
    ) throws(JournalError) -> JournalEntry {
        guard let day = CalendarDay(date) else { throw .badDate }
        guard day <= today else { throw .futureDate }
        let parts = [facts, feelings, truths].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.contains(where: { !$0.isEmpty }) else { throw .empty }
        guard parts.allSatisfy({ $0.count <= maxPartLength }) else { throw .tooLong }
        if let mood, !moods.contains(mood) { throw .badMood }
        let cleanTags = try Self.tags(tags)
        return JournalEntry(
            id: id, date: day, facts: parts[0], feelings: parts[1], truths: parts[2], mood: mood, tags: cleanTags,
            createdAt: createdAt, updatedAt: updatedAt
        )
    }

    /// Tags: trimmed, without a leading #, lower case, no repeats, in the order given.
    public static func tags(_ raw: [String]) throws(JournalError) -> [String] {
        var seen: [String] = []
        for tag in raw {
            let clean = tag.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "#")).lowercased()
            guard !clean.isEmpty else { continue }
            guard clean.count <= maxTagLength else { throw .tagTooLong }
            if !seen.contains(clean) { seen.append(clean) }
        }
        guard seen.count <= maxTags else { throw .tooManyTags }
        return seen
    }

    /// Tags typed in one box, separated by commas.
    public static func tags(fromText text: String) throws(JournalError) -> [String] {
        try tags(text.split(separator: ",").map(String.init))
    }
}

/// Why a journal entry was not saved.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    case badDate, futureDate, empty, tooLong, badMood, tagTooLong, tooManyTags

    public var description: String {
        switch self {
        case .badDate: "Please give the day as a date, like 2026-11-20."
        case .futureDate: "That day hasn't come yet. Please check the date."
        case .empty: "Write something in at least one of the three parts, in any order."
        case .tooLong: "One part is longer than can be saved. Please split it into two entries."
        case .badMood: "Mood is from 1 (very low) to 5 (very good)."
        case .tagTooLong: "Please keep each tag to \(JournalEntry.maxTagLength) characters or fewer."
        case .tooManyTags: "There's room for \(JournalEntry.maxTags) tags on an entry."
        }
    }
}

/// A moment in the relationship the person marks on their own timeline.
public struct Milestone: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case met, together, movedIn = "moved_in", firstIncident = "first_incident", left, returned
        case noContact = "no_contact", other

        public var label: String {
            switch self {
            case .met: "We met"
            case .together: "We got together"
            case .movedIn: "We moved in together"
            case .firstIncident: "The first time I now see as harm"
            case .left: "I left"
            case .returned: "I went back"
            case .noContact: "No contact began"
            case .other: "Something else"
            }
        }
    }

    public static let maxNoteLength = 300

    public let id: UUID
    public let date: CalendarDay
    public let kind: Kind
    public let note: String

    public static func validated(id: UUID, date: String, kind: Kind, note: String, today: CalendarDay) throws(JournalError) -> Milestone {
        guard let day = CalendarDay(date) else { throw .badDate }
        guard day <= today else { throw .futureDate }
        let clean = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard clean.count <= maxNoteLength else { throw .tooLong }
        return Milestone(id: id, date: day, kind: kind, note: clean)
    }

    /// The moment the day begins in UTC, for ordering and drawing.
    public var day: Date { date.startUTC }
}

/// A decision made while rebuilding self-trust: what the gut said, what the person chose, and
/// later, how it turned out.
public struct Decision: Codable, Sendable, Equatable, Identifiable {
    public static let maxTextLength = 2_000

    /// Whether the gut was right, looking back.
    public enum GutCheck: String, CaseIterable, Codable, Sendable {
        case right, partly, wrong

        public var label: String {
            switch self {
            case .right: "My gut was right"
            case .partly: "Partly"
            case .wrong: "My gut was off this time"
            }
        }
    }

    public let id: UUID
    public let madeOn: CalendarDay
    public var decision: String
    public var gut: String
    public var chose: String
    /// When to look back.
    public var reviewOn: CalendarDay
    /// Filled in later.
    public var outcome: String
    public var wentWell: Bool?
    public var gutCheck: GutCheck?

    public var isReviewed: Bool { wentWell != nil || gutCheck != nil || !outcome.isEmpty }

    /// Due for a look back on `today` and not yet reviewed.
    public func isDue(today: CalendarDay) -> Bool { !isReviewed && reviewOn <= today }

    public static func validated(
        id: UUID, madeOn: String, decision: String, gut: String, chose: String, reviewOn: String
    ) throws(JournalError) -> Decision {
        let texts = [decision, gut, chose].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !texts[0].isEmpty else { throw .empty }
        guard texts.allSatisfy({ $0.count <= maxTextLength }) else { throw .tooLong }
        guard let madeOn = CalendarDay(madeOn), let reviewOn = CalendarDay(reviewOn) else { throw .badDate }
        return Decision(id: id, madeOn: madeOn, decision: texts[0], gut: texts[1], chose: texts[2], reviewOn: max(reviewOn, madeOn),
                        outcome: "", wentWell: nil, gutCheck: nil)
    }

    /// The same decision with how it turned out.
    public func reviewed(outcome: String, wentWell: Bool?, gutCheck: GutCheck?) throws(JournalError) -> Decision {
        let clean = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard clean.count <= Self.maxTextLength else { throw .tooLong }
        guard !clean.isEmpty || wentWell != nil || gutCheck != nil else { throw .empty }
        var copy = self
        copy.outcome = clean
        copy.wentWell = wentWell
        copy.gutCheck = gutCheck
        return copy
    }

    /// Times the person trusted their gut and it went well: the point of the log.
    public static func trustedAndWentWell(_ decisions: [Decision]) -> Int {
        decisions.filter { $0.wentWell == true && $0.gutCheck == .right }.count
    }
}

extension JournalEntry: LoggedValue {
    public static var kind: RecordKind { .journal }
    /// Entries are ordered by when they were first written.
    public var loggedAt: Date { createdAt }
}

extension Milestone: LoggedValue {
    public static var kind: RecordKind { .milestone }
    public var loggedAt: Date { day }
}

extension Decision: LoggedValue {
    public static var kind: RecordKind { .decision }
    public var loggedAt: Date { madeOn.startUTC }
}
