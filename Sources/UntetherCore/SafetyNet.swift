import Foundation

/// Someone the person can lean on: a friend, a relative, an advocate, a counsellor.
public struct SafePerson: Codable, Sendable, Equatable, Identifiable {
    public static let maxLength = 200

    public let id: UUID
    /// A name or nickname, as the person wants to see it.
    public var name: String
    /// How to reach them: a number, an address, "at work on Tuesdays".
    public var reach: String
    /// What they can help with.
    public var helpsWith: String
    public let addedAt: Date

    /// Checks and tidies what the person typed.
    public static func validated(id: UUID, name: String, reach: String, helpsWith: String, addedAt: Date) throws(SafePersonError) -> SafePerson {
        let parts = [name, reach, helpsWith].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !parts[0].isEmpty else { throw .noName }
        guard parts.allSatisfy({ $0.count <= maxLength }) else { throw .tooLong }
        return SafePerson(id: id, name: parts[0], reach: parts[1], helpsWith: parts[2], addedAt: addedAt)
    }
}

extension SafePerson: LoggedValue {
    public static var kind: RecordKind { .safePerson }
    public var loggedAt: Date { addedAt }
}

/// Why a safe person was not saved.
public enum SafePersonError: Error, Equatable, Sendable, CustomStringConvertible {
    case noName, tooLong

    public var description: String {
        switch self {
        case .noName: "Please give a name or a nickname, so you know who it is."
        case .tooLong: "Please keep each part to \(SafePerson.maxLength) characters or fewer."
        }
    }
}

/// The person's safety plan: their situation, their own words for each part, and what they
/// ticked on the checklists. Nothing in it is required.
public struct SafetyPlan: Codable, Sendable, Equatable {
    public static let maxAnswerLength = 5_000

    public var situation: SafetyPlanSituation?
    /// The person's words, by section.
    public private(set) var answers: [String: String]
    /// Ticked checklist items, by section.
    public private(set) var ticked: [String: [String]]

    public init(situation: SafetyPlanSituation? = nil) {
        self.situation = situation
        answers = [:]
        ticked = [:]
    }

    /// The sections that fit the person's situation (all of them until they choose).
    public var sections: [SafetyPlanSection] {
        guard let situation else { return SafetyPlanSection.allCases }
        return SafetyPlanSection.allCases.filter { $0.situations.contains(situation) }
    }

    /// What the person wrote for a section.
    public func answer(_ section: SafetyPlanSection) -> String { answers[section.rawValue] ?? "" }

    /// The ticked items of a section's checklist, in the checklist's order.
    public func ticked(_ section: SafetyPlanSection) -> [SafetyChecklistItem] {
        let chosen = Set(ticked[section.rawValue] ?? [])
        return section.checklist.filter { chosen.contains($0.id) }
    }

    /// Replaces one section: its words and its ticks (unknown ids are dropped).
    public mutating func update(_ section: SafetyPlanSection, answer: String, ticked ids: Set<String>) throws(SafetyPlanError) {
        let clean = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard clean.count <= Self.maxAnswerLength else { throw .tooLong }
        answers[section.rawValue] = clean.isEmpty ? nil : clean
        let known = section.checklist.map(\.id).filter(ids.contains)
        ticked[section.rawValue] = known.isEmpty ? nil : known
    }

    /// Text for the discreet print: every phone number, and each safe person's name and
    /// contact details (as whole words), replaced with "…".
    public static func discreet(_ text: String, hiding people: [SafePerson]) -> String {
        var result = ""
        for part in PhoneText.parts(text) {
            switch part {
            case .text(let words): result += words
            case .phone: result += "…"
            }
        }
        var secrets: [String] = []
        for person in people {
            secrets.append(person.name)
            secrets += person.reach.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
        }
        // Longest first, so an address is hidden whole before a name inside it.
        for secret in secrets.map({ $0.trimmingCharacters(in: .whitespaces) }).sorted(by: { $0.count > $1.count }) where secret.count >= 2 {
            let pattern = #"(?<![\p{L}\p{N}])"# + NSRegularExpression.escapedPattern(for: secret) + #"(?![\p{L}\p{N}])"#
            result = result.replacingOccurrences(of: pattern, with: "…", options: [.regularExpression, .caseInsensitive])
        }
        return result
    }

    /// True when nothing has been written or ticked yet.
    public var isEmpty: Bool { answers.isEmpty && ticked.isEmpty }
}

extension SafetyPlan: SealedDocument {
    public static var kind: RecordKind { .safetyPlan }
    public static var initial: Self { Self() }
}

/// Why part of the safety plan was not saved.
public enum SafetyPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLong

    public var description: String {
        switch self {
        case .tooLong: "That part is longer than can be saved. Please shorten it, or split it between parts."
        }
    }
}

/// When a record suggests the person is having a very hard time, the page they land on offers
/// help gently. These are the only triggers; each is a plain rule over what was saved.
public enum Distress {
    /// Hopelessness (the "low or hopeless" symptom) at 3 or more of 4.
    public static let hopelessnessThreshold = 3
    static let hopelessnessSymptom = "low"

    /// A check-in with hopelessness rated high.
    public static func needsCare(_ checkIn: CheckIn) -> Bool {
        (checkIn.ratings[hopelessnessSymptom] ?? 0) >= hopelessnessThreshold
    }

    /// An urge rated at the top of the scale, before or after.
    public static func needsCare(_ urge: Urge) -> Bool {
        [urge.before, urge.after].contains(Urge.scale.upperBound)
    }

    /// A log entry with the highest severity.
    public static func needsCare(_ incident: Incident) -> Bool {
        incident.severity == .five
    }
}

/// Text with the phone numbers in it marked, so a page can make each one a tap-to-call link.
public enum PhoneText {
    /// A run of text, or a phone number with the digits to dial.
    public enum Part: Sendable, Equatable {
        case text(String)
        case phone(shown: String, dial: String)
    }

    /// Splits text into plain runs and phone numbers: 7 to 15 digits, optionally starting with
    /// "+", with single spaces, dashes, dots or brackets between them.
    public static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var plain = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if let (end, dial) = phone(in: characters, from: index) {
                if !plain.isEmpty { parts.append(.text(plain)); plain = "" }
                parts.append(.phone(shown: String(characters[index..<end]), dial: dial))
                index = end
            } else {
                plain.append(characters[index])
                index += 1
            }
        }
        if !plain.isEmpty { parts.append(.text(plain)) }
        return parts
    }

    /// A phone number starting at `start`, if one does: where it ends and its digits.
    static func phone(in characters: [Character], from start: Int) -> (end: Int, dial: String)? {
        // Only where a number starts: not in the middle of a word or another number.
        if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "+" { return nil }
        var index = start
        var dial = ""
        if characters[index] == "+" { dial = "+"; index += 1 }
        var lastDigit = -1
        var separators = 0
        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber {
                dial.append(character)
                lastDigit = index
                separators = 0
            } else if " -.()".contains(character), separators == 0 || (character == "(" && separators == 1) {
                separators += 1
            } else {
                break
            }
            index += 1
        }
        let digits = dial.filter(\.isNumber).count
        guard lastDigit >= start, (7...15).contains(digits) else { return nil }
        let end = lastDigit + 1
        // A number glued to letters ("abc1234567") is not a phone number.
        if end < characters.count, characters[end].isLetter { return nil }
        return (end, dial)
    }
}
