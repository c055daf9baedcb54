import Foundation

/// Step 6: small wins, written down and celebrated quietly, beside the milestones the other
/// steps already hold (days without reaching out, a first entry, a swap that helped).
public struct Victory: Codable, Sendable, Equatable, Identifiable {
    public static let maxLength = 500

    public let id: UUID
    public let on: CalendarDay
    public let text: String
    public let recordedAt: Date

    public static func validated(id: UUID, on: String, text: String, recordedAt: Date, today: CalendarDay) throws(VictoryError) -> Victory {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.count <= maxLength else { throw .tooLong }
        guard let day = CalendarDay(on.trimmingCharacters(in: .whitespaces)) else { throw .badDate }
        guard day <= today else { throw .future }
        return Victory(id: id, on: day, text: text, recordedAt: recordedAt)
    }
}

extension Victory: LoggedValue {
    public static var kind: RecordKind { .victory }
    public var loggedAt: Date { recordedAt }
}

/// Why a win or a kinder-voice note was not saved.
public enum VictoryError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty, tooLong, badDate, future

    public var description: String {
        switch self {
        case .empty: "Please write a few words first."
        case .tooLong: "That is longer than can be saved here. Please shorten it."
        case .badDate: "Please give the day as year-month-day, for example 2026-03-14."
        case .future: "That day has not happened yet. Please choose today or an earlier day."
        }
    }
}

/// A win the other steps already show, worked out from the records.
public struct EarnedMilestone: Sendable, Equatable {
    public let text: String
    /// The day it happened, when one day can be named.
    public let on: CalendarDay?

    /// The milestones in the records, as of `today`, in the person's own days; the latest first,
    /// counts without a day last.
    public static func from(
        incidents: [Incident], checkIns: [CheckIn], journal: [JournalEntry], urges: [Urge], decisions: [Decision], swapTries: [SwapTry],
        streak: Streaks.Summary?, today: CalendarDay, timeZone: TimeZone
    ) -> [EarnedMilestone] {
        var dated: [EarnedMilestone] = []
        if let first = incidents.map({ CalendarDay($0.recordedAt, in: timeZone) }).min() {
            dated.append(EarnedMilestone(text: "You wrote down what happened for the first time.", on: first))
        }
        if let first = checkIns.map({ CalendarDay($0.at, in: timeZone) }).min() {
            dated.append(EarnedMilestone(text: "Your first check-in on how you feel.", on: first))
        }
        if let first = journal.map(\.date).min() {
            dated.append(EarnedMilestone(text: "Your first entry in the reality journal.", on: first))
        }
        if let first = urges.filter({ ($0.drop ?? 0) > 0 }).map({ CalendarDay($0.at, in: timeZone) }).min() {
            dated.append(EarnedMilestone(text: "You rode out an urge and it eased.", on: first))
        }
        if let streak, let milestone = streak.milestone {
            let reached = today.adding(days: -(streak.current - milestone))
            dated.append(EarnedMilestone(text: "\(milestone) \(milestone == 1 ? "day" : "days") without reaching out.", on: reached))
        }
        var counts: [EarnedMilestone] = []
        let ridden = urges.filter { ($0.drop ?? 0) > 0 }.count
        if ridden > 1 { counts.append(EarnedMilestone(text: "\(ridden) urges ridden out until they eased.", on: nil)) }
        let wentWell = decisions.filter { $0.wentWell == true }.count
        if wentWell > 0 { counts.append(EarnedMilestone(text: "\(wentWell) \(wentWell == 1 ? "decision" : "decisions") that turned out well.", on: nil)) }
        let helped = swapTries.filter { $0.outcome == .helped || $0.outcome == .some }.count
        if helped > 0 { counts.append(EarnedMilestone(text: "A healthy swap helped \(helped == 1 ? "once" : "\(helped) times").", on: nil)) }
        return dated.sorted { ($0.on ?? today) > ($1.on ?? today) } + counts
    }
}

/// Step 6: a kinder voice. A harsh belief about yourself, what seems to support it, what does
/// not, and a kinder way to say it.
public struct KinderVoice: Codable, Sendable, Equatable, Identifiable {
    public static let maxLength = 1_000

    public let id: UUID
    public let at: Date
    public let belief: String
    public let supports: String
    public let against: String
    public let kinder: String

    public static func validated(id: UUID, at: Date, belief: String, supports: String, against: String, kinder: String) throws(VictoryError) -> KinderVoice {
        let parts = [belief, supports, against, kinder].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !parts[0].isEmpty else { throw .empty }
        guard parts.allSatisfy({ $0.count <= maxLength }) else { throw .tooLong }
        return KinderVoice(id: id, at: at, belief: parts[0], supports: parts[1], against: parts[2], kinder: parts[3])
    }
}

extension KinderVoice: LoggedValue {
    public static var kind: RecordKind { .kinderVoice }
    public var loggedAt: Date { at }
}
