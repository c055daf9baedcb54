import Foundation
import Testing
import UntetherCore

@Suite("Calendar days: one value for a day, written as YYYY-MM-DD")
struct CalendarDayTests {
    @Test("real days are read, with spaces around them", arguments: [
        ("2026-11-20", 2026, 11, 20), (" 2024-02-29 ", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("1900-01-01", 1900, 1, 1), ("2999-12-31", 2999, 12, 31),
    ])
    func reads(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(CalendarDay(text))
        #expect((parsed.year, parsed.month, parsed.day) == (year, month, day))
        #expect(parsed.description == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("anything that is not a real day is refused", arguments: [
        "", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00", "1899-12-31", "3000-01-01",
        "26-11-20", "2026/11/20", "2026-1-20", "２０２６-11-20", "2026-11-20T10:00", "not a day", "2026-11-2x",
    ])
    func refuses(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test("days count and order the same way Foundation's Gregorian calendar does, across the whole range")
    func matchesFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        let first = try #require(CalendarDay("1900-01-01")).daysSinceEpoch
        let last = try #require(CalendarDay("2999-12-31")).daysSinceEpoch
        var previous: CalendarDay?
        for offset in (Array(stride(from: first, through: last, by: 97)) + (0..<200).map({ _ in Int.random(in: first...last, using: &generator) })).sorted() {
            let date = Date(timeIntervalSince1970: Double(offset) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = CalendarDay(date, in: TimeZone(identifier: "UTC")!)
            #expect((day.year, day.month, day.day) == (parts.year, parts.month, parts.day))
            #expect(day.daysSinceEpoch == offset)
            #expect(day.startUTC == date)
            #expect(CalendarDay(day.description) == day)
            if let previous { #expect(previous <= day) }
            previous = day
        }
    }

    @Test("adding days crosses months, leap days and years")
    func adding() {
        let day: CalendarDay = "2024-02-28"
        #expect(day.adding(days: 1) == "2024-02-29")
        #expect(day.adding(days: 2) == "2024-03-01")
        #expect(CalendarDay("2026-12-31").adding(days: 1) == "2027-01-01")
        #expect(CalendarDay("2027-01-01").adding(days: -1) == "2026-12-31")
        #expect(day.days(until: "2025-02-28") == 366)
        #expect(CalendarDay("2025-02-28").days(until: day) == -366)
    }

    @Test("days never leave the years a day may fall in, and a skipped midnight starts the day at the first real moment")
    func edges() throws {
        #expect(CalendarDay("1900-01-01").adding(days: -1) == "1900-01-01")
        #expect(CalendarDay("2999-12-31").adding(days: 1) == "2999-12-31")
        #expect(CalendarDay("1900-01-01").adding(days: -1) < CalendarDay("1900-01-02"))
        // Chile's clocks jump from midnight to 1am on 6 September 2026: the day starts at 01:00.
        let santiago = try #require(TimeZone(identifier: "America/Santiago"))
        let start = CalendarDay("2026-09-06").start(in: santiago)
        #expect(CalendarDay(start, in: santiago) == "2026-09-06")
        #expect(CalendarDay(start.addingTimeInterval(-1), in: santiago) == "2026-09-05")
    }

    @Test("the day of an instant depends on the time zone it is seen from")
    func timeZones() throws {
        // 23:30 UTC on 20 Nov is already the 21st in Kiritimati (UTC+14) and still the 20th in Honolulu (UTC-10).
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-20T23:30:00Z"))
        #expect(CalendarDay(instant, in: TimeZone(identifier: "UTC")!) == "2026-11-20")
        #expect(CalendarDay(instant, in: TimeZone(identifier: "Pacific/Kiritimati")!) == "2026-11-21")
        #expect(CalendarDay(instant, in: TimeZone(identifier: "Pacific/Honolulu")!) == "2026-11-20")
        let london = TimeZone(identifier: "Europe/London")!
        let start = CalendarDay("2026-07-01").start(in: london)
        #expect(CalendarDay(start, in: london) == "2026-07-01")
        #expect(CalendarDay(start.addingTimeInterval(-1), in: london) == "2026-06-30")
        #expect(PersonalClock(now: instant, timeZone: TimeZone(identifier: "Pacific/Kiritimati")!).today == "2026-11-21")
    }

    @Test("stored as the same text as before, so nothing on disk changes; a stored non-day is refused")
    func codable() throws {
        struct Box: Codable, Equatable { let day: CalendarDay }
        let data = try JSONEncoder().encode(Box(day: "2026-03-04"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"day":"2026-03-04"}"#)
        #expect(try JSONDecoder().decode(Box.self, from: data) == Box(day: "2026-03-04"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: Data(#"{"day":"2026-02-30"}"#.utf8)) }
    }
}
