import Foundation

/// The day-by-day plan's engine (issue 18): where the person is in the 90 days, and what today
/// should be, as a pure function of the plan's state and their recent records. It never
/// restarts: a contact they started, a hard check-in or a danger sign changes today, and the
/// sequence continues where it was; missed days do not pile up.
public enum PlanTrack: String, CaseIterable, Codable, Sendable {
    /// Still in the relationship: safety first, no pressure to leave.
    case staying
    case justLeft = "just_left"
    /// In touch because of children, work, money, housing or court.
    case lowContact = "low_contact"
    case monthsOut = "months_out"
}

/// What the person has done so far. Kept sealed as one document.
public struct PlanState: Codable, Sendable, Equatable {
    public static let length = 90

    public enum Mark: String, Codable, Sendable {
        /// A day of the sequence, done.
        case done
        /// A day of the sequence, skipped by choice.
        case skipped
        /// A support, lighter, practice or safety day, done.
        case extra
    }

    public struct Entry: Codable, Sendable, Equatable {
        /// The sequence day it was about (for an extra day, the day it came before).
        public let day: Int
        public let on: CalendarDay
        public let mark: Mark
        /// Why an extra day was given (a `PlanToday.Kind` raw value), for extra days.
        public let reason: String?
    }

    /// False until the person starts the plan.
    public var isStarted: Bool
    public var startedOn: CalendarDay
    public var track: PlanTrack
    /// The next day of the sequence, 1 to 90 (91 when all are done).
    public var next: Int
    public var entries: [Entry]
    public var pausedOn: CalendarDay?

    public init(startedOn: CalendarDay, track: PlanTrack, isStarted: Bool = true) {
        self.isStarted = isStarted
        self.startedOn = startedOn
        self.track = track
        next = 1
        entries = []
        pausedOn = nil
    }

    public var isFinished: Bool { next > Self.length }

    /// Days of the sequence done, not counting skips or extra days.
    public var doneCount: Int { entries.filter { $0.mark == .done }.count }

    /// Marks today's card done. A day of the sequence moves the plan on; an extra day does not.
    public mutating func complete(_ today: PlanToday, on day: CalendarDay) {
        switch today.kind {
        case .sequence:
            entries.append(Entry(day: today.day, on: day, mark: .done, reason: nil))
            next = min(Self.length + 1, today.day + 1)
        case .paused, .finished:
            break
        default:
            entries.append(Entry(day: today.day, on: day, mark: .extra, reason: today.kind.rawValue))
        }
    }

    /// Skips today's day of the sequence; the next one comes tomorrow.
    public mutating func skip(on day: CalendarDay) {
        guard !isFinished else { return }
        entries.append(Entry(day: next, on: day, mark: .skipped, reason: nil))
        next += 1
    }

    /// Goes back one day of the sequence, to do it again.
    public mutating func repeatPrevious() {
        next = max(1, next - 1)
    }

    public mutating func pause(on day: CalendarDay) { pausedOn = day }
    public mutating func resume() { pausedOn = nil }

    /// Changes the track; progress is kept.
    public mutating func change(to track: PlanTrack) { self.track = track }

    /// True when something other than a skip was marked on `day`: today's step is done.
    public func didStep(on day: CalendarDay) -> Bool {
        entries.contains { $0.on == day && $0.mark != .skipped }
    }

    /// True when an extra day for `reason` was already marked on or after `day`.
    func handled(_ reason: PlanToday.Kind, since day: CalendarDay) -> Bool {
        entries.contains { $0.mark == .extra && $0.reason == reason.rawValue && $0.on >= day }
    }
}

extension PlanState: SealedDocument {
    public static var kind: RecordKind { .dayPlan }
    public static var initial: PlanState { PlanState(startedOn: "2000-01-01", track: .justLeft, isStarted: false) }
}

/// What the person's recent records say, in their own calendar days; worked out by the caller.
public struct PlanSignals: Sendable {
    /// Days the person started a contact.
    public var contactsStarted: [CalendarDay]
    /// Check-ins: the day, the "low or hopeless" rating and the mean of all ratings (0 to 4).
    public var checkIns: [(day: CalendarDay, hopeless: Int?, overall: Double?)]
    /// Days with an urge logged.
    public var urgeDays: [CalendarDay]
    /// Days of log entries with a danger sign or severity 5.
    public var dangerDays: [CalendarDay]

    public init(contactsStarted: [CalendarDay] = [], checkIns: [(day: CalendarDay, hopeless: Int?, overall: Double?)] = [], urgeDays: [CalendarDay] = [], dangerDays: [CalendarDay] = []) {
        self.contactsStarted = contactsStarted
        self.checkIns = checkIns
        self.urgeDays = urgeDays
        self.dangerDays = dangerDays
    }
}

extension PlanSignals {
    /// The signals from the person's records, in their own calendar days.
    public static func from(
        contacts: [ContactEvent], checkIns: [CheckIn], urges: [Urge], incidents: [Incident], timeZone: TimeZone
    ) -> PlanSignals {
        PlanSignals(
            contactsStarted: contacts.filter { $0.initiatedBy == .me }.map { CalendarDay($0.at, in: timeZone) },
            checkIns: checkIns.map { (CalendarDay($0.at, in: timeZone), $0.ratings["low"], $0.overall) },
            urgeDays: urges.map { CalendarDay($0.at, in: timeZone) },
            dangerDays: incidents.filter { !($0.dangerSigns ?? []).isEmpty || $0.severity == .five }.map(\.occurredOn)
        )
    }
}

/// Today's card: which day, what kind of day, and why, in words.
public struct PlanToday: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case sequence
        /// After a contact the person started: about what happened just before.
        case support
        /// After a hard check-in: one small tool.
        case lighter
        /// Very high hopelessness: the help card first.
        case help
        /// A danger sign or severity 5 in the log: the safety plan first.
        case safety
        /// Many urges this week: more Step 3 practice.
        case practice
        case paused
        case finished
    }

    public let kind: Kind
    /// The sequence day this card belongs to (the next one, for an extra day).
    public let day: Int
    public let reason: String?

    public init(kind: Kind, day: Int, reason: String?) {
        self.kind = kind
        self.day = day
        self.reason = reason
    }

    /// Many urges in a week: this many days with one.
    public static let manyUrgeDays = 5
    /// A check-in this hard (the mean of its ratings, 0 to 4) makes a lighter day.
    public static let hardOverall = 2.5
    /// Hopelessness rated this high (0 to 4) puts the help card first.
    public static let veryHopeless = 4

    /// Today's card for `state` on `today`, given the signals. The order says what matters most:
    /// safety, then help, then a support day after a contact, then a lighter day, then practice.
    /// Each extra day is given once for what caused it; then the sequence goes on where it was.
    public static func of(_ state: PlanState, today: CalendarDay, signals: PlanSignals) -> PlanToday {
        if state.pausedOn != nil { return PlanToday(kind: .paused, day: state.next, reason: "The plan is paused. Start it again whenever you like.") }
        if state.isFinished { return PlanToday(kind: .finished, day: PlanState.length, reason: nil) }
        // Only what happened since the plan started, up to today, counts.
        let since = state.startedOn
        func recent(_ days: [CalendarDay], within window: Int) -> [CalendarDay] {
            days.filter { $0 >= since && $0 <= today && $0 >= today.adding(days: -window) }
        }
        // What already had its extra day is not given one again.
        func unhandled(_ kind: Kind, _ days: [CalendarDay]) -> CalendarDay? {
            days.filter { !state.handled(kind, since: $0) }.max()
        }
        if let day = unhandled(.safety, recent(signals.dangerDays, within: 14)) {
            return PlanToday(kind: .safety, day: state.next, reason: "You wrote down something serious on \(day). Today starts with your safety plan.")
        }
        let checkIns = signals.checkIns.filter { $0.day >= since && $0.day <= today && $0.day >= today.adding(days: -2) }.sorted { $0.day < $1.day }
        if let latest = checkIns.last, (latest.hopeless ?? 0) >= veryHopeless, !state.handled(.help, since: latest.day) {
            return PlanToday(kind: .help, day: state.next, reason: "Your last check-in said you feel very low. Today begins with people who can help.")
        }
        // A contact the person started: the next day (or the first day after it) is a support day.
        if let day = unhandled(.support, recent(signals.contactsStarted, within: 7).filter { $0 < today }) {
            return PlanToday(kind: .support, day: state.next, reason: "You reached out on \(day). Today looks gently at what came just before, so the plan can carry on from there.")
        }
        if let latest = checkIns.last, (latest.overall ?? 0) >= hardOverall || (latest.hopeless ?? 0) >= 3, !state.handled(.lighter, since: latest.day) {
            return PlanToday(kind: .lighter, day: state.next, reason: "Today is lighter because your last check-in was hard.")
        }
        let urgeDays = Set(recent(signals.urgeDays, within: 6))
        if urgeDays.count >= manyUrgeDays, !state.handled(.practice, since: today.adding(days: -6)) {
            return PlanToday(kind: .practice, day: state.next, reason: "You have had urges on \(urgeDays.count) days this week. Today is extra practice for riding them out.")
        }
        return PlanToday(kind: .sequence, day: state.next, reason: nil)
    }
}
