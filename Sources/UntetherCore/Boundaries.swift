import Foundation

/// Step 6: boundaries in the person's own words, lines to practise saying no without
/// justifying, and a log of the times they held one.
public struct BoundaryPlan: Codable, Sendable, Equatable {
    public static let maxItems = 20
    public static let maxLength = 200

    /// My boundaries, one each.
    public var mine: [String]
    /// Lines I practise, one each.
    public var practice: [String]

    public init(mine: [String] = [], practice: [String] = []) {
        self.mine = mine
        self.practice = practice
    }

    /// Lines to borrow, in our own words: short, calm, no reasons given.
    public static let lines = [
        "No, that doesn't work for me.",
        "I'm not able to do that.",
        "I've decided not to.",
        "I won't talk about that.",
        "I need some time to think. I'll let you know.",
        "That's my decision.",
        "Please don't contact me about this again.",
    ]

    /// Sets both lists from text, one a line; blank lines and repeats are dropped.
    public mutating func update(mine: String, practice: String) throws(BoundaryError) {
        func items(_ text: String) throws(BoundaryError) -> [String] {
            var seen = Set<String>()
            var result: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let item = line.trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty, seen.insert(item.lowercased()).inserted else { continue }
                guard item.count <= Self.maxLength else { throw .tooLong }
                result.append(item)
            }
            guard result.count <= Self.maxItems else { throw .tooMany }
            return result
        }
        let newMine = try items(mine)
        let newPractice = try items(practice)
        self.mine = newMine
        self.practice = newPractice
    }
}

extension BoundaryPlan: SealedDocument {
    public static var kind: RecordKind { .boundaries }
    public static var initial: BoundaryPlan { BoundaryPlan() }
}

/// A time the person held a boundary.
public struct BoundaryHeld: Codable, Sendable, Equatable, Identifiable {
    public static let maxNoteLength = 1_000

    public let id: UUID
    public let on: CalendarDay
    public let boundary: String
    public let note: String
    public let recordedAt: Date

    public static func validated(id: UUID, on: String, boundary: String, note: String, recordedAt: Date, today: CalendarDay) throws(BoundaryError) -> BoundaryHeld {
        let boundary = boundary.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !boundary.isEmpty else { throw .noBoundary }
        guard boundary.count <= BoundaryPlan.maxLength, note.count <= maxNoteLength else { throw .tooLong }
        guard let day = CalendarDay(on.trimmingCharacters(in: .whitespaces)) else { throw .badDate }
        guard day <= today else { throw .future }
        return BoundaryHeld(id: id, on: day, boundary: boundary, note: note, recordedAt: recordedAt)
    }

    /// How many times each boundary was held, most often first.
    public static func counts(_ held: [BoundaryHeld]) -> [(boundary: String, times: Int)] {
        var counts: [String: Int] = [:]
        for item in held { counts[item.boundary, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.times, $1.boundary) > ($1.times, $0.boundary) }
    }
}

extension BoundaryHeld: LoggedValue {
    public static var kind: RecordKind { .boundaryHeld }
    public var loggedAt: Date { recordedAt }
}

/// Why a boundary change was not saved.
public enum BoundaryError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLong, tooMany, noBoundary, badDate, future

    public var description: String {
        switch self {
        case .tooLong: "That is longer than can be saved here. Please shorten it."
        case .tooMany: "Please keep each list to 20 lines at most."
        case .noBoundary: "Please say which boundary you held."
        case .badDate: "Please give the day as year-month-day, for example 2026-03-14."
        case .future: "That day has not happened yet. Please choose today or an earlier day."
        }
    }
}
