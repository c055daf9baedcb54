import Foundation

/// Step 6: goals of the person's own, with small steps and progress, and interests (loved
/// before, or new to try) with a small "I did it" log.
public struct Goal: Codable, Sendable, Equatable, Identifiable {
    public static let maxTitleLength = 120
    public static let maxSteps = 12
    public static let maxStepLength = 200

    public struct Step: Codable, Sendable, Equatable {
        public var text: String
        public var done: Bool
    }

    public let id: UUID
    public var title: String
    public var steps: [Step]
    public let createdAt: Date

    /// A goal from a title and its steps, one a line.
    public static func validated(id: UUID, title: String, steps: String, createdAt: Date) throws(GoalError) -> Goal {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .noTitle }
        guard title.count <= maxTitleLength else { throw .tooLong }
        let lines = steps.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count <= maxSteps else { throw .tooManySteps }
        guard lines.allSatisfy({ $0.count <= maxStepLength }) else { throw .tooLong }
        return Goal(id: id, title: title, steps: lines.map { Step(text: $0, done: false) }, createdAt: createdAt)
    }

    /// Marks the steps at these positions done, and the others not.
    public mutating func mark(done positions: Set<Int>) {
        for index in steps.indices { steps[index].done = positions.contains(index) }
    }

    public var doneCount: Int { steps.filter(\.done).count }
    public var isDone: Bool { !steps.isEmpty && doneCount == steps.count }
}

extension Goal: LoggedValue {
    public static var kind: RecordKind { .goal }
    public var loggedAt: Date { createdAt }
}

public struct Interest: Codable, Sendable, Equatable, Identifiable {
    public static let maxNameLength = 80

    public enum Origin: String, CaseIterable, Codable, Sendable {
        case before, new

        public var label: String {
            switch self {
            case .before: "Something I loved before"
            case .new: "Something new to try"
            }
        }
    }

    public let id: UUID
    public let name: String
    public let origin: Origin
    /// The days the person did it, oldest first, each once.
    public var done: [CalendarDay]
    public let createdAt: Date

    public static func validated(id: UUID, name: String, origin: Origin, createdAt: Date) throws(GoalError) -> Interest {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .noTitle }
        guard name.count <= maxNameLength else { throw .tooLong }
        return Interest(id: id, name: name, origin: origin, done: [], createdAt: createdAt)
    }

    /// Notes that the person did it on `day` (once a day).
    public mutating func didIt(on day: CalendarDay) {
        guard !done.contains(day) else { return }
        done.append(day)
        done.sort()
    }
}

extension Interest: LoggedValue {
    public static var kind: RecordKind { .interest }
    public var loggedAt: Date { createdAt }
}

/// Why a goal or an interest was not saved.
public enum GoalError: Error, Equatable, Sendable, CustomStringConvertible {
    case noTitle, tooLong, tooManySteps

    public var description: String {
        switch self {
        case .noTitle: "Please give it a name first."
        case .tooLong: "That is longer than can be saved here. Please shorten it."
        case .tooManySteps: "Please keep it to 12 small steps at most. A bigger goal can be split into two."
        }
    }
}
