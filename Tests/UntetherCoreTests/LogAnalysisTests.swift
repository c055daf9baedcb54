import Foundation
import Testing
import UntetherCore

/// What the log shows: synthetic logs with known answers.
@Suite("What the log shows")
struct LogAnalysisTests {
    static let recorded = Date(timeIntervalSince1970: 1_800_000_000)
    static let end: CalendarDay = "2026-11-30"

    /// An entry of harm `daysAgo` days before the end.
    static func harm(_ daysAgo: Int, severity: Severity? = nil, approximate: Bool = false) -> Incident {
        Incident(id: UUID(), occurredOn: end.adding(days: -daysAgo), approximate: approximate, recordedAt: recorded, description: "x", severity: severity)
    }

    static func kind(_ daysAgo: Int) -> Incident {
        Incident(id: UUID(), kindMoment: .gift, occurredOn: end.adding(days: -daysAgo), recordedAt: recorded, description: "")
    }

    @Test("Mann-Kendall: the statistic and p-value of known series")
    func mannKendall() {
        // 1…10 in order: every pair goes up, S = 45; with no ties, Var = 10·9·25/18 = 125.
        let up = TrendTest.mannKendall((1...10).map(Double.init))
        #expect(up.s == 45)
        #expect(abs(up.z - 44 / 125.0.squareRoot()) < 1e-9)
        #expect(up.p < 0.001)
        #expect(TrendTest.mannKendall((1...10).reversed().map(Double.init)).s == -45)
        // All the same: no direction at all.
        #expect(TrendTest.mannKendall([3, 3, 3, 3, 3, 3]).p == 1)
        #expect(TrendTest.direction([3, 3, 3, 3, 3, 3]) == .steady)
        #expect(TrendTest.direction([1, 2, 3]) == .unclear, "too few")
        #expect(TrendTest.direction([2, 5, 1, 4, 3, 2, 5, 1]) == .steady)
    }

    @Test("an escalating log: more often, more severe, closer together")
    func escalating() {
        // Every 60 days for a year, then every 20, then every 7, each a little worse.
        var days: [Int] = []
        var day = 400
        while day > 0 {
            days.append(day)
            day -= day > 200 ? 60 : day > 80 ? 20 : 7
        }
        let incidents = days.enumerated().map { index, ago in Self.harm(ago, severity: Severity(rawValue: min(5, 1 + index / 4))) }
        let analysis = LogAnalysis(incidents: incidents, end: Self.end)
        #expect(analysis.incidentCount == incidents.count)
        #expect(analysis.frequencyTrend == .rising)
        #expect(analysis.severityTrend == .rising)
        #expect(analysis.gapsShrinking == true)
        #expect(analysis.last90Days > analysis.previous90Days)
    }

    @Test("a steady log: about once a month, mixed severity")
    func steady() {
        let severities: [Severity] = [.two, .four, .one, .three, .two, .four, .one, .three, .two, .four, .three, .one]
        let incidents = severities.enumerated().map { index, severity in Self.harm(index * 30 + (index % 3) * 4 + 5, severity: severity) }
        let analysis = LogAnalysis(incidents: incidents, end: Self.end)
        #expect(analysis.frequencyTrend == .steady)
        #expect(analysis.severityTrend == .steady)
        #expect(analysis.gapsShrinking == false)
    }

    @Test("an easing log: less often and less severe")
    func easing() {
        // Weekly a year ago, then monthly, then nothing for months; severity coming down.
        let days = (0..<12).map { 360 - $0 * 7 } + (0..<5).map { 250 - $0 * 30 }
        let incidents = days.enumerated().map { index, ago in Self.harm(ago, severity: Severity(rawValue: max(1, 5 - index / 4))) }
        let analysis = LogAnalysis(incidents: incidents, end: Self.end)
        #expect(analysis.frequencyTrend == .falling)
        #expect(analysis.severityTrend == .falling)
        #expect(analysis.gapsShrinking == false)
        #expect(analysis.last90Days == 0)
    }

    @Test("too few entries: nothing is claimed", arguments: [0, 1, 5])
    func tooFew(count: Int) {
        let incidents = (0..<count).map { Self.harm(100 - $0 * 10, severity: .five) }
        let analysis = LogAnalysis(incidents: incidents, end: Self.end)
        #expect(analysis.frequencyTrend == .unclear)
        #expect(analysis.severityTrend == .unclear)
        #expect(analysis.gapsShrinking == nil)
        #expect(analysis.incidentCount == count)
    }

    @Test("months run from the first entry to the end, empty ones included, harm and kind moments apart")
    func months() {
        let incidents = [Self.harm(95), Self.kind(94), Self.kind(60), Self.harm(2), Self.harm(1, approximate: true)]
        let analysis = LogAnalysis(incidents: incidents, end: Self.end)
        #expect(analysis.months.map(\.month) == ["2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(analysis.months.map(\.harm) == [1, 0, 0, 2])
        #expect(analysis.months.map(\.kind) == [1, 0, 1, 0])
        #expect(analysis.kindMomentCount == 2)
        #expect(analysis.incidentCount == 3)
        // Only what falls in the range counts.
        let recent = LogAnalysis(incidents: incidents, from: "2026-11-01", end: Self.end)
        #expect(recent.incidentCount == 2 && recent.kindMomentCount == 0)
        #expect(LogAnalysis(incidents: incidents, end: "2026-09-01").incidentCount == 1)
        #expect(LogAnalysis(incidents: [], end: Self.end).months.isEmpty)
    }

    @Test("adding a later, more severe entry never turns a rising severity trend into falling")
    func laterWorseNeverFalls() {
        var random = SplitMix(seed: 42)
        for _ in 0..<200 {
            let count = 6 + Int(random.next() % 20)
            var incidents = (0..<count).map { index in
                Self.harm(400 - index * 10, severity: Severity(rawValue: 1 + Int(random.next() % 5)))
            }
            let before = LogAnalysis(incidents: incidents, end: Self.end).severityTrend
            let worst = incidents.compactMap(\.severity).max() ?? .one
            incidents.append(Self.harm(1, severity: worst == .five ? .five : Severity(rawValue: worst.rawValue + 1)))
            let after = LogAnalysis(incidents: incidents, end: Self.end).severityTrend
            // A later value at least as high as every other only adds rising pairs.
            if before != .falling { #expect(after != .falling) }
        }
    }
}

@Suite("Danger signs on log entries")
struct DangerSignTests {
    @Test("signs are kept on an entry in the list's order, once each, never on a kind moment, and an entry without them reads as before")
    func onEntries() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let draft = IncidentDraft(occurredOn: "2026-11-20", description: "x", dangerSigns: [.stalking, .strangulation, .stalking])
        let incident = try draft.makeIncident(id: UUID(), recordedAt: now, today: "2026-11-30")
        #expect(incident.dangerSigns == [.strangulation, .stalking])
        let moment = IncidentDraft(kindMoment: .gift, occurredOn: "2026-11-20", description: "", dangerSigns: [.weapon])
        #expect(try moment.makeIncident(id: UUID(), recordedAt: now, today: "2026-11-30").dangerSigns == nil)
        let plain = try IncidentDraft(occurredOn: "2026-11-20", description: "x").makeIncident(id: UUID(), recordedAt: now, today: "2026-11-30")
        #expect(plain.dangerSigns == nil)
        let encoded = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!encoded.contains("dangerSigns"), "entries without signs are stored exactly as before")
        let signed = String(decoding: try JSONEncoder().encode(incident), as: UTF8.self)
        #expect(signed.contains(#""dangerSigns":["strangulation","stalking"]"#))
        #expect(try JSONDecoder().decode(Incident.self, from: Data(signed.utf8)) == incident)
        #expect(Set(DangerSign.allCases.map(\.rawValue)) == [
            "strangulation", "weapon", "threat_to_kill", "forced_sex", "pregnancy", "children", "stalking", "suicide_threat", "separation",
        ])
    }

    @Test("the analysis lists each sign with the days it was written down, including one that first appears late")
    func inAnalysis() {
        let recorded = Date(timeIntervalSince1970: 1_800_000_000)
        func entry(_ day: CalendarDay, _ signs: [DangerSign]?) -> Incident {
            Incident(id: UUID(), occurredOn: day, recordedAt: recorded, description: "x", dangerSigns: signs)
        }
        let incidents = [
            entry("2026-03-03", [.stalking]), entry("2026-05-01", nil), entry("2026-11-02", [.strangulation, .stalking]),
            entry("2026-11-02", [.strangulation]), entry("2026-11-20", [.strangulation]),
        ]
        let analysis = LogAnalysis(incidents: incidents, end: "2026-11-30")
        #expect(analysis.dangerSigns.map(\.sign) == [.strangulation, .stalking])
        #expect(analysis.dangerSigns[0].dates == ["2026-11-02", "2026-11-20"])
        #expect(analysis.dangerSigns[1].dates == ["2026-03-03", "2026-11-02"])
        #expect(LogAnalysis(incidents: incidents, end: "2026-10-01").dangerSigns.map(\.sign) == [.stalking])
    }
}
