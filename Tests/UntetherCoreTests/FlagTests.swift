import Foundation
import Testing
@testable import UntetherCore

/// Step 7: red and green flags, noted over time, and the pattern for each person.
@Suite("Red and green flags")
struct FlagTests {
    static let today: CalendarDay = "2026-11-30"

    static func note(_ person: String, _ on: CalendarDay, _ flags: Set<RelationshipFlag>, note: String = "", at seconds: Double = 0) -> FlagObservation {
        try! FlagObservation.validated(
            id: UUID(), person: person, on: on.description, flags: flags, note: note,
            recordedAt: Date(timeIntervalSince1970: 1_790_000_000 + seconds), today: today
        )
    }

    @Test("one list: red and green flags are apart, each with a label and an example, ids stable")
    func list() {
        #expect(RelationshipFlag.red.count == 7 && RelationshipFlag.green.count == 6)
        for flag in RelationshipFlag.allCases { #expect(!flag.label.isEmpty && flag.example.hasSuffix(".")) }
        #expect(RelationshipFlag(rawValue: "love_bombing") == .loveBombing && RelationshipFlag(rawValue: "accepts_no") == .acceptsNo)
    }

    @Test("a note needs a nickname, a flag or words, and a real day not in the future")
    func validation() {
        func error(_ person: String, _ on: String, _ flags: Set<RelationshipFlag>, _ note: String) -> FlagError? {
            do {
                _ = try FlagObservation.validated(id: UUID(), person: person, on: on, flags: flags, note: note, recordedAt: Date(), today: Self.today)
                return nil
            } catch { return error }
        }
        #expect(error("  ", "2026-11-01", [.honest], "") == .noPerson)
        #expect(error(String(repeating: "n", count: 41), "2026-11-01", [.honest], "") == .nicknameTooLong)
        #expect(error("Sam", "2026-11-01", [], "  ") == .empty)
        #expect(error("Sam", "soon", [.honest], "") == .badDate)
        #expect(error("Sam", "2026-12-01", [.honest], "") == .future)
        #expect(error("Sam", "2026-11-30", [], "Met his sister") == nil)
        let saved = Self.note(" Sam ", "2026-11-01", [.rushing, .loveBombing], note: "  Flowers at work  ")
        #expect(saved.person == "Sam" && saved.note == "Flowers at work" && saved.flags == [.loveBombing, .rushing])
    }

    @Test("the summary counts each flag with its first and last day, groups a person whatever the case, and lists the latest first")
    func summary() {
        let notes = [
            Self.note("Sam", "2026-10-01", [.loveBombing, .consistent]),
            Self.note("sam", "2026-10-09", [.loveBombing]),
            Self.note("Sam", "2026-10-20", [.boundaryCrossed, .loveBombing], at: 60),
            Self.note("Alex", "2026-11-02", [.acceptsNo]),
        ]
        let people = FlagSummary.people(notes)
        #expect(people.map(\.person) == ["Alex", "Sam"], "the most recently seen first")
        let sam = people[1]
        #expect(sam.observations == 3 && sam.first == "2026-10-01" && sam.last == "2026-10-20")
        #expect(sam.red == [
            .init(flag: .loveBombing, times: 3, first: "2026-10-01", last: "2026-10-20"),
            .init(flag: .boundaryCrossed, times: 1, first: "2026-10-20", last: "2026-10-20"),
        ])
        #expect(sam.green == [.init(flag: .consistent, times: 1, first: "2026-10-01", last: "2026-10-01")])
        #expect(sam.repeatedRed.map(\.flag) == [.loveBombing])
        #expect(sam.reading.contains("more than once: too much, too soon"))
        #expect(people[0].reading.contains("early days"), "one note is too few to read anything into")
    }

    @Test("the reading follows the pattern and never tells the person what to do with the relationship")
    func readings() {
        let greenOnly = FlagSummary.people((1...3).map { Self.note("Jo", CalendarDay("2026-11-0\($0)")!, [.honest]) })[0]
        #expect(greenOnly.reading.contains("green flags and no red ones"))
        let moreRed = FlagSummary.people([
            Self.note("Kim", "2026-11-01", [.rushing, .jealousy]), Self.note("Kim", "2026-11-02", [.isolating]),
            Self.note("Kim", "2026-11-03", [.honest]),
        ])[0]
        #expect(moreRed.reading.contains("more red flags than green"))
        let mixed = FlagSummary.people([
            Self.note("Lee", "2026-11-01", [.rushing, .honest]), Self.note("Lee", "2026-11-02", [.consistent]), Self.note("Lee", "2026-11-03", [.respectsTime]),
        ])[0]
        #expect(mixed.reading.contains("both"))
        for reading in [greenOnly, moreRed, mixed].map(\.reading) {
            for verdict in ["leave them", "break up", "stay with", "dump", "is safe", "is abusive"] { #expect(!reading.lowercased().contains(verdict)) }
        }
    }
}
