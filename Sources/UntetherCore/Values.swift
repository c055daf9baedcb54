import Foundation

/// Step 6: values of the person's own, the five that matter most, and a mission statement built
/// from them step by step. One sealed document; nothing here is about the relationship.
public struct ValuesPlan: Codable, Sendable, Equatable {
    public static let maxOwnValues = 12
    public static let maxValueLength = 40
    public static let maxAnswerLength = 300
    public static let maxStatementLength = 1_500
    public static let topCount = 5

    /// Values chosen from the list, by id, in the list's order.
    public var chosen: [String]
    /// Values in the person's own words.
    public var own: [String]
    /// The most important, first to fifth, as they read (a list value's label or an own value).
    public var top: [String]
    /// The answers the statement is built from.
    public var treatMyself: String
    public var treatOthers: String
    public var days: String
    /// The statement itself, in the person's words (a draft from the answers until they edit it).
    public var statement: String

    public init(chosen: [String] = [], own: [String] = [], top: [String] = [], treatMyself: String = "", treatOthers: String = "", days: String = "", statement: String = "") {
        self.chosen = chosen
        self.own = own
        self.top = top
        self.treatMyself = treatMyself
        self.treatOthers = treatOthers
        self.days = days
        self.statement = statement
    }

    /// Every value the person holds, as it reads: the chosen ones in the list's order, then their own.
    public var all: [String] { chosen.compactMap { CoreValue.byID[$0]?.label } + own }

    /// Sets the chosen values and the person's own (one a line, or separated by commas), dropping
    /// top choices that are no longer held.
    public mutating func choose(_ ids: Set<String>, own text: String) throws(ValuesError) {
        let known = CoreValue.all.map(\.id).filter(ids.contains)
        var own: [String] = []
        for part in text.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "\r" }) {
            let value = part.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            guard value.count <= Self.maxValueLength else { throw .valueTooLong }
            let taken = Set((own + known.compactMap { CoreValue.byID[$0]?.label }).map { $0.lowercased() })
            if !taken.contains(value.lowercased()) { own.append(value) }
        }
        guard own.count <= Self.maxOwnValues else { throw .tooManyOwn }
        chosen = known
        self.own = own
        top = top.filter(all.contains)
    }

    /// Sets the top five, first to fifth; each must be one the person holds, once.
    public mutating func rank(_ picks: [String]) throws(ValuesError) {
        let picked = picks.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard picked.allSatisfy(all.contains) else { throw .notHeld }
        guard Set(picked).count == picked.count else { throw .twice }
        top = Array(picked.prefix(Self.topCount))
    }

    /// Sets the three answers, checking their length.
    public mutating func answer(treatMyself: String, treatOthers: String, days: String) throws(ValuesError) {
        let answers = [treatMyself, treatOthers, days].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard answers.allSatisfy({ $0.count <= Self.maxAnswerLength }) else { throw .tooLong }
        (self.treatMyself, self.treatOthers, self.days) = (answers[0], answers[1], answers[2])
    }

    /// A first draft of the statement, made only from the person's own choices and words.
    public var draftStatement: String {
        var sentences: [String] = []
        let values = top.isEmpty ? Array(all.prefix(3)) : top
        if !values.isEmpty { sentences.append("What matters most to me is " + Self.list(values.map { $0.lowercased() }) + ".") }
        if !treatMyself.isEmpty { sentences.append("I treat myself with " + Self.clause(treatMyself) + ".") }
        if !treatOthers.isEmpty { sentences.append("I treat others with " + Self.clause(treatOthers) + ".") }
        if !days.isEmpty { sentences.append("I make room in my days for " + Self.clause(days) + ".") }
        return sentences.joined(separator: " ")
    }

    /// Saves the statement as written.
    public mutating func write(_ text: String) throws(ValuesError) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= Self.maxStatementLength else { throw .tooLong }
        statement = text
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// An answer fitted into a sentence: no full stop at the end, a lower-case start unless it is "I".
    static func clause(_ text: String) -> String {
        var text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .!\n"))
        if let first = text.first, !text.hasPrefix("I "), first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}

extension ValuesPlan: SealedDocument {
    public static var kind: RecordKind { .values }
    public static var initial: ValuesPlan { ValuesPlan() }
}

/// A value from the list, in plain words.
public struct CoreValue: Sendable, Equatable, Identifiable {
    public let id: String
    public let label: String

    public static let all: [CoreValue] = [
        ("honesty", "Honesty"), ("kindness", "Kindness"), ("freedom", "Freedom"), ("family", "Family"), ("friendship", "Friendship"),
        ("creativity", "Creativity"), ("learning", "Learning"), ("health", "Health"), ("faith", "Faith"), ("adventure", "Adventure"),
        ("security", "Security"), ("fairness", "Fairness"), ("independence", "Independence"), ("community", "Community"),
        ("humour", "Humour"), ("courage", "Courage"), ("calm", "Calm"), ("loyalty", "Loyalty"), ("respect", "Respect"),
        ("growth", "Growth"), ("nature", "Nature"), ("generosity", "Generosity"), ("curiosity", "Curiosity"), ("peace", "Peace"),
        ("work", "Good work"), ("beauty", "Beauty"), ("simplicity", "Simplicity"), ("play", "Play"), ("self_respect", "Self-respect"),
        ("caring", "Caring for others"),
    ].map { CoreValue(id: $0.0, label: $0.1) }

    static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

/// Why a change to the values was not saved.
public enum ValuesError: Error, Equatable, Sendable, CustomStringConvertible {
    case valueTooLong, tooManyOwn, notHeld, twice, tooLong

    public var description: String {
        switch self {
        case .valueTooLong: "Please keep each value to a few words (40 letters at most)."
        case .tooManyOwn: "Please add at most 12 values of your own. You can change them at any time."
        case .notHeld: "Please pick your top five from the values you chose."
        case .twice: "Each value can be picked only once. Please pick a different one."
        case .tooLong: "That is longer than can be saved here. Please shorten it."
        }
    }
}
