import Foundation
import Testing
@testable import UntetherCore

/// The day-by-day plan's engine: table-driven, with fixed days and records.
@Suite("The day-by-day plan adapts and never starts over")
struct DayPlanTests {
    static let start: CalendarDay = "2026-03-01"

    /// A plan with days 1 to `done` done, one a day from the start.
    static func plan(done: Int, track: PlanTrack = .justLeft) -> PlanState {
        var state = PlanState(startedOn: start, track: track)
        for index in 0..<done {
            state.complete(PlanToday(kind: .sequence, day: state.next, reason: nil), on: start.adding(days: index))
        }
        return state
    }

    static func day(_ n: Int) -> CalendarDay { start.adding(days: n - 1) }

    @Test("a contact on day 20: day 21 is a support day, and day 22 goes on with the sequence")
    func contactOnDay20() {
        var state = Self.plan(done: 19)
        let signals = PlanSignals(contactsStarted: [Self.day(20)])
        let twenty = PlanToday.of(state, today: Self.day(20), signals: signals)
        #expect(twenty.kind == .sequence && twenty.day == 20, "the contact is later on day 20; day 20 is as planned")
        state.complete(twenty, on: Self.day(20))
        let twentyOne = PlanToday.of(state, today: Self.day(21), signals: signals)
        #expect(twentyOne.kind == .support && twentyOne.day == 21)
        #expect(twentyOne.reason?.contains("You reached out on 2026-03-20") == true)
        state.complete(twentyOne, on: Self.day(21))
        let twentyTwo = PlanToday.of(state, today: Self.day(22), signals: signals)
        #expect(twentyTwo.kind == .sequence && twentyTwo.day == 21, "the sequence continues where it was, never restarts")
        #expect(state.doneCount == 20)
    }

    @Test("three missed days do not pile up: the plan picks up where the person left off")
    func missedDays() {
        let state = Self.plan(done: 10)
        let back = PlanToday.of(state, today: Self.day(14), signals: PlanSignals())
        #expect(back.kind == .sequence && back.day == 11)
    }

    @Test("a track change mid-way keeps every day done", arguments: PlanTrack.allCases)
    func trackChange(track: PlanTrack) {
        var state = Self.plan(done: 30, track: .justLeft)
        state.change(to: track)
        #expect(state.next == 31 && state.doneCount == 30 && state.track == track)
        #expect(PlanToday.of(state, today: Self.day(31), signals: PlanSignals()).day == 31)
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let signals: PlanSignals
        let expected: PlanToday.Kind
        var description: String { name }
    }

    static let today = day(11)
    static let cases: [Case] = [
        Case(name: "nothing new: the sequence", signals: PlanSignals(), expected: .sequence),
        Case(name: "a hard check-in yesterday: a lighter day", signals: PlanSignals(checkIns: [(day(10), 2, 2.8)]), expected: .lighter),
        Case(name: "hopelessness rated 3: a lighter day", signals: PlanSignals(checkIns: [(day(11), 3, 1.0)]), expected: .lighter),
        Case(name: "very high hopelessness: the help card first", signals: PlanSignals(checkIns: [(day(11), 4, 3.5)]), expected: .help),
        Case(name: "an easy check-in: the sequence", signals: PlanSignals(checkIns: [(day(11), 1, 1.0)]), expected: .sequence),
        Case(name: "a hard check-in a week ago: the sequence", signals: PlanSignals(checkIns: [(day(3), 4, 3.5)]), expected: .sequence),
        Case(name: "urges on five days this week: more practice", signals: PlanSignals(urgeDays: (5...11).filter { $0 != 8 && $0 != 6 }.map(day)), expected: .practice),
        Case(name: "urges on four days: the sequence", signals: PlanSignals(urgeDays: [day(8), day(9), day(10), day(11)]), expected: .sequence),
        Case(name: "a danger sign: the safety plan first", signals: PlanSignals(dangerDays: [day(10)]), expected: .safety),
        Case(name: "a danger sign outranks everything else", signals: PlanSignals(
            contactsStarted: [day(10)], checkIns: [(day(11), 4, 4.0)], urgeDays: (5...11).map(day), dangerDays: [day(9)]
        ), expected: .safety),
        Case(name: "very low outranks a contact", signals: PlanSignals(contactsStarted: [day(10)], checkIns: [(day(11), 4, 4.0)]), expected: .help),
        Case(name: "a contact today: today as planned, support tomorrow", signals: PlanSignals(contactsStarted: [day(11)]), expected: .sequence),
        Case(name: "a contact before the plan began: the sequence", signals: PlanSignals(contactsStarted: [start.adding(days: -3)]), expected: .sequence),
    ]

    @Test("each adaptation, and which comes first", arguments: cases)
    func adaptation(_ item: Case) {
        let result = PlanToday.of(Self.plan(done: 10), today: Self.today, signals: item.signals)
        #expect(result.kind == item.expected, "\(item.name)")
        #expect(result.day == 11)
        if item.expected != .sequence { #expect(result.reason?.isEmpty == false) }
    }

    @Test("an extra day is given once for what caused it")
    func onceEach() {
        var state = Self.plan(done: 10)
        let signals = PlanSignals(checkIns: [(Self.day(11), 3, 3.0)], dangerDays: [Self.day(11)])
        let first = PlanToday.of(state, today: Self.day(11), signals: signals)
        #expect(first.kind == .safety)
        state.complete(first, on: Self.day(11))
        let second = PlanToday.of(state, today: Self.day(11), signals: signals)
        #expect(second.kind == .lighter)
        state.complete(second, on: Self.day(11))
        #expect(PlanToday.of(state, today: Self.day(12), signals: signals).kind == .sequence)
        #expect(state.next == 11 && state.doneCount == 10, "extra days never move the sequence")
    }

    @Test("skip, repeat, pause and resume; the plan finishes after day 90")
    func controls() {
        var state = Self.plan(done: 5)
        state.skip(on: Self.day(6))
        #expect(state.next == 7 && state.doneCount == 5)
        state.repeatPrevious()
        #expect(state.next == 6)
        state.pause(on: Self.day(7))
        #expect(PlanToday.of(state, today: Self.day(8), signals: PlanSignals(dangerDays: [Self.day(8)])).kind == .paused)
        state.resume()
        #expect(PlanToday.of(state, today: Self.day(9), signals: PlanSignals()).day == 6)
        let finished = Self.plan(done: 90)
        #expect(finished.isFinished && PlanToday.of(finished, today: Self.day(95), signals: PlanSignals()).kind == .finished)
    }

    @Test("across a daylight-saving change, days come from the calendar, not from 24-hour steps")
    func daylightSaving() {
        // Europe/London moved its clocks forward on 29 March 2026. A contact at 00:30 local time
        // on 30 March is 23:30 UTC on 29 March.
        let london = TimeZone(identifier: "Europe/London")!
        let contact = Date(timeIntervalSince1970: 1_774_827_000)  // 2026-03-29T23:30:00Z
        let day = CalendarDay(contact, in: london)
        #expect(day == "2026-03-30")
        var state = Self.plan(done: 29)
        state.complete(PlanToday.of(state, today: "2026-03-30", signals: PlanSignals()), on: "2026-03-30")
        let signals = PlanSignals(contactsStarted: [day])
        #expect(PlanToday.of(state, today: "2026-03-31", signals: signals).kind == .support)
        #expect(PlanToday.of(state, today: "2026-03-30", signals: signals).kind == .sequence)
    }
}
