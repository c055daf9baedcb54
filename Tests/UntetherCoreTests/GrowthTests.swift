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
