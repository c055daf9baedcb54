import Foundation

/// How the person's other records line up with the log: urges in the days after harm or after a
/// kind moment, and contacts they started after no contact began. Pure, in the person's own
/// calendar days, and honest about small numbers: each share comes with the share on any day, so
/// "after harm" can be compared with "any time", and no comparison is made from a handful.
public struct RecordPatterns: Sendable, Equatable {
    /// How many days after an entry an urge counts as following it (the day itself included).
    public static let windowDays = 3
    /// The fewest entries a comparison is made from.
    public static let minimumToCompare = LogAnalysis.minimumForTrend

    /// One entry and the urges logged in the days after it.
    public struct Followed: Sendable, Equatable {
        public let entry: UUID
        public let day: CalendarDay
        public let urges: Int
    }

    /// Entries of one sort (harm, or kind moments) and which of them urges followed.
    public struct AfterEntries: Sendable, Equatable {
        /// Entries of this sort in the range.
        public let entries: Int
        /// The ones followed by at least one urge, oldest first.
        public let followed: [Followed]

        /// The share of entries an urge followed, or nil with none.
        public var share: Double? { entries == 0 ? nil : Double(followed.count) / Double(entries) }
        /// True when there are enough entries to set beside the share on any day.
        public var canCompare: Bool { entries >= RecordPatterns.minimumToCompare }
    }

    /// A contact the person started on or after the day no contact began.
    public struct Started: Sendable, Equatable {
        public let contact: UUID
        public let day: CalendarDay
    }

    public let afterHarm: AfterEntries
    public let afterKind: AfterEntries
    /// Urges in the range.
    public let urgeCount: Int
    /// The share of all days in the range with an urge on that day or the next `windowDays`:
    /// what "after an entry" is compared with. Nil when the range is empty.
    public let anyDayShare: Double?
    /// The day no contact began, if the person set one.
    public let noContactSince: CalendarDay?
    /// Contacts the person started on or after `noContactSince`, oldest first.
    public let startedAfterNoContact: [Started]

    /// The patterns for entries and urges from `from` (or the first record) to `end`, with days
    /// read in `timeZone`. Entries of the log already carry their own calendar day.
    public init(
        incidents all: [Incident], urges allUrges: [Urge], contacts: [ContactEvent], noContactSince: CalendarDay?,
        from: CalendarDay? = nil, end: CalendarDay, timeZone: TimeZone
    ) {
        func inRange(_ day: CalendarDay) -> Bool { day <= end && (from.map { day >= $0 } ?? true) }
        let incidents = all.filter { inRange($0.occurredOn) }.sorted { ($0.occurredOn, $0.recordedAt) < ($1.occurredOn, $1.recordedAt) }
        let urgeDays = allUrges.map { CalendarDay($0.at, in: timeZone) }.filter(inRange)
        urgeCount = urgeDays.count
        var urgesOn: [CalendarDay: Int] = [:]
        for day in urgeDays { urgesOn[day, default: 0] += 1 }

        func urgesAfter(_ day: CalendarDay) -> Int {
            (0...Self.windowDays).reduce(0) { sum, offset in sum + (urgesOn[day.adding(days: offset)] ?? 0) }
        }
        func after(_ entries: [Incident]) -> AfterEntries {
            AfterEntries(entries: entries.count, followed: entries.compactMap { incident in
                let count = urgesAfter(incident.occurredOn)
                return count > 0 ? Followed(entry: incident.id, day: incident.occurredOn, urges: count) : nil
            })
        }
        afterHarm = after(incidents.filter { !$0.isKindMoment })
        afterKind = after(incidents.filter(\.isKindMoment))

        // Every day from the first record to the end, whether an urge came within the window.
        let firstDay = from ?? [incidents.first?.occurredOn, urgeDays.min()].compactMap { $0 }.min()
        if let firstDay, firstDay <= end {
            let days = firstDay.days(until: end) + 1
            let followed = (0..<days).filter { urgesAfter(firstDay.adding(days: $0)) > 0 }.count
            anyDayShare = Double(followed) / Double(days)
        } else {
            anyDayShare = nil
        }

        self.noContactSince = noContactSince
        startedAfterNoContact = noContactSince.map { start in
            contacts.filter { $0.initiatedBy == .me }
                .map { (contact: $0, day: CalendarDay($0.at, in: timeZone)) }
                .filter { $0.day >= start && inRange($0.day) }
                .sorted { ($0.day, $0.contact.at) < ($1.day, $1.contact.at) }
                .map { Started(contact: $0.contact.id, day: $0.day) }
        } ?? []
    }
}
