import Foundation
import Testing
@testable import UntetherCore

/// Step 5: "Should I talk to a professional?", from what the person ticks and what their records show.
@Suite("Should I talk to a professional?")
struct ProfessionalHelpTests {
    static let today: CalendarDay = "2026-11-30"
    static let zone = TimeZone.gmt

    static func at(_ day: CalendarDay, hour: Double = 20) -> Date { day.startUTC.addingTimeInterval(hour * 3_600) }

    static func checkIn(_ day: CalendarDay, low: Int) -> CheckIn {
        try! CheckIn.validated(id: UUID(), at: at(day), ratings: ["low": low, "sleep": 1])
    }

    static func signs(
        checkIns: [CheckIn] = [], urges: [Urge] = [], contacts: [ContactEvent] = [], incidents: [Incident] = [], since: CalendarDay? = nil,
        zone: TimeZone = zone
    ) -> [ProfessionalHelp.Sign] {
        ProfessionalHelp.signs(checkIns: checkIns, urges: urges, contacts: contacts, incidents: incidents, noContactSince: since, today: today, timeZone: zone)
    }

    @Test("hopelessness rated high in every check-in for two weeks is named, with its first and last day")
    func hopelessness() {
        let fortnight = ["2026-11-17", "2026-11-20", "2026-11-24", "2026-11-29"].map { Self.checkIn(CalendarDay($0)!, low: 3) }
        let sign = Self.signs(checkIns: fortnight)
        #expect(sign == [.init(kind: .hopelessness, days: ["2026-11-17", "2026-11-20", "2026-11-24", "2026-11-29"])])
        #expect(sign[0].sentence() == "In every check-in for two weeks, you rated feeling low or hopeless 3 or more out of 4 (from 2026-11-17 to 2026-11-29).")
        // One lighter day breaks it; only one week of check-ins is not two weeks; older ones don't count.
        #expect(Self.signs(checkIns: fortnight + [Self.checkIn("2026-11-26", low: 1)]).isEmpty)
        #expect(Self.signs(checkIns: ["2026-11-25", "2026-11-29"].map { Self.checkIn(CalendarDay($0)!, low: 4) }).isEmpty)
        #expect(Self.signs(checkIns: ["2026-11-01", "2026-11-10"].map { Self.checkIn(CalendarDay($0)!, low: 4) }).isEmpty)
    }

    @Test("two or more contacts the person started after no contact began are named; theirs and earlier ones are not")
    func reachedOut() {
        func contact(_ day: CalendarDay, _ by: ContactInitiator) -> ContactEvent {
            ContactEvent(id: UUID(), at: Self.at(day), channel: .text, initiatedBy: by, necessary: false)
        }
        let contacts = [contact("2026-10-20", .me), contact("2026-11-03", .me), contact("2026-11-05", .them), contact("2026-11-21", .me)]
        #expect(Self.signs(contacts: contacts, since: "2026-11-01") == [.init(kind: .reachedOut, days: ["2026-11-03", "2026-11-21"])])
        #expect(Self.signs(contacts: contacts, since: "2026-11-10").isEmpty, "one since then is not enough to raise")
        #expect(Self.signs(contacts: contacts, since: nil).isEmpty, "no day set, nothing to compare with")
    }

    @Test("strong urges on five days of the last two weeks, and a recent danger sign, are named")
    func urgesAndDanger() {
        let urges = ["2026-11-18", "2026-11-20", "2026-11-22", "2026-11-25", "2026-11-28", "2026-11-28"].map {
            try! Urge.validated(id: UUID(), at: Self.at(CalendarDay($0)!), before: 9, after: 5)
        }
        #expect(Self.signs(urges: urges).map(\.kind) == [.strongUrges])
        #expect(Self.signs(urges: Array(urges.prefix(4))).isEmpty, "four days is not five")
        var harm = Incident(id: UUID(), occurredOn: "2026-10-02", approximate: false, recordedAt: Self.at("2026-10-02"), description: "x")
        harm.dangerSigns = [.strangulation]
        #expect(Self.signs(incidents: [harm]) == [.init(kind: .dangerSigns, days: ["2026-10-02"])])
        harm.occurredOn = "2026-08-01"
        #expect(Self.signs(incidents: [harm]).isEmpty, "older than 90 days")
    }

    @Test("days are the person's own: a late check-in counts on their day, not UTC's")
    func timeZones() {
        // 20:00 UTC on 16 Nov is already 17 Nov in Sydney, inside the fortnight there.
        let checkIns = [Self.checkIn("2026-11-16", low: 4), Self.checkIn("2026-11-28", low: 4)]
        #expect(Self.signs(checkIns: checkIns).isEmpty, "in UTC only one check-in falls in the fortnight")
        #expect(Self.signs(checkIns: checkIns, zone: TimeZone(identifier: "Australia/Sydney")!).map(\.kind) == [.hopelessness])
    }

    @Test("thoughts of not wanting to live come first, whatever else; nothing at all is still an open door")
    func results() {
        let sign = ProfessionalHelp.Sign(kind: .strongUrges, days: ["2026-11-20"])
        #expect(ProfessionalHelp.result(ticked: [.notWantingToLive, .outsideView], signs: [sign]) == .crisis)
        #expect(ProfessionalHelp.result(ticked: [.outsideView], signs: []) == .suggested)
        #expect(ProfessionalHelp.result(ticked: [], signs: [sign]) == .suggested)
        #expect(ProfessionalHelp.result(ticked: [], signs: []) == .open)
    }
}
