import Foundation
import Testing
@testable import UntetherCore

@Suite("Withdrawal check-ins, urges, trends and what helps")
struct TrendsTests {
    static let london = Zones.london
    static let utc = Zones.utc

    /// A moment given as local wall-clock time in a zone.
    static func at(_ text: String, _ zone: TimeZone = london) -> Date { wallClock(text, zone) }

    static func checkIn(_ when: String, _ ratings: [String: Int], zone: TimeZone = london) -> CheckIn {
        try! CheckIn.validated(id: UUID(), at: at(when, zone), ratings: ratings)
    }

    static func urge(_ when: String, _ before: Int?, _ after: Int?, helped: [CopingAction] = [], triggers: [UrgeTrigger] = []) -> Urge {
        try! Urge.validated(id: UUID(), at: at(when), before: before, after: after, triggers: triggers, helped: helped)
    }

    // MARK: the symptom list

    @Test("one list of symptoms: unique ids, five in each group")
    func symptomList() {
        #expect(Set(Symptoms.all.map(\.id)).count == Symptoms.all.count)
        for group in SymptomGroup.allCases {
            #expect(Symptoms.group(group).count == 5)
        }
    }

    @Test("a check-in refuses unknown symptoms, ratings outside 0–4, odd sleep and nothing at all")
    func checkInValidation() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(throws: CheckInError.unknownSymptom("hunger")) { try CheckIn.validated(id: UUID(), at: now, ratings: ["hunger": 2]) }
        #expect(throws: CheckInError.ratingOutOfRange) { try CheckIn.validated(id: UUID(), at: now, ratings: ["sleep": 5]) }
        #expect(throws: CheckInError.ratingOutOfRange) { try CheckIn.validated(id: UUID(), at: now, ratings: ["sleep": -1]) }
        #expect(throws: CheckInError.sleepOutOfRange) { try CheckIn.validated(id: UUID(), at: now, ratings: [:], sleepHours: 25) }
        #expect(throws: CheckInError.empty) { try CheckIn.validated(id: UUID(), at: now, ratings: [:], note: "   ") }
        #expect(throws: CheckInError.noteTooLong) {
            try CheckIn.validated(id: UUID(), at: now, ratings: [:], note: String(repeating: "n", count: CheckIn.maxNoteLength + 1))
        }
        #expect((try? CheckIn.validated(id: UUID(), at: now, ratings: [:], sleepHours: 6.5)) != nil, "sleep alone is a check-in")
    }

    @Test("group and overall averages use only the symptoms rated")
    func averages() {
        let checkIn = Self.checkIn("2026-03-01 09:00", ["nausea": 4, "sleep": 2, "longing": 3])
        #expect(checkIn.average(.physical) == 3)
        #expect(checkIn.average(.emotional) == 3)
        #expect(checkIn.average(.cognitive) == nil)
        #expect(checkIn.overall == 3)
    }

    @Test("urges: strength 0–10, drop is before minus after, lists kept in their usual order")
    func urgeValidation() throws {
        #expect(throws: UrgeError.outOfRange) { try Urge.validated(id: UUID(), at: Date(), before: 11, after: 2) }
        #expect(throws: UrgeError.outOfRange) { try Urge.validated(id: UUID(), at: Date(), before: 3, after: -1) }
        let urge = try Urge.validated(id: UUID(), at: Date(), before: 8, after: 3, triggers: [.alcohol, .memory, .alcohol],
                                      helped: [.movement, .boxBreathing])
        #expect(urge.drop == 5)
        #expect(urge.triggers == [.memory, .alcohol])
        #expect(urge.helped == [.boxBreathing, .movement])
        #expect(try Urge.validated(id: UUID(), at: Date(), before: 4, after: nil).drop == nil)
        #expect(try Urge.validated(id: UUID(), at: Date(), before: 2, after: 6).drop == -4, "an urge can grow")
    }

    // MARK: trends

    @Test("no data gives no points")
    func emptySeries() {
        #expect(Trends.series(checkIns: [], urges: [], contacts: [], scale: .day, now: Date(), timeZone: Self.london).isEmpty)
    }

    @Test("daily points average each day's check-ins, count urges and mark contact, in the person's days")
    func dailySeries() {
        let checkIns = [
            Self.checkIn("2026-03-01 08:00", ["nausea": 4, "longing": 4]),
            Self.checkIn("2026-03-01 23:30", ["nausea": 2, "longing": 0, "focus": 1]),
            Self.checkIn("2026-03-03 00:10", ["longing": 1]),
        ]
        let urges = [Self.urge("2026-03-01 21:00", 7, 3), Self.urge("2026-03-02 12:00", 5, nil), Self.urge("2026-03-02 13:00", nil, nil)]
        let contacts = [ContactEvent(id: UUID(), at: Self.at("2026-03-02 10:00"), channel: .text, initiatedBy: .them, necessary: false)]
        let points = Trends.series(checkIns: checkIns, urges: urges, contacts: contacts, scale: .day,
                                   now: Self.at("2026-03-05 12:00"), timeZone: Self.london)
        #expect(points.map(\.day) == ["2026-03-01", "2026-03-02", "2026-03-03"])
        #expect(points[0].checkIns == 2)
        #expect(points[0].physical == 3)  // (4 + 2) / 2
        #expect(points[0].emotional == 2)  // (4 + 0) / 2
        #expect(points[0].cognitive == 1)  // only the second rated it
        #expect(points[0].overall == 2.5)  // (4 + 1) / 2: each check-in counts once
        #expect(points[0].urges == 1 && !points[0].contact)
        #expect(points[1].checkIns == 0 && points[1].overall == nil && points[1].urges == 2 && points[1].contact)
        #expect(points[2].emotional == 1)
    }

    @Test("a check-in at 23:59 and one at 00:01 fall on different days in the person's zone, not in UTC")
    func dayBoundaryInTimeZone() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let checkIns = [Self.checkIn("2026-07-01 23:59", ["low": 4], zone: tokyo), Self.checkIn("2026-07-02 00:01", ["low": 0], zone: tokyo)]
        let local = Trends.series(checkIns: checkIns, urges: [], contacts: [], scale: .day, now: Self.at("2026-08-01 00:00"), timeZone: tokyo)
        #expect(local.map(\.day) == ["2026-07-01", "2026-07-02"])
        let inUTC = Trends.series(checkIns: checkIns, urges: [], contacts: [], scale: .day, now: Self.at("2026-08-01 00:00"), timeZone: Self.utc)
        #expect(inUTC.map(\.day) == ["2026-07-01"], "both are on 1 July in UTC")
        #expect(inUTC[0].emotional == 2)
    }

    @Test("weeks start on Monday and months on the first; nothing before the start day or after now")
    func weeksAndMonths() {
        let checkIns = [
            Self.checkIn("2026-02-27 10:00", ["anger": 4]),  // before the start: left out
            Self.checkIn("2026-03-01 10:00", ["anger": 4]),  // Sunday
            Self.checkIn("2026-03-02 10:00", ["anger": 2]),  // Monday
            Self.checkIn("2026-03-08 10:00", ["anger": 0]),  // Sunday
            Self.checkIn("2026-04-01 10:00", ["anger": 1]),
            Self.checkIn("2026-05-01 10:00", ["anger": 3]),  // after now: left out
        ]
        let from = Self.at("2026-03-01 00:00")
        let now = Self.at("2026-04-15 12:00")
        let weeks = Trends.series(checkIns: checkIns, urges: [], contacts: [], scale: .week, from: from, now: now, timeZone: Self.london)
        #expect(weeks.map(\.day) == ["2026-02-23", "2026-03-02", "2026-03-30"])
        #expect(weeks[0].emotional == 4 && weeks[1].emotional == 1 && weeks[1].checkIns == 2)
        let months = Trends.series(checkIns: checkIns, urges: [], contacts: [], scale: .month, from: from, now: now, timeZone: Self.london)
        #expect(months.map(\.day) == ["2026-03-01", "2026-04-01"])
        #expect(months[0].emotional == 2)
    }

    @Test("a day across the clock change still counts once", arguments: ["2026-03-29", "2026-10-25"])
    func daylightSaving(day: String) {
        let checkIns = [Self.checkIn("\(day) 00:30", ["pain": 4]), Self.checkIn("\(day) 23:30", ["pain": 2])]
        let points = Trends.series(checkIns: checkIns, urges: [], contacts: [], scale: .day, now: Self.at("2026-12-01 00:00"), timeZone: Self.london)
        #expect(points.map(\.day) == [day])
        #expect(points[0].physical == 3)
    }

    @Test("the automatic scale keeps charts readable")
    func automaticScale() {
        #expect(Trends.Scale.automatic(days: 0) == .day)
        #expect(Trends.Scale.automatic(days: 92) == .day)
        #expect(Trends.Scale.automatic(days: 93) == .week)
        #expect(Trends.Scale.automatic(days: 731) == .week)
        #expect(Trends.Scale.automatic(days: 1826) == .month)
    }

    // MARK: what helps

    @Test("too little data: no ranking, no clusters, but what was used is listed")
    func tooLittleData() {
        let urges = (0..<4).map { Self.urge("2026-03-0\($0 + 1) 21:00", 8, 2, helped: [.boxBreathing], triggers: [.loneliness]) }
        let helps = Trends.whatHelps(urges: urges, timeZone: Self.london)
        #expect(helps.urges == 4 && helps.measured == 4)
        #expect(!helps.enoughData)
        #expect(helps.ranking.isEmpty)
        #expect(helps.partsOfDay.isEmpty && helps.triggers.isEmpty)
        #expect(helps.tooFewUses.map(\.action) == [.boxBreathing])
    }

    @Test("urges without both numbers don't count towards the ranking")
    func unmeasured() {
        let urges = (0..<6).map { Self.urge("2026-03-0\($0 + 1) 21:00", 8, nil, helped: [.grounding]) }
        let helps = Trends.whatHelps(urges: urges, timeZone: Self.london)
        #expect(helps.measured == 0 && !helps.enoughData && helps.ranking.isEmpty)
        #expect(helps.partsOfDay.first?.value == .evening, "clusters only need urges, not numbers")
    }

    @Test("ranking by average drop; ties go to the one used more, then the usual order; one use is not ranked")
    func ranking() {
        let urges = [
            Self.urge("2026-03-01 21:00", 8, 2, helped: [.boxBreathing, .calledSomeone]),  // drop 6
            Self.urge("2026-03-02 22:00", 6, 4, helped: [.boxBreathing]),                   // drop 2
            Self.urge("2026-03-03 20:00", 9, 5, helped: [.calledSomeone, .movement]),       // drop 4
            Self.urge("2026-03-04 08:00", 5, 1, helped: [.movement, .grounding]),           // drop 4
            Self.urge("2026-03-05 19:00", 7, 7, helped: [.waited, .grounding]),             // drop 0
            Self.urge("2026-03-06 23:00", 10, 0, helped: [.urgeTimer], triggers: [.message, .alcohol]),  // used once
            Self.urge("2026-03-07 21:30", 6, 2, helped: [.waited], triggers: [.message]),   // drop 4
        ]
        let helps = Trends.whatHelps(urges: urges, timeZone: Self.london)
        #expect(helps.enoughData)
        // box 4.0 (2 uses), called 5.0 (2), movement 4.0 (2), grounding 2.0 (2), waited 2.0 (2), timer 10 (1).
        #expect(helps.ranking.map(\.action) == [.calledSomeone, .boxBreathing, .movement, .grounding, .waited])
        #expect(helps.ranking.first?.averageDrop == 5)
        #expect(helps.ranking.allSatisfy { $0.uses == 2 })
        #expect(helps.tooFewUses.map(\.action) == [.urgeTimer], "a tool used once is listed, not ranked, however well it went")
        #expect(helps.partsOfDay.first == .init(value: .evening, count: 6))
        #expect(helps.partsOfDay.map(\.value) == [.evening, .morning])
        #expect(helps.triggers.first == .init(value: .message, count: 2))
        #expect(helps.triggers.map(\.value) == [.message, .alcohol])
    }

    @Test("an urge that grew pulls an action's average down")
    func growingUrge() {
        var urges = (0..<4).map { Self.urge("2026-03-0\($0 + 1) 12:00", 5, 5, helped: [.wrote]) }
        urges.append(Self.urge("2026-03-06 12:00", 2, 8, helped: [.wrote]))
        let helps = Trends.whatHelps(urges: urges, timeZone: Self.london)
        #expect(helps.ranking.first?.averageDrop == -1.2)
    }

    // MARK: the reach-out plan

    @Test("the reach-out plan keeps every part once, moves parts, and checks lines and the timer")
    func reachOutPlan() throws {
        var plan = try ReachOutPlan.validated(
            reasons: "They frightened the kids\n\n  I deserve calm  \n", people: "Sam 07700 900123", actions: "",
            showLogReminder: true, timerMinutes: 15, order: [.timer, .timer, .reasons]
        )
        #expect(plan.reasons == ["They frightened the kids", "I deserve calm"])
        #expect(plan.order == [.timer, .reasons, .reminder, .crisisPlan, .tools])
        plan.move(.reasons, up: true)
        #expect(plan.order.prefix(2) == [.reasons, .timer])
        plan.move(.reasons, up: true)
        #expect(plan.order.first == .reasons, "the top part stays on top")
        plan.move(.tools, up: false)
        #expect(plan.order.last == .tools)
        #expect(throws: ReachOutPlanError.badTimer) {
            try ReachOutPlan.validated(reasons: "", people: "", actions: "", showLogReminder: false, timerMinutes: 0, order: [])
        }
        #expect(throws: ReachOutPlanError.lineTooLong) {
            try ReachOutPlan.validated(reasons: String(repeating: "r", count: 301), people: "", actions: "", showLogReminder: false, timerMinutes: 10, order: [])
        }
        let decoded = try JSONDecoder().decode(ReachOutPlan.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
        #expect(!ReachOutPlan().showLogReminder, "the log reminder is off until the person opts in")
    }
}
