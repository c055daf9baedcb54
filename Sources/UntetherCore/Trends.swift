import Foundation

/// Withdrawal over time, and what helps with urges. Pure: the time zone and dates are passed in.
public enum Trends {
    /// How points are grouped along the time line.
    public enum Scale: String, CaseIterable, Codable, Sendable {
        case day, week, month

        public var label: String {
            switch self {
            case .day: "Days"
            case .week: "Weeks"
            case .month: "Months"
            }
        }

        /// A scale that keeps a chart readable for a span of `days`.
        public static func automatic(days: Int) -> Scale {
            days <= 92 ? .day : days <= 731 ? .week : .month
        }
    }

    /// One day, week or month with something in it.
    public struct Point: Codable, Sendable, Equatable {
        /// When the day, week (Monday) or month begins, in the person's time zone.
        public let start: Date
        /// That day written as YYYY-MM-DD.
        public let day: String
        public let physical: Double?
        public let emotional: Double?
        public let cognitive: Double?
        public let overall: Double?
        public let checkIns: Int
        public let urges: Int
        /// True when any contact happened in it.
        public let contact: Bool

        public func average(_ group: SymptomGroup) -> Double? {
            switch group {
            case .physical: physical
            case .emotional: emotional
            case .cognitive: cognitive
            }
        }
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2  // weeks begin on Monday
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// The start of the bucket holding `date`.
    static func bucket(_ date: Date, scale: Scale, calendar: Calendar) -> Date {
        switch scale {
        case .day: calendar.startOfDay(for: date)
        case .week: calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? calendar.startOfDay(for: date)
        case .month: calendar.dateInterval(of: .month, for: date)?.start ?? calendar.startOfDay(for: date)
        }
    }

    static func dayString(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Averages per day, week or month, oldest first; only buckets with a check-in, an urge or a
    /// contact appear. Each check-in counts once, however many symptoms it rated. Anything before
    /// `from` (when no contact began) or after `now` is left out.
    public static func series(
        checkIns: [CheckIn], urges: [Urge], contacts: [ContactEvent], scale: Scale,
        from: Date? = nil, now: Date, timeZone: TimeZone
    ) -> [Point] {
        let calendar = calendar(timeZone)
        let lower = from.map { calendar.startOfDay(for: $0) } ?? .distantPast
        func inRange(_ date: Date) -> Bool { date >= lower && date <= now }
        // Calendar work is slow, so it is done once per local day, not once per record.
        var bucketOfDay: [Int: Date] = [:]
        func bucketOf(_ date: Date) -> Date {
            let localDay = Int(((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))) / 86_400).rounded(.down))
            if let known = bucketOfDay[localDay] { return known }
            let start = bucket(date, scale: scale, calendar: calendar)
            bucketOfDay[localDay] = start
            return start
        }
        var checkInsBy: [Date: [CheckIn]] = [:]
        var urgesBy: [Date: Int] = [:]
        var contactBy: Set<Date> = []
        for checkIn in checkIns where inRange(checkIn.at) {
            checkInsBy[bucketOf(checkIn.at), default: []].append(checkIn)
        }
        for urge in urges where inRange(urge.at) {
            urgesBy[bucketOf(urge.at), default: 0] += 1
        }
        for contact in contacts where inRange(contact.at) {
            contactBy.insert(bucketOf(contact.at))
        }
        let starts = Set(checkInsBy.keys).union(urgesBy.keys).union(contactBy).sorted()
        return starts.map { start in
            let group = checkInsBy[start] ?? []
            func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
            return Point(
                start: start, day: dayString(start, calendar: calendar),
                physical: mean(group.compactMap { $0.average(.physical) }),
                emotional: mean(group.compactMap { $0.average(.emotional) }),
                cognitive: mean(group.compactMap { $0.average(.cognitive) }),
                overall: mean(group.compactMap(\.overall)),
                checkIns: group.count, urges: urgesBy[start] ?? 0, contact: contactBy.contains(start)
            )
        }
    }

    /// Parts of the day, to see when urges cluster.
    public enum PartOfDay: String, CaseIterable, Codable, Sendable {
        case night, morning, afternoon, evening

        public var label: String {
            switch self {
            case .night: "At night (midnight to 6am)"
            case .morning: "In the morning (6am to noon)"
            case .afternoon: "In the afternoon (noon to 6pm)"
            case .evening: "In the evening (6pm to midnight)"
            }
        }

        static func of(hour: Int) -> PartOfDay {
            switch hour {
            case 0..<6: .night
            case 6..<12: .morning
            case 12..<18: .afternoon
            default: .evening
            }
        }
    }

    /// What has helped this person with urges, from their own urge log.
    public struct WhatHelps: Codable, Sendable, Equatable {
        public struct ActionStat: Codable, Sendable, Equatable {
            public let action: CopingAction
            /// Urges (with both numbers) where it was used.
            public let uses: Int
            /// The average fall in strength, 0–10 points.
            public let averageDrop: Double
        }

        public struct Count<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
            public let value: Value
            public let count: Int
        }

        /// Urges logged, and those with a strength before and after.
        public let urges: Int
        public let measured: Int
        /// False until there are enough measured urges to say anything.
        public let enoughData: Bool
        /// Actions used at least `minimumUses` times, the biggest average drop first. Empty until
        /// there is enough data.
        public let ranking: [ActionStat]
        /// Actions used, but too few times to rank.
        public let tooFewUses: [ActionStat]
        /// Urges by part of the day and by trigger, most first; empty until there is enough data.
        public let partsOfDay: [Count<PartOfDay>]
        public let triggers: [Count<UrgeTrigger>]
    }

    /// Urges with a strength before and after needed before anything is ranked.
    public static let minimumMeasuredUrges = 5
    /// Times an action must have been used before it is ranked.
    public static let minimumUses = 2

    public static func whatHelps(urges: [Urge], timeZone: TimeZone) -> WhatHelps {
        let calendar = calendar(timeZone)
        let measured = urges.filter { $0.drop != nil }
        let enough = measured.count >= minimumMeasuredUrges
        var drops: [CopingAction: [Int]] = [:]
        for urge in measured {
            for action in Set(urge.helped) { drops[action, default: []].append(urge.drop ?? 0) }
        }
        let order = Dictionary(uniqueKeysWithValues: CopingAction.allCases.enumerated().map { ($1, $0) })
        let stats = drops.map { action, values in
            WhatHelps.ActionStat(action: action, uses: values.count, averageDrop: Double(values.reduce(0, +)) / Double(values.count))
        }.sorted {
            if $0.averageDrop != $1.averageDrop { return $0.averageDrop > $1.averageDrop }
            if $0.uses != $1.uses { return $0.uses > $1.uses }
            return order[$0.action, default: 0] < order[$1.action, default: 0]
        }
        func counted<Value: Hashable & Codable & Sendable>(_ values: [Value], order: [Value]) -> [WhatHelps.Count<Value>] {
            var counts: [Value: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return order.compactMap { value in counts[value].map { WhatHelps.Count(value: value, count: $0) } }
                .enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
                .map(\.element)
        }
        let clusters = enough || urges.count >= minimumMeasuredUrges
        return WhatHelps(
            urges: urges.count, measured: measured.count, enoughData: enough,
            ranking: enough ? stats.filter { $0.uses >= minimumUses } : [],
            tooFewUses: stats.filter { !enough || $0.uses < minimumUses },
            partsOfDay: clusters ? counted(urges.map { PartOfDay.of(hour: calendar.component(.hour, from: $0.at)) }, order: PartOfDay.allCases) : [],
            triggers: clusters ? counted(urges.flatMap(\.triggers), order: UrgeTrigger.allCases) : []
        )
    }
}
