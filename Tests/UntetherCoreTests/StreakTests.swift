import Foundation
import Testing
import UntetherCore

@Suite("Contact streaks")
struct StreakTests {
    static let london = Zones.london
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// A moment given as local wall-clock time in a zone.
    static func at(_ text: String, _ zone: TimeZone = london) -> Date { wallClock(text, zone) }

    static func contact(_ when: String, by initiator: ContactInitiator = .me, necessary: Bool = false, zone: TimeZone = london) -> ContactEvent {
        ContactEvent(id: UUID(), at: at(when, zone), channel: .text, initiatedBy: initiator, necessary: necessary)
    }

    @Test("an empty log counts from the day tracking began")
    func empty() {
        let summary = Streaks.summary(of: [], mode: .noContact, since: Self.at("2026-11-01 09:00"), now: Self.at("2026-11-08 20:00"), timeZone: Self.london)
        #expect(summary.current == 7)
        #expect(summary.longest == 7)
        #expect(summary.lastContact == nil)
        #expect(summary.milestone == 7)
    }

    @Test("a contact at 23:59 ends that day; one minute later is a new day", arguments: [
        ("2026-11-09 23:59", 1), ("2026-11-10 00:01", 0),
    ])
    func midnight(contactAt: String, expected: Int) {
        let summary = Streaks.summary(
            of: [Self.contact(contactAt)], mode: .noContact, since: Self.at("2026-11-01 09:00"),
            now: Self.at("2026-11-10 00:30"), timeZone: Self.london
        )
        #expect(summary.current == expected)
    }

    @Test("days follow the person's time zone, not the server's")
    func timeZones() {
        // 03:00 in London on the 10th is still the 9th in New York.
        let event = ContactEvent(id: UUID(), at: Self.at("2026-11-10 03:00"), channel: .call, initiatedBy: .me, necessary: false)
        let now = Self.at("2026-11-10 12:00")
        let inLondon = Streaks.summary(of: [event], mode: .noContact, since: Self.at("2026-11-01 00:00"), now: now, timeZone: Self.london)
        let inNewYork = Streaks.summary(of: [event], mode: .noContact, since: Self.at("2026-11-01 00:00"), now: now, timeZone: Self.newYork)
        #expect(inLondon.current == 0)
        #expect(inNewYork.current == 1)
    }

    @Test("a daylight-saving change does not add or lose a day", arguments: [
        ("2026-03-28 12:00", "2026-03-30 12:00", 2),  // clocks go forward on 29 March in London
        ("2026-10-24 12:00", "2026-10-26 12:00", 2),  // clocks go back on 25 October
    ])
    func daylightSaving(contactAt: String, now: String, expected: Int) {
        let summary = Streaks.summary(
            of: [Self.contact(contactAt)], mode: .noContact, since: Self.at("2026-01-01 00:00"),
            now: Self.at(now), timeZone: Self.london
        )
        #expect(summary.current == expected)
    }

    @Test("contact they start doesn't break the person's streak; contact the person starts does")
    func whoStarted() {
        let events = [
            Self.contact("2026-11-02 10:00", by: .me),
            Self.contact("2026-11-05 10:00", by: .them),
            Self.contact("2026-11-06 10:00", by: .thirdParty),
        ]
        let summary = Streaks.summary(of: events, mode: .noContact, since: Self.at("2026-10-20 00:00"), now: Self.at("2026-11-09 10:00"), timeZone: Self.london)
        #expect(summary.current == 7)
        #expect(summary.longest == 13)  // 20 Oct to 2 Nov
        #expect(summary.lastContact == Self.at("2026-11-06 10:00"))
        #expect(summary.necessaryOnly == nil)
    }

    @Test("in low contact, necessary contact keeps the necessary-only count; unnecessary contact resets it")
    func lowContact() {
        let events = [
            Self.contact("2026-11-03 10:00", by: .them, necessary: false),
            Self.contact("2026-11-06 10:00", by: .me, necessary: true),
        ]
        let summary = Streaks.summary(of: events, mode: .lowContact, since: Self.at("2026-11-01 00:00"), now: Self.at("2026-11-09 10:00"), timeZone: Self.london)
        #expect(summary.current == 3)
        #expect(summary.necessaryOnly == 6)
        #expect(summary.milestone == 3)
    }

    @Test("contacts logged for a future time are ignored until then")
    func future() {
        let summary = Streaks.summary(
            of: [Self.contact("2026-12-01 10:00")], mode: .noContact, since: Self.at("2026-11-01 00:00"),
            now: Self.at("2026-11-09 10:00"), timeZone: Self.london
        )
        #expect(summary.current == 8)
        #expect(summary.lastContact == nil)
    }
}
