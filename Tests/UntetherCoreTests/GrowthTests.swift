import Foundation
import Testing
@testable import UntetherCore

/// Step 5's healthy swaps and Step 6's values and statement.
@Suite("Values, the statement and healthy swaps")
struct GrowthTests {
    @Test("values: chosen from the list in its order, own ones added once, and the top five kept only while held")
    func values() throws {
        var plan = ValuesPlan()
        try plan.choose(["calm", "honesty", "not-a-value"], own: "Gardening, honesty\n  Music  \n\n")
        #expect(plan.chosen == ["honesty", "calm"], "the list's order; unknown ids dropped")
        #expect(plan.own == ["Gardening", "Music"], "a value already chosen is not added again")
        #expect(plan.all == ["Honesty", "Calm", "Gardening", "Music"])
        try plan.rank(["Music", "Honesty", "", "Calm"])
        #expect(plan.top == ["Music", "Honesty", "Calm"])
        #expect(throws: ValuesError.twice) { try plan.rank(["Music", "Music"]) }
        #expect(throws: ValuesError.notHeld) { try plan.rank(["Fame"]) }
        try plan.choose(["honesty"], own: "Music")
        #expect(plan.top == ["Music", "Honesty"], "Calm is no longer held, so it leaves the top five")
        #expect(throws: ValuesError.valueTooLong) { try plan.choose([], own: String(repeating: "x", count: 41)) }
        #expect(throws: ValuesError.tooManyOwn) { try plan.choose([], own: (1...13).map { "Value \($0)" }.joined(separator: ",")) }
    }

    @Test("the draft statement is made only from the person's own choices and words")
    func draftStatement() throws {
        var plan = ValuesPlan()
        #expect(plan.draftStatement.isEmpty)
        try plan.choose(["honesty", "calm", "nature"], own: "")
        try plan.rank(["Nature", "Honesty"])
        try plan.answer(treatMyself: "Patience, and rest when I need it.", treatOthers: "honesty and warmth", days: "  Time outside  ")
        #expect(plan.draftStatement == "What matters most to me is nature and honesty. I treat myself with patience, and rest when I need it. "
            + "I treat others with honesty and warmth. I make room in my days for time outside.")
        try plan.write("  My own words.  ")
        #expect(plan.statement == "My own words.")
        #expect(throws: ValuesError.tooLong) { try plan.write(String(repeating: "x", count: 1_501)) }
        #expect(throws: ValuesError.tooLong) { try plan.answer(treatMyself: String(repeating: "x", count: 301), treatOthers: "", days: "") }
    }

    @Test("swaps: five, each a plan of when I notice and what I will try; a try is logged and tallied")
    func swaps() throws {
        #expect(HealthySwap.allCases.count == 5)
        for swap in HealthySwap.allCases { #expect(!swap.why.isEmpty && !swap.example.isEmpty && swap.from != swap.to) }
        var plan = SwapPlan()
        try plan.set(.isolation, notice: "I cancel plans", attempt: " Text one friend ")
        try plan.set(.numbing, notice: "", attempt: "Name the feeling")
        #expect(plan.planned == [.numbing, .isolation], "in the list's order")
        #expect(plan.entry(.isolation)?.attempt == "Text one friend")
        #expect(throws: SwapError.noAttempt) { try plan.set(.pleasing, notice: "I say yes at once", attempt: "") }
        try plan.set(.numbing, notice: "", attempt: "")
        #expect(plan.planned == [.isolation], "emptied, it is removed")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let tries = try [
            SwapTry.validated(id: UUID(), swap: .isolation, at: now, outcome: .helped, note: ""),
            SwapTry.validated(id: UUID(), swap: .isolation, at: now, outcome: .notYet, note: "Too tired"),
            SwapTry.validated(id: UUID(), swap: .isolation, at: now, outcome: .some, note: ""),
            SwapTry.validated(id: UUID(), swap: .numbing, at: now, outcome: nil, note: ""),
        ]
        let tally = SwapTry.tally(tries)
        #expect(tally.map(\.swap) == [.numbing, .isolation])
        #expect(tally.map(\.tries) == [1, 3] && tally.map(\.helped) == [0, 2])
        #expect(throws: SwapError.tooLong) { try SwapTry.validated(id: UUID(), swap: .numbing, at: now, outcome: nil, note: String(repeating: "x", count: 1_001)) }
    }
}

@Suite("Small wins, milestones, a kinder voice and the readings")
struct WinTests {
    static let today: CalendarDay = "2026-11-30"

    @Test("a win needs words and a day that has come; a kinder-voice note needs the harsh thought")
    func validation() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(throws: VictoryError.empty) { try Victory.validated(id: UUID(), on: "2026-11-30", text: "  ", recordedAt: now, today: Self.today) }
        #expect(throws: VictoryError.future) { try Victory.validated(id: UUID(), on: "2026-12-01", text: "x", recordedAt: now, today: Self.today) }
        #expect(throws: VictoryError.badDate) { try Victory.validated(id: UUID(), on: "yesterday", text: "x", recordedAt: now, today: Self.today) }
        #expect(throws: VictoryError.empty) { try KinderVoice.validated(id: UUID(), at: now, belief: " ", supports: "a", against: "", kinder: "") }
        let kept = try? KinderVoice.validated(id: UUID(), at: now, belief: " I ruin everything ", supports: "", against: "", kinder: "")
        #expect(kept?.belief == "I ruin everything")
    }

    @Test("milestones come from the other steps' records, dated in the person's own days, latest first, counts last")
    func milestones() throws {
        let zone = TimeZone.gmt
        func at(_ day: CalendarDay) -> Date { day.startUTC.addingTimeInterval(12 * 3_600) }
        let incident = Incident(id: UUID(), occurredOn: "2026-09-01", approximate: false, recordedAt: at("2026-09-02"), description: "x")
        let checkIn = try CheckIn.validated(id: UUID(), at: at("2026-10-05"), ratings: ["low": 2])
        let urges = [
            try Urge.validated(id: UUID(), at: at("2026-10-10"), before: 8, after: 3),
            try Urge.validated(id: UUID(), at: at("2026-10-01"), before: 5, after: 5),
            try Urge.validated(id: UUID(), at: at("2026-11-01"), before: 7, after: 2),
        ]
        let tries = [try SwapTry.validated(id: UUID(), swap: .numbing, at: at("2026-11-02"), outcome: .some, note: "")]
        let streak = Streaks.Summary(current: 40, longest: 40, lastContact: nil, lastReachedOut: nil, mode: .noContact, necessaryOnly: nil, milestone: 30)
        let earned = EarnedMilestone.from(
            incidents: [incident], checkIns: [checkIn], journal: [], urges: urges, decisions: [], swapTries: tries, streak: streak,
            today: Self.today, timeZone: zone
        )
        #expect(earned.map(\.text) == [
            "30 days without reaching out.", "You rode out an urge and it eased.", "Your first check-in on how you feel.",
            "You wrote down what happened for the first time.", "2 urges ridden out until they eased.", "A healthy swap helped once.",
        ])
        #expect(earned[0].on == "2026-11-20", "reached ten days before today, on a 40-day run")
        #expect(earned[1].on == "2026-10-10" && earned[3].on == "2026-09-02")
        #expect(EarnedMilestone.from(incidents: [], checkIns: [], journal: [], urges: [], decisions: [], swapTries: [], streak: nil, today: Self.today, timeZone: zone).isEmpty)
    }

    @Test("the readings: one for each of Steps 5 to 7 and four common challenges, ids unique, short enough for a phone")
    func readings() {
        let ids = Reading.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids).isSuperset(of: ["step-5", "step-6", "step-7", "grief", "responsible", "alone", "judgment"]))
        for reading in Reading.all {
            let words = reading.paragraphs.joined(separator: " ").split(separator: " ").count
            #expect((60...240).contains(words), "\(reading.id): \(words) words")
            #expect(reading.paragraphs.allSatisfy { !$0.isEmpty })
        }
    }
}


@Suite("Keeping it going (Step 7)")
struct StayingFreeTests {
    @Test("each list is saved on its own: ticks and notes kept, empty parts dropped, the day it was looked over kept")
    func update() throws {
        var plan = StayingFreePlan()
        try plan.update(StayingFreePlan.maintenance, done: ["therapy", "unknown"], notes: ["people": "  Sister on Sundays ", "therapy": ""], today: "2026-11-20")
        #expect(plan.entry(StayingFreePlan.maintenance[1]) == .init(done: true, note: ""))
        #expect(plan.entries["people"] == .init(done: false, note: "Sister on Sundays"))
        #expect(plan.entries["unknown"] == nil && plan.entries["check_ins"] == nil)
        #expect(plan.doneCount(StayingFreePlan.maintenance) == 1 && plan.reviewedOn == "2026-11-20")
        try plan.update(StayingFreePlan.resilience, done: ["money"], notes: [:], today: "2026-11-29")
        #expect(plan.entries["people"]?.note == "Sister on Sundays", "saving one list leaves the other as it was")
        #expect(plan.doneCount(StayingFreePlan.resilience) == 1 && plan.reviewedOn == "2026-11-29")
        #expect(throws: SwapError.tooLong) {
            try plan.update(StayingFreePlan.resilience, done: [], notes: ["money": String(repeating: "x", count: 501)], today: "2026-11-29")
        }
    }
}


@Suite("Boundaries (Step 6)")
struct BoundaryTests {
    @Test("boundaries and lines are kept one a line, without blanks or repeats; a held one needs its words and a past day")
    func plan() throws {
        var plan = BoundaryPlan()
        try plan.update(mine: "No calls after 9pm\n\n  no calls after 9pm \nEmail only about money", practice: "That doesn't work for me.\r\n")
        #expect(plan.mine == ["No calls after 9pm", "Email only about money"])
        #expect(plan.practice == ["That doesn't work for me."])
        #expect(throws: BoundaryError.tooMany) { try plan.update(mine: (1...21).map { "Line \($0)" }.joined(separator: "\n"), practice: "") }
        #expect(plan.mine.count == 2, "a refused change leaves the plan as it was")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(throws: BoundaryError.noBoundary) { try BoundaryHeld.validated(id: UUID(), on: "2026-11-01", boundary: " ", note: "", recordedAt: now, today: "2026-11-30") }
        #expect(throws: BoundaryError.future) { try BoundaryHeld.validated(id: UUID(), on: "2026-12-01", boundary: "x", note: "", recordedAt: now, today: "2026-11-30") }
        let held = try ["No calls after 9pm", "Email only about money", "No calls after 9pm"].map {
            try BoundaryHeld.validated(id: UUID(), on: "2026-11-20", boundary: $0, note: "", recordedAt: now, today: "2026-11-30")
        }
        #expect(BoundaryHeld.counts(held).map(\.boundary) == ["No calls after 9pm", "Email only about money"])
        #expect(BoundaryHeld.counts(held).map(\.times) == [2, 1])
        #expect(BoundaryPlan.lines.allSatisfy { $0.hasSuffix(".") })
    }
}


@Suite("Goals and interests (Step 6)")
struct GoalTests {
    @Test("a goal has a name and up to 12 small steps, marked done by position; an interest keeps each day once")
    func goalsAndInterests() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var goal = try Goal.validated(id: UUID(), title: " Learn to drive ", steps: "Book a lesson\n\n Theory test \nPass", createdAt: now)
        #expect(goal.title == "Learn to drive" && goal.steps.map(\.text) == ["Book a lesson", "Theory test", "Pass"])
        goal.mark(done: [0, 2, 9])
        #expect(goal.doneCount == 2 && !goal.isDone)
        goal.mark(done: [0, 1, 2])
        #expect(goal.isDone)
        #expect(throws: GoalError.noTitle) { try Goal.validated(id: UUID(), title: " ", steps: "", createdAt: now) }
        #expect(throws: GoalError.tooManySteps) { try Goal.validated(id: UUID(), title: "x", steps: (1...13).map(String.init).joined(separator: "\n"), createdAt: now) }
        var interest = try Interest.validated(id: UUID(), name: "Swimming", origin: .before, createdAt: now)
        interest.didIt(on: "2026-11-20")
        interest.didIt(on: "2026-11-10")
        interest.didIt(on: "2026-11-20")
        #expect(interest.done == ["2026-11-10", "2026-11-20"])
    }
}


@Suite("The calming toolkit (Step 5)")
struct ToolkitTests {
    @Test("seeded from what helped when an urge eased, most often first, leaving out what the toolkit holds and what is not a way to calm down")
    func suggestions() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let urges = [
            try Urge.validated(id: UUID(), at: now, before: 8, after: 3, helped: [.boxBreathing, .movement, .waited]),
            try Urge.validated(id: UUID(), at: now, before: 7, after: 4, helped: [.movement, .calledSomeone]),
            try Urge.validated(id: UUID(), at: now, before: 6, after: 6, helped: [.wrote]),
            try Urge.validated(id: UUID(), at: now, before: nil, after: nil, helped: [.movement]),
        ]
        var toolkit = Toolkit()
        #expect(toolkit.suggestions(from: urges).map(\.action) == [.movement, .boxBreathing, .calledSomeone])
        #expect(toolkit.suggestions(from: urges).first?.times == 2, "an urge that did not ease, or whose easing is unknown, does not count")
        try toolkit.add(kind: .movement, text: "Moving my body", action: .movement)
        try toolkit.add(kind: .movement, text: "moving my body")
        #expect(toolkit.items.count == 1, "the same words are not added twice")
        #expect(toolkit.suggestions(from: urges).map(\.action) == [.boxBreathing, .calledSomeone])
        #expect(throws: SwapError.noAttempt) { try toolkit.add(kind: .nature, text: " ") }
        toolkit.remove(at: 5)
        toolkit.remove(at: 0)
        #expect(toolkit.items.isEmpty)
        #expect(Toolkit.kind(of: .waited) == nil && Toolkit.kind(of: .calledSomeone) == .people)
    }
}
