import Foundation

/// How contact happened.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case text, call, email, social, inPerson = "in_person", throughSomeone = "through_someone", other

    public var label: String {
        switch self {
        case .text: "Text or chat"
        case .call: "Phone or video call"
        case .email: "Email"
        case .social: "Social media"
        case .inPerson: "In person"
        case .throughSomeone: "Through someone else"
        case .other: "Another way"
        }
    }
}

/// Who started the contact.
public enum ContactInitiator: String, CaseIterable, Codable, Sendable {
    case them
    case me
    case thirdParty = "third-party"

    public var label: String {
        switch self {
        case .them: "They did"
        case .me: "I did"
        case .thirdParty: "Someone else"
        }
    }
}

/// Whether the person keeps full no contact, or low contact for a reason they can't avoid.
public enum ContactMode: String, CaseIterable, Codable, Sendable {
    case noContact = "no_contact"
    case lowContact = "low_contact"

    public var label: String {
        switch self {
        case .noContact: "No contact: I'm not in touch with them at all"
        case .lowContact: "Low contact: I still have to be in touch about some things"
        }
    }
}

/// Why someone keeps low contact rather than none.
public enum LowContactReason: String, CaseIterable, Codable, Sendable {
    case children, work, money, housing, legal

    public var label: String {
        switch self {
        case .children: "Children we share"
        case .work: "Work"
        case .money: "Money"
        case .housing: "Housing"
        case .legal: "Court or legal matters"
        }
    }
}

/// One contact with the other person. Sealed like every record; only its id and time are clear.
public struct ContactEvent: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let at: Date
    public let channel: ContactChannel
    public let initiatedBy: ContactInitiator
    /// True when it had to happen (children, work, money, housing, legal matters).
    public let necessary: Bool
    public let about: String
    /// How the person felt before and after, 0 (worst) to 10 (best), when they said.
    public let feelingBefore: Int?
    public let feelingAfter: Int?

    public init(
        id: UUID, at: Date, channel: ContactChannel, initiatedBy: ContactInitiator, necessary: Bool,
        about: String = "", feelingBefore: Int? = nil, feelingAfter: Int? = nil
    ) {
        self.id = id
        self.at = at
        self.channel = channel
        self.initiatedBy = initiatedBy
        self.necessary = necessary
        self.about = about
        self.feelingBefore = feelingBefore
        self.feelingAfter = feelingAfter
    }
}

/// Streaks over the contact log, in the person's own calendar days. Pure: the time zone,
/// `now` and the day tracking began are passed in.
public enum Streaks {
    /// Days worth marking, quietly.
    public static let milestones = [1, 3, 7, 14, 30, 60, 90, 180, 365]

    public struct Summary: Codable, Sendable, Equatable {
        /// Whole days since the last contact the person started (or since tracking began).
        public let current: Int
        /// The longest such run so far, including the current one.
        public let longest: Int
        /// When the most recent contact of any kind happened.
        public let lastContact: Date?
        /// When the person most recently started a contact themselves.
        public let lastReachedOut: Date?
        public let mode: ContactMode
        /// In low-contact mode: whole days since a contact that wasn't necessary.
        public let necessaryOnly: Int?
        /// The biggest milestone the current streak has reached, if any.
        public let milestone: Int?
    }

    /// The summary at `now`. `since` is when tracking began (the streak can't be longer than that).
    public static func summary(
        of events: [ContactEvent], mode: ContactMode, since: Date, now: Date, timeZone: TimeZone
    ) -> Summary {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        let start = calendar.startOfDay(for: min(since, events.map(\.at).min() ?? since))
        func days(from: Date, to: Date) -> Int {
            max(0, calendar.dateComponents([.day], from: calendar.startOfDay(for: from), to: calendar.startOfDay(for: to)).day ?? 0)
        }
        func run(breaking: (ContactEvent) -> Bool) -> (current: Int, longest: Int) {
            let breaks = events.filter { $0.at <= now && breaking($0) }.map { calendar.startOfDay(for: $0.at) }.sorted()
            var longest = 0
            var previous = start
            for day in breaks {
                longest = max(longest, days(from: previous, to: day))
                previous = day
            }
            let current = days(from: previous, to: today)
            return (current, max(longest, current))
        }
        let personal = run { $0.initiatedBy == .me }
        let necessary = mode == .lowContact ? run { !$0.necessary }.current : nil
        return Summary(
            current: personal.current, longest: personal.longest,
            lastContact: events.filter { $0.at <= now }.map(\.at).max(),
            lastReachedOut: events.filter { $0.at <= now && $0.initiatedBy == .me }.map(\.at).max(), mode: mode,
            necessaryOnly: necessary, milestone: milestones.last { $0 <= personal.current }
        )
    }
}

extension ContactEvent: LoggedValue {
    public static var kind: RecordKind { .contact }
    public var loggedAt: Date { at }

    /// Feelings must be 0–10 when given, and the note short enough to save.
    public func validate() throws {
        for feeling in [feelingBefore, feelingAfter].compactMap({ $0 }) where !(0...10).contains(feeling) {
            throw ContactLogError.feelingOutOfRange
        }
        guard about.count <= IncidentDraft.maxShortFieldLength else { throw ContactLogError.tooLong }
    }
}

/// Why a contact was not saved.
public enum ContactLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case feelingOutOfRange
    case tooLong

    public var description: String {
        switch self {
        case .feelingOutOfRange: "Feelings are from 0 (worst) to 10 (best). Please pick a number in that range."
        case .tooLong: "That note is longer than can be saved here. Please shorten it."
        }
    }
}
