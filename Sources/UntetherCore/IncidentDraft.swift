import Foundation

/// What a person typed for an entry, checked before it is saved. Only the date and what
/// happened are required; everything else can be added now or in an amendment later.
public struct IncidentDraft: Sendable, Equatable {
    public static let maxDescriptionLength = 50_000
    public static let maxShortFieldLength = 2_000

    public var kindMoment: KindMoment?
    public var occurredOn: String
    public var occurredAt: String
    public var approximate: Bool
    public var location: String
    public var description: String
    public var categories: [IncidentCategory]
    public var severity: Severity?
    public var phase: CyclePhase?
    public var injuries: String
    public var witnesses: String
    public var childrenPresent: Bool?
    public var reports: [IncidentReport]
    public var dangerSigns: [DangerSign]

    public init(
        kindMoment: KindMoment? = nil, occurredOn: String, occurredAt: String = "", approximate: Bool = false,
        location: String = "", description: String, categories: [IncidentCategory] = [], severity: Severity? = nil,
        phase: CyclePhase? = nil, injuries: String = "", witnesses: String = "", childrenPresent: Bool? = nil,
        reports: [IncidentReport] = [], dangerSigns: [DangerSign] = []
    ) {
        self.dangerSigns = dangerSigns
        self.kindMoment = kindMoment
        self.occurredOn = occurredOn
        self.occurredAt = occurredAt
        self.approximate = approximate
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

    /// Checks the draft and makes the entry. `today` is the person's current day, so a date in
    /// the future can be caught; one day of slack covers time zones.
    public func makeIncident(id: UUID, recordedAt: Date, today: CalendarDay) throws(IncidentDraftError) -> Incident {
        guard let day = CalendarDay(occurredOn) else { throw .badDate }
        if today.days(until: day) > 1 { throw .futureDate }
        let time = occurredAt.trimmingCharacters(in: .whitespaces)
        guard time.isEmpty || Self.isTime(time) else { throw .badTime }
        let what = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard kindMoment != nil || !what.isEmpty else { throw .emptyDescription }
        guard what.count <= Self.maxDescriptionLength else { throw .tooLong }
        let shortFields = [location, injuries, witnesses] + reports.map(\.reference)
        guard shortFields.allSatisfy({ $0.count <= Self.maxShortFieldLength }) else { throw .tooLong }
        return Incident(
            id: id, kindMoment: kindMoment, occurredOn: day, occurredAt: time.isEmpty ? nil : time, approximate: approximate,
            recordedAt: recordedAt, location: location.trimmingCharacters(in: .whitespacesAndNewlines), description: what,
            categories: Array(Set(categories)).sorted(), severity: severity,
            phase: phase ?? (kindMoment == nil ? nil : .reconciliation),
            injuries: injuries.trimmingCharacters(in: .whitespacesAndNewlines),
            witnesses: witnesses.trimmingCharacters(in: .whitespacesAndNewlines),
            childrenPresent: childrenPresent,
            reports: reports.map { IncidentReport(kind: $0.kind, reference: $0.reference.trimmingCharacters(in: .whitespacesAndNewlines)) },
            dangerSigns: dangerSigns.isEmpty || kindMoment != nil ? nil : Array(Set(dangerSigns)).sorted()
        )
    }

    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }
}

/// Why an entry was not saved, in words a person can act on.
public enum IncidentDraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case badDate
    case futureDate
    case badTime
    case emptyDescription
    case tooLong

    public var description: String {
        switch self {
        case .badDate: "Please give the day it happened. If you're not sure, a best guess is fine: tick \"about\"."
        case .futureDate: "That date is in the future. Please check the day it happened."
        case .badTime: "Please write the time like 21:40, or leave it empty."
        case .emptyDescription: "Please write a few words about what happened. Short is fine; you can add more later."
        case .tooLong: "Part of this is longer than can be saved at once. Please shorten it, and add the rest as an amendment."
        }
    }
}

/// Checks an amendment or removal before it is saved.
public enum AmendmentDraft {
    /// The change and reason, trimmed; the change must not be empty.
    public static func validate(change: String, reason: String) throws(IncidentDraftError) -> (change: String, reason: String) {
        let what = change.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !what.isEmpty else { throw .emptyDescription }
        guard what.count <= IncidentDraft.maxDescriptionLength, reason.count <= IncidentDraft.maxShortFieldLength else { throw .tooLong }
        return (what, reason.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
