import Foundation

/// Which way a series is going, said honestly: a direction only when the numbers support one.
public enum TrendDirection: String, Codable, Sendable, CaseIterable {
    case rising, steady, falling
    /// Too few entries to tell.
    case unclear
}

/// The Mann-Kendall test: does a series tend to go up or down over time? It compares every
/// pair of values in order and needs no assumption about their spread, so it suits the small,
/// uneven series a log makes. Ties count as neither.
public enum TrendTest {
    /// The statistic S (pairs going up minus pairs going down), its normal score and the
    /// two-sided p-value, with the correction for ties and for continuity.
    public static func mannKendall(_ values: [Double]) -> (s: Int, z: Double, p: Double) {
        let n = values.count
        guard n >= 2 else { return (0, 0, 1) }
        var s = 0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                if values[j] > values[i] { s += 1 } else if values[j] < values[i] { s -= 1 }
            }
        }
        var ties: [Double: Int] = [:]
        for value in values { ties[value, default: 0] += 1 }
        let tieTerm = ties.values.reduce(0.0) { sum, t in sum + Double(t * (t - 1) * (2 * t + 5)) }
        let variance = (Double(n * (n - 1) * (2 * n + 5)) - tieTerm) / 18
        guard variance > 0 else { return (s, 0, 1) }
        let z = s > 0 ? Double(s - 1) / variance.squareRoot() : s < 0 ? Double(s + 1) / variance.squareRoot() : 0
        return (s, z, erfc(abs(z) / 2.0.squareRoot()))
    }

    /// `rising` or `falling` when the test finds a direction at the 5% level, `steady` when there
    /// are at least `minimumCount` values and it does not, `unclear` when there are fewer.
    public static func direction(_ values: [Double], minimumCount: Int = 6, level: Double = 0.05) -> TrendDirection {
        guard values.count >= minimumCount else { return .unclear }
        let result = mannKendall(values)
        guard result.p < level else { return .steady }
        return result.s > 0 ? .rising : .falling
    }
}

/// What the log shows over time: counts by month, and whether harm is coming more often, more
/// severely, or closer together. Pure, from the log's entries (removed ones left out by the
/// caller) and the day the analysis ends. It never predicts the next incident: studies of
/// daily diaries found most abusive relationships follow no regular cycle.
public struct LogAnalysis: Sendable, Equatable {
    /// Harm and kind moments in one calendar month ("2026-03").
    public struct Month: Sendable, Equatable {
        public let month: String
        public let harm: Int
        public let kind: Int
    }

    /// The fewest entries a direction is ever claimed from.
    public static let minimumForTrend = 6

    /// Log entries that are not kind moments, within the range.
    public let incidentCount: Int
    /// Kind moments within the range.
    public let kindMomentCount: Int
    /// Every month from the first entry to the end, oldest first, empty months included.
    public let months: [Month]
    /// Entries of harm in the last 90 days up to the end, and in the 90 days before those.
    public let last90Days: Int
    public let previous90Days: Int
    /// Harm per month, from the first month with harm to the end.
    public let frequencyTrend: TrendDirection
    /// Severity of rated entries, in the order they happened.
    public let severityTrend: TrendDirection
    /// True when the days between entries of harm are getting fewer, false when there are
    /// enough to tell and they are not, nil when there are too few.
    public let gapsShrinking: Bool?
    /// Each danger sign written down in the range, with the days it was, oldest first.
    public let dangerSigns: [SignDays]

    /// A danger sign, the days it was written down (oldest first) and the entries it is on, in
    /// the order they happened.
    public struct SignDays: Sendable, Equatable {
        public let sign: DangerSign
        public let dates: [CalendarDay]
        public let entries: [UUID]

        public init(sign: DangerSign, dates: [CalendarDay], entries: [UUID] = []) {
            self.sign = sign
            self.dates = dates
            self.entries = entries
        }
    }

    /// Months that held both harm and a kind moment: the mix of hurt and warmth that makes a
    /// bond hard to break.
    public var mixedMonths: Int { months.filter { $0.harm > 0 && $0.kind > 0 }.count }
    /// Months that held harm.
    public var monthsWithHarm: Int { months.filter { $0.harm > 0 }.count }
    /// The first and last day of the range the analysis covers: the first entry (or `from`) to the end.
    public let firstDay: CalendarDay?
    public let end: CalendarDay

    /// The analysis of `incidents` on days from `from` (if given) to `end`. Entries with an
    /// approximate day count on the day given.
    public init(incidents all: [Incident], from: CalendarDay? = nil, end: CalendarDay) {
        self.end = end
        let incidents = all.filter { incident in incident.occurredOn <= end && (from.map { incident.occurredOn >= $0 } ?? true) }
            .sorted { ($0.occurredOn, $0.recordedAt) < ($1.occurredOn, $1.recordedAt) }
        let harm = incidents.filter { !$0.isKindMoment }
        firstDay = from ?? incidents.first?.occurredOn
        incidentCount = harm.count
        kindMomentCount = incidents.count - harm.count

        func monthNumber(_ day: CalendarDay) -> Int { day.year * 12 + day.month - 1 }
        func label(_ number: Int) -> String { String(format: "%04d-%02d", number / 12, number % 12 + 1) }
        var harmByMonth: [Int: Int] = [:]
        var kindByMonth: [Int: Int] = [:]
        for incident in incidents {
            if incident.isKindMoment { kindByMonth[monthNumber(incident.occurredOn), default: 0] += 1 }
            else { harmByMonth[monthNumber(incident.occurredOn), default: 0] += 1 }
        }
        let last = monthNumber(end)
        if let first = incidents.first.map({ monthNumber($0.occurredOn) }), first <= last {
            months = (first...last).map { Month(month: label($0), harm: harmByMonth[$0] ?? 0, kind: kindByMonth[$0] ?? 0) }
        } else {
            months = []
        }

        // The two 90-day windows are whole, whatever the first day asked for.
        let recentStart = end.adding(days: -89)
        let previousStart = end.adding(days: -179)
        let allHarm = all.filter { !$0.isKindMoment && $0.occurredOn <= end }
        last90Days = allHarm.filter { $0.occurredOn >= recentStart }.count
        previous90Days = allHarm.filter { $0.occurredOn >= previousStart && $0.occurredOn < recentStart }.count

        // Frequency: harm counted per month from the first month with harm, so a quiet stretch
        // before the first entry doesn't count as "rising". Three months at least.
        if let first = harm.first.map({ monthNumber($0.occurredOn) }), harm.count >= Self.minimumForTrend, last - first + 1 >= 3 {
            frequencyTrend = TrendTest.direction((first...last).map { Double(harmByMonth[$0] ?? 0) }, minimumCount: 3)
        } else {
            frequencyTrend = .unclear
        }
        severityTrend = TrendTest.direction(harm.compactMap { $0.severity.map { Double($0.rawValue) } }, minimumCount: Self.minimumForTrend)
        var signDays: [DangerSign: Set<CalendarDay>] = [:]
        var signEntries: [DangerSign: [UUID]] = [:]
        for incident in harm {
            for sign in Set(incident.dangerSigns ?? []) {
                signDays[sign, default: []].insert(incident.occurredOn)
                signEntries[sign, default: []].append(incident.id)
            }
        }
        dangerSigns = signDays.keys.sorted().map { SignDays(sign: $0, dates: signDays[$0]!.sorted(), entries: signEntries[$0] ?? []) }
        let gaps = zip(harm, harm.dropFirst()).map { Double($0.occurredOn.days(until: $1.occurredOn)) }
        switch TrendTest.direction(gaps, minimumCount: Self.minimumForTrend - 1) {
        case .unclear: gapsShrinking = nil
        case .falling: gapsShrinking = true
        case .rising, .steady: gapsShrinking = false
        }
    }
}

extension LogAnalysis {
    /// What the frequency trend means, in a sentence.
    public var frequencySentence: String {
        switch frequencyTrend {
        case .rising: "Harm has been coming more often."
        case .falling: "Harm has been coming less often."
        case .steady: "How often harm comes has not clearly changed."
        case .unclear: "There are too few entries to tell whether harm comes more or less often. It takes at least \(Self.minimumForTrend) over three months or more."
        }
    }

    /// What the severity trend means, in a sentence.
    public var severitySentence: String {
        switch severityTrend {
        case .rising: "The entries you rated have been getting more severe."
        case .falling: "The entries you rated have been getting less severe."
        case .steady: "How severe the entries are has not clearly changed."
        case .unclear: "There are too few rated entries to tell whether they are getting more or less severe. It takes at least \(Self.minimumForTrend)."
        }
    }

    /// Whether the gaps between entries of harm are shrinking, in a sentence.
    public var gapsSentence: String {
        switch gapsShrinking {
        case true?: "The time between one harm and the next has been getting shorter."
        case false?: "The time between one harm and the next has not been getting shorter."
        case nil: "There are too few entries to tell whether the time between them is getting shorter."
        }
    }

    /// True when the log shows harm growing: more often, more severe or closer together.
    public var isEscalating: Bool { frequencyTrend == .rising || severityTrend == .rising || gapsShrinking == true }
}
