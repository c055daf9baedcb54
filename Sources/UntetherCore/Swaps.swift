import Foundation

/// Step 5: five healthy swaps for ways of coping that a hard relationship teaches, each made a
/// personal plan ("when I notice …, I will try …") with a log of tries.
public enum HealthySwap: String, CaseIterable, Codable, Sendable {
    case numbing
    case pleasing
    case vigilance
    case selfAnger = "self_anger"
    case isolation

    /// The old way, in a few words.
    public var from: String {
        switch self {
        case .numbing: "Numbing out"
        case .pleasing: "Keeping everyone happy"
        case .vigilance: "Always on guard"
        case .selfAnger: "Anger at myself"
        case .isolation: "Pulling away from people"
        }
    }

    /// The swap, in a few words.
    public var to: String {
        switch self {
        case .numbing: "Noticing what I feel"
        case .pleasing: "Saying what I need"
        case .vigilance: "Steady, calm awareness"
        case .selfAnger: "One small kind action"
        case .isolation: "Time with people I choose"
        }
    }

    /// Why the swap helps, in a line or two.
    public var why: String {
        switch self {
        case .numbing: "Shutting feelings off once kept you going. Naming a feeling, even just to yourself, lets it pass instead of piling up."
        case .pleasing: "Keeping the peace may have kept you safer. Where it feels safe to, a small, clear no is practice in trusting that your needs count."
        case .vigilance: "Watching for danger was wise. When you are somewhere safe, a slow breath and a look around can help your body settle."
        case .selfAnger: "Blaming yourself can feel like control. One small step for yourself does more than going over what went wrong."
        case .isolation: "Being cut off was part of the harm. A short call or a walk with someone you trust rebuilds the links."
        }
    }

    /// A first idea for "I will try …", for a person who is not sure where to start.
    public var example: String {
        switch self {
        case .numbing: "naming the feeling out loud and rating it from 0 to 10"
        case .pleasing: "saying \"let me think about it\" before I say yes"
        case .vigilance: "five slow breaths, then naming three things I can see"
        case .selfAnger: "writing down one thing I did well today"
        case .isolation: "texting one friend to fix a time to meet"
        }
    }
}

/// The person's plan for each swap they have taken up.
public struct SwapPlan: Codable, Sendable, Equatable {
    public static let maxLength = 300

    public struct Entry: Codable, Sendable, Equatable {
        /// "When I notice …"
        public var notice: String
        /// "I will try …"
        public var attempt: String

        public init(notice: String, attempt: String) {
            self.notice = notice
            self.attempt = attempt
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public func entry(_ swap: HealthySwap) -> Entry? { entries[swap.rawValue] }

    /// The swaps the person has a plan for, in the list's order.
    public var planned: [HealthySwap] { HealthySwap.allCases.filter { entries[$0.rawValue] != nil } }

    /// Sets a swap's plan; both empty removes it.
    public mutating func set(_ swap: HealthySwap, notice: String, attempt: String) throws(SwapError) {
        let notice = notice.trimmingCharacters(in: .whitespacesAndNewlines)
        let attempt = attempt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard notice.count <= Self.maxLength, attempt.count <= Self.maxLength else { throw .tooLong }
        if notice.isEmpty && attempt.isEmpty {
            entries[swap.rawValue] = nil
            return
        }
        guard !attempt.isEmpty else { throw .noAttempt }
        entries[swap.rawValue] = Entry(notice: notice, attempt: attempt)
    }
}

extension SwapPlan: SealedDocument {
    public static var kind: RecordKind { .swapPlan }
    public static var initial: SwapPlan { SwapPlan() }
}

/// A time the person tried a swap.
public struct SwapTry: Codable, Sendable, Equatable, Identifiable {
    public static let maxNoteLength = 1_000

    public enum Outcome: String, CaseIterable, Codable, Sendable {
        case helped, some, notYet = "not_yet"

        public var label: String {
            switch self {
            case .helped: "It helped"
            case .some: "A little"
            case .notYet: "Not this time"
            }
        }
    }

    public let id: UUID
    public let swap: HealthySwap
    public let at: Date
    public let outcome: Outcome?
    public let note: String

    public static func validated(id: UUID, swap: HealthySwap, at: Date, outcome: Outcome?, note: String) throws(SwapError) -> SwapTry {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= maxNoteLength else { throw .tooLong }
        return SwapTry(id: id, swap: swap, at: at, outcome: outcome, note: note)
    }

    /// Tries of each swap, and how many helped at least a little, in the list's order.
    public static func tally(_ tries: [SwapTry]) -> [(swap: HealthySwap, tries: Int, helped: Int)] {
        HealthySwap.allCases.compactMap { swap in
            let mine = tries.filter { $0.swap == swap }
            guard !mine.isEmpty else { return nil }
            return (swap, mine.count, mine.filter { $0.outcome == .helped || $0.outcome == .some }.count)
        }
    }
}

extension SwapTry: LoggedValue {
    public static var kind: RecordKind { .swapTry }
    public var loggedAt: Date { at }
}

/// Why a swap or a try was not saved.
public enum SwapError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLong, noAttempt

    public var description: String {
        switch self {
        case .tooLong: "That is longer than can be saved here. Please shorten it."
        case .noAttempt: "Please say what you will try, even something small."
        }
    }
}
