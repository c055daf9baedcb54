import Foundation
import Testing
@testable import UntetherCore

@Suite("No-contact plan, low-contact rules, prepared answers and the situation")
struct NoContactPlanTests {
    @Test("every guide step has a unique id, a title, a why and a how")
    func guideSteps() {
        let steps = NoContactPlan.guideSteps
        #expect(Set(steps.map(\.id)).count == steps.count)
        for step in steps {
            #expect(!step.title.isEmpty && !step.why.isEmpty && !step.how.isEmpty)
            #expect(step.why.count < 120, "the why is one line")
        }
        #expect(Set(PreparedAnswers.library.map(\.id)).count == PreparedAnswers.library.count)
    }

    @Test("progress counts guide and own steps; unknown ids are ignored")
    func progress() throws {
        var plan = NoContactPlan()
        #expect(plan.progress == (0, NoContactPlan.guideSteps.count))
        let own = UUID()
        try plan.add("  Delete the photos  ", id: own)
        #expect(plan.ownSteps.first?.text == "Delete the photos")
        plan.markDone(guideSteps: ["block-number", "not-a-step"], ownSteps: [own, UUID()])
        #expect(plan.doneGuideSteps == ["block-number"])
        #expect(plan.progress == (2, NoContactPlan.guideSteps.count + 1))
        plan.markDone(guideSteps: [], ownSteps: [])
        #expect(plan.progress.done == 0)
        plan.remove(own)
        #expect(plan.ownSteps.isEmpty)
        #expect(NoContactPlan(doneGuideSteps: ["nope", "keep-records"]).doneGuideSteps == ["keep-records"])
    }

    @Test("own steps must be there, short enough, and not too many")
    func ownStepLimits() throws {
        var plan = NoContactPlan()
        #expect(throws: ListItemError.empty) { try plan.add(" \n ", id: UUID()) }
        #expect(throws: ListItemError.tooLong(NoContactPlan.maxOwnStepLength)) {
            try plan.add(String(repeating: "x", count: NoContactPlan.maxOwnStepLength + 1), id: UUID())
        }
        for index in 0..<NoContactPlan.maxOwnSteps { try plan.add("step \(index)", id: UUID()) }
        #expect(throws: ListItemError.tooMany(NoContactPlan.maxOwnSteps)) { try plan.add("one more", id: UUID()) }
    }

    @Test("rules drop blank lines, keep order and check length")
    func rules() throws {
        #expect(LowContactRules().rules == LowContactRules.starting)
        let rules = try LowContactRules.validated(["  Email only ", "", "   ", "No calls after 8pm"])
        #expect(rules.rules == ["Email only", "No calls after 8pm"])
        #expect(try LowContactRules.validated([]).rules.isEmpty)
        #expect(throws: ListItemError.tooLong(LowContactRules.maxRuleLength)) {
            try LowContactRules.validated([String(repeating: "y", count: LowContactRules.maxRuleLength + 1)])
        }
        #expect(throws: ListItemError.tooMany(LowContactRules.maxRules)) {
            try LowContactRules.validated((0...LowContactRules.maxRules).map { "rule \($0)" })
        }
    }

    @Test("own answers need words; when they fit is optional")
    func answers() throws {
        var answers = PreparedAnswers()
        try answers.add(when: "", text: "Not today, thanks.", id: UUID())
        #expect(answers.own.first?.when == "")
        #expect(throws: ListItemError.empty) { try answers.add(when: "at work", text: "  ", id: UUID()) }
        #expect(throws: ListItemError.tooLong(PreparedAnswers.maxWhenLength)) {
            try answers.add(when: String(repeating: "w", count: PreparedAnswers.maxWhenLength + 1), text: "ok", id: UUID())
        }
        let id = try #require(answers.own.first?.id)
        answers.remove(id)
        #expect(answers.own.isEmpty)
    }

    @Test("the situation keeps reasons only for low contact, in a fixed order")
    func situation() throws {
        var preferences = Preferences()
        preferences.setSituation(.lowContact, reasons: [.legal, .children, .legal])
        #expect(preferences.lowContactReasons == [.children, .legal])
        preferences.setSituation(.noContact, reasons: [.work])
        #expect(preferences.contactMode == .noContact)
        #expect(preferences.lowContactReasons == nil)
    }

    @Test("changing the name, exit site and idle time keeps the situation")
    func basicsKeepSituation() throws {
        var saved = Preferences()
        saved.setSituation(.lowContact, reasons: [.money])
        let changed = saved.replacingBasics(with: try Preferences.validated(displayName: "Recipes", exitSite: "https://example.com", idleMinutes: 7))
        #expect(changed.displayName == "Recipes" && changed.idleMinutes == 7 && changed.exitSite == "https://example.com")
        #expect(changed.contactMode == .lowContact && changed.lowContactReasons == [.money])
    }

    @Test("preferences saved before the situation existed still decode")
    func oldPreferencesDecode() throws {
        let old = #"{"displayName":"Notes","exitSite":"https://www.bbc.com/weather","idleMinutes":10}"#
        let decoded = try JSONDecoder().decode(Preferences.self, from: Data(old.utf8))
        #expect(decoded.contactMode == nil && decoded.lowContactReasons == nil)
    }
}
