import Foundation
import Testing
@testable import UntetherCore

/// Urges after harm and kind moments, contacts started after no contact, and the days these
/// fall on, with known answers.
@Suite("How the other records line up with the log")
struct RecordPatternsTests {
    static let end: CalendarDay = "2026-11-30"
    static let utc = TimeZone.gmt
    static let sydney = TimeZone(identifier: "Australia/Sydney")!

    static func harm(_ day: CalendarDay, approximate: Bool = false) -> Incident {
        Incident(id: UUID(), occurredOn: day, approximate: approximate, recordedAt: Date(timeIntervalSince1970: 1_800_000_000), description: "x")
    }

    static func kind(_ day: CalendarDay) -> Incident {
        Incident(id: UUID(), kindMoment: .apology, occurredOn: day, recordedAt: Date(timeIntervalSince1970: 1_800_000_000), description: "")
    }

    /// An urge at `hour` (UTC) on `day`.
    static func urge(_ day: CalendarDay, hour: Double = 12) -> Urge {
        try! Urge.validated(id: UUID(), at: day.startUTC.addingTimeInterval(hour * 3_600), before: 6, after: 3)
    }

    static func contact(_ day: CalendarDay, by: ContactInitiator, hour: Double = 12) -> ContactEvent {
        ContactEvent(id: UUID(), at: day.startUTC.addingTimeInterval(hour * 3_600), channel: .text, initiatedBy: by, necessary: false)
    }

    @Test("an urge on the day of an entry or in the three days after follows it; one on the fourth day does not")
    func window() {
        let first = Self.harm("2026-11-01")
        let second = Self.harm("2026-11-10")
        let moment = Self.kind("2026-11-20")
        let patterns = RecordPatterns(
            incidents: [first, second, moment], urges: [Self.urge("2026-11-04"), Self.urge("2026-11-14"), Self.urge("2026-11-20"), Self.urge("2026-11-20")],
            contacts: [], noContactSince: nil, end: Self.end, timeZone: Self.utc
        )
        #expect(patterns.afterHarm.entries == 2)
        #expect(patterns.afterHarm.followed == [RecordPatterns.Followed(entry: first.id, day: "2026-11-01", urges: 1)])
        #expect(patterns.afterKind.followed == [RecordPatterns.Followed(entry: moment.id, day: "2026-11-20", urges: 2)])
        #expect(patterns.afterHarm.share == 0.5)
        #expect(!patterns.afterHarm.canCompare, "two entries are too few to compare")
        #expect(patterns.urgeCount == 4)
        // Days 1 Nov to 30 Nov (30 days); a day counts when an urge comes on it or in the next three:
        // 1–4 Nov, 11–14 Nov and 17–20 Nov, so 12 of 30.
        #expect(patterns.anyDayShare == 12.0 / 30.0)
    }

    @Test("urges are placed on the person's own calendar day")
    func timeZones() {
        let entry = Self.harm("2026-11-10")
        // 14:00 UTC on 13 Nov is 01:00 on 14 Nov in Sydney: four days after, so outside the window there.
        let urge = Self.urge("2026-11-13", hour: 14)
        let inLondon = RecordPatterns(incidents: [entry], urges: [urge], contacts: [], noContactSince: nil, end: Self.end, timeZone: Self.utc)
        let inSydney = RecordPatterns(incidents: [entry], urges: [urge], contacts: [], noContactSince: nil, end: Self.end, timeZone: Self.sydney)
        #expect(inLondon.afterHarm.followed.count == 1)
        #expect(inSydney.afterHarm.followed.isEmpty)
    }

    @Test("the log's own days do not move with the time zone, and an approximate day counts on the day given")
    func logDaysAreFixed() {
        let incidents = [Self.harm("2026-01-31", approximate: true), Self.harm("2026-02-01"), Self.harm("2026-02-02", approximate: true)]
        let analysis = LogAnalysis(incidents: incidents, end: "2026-02-28")
        #expect(analysis.months.map(\.harm) == [1, 2])
        for zone in [Self.utc, Self.sydney, TimeZone(identifier: "America/Los_Angeles")!] {
            let patterns = RecordPatterns(incidents: incidents, urges: [], contacts: [], noContactSince: nil, end: "2026-02-28", timeZone: zone)
            #expect(patterns.afterHarm.entries == 3)
        }
    }

    @Test("contacts the person started on or after the day no contact began, and no others")
    func startedAfterNoContact() {
        let before = Self.contact("2026-10-30", by: .me)
        let onTheDay = Self.contact("2026-11-01", by: .me, hour: 9)
        let theirs = Self.contact("2026-11-05", by: .them)
        let later = Self.contact("2026-11-20", by: .me)
        let afterEnd = Self.contact("2026-12-02", by: .me)
        let all = [later, theirs, onTheDay, before, afterEnd]
        let patterns = RecordPatterns(incidents: [], urges: [], contacts: all, noContactSince: "2026-11-01", end: Self.end, timeZone: Self.utc)
        #expect(patterns.startedAfterNoContact == [.init(contact: onTheDay.id, day: "2026-11-01"), .init(contact: later.id, day: "2026-11-20")])
        // Not set: nothing to compare with.
        #expect(RecordPatterns(incidents: [], urges: [], contacts: all, noContactSince: nil, end: Self.end, timeZone: Self.utc).startedAfterNoContact.isEmpty)
        // 23:30 UTC on 31 Oct is already 1 Nov in Sydney.
        let late = Self.contact("2026-10-31", by: .me, hour: 23.5)
        #expect(RecordPatterns(incidents: [], urges: [], contacts: [late], noContactSince: "2026-11-01", end: Self.end, timeZone: Self.sydney).startedAfterNoContact.count == 1)
        #expect(RecordPatterns(incidents: [], urges: [], contacts: [late], noContactSince: "2026-11-01", end: Self.end, timeZone: Self.utc).startedAfterNoContact.isEmpty)
    }

    @Test("a range leaves out entries, urges and contacts outside it; nothing at all gives no share")
    func range() {
        let early = Self.harm("2026-01-05")
        let inside = Self.harm("2026-06-05")
        let patterns = RecordPatterns(
            incidents: [early, inside], urges: [Self.urge("2026-01-06"), Self.urge("2026-06-06")], contacts: [],
            noContactSince: nil, from: "2026-06-01", end: "2026-06-30", timeZone: Self.utc
        )
        #expect(patterns.afterHarm.entries == 1 && patterns.urgeCount == 1)
        #expect(patterns.afterHarm.followed.map(\.entry) == [inside.id])
        let empty = RecordPatterns(incidents: [], urges: [], contacts: [], noContactSince: nil, end: Self.end, timeZone: Self.utc)
        #expect(empty.anyDayShare == nil && empty.afterHarm.share == nil)
    }

    @Test("the analysis links each danger sign to its entries, in order, and says in words what each trend means")
    func signEntriesAndWords() {
        var first = Self.harm("2026-03-03")
        first.dangerSigns = [.strangulation]
        var second = Self.harm("2026-11-02")
        second.dangerSigns = [.strangulation, .weapon]
        let analysis = LogAnalysis(incidents: [second, first, Self.kind("2026-03-10")], end: Self.end)
        #expect(analysis.dangerSigns.first { $0.sign == .strangulation }?.entries == [first.id, second.id])
        #expect(analysis.mixedMonths == 1 && analysis.monthsWithHarm == 2)
        #expect(analysis.frequencyTrend == .unclear && analysis.frequencySentence.contains("too few"))
        #expect(analysis.gapsSentence.contains("too few") && !analysis.isEscalating)
        #expect(analysis.firstDay == "2026-03-03" && analysis.end == Self.end)
    }
}

@Suite("The questions about the relationship")
struct RelationshipCheckTests {
    @Test("every area has items, ids are unique, and the nine areas of harm are the ones the issue names")
    func items() {
        let ids = RelationshipCheck.items.map(\.id)
        #expect(Set(ids).count == ids.count)
        for area in RelationshipCheck.Area.allCases { #expect(!RelationshipCheck.items(in: area).isEmpty, "\(area)") }
        #expect(RelationshipCheck.Area.allCases.filter(\.isHarm).count == 9)
        #expect(RelationshipCheck.item("hit")?.area == .physical && RelationshipCheck.item("nope") == nil)
    }

    @Test("areas of harm are counted from the ticks; feelings, bond and leaving are not harm")
    func areas() {
        let ticked: Set<String> = ["names", "shout", "follow", "afraid", "miss", "hard_love"]
        #expect(RelationshipCheck.harmAreas(ticked) == [.words, .stalking])
        #expect(RelationshipCheck.count(.words, in: ticked) == 2)
        #expect(RelationshipCheck.count(.bond, in: ticked) == 1)
        #expect(RelationshipCheck.harmAreas(["afraid", "miss"]).isEmpty)
    }
}
