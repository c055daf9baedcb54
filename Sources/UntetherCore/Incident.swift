import Foundation

/// What kind of harm an incident involved. One list, used by every form, filter, export and test.
/// Raw values are stored and exported; never rename them.
public enum IncidentCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case physical
    case sexual
    case emotionalVerbal = "emotional_verbal"
    case threats
    case controlling
    case financial
    case digital
    case stalking
    case property
    case children
    case gaslighting
    case other

    /// A short label for forms and reports.
    public var label: String {
        switch self {
        case .physical: "Physical"
        case .sexual: "Sexual"
        case .emotionalVerbal: "Emotional or verbal"
        case .threats: "Threats or intimidation"
        case .controlling: "Controlling or isolating"
        case .financial: "Money"
        case .digital: "Phone, online or tech"
        case .stalking: "Following or monitoring"
        case .property: "Damage to things or pets"
        case .children: "Involving children"
        case .gaslighting: "Twisting what's real (gaslighting)"
        case .other: "Something else"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where in the cycle an entry sat. The order is the cycle's own.
public enum CyclePhase: String, CaseIterable, Codable, Sendable {
    case tension
    case incident
    case reconciliation
    case calm

    public var label: String {
        switch self {
        case .tension: "Tension building"
        case .incident: "The incident itself"
        case .reconciliation: "Making up (apologies, promises)"
        case .calm: "A calm spell"
        }
    }
}

/// How serious it was, 1 to 5, each with a plain description so the number means the same every time.
public enum Severity: Int, CaseIterable, Codable, Sendable, Comparable {
    case one = 1, two, three, four, five

    public var label: String {
        switch self {
        case .one: "1 – Upsetting, but I felt safe"
        case .two: "2 – Frightening or humiliating"
        case .three: "3 – I felt unsafe, or something was damaged"
        case .four: "4 – I was hurt, or threatened with harm"
        case .five: "5 – I was badly hurt, or feared for my life"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A kind moment that belongs to the cycle too: logging them shows the pattern later.
public enum KindMoment: String, CaseIterable, Codable, Sendable {
    case apology
    case gift
    case promise
    case goodDay = "good_day"

    public var label: String {
        switch self {
        case .apology: "An apology"
        case .gift: "A gift or treat"
        case .promise: "A promise to change"
        case .goodDay: "A good day"
        }
    }
}

/// A report made to someone official.
public struct IncidentReport: Codable, Sendable, Equatable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case police
        case medical
        case other

        public var label: String {
            switch self {
            case .police: "Police"
            case .medical: "Doctor or hospital"
            case .other: "Someone else"
            }
        }
    }

    public var kind: Kind
    public var reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}

/// One entry in the log: an incident, or a kind moment (an apology, a gift, a promise, a good day).
/// Entries are never changed once saved; corrections are amendments.
public struct Incident: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// A kind moment, or nil for an incident.
    public var kindMoment: KindMoment?
    /// The day it happened.
    public var occurredOn: CalendarDay
    /// The time of day, when known ("21:40").
    public var occurredAt: String?
    /// True when the date or time is a best guess.
    public var approximate: Bool
    /// When it was written down.
    public var recordedAt: Date
    public var location: String
    public var description: String
    public var categories: [IncidentCategory]
    public var severity: Severity?
    public var phase: CyclePhase?
    public var injuries: String
    public var witnesses: String
    public var childrenPresent: Bool?
    public var reports: [IncidentReport]
    /// The danger signs it showed, if the person marked any (nil in entries without them, so
    /// older entries read and chain exactly as before).
    public var dangerSigns: [DangerSign]?
    /// Random, set when the record is chained (format 2); nil in older records.
    public var salt: String?

    public init(
        id: UUID, kindMoment: KindMoment? = nil, occurredOn: CalendarDay, occurredAt: String? = nil, approximate: Bool = false,
        recordedAt: Date, location: String = "", description: String, categories: [IncidentCategory] = [],
        severity: Severity? = nil, phase: CyclePhase? = nil, injuries: String = "", witnesses: String = "",
        childrenPresent: Bool? = nil, reports: [IncidentReport] = [], dangerSigns: [DangerSign]? = nil
    ) {
        self.dangerSigns = dangerSigns
        self.id = id
        self.kindMoment = kindMoment
        self.occurredOn = occurredOn
        self.occurredAt = occurredAt
        self.approximate = approximate
        self.recordedAt = recordedAt
        self.location = location
        self.description = description
        self.categories = categories
        self.severity = severity
        self.phase = phase
        self.injuries = injuries
        self.witnesses = witnesses
        self.childrenPresent = childrenPresent
        self.reports = reports
    }

    /// True for an apology, gift, promise or good day.
    public var isKindMoment: Bool { kindMoment != nil }

    /// The sort key for timelines: the day, then the time (unknown times sort first).
    public var occurrenceKey: String { occurredOn.description + "T" + (occurredAt ?? "00:00") }
}

/// A correction or addition to an entry, shown with the original, which is never changed.
public struct Amendment: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let incidentID: UUID
    public let recordedAt: Date
    /// What is corrected or added, in the person's words.
    public let change: String
    /// Why, if the person wants to say.
    public let reason: String
    /// Random, set when the record is chained (format 2); nil in older records.
    public var salt: String?

    public init(id: UUID, incidentID: UUID, recordedAt: Date, change: String, reason: String) {
        self.id = id
        self.incidentID = incidentID
        self.recordedAt = recordedAt
        self.change = change
        self.reason = reason
    }
}

/// The record that an entry was removed. The entry's text is deleted; this record stays in the chain.
public struct Removal: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let incidentID: UUID
    public let recordedAt: Date
    public let reason: String
    /// Random, set when the record is chained (format 2); nil in older records.
    public var salt: String?

    public init(id: UUID, incidentID: UUID, recordedAt: Date, reason: String) {
        self.id = id
        self.incidentID = incidentID
        self.recordedAt = recordedAt
        self.reason = reason
    }
}

extension Incident: ChainedValue {
    public static var kind: RecordKind { .incident }
}

extension Amendment: ChainedValue {
    public static var kind: RecordKind { .amendment }
}

extension Removal: ChainedValue {
    public static var kind: RecordKind { .removal }
}
