import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("Step 2 pages: situation, contact log, streak, plan, rules, answers")
struct ContactPageTests {
    /// The test clock's "now" as the datetime-local field writes it, moved by `minutes`.
    static func minute(_ app: TestApp, plus minutes: Double = 0) -> String {
        LocalMinute.string(app.clock.now.addingTimeInterval(minutes * 60), timeZone: .current)
    }

    /// Where an id first appears in the page, to check what comes first.
    static func position(of needle: String, in page: String) -> Int? {
        page.range(of: needle).map { page.distance(from: page.startIndex, to: $0.lowerBound) }
    }

    @Test("Today asks for the situation once, then shows the streak first in no contact and the rules first in low contact")
    func todayAdapts() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let first = try await browser.get("/today")
            #expect(first.body.contains("id=\"situation-card\""))
            #expect(!first.body.contains("id=\"streak\""))

            let missing = try await browser.post("/settings/situation", ["return": "today"])
            #expect(missing.location == "/today?done=situation-missing")
            #expect(try await browser.get("/today?done=situation-missing").body.contains("Please choose no contact or low contact"))

            try await browser.post("/settings/situation", ["mode": "no_contact", "return": "today"])
            let noContact = try await browser.get("/today")
            #expect(!noContact.body.contains("id=\"situation-card\""))
            let streak = try #require(Self.position(of: "id=\"streak\"", in: noContact.body))
            let write = try #require(Self.position(of: "id=\"today-write-now\"", in: noContact.body))
            #expect(streak < write, "no contact shows the streak first")
            #expect(!noContact.body.contains("id=\"rules-card\""))

            try await browser.post("/settings/situation", ["mode": "low_contact", "reason_children": "on", "reason_legal": "on", "return": "settings"])
            let settings = try await browser.get("/settings")
            #expect(settings.body.contains("id=\"reason-children\" name=\"reason_children\" value=\"on\" checked"))
            #expect(!settings.body.contains("id=\"reason-work\" name=\"reason_work\" value=\"on\" checked"))
            let lowContact = try await browser.get("/today")
            let rules = try #require(Self.position(of: "id=\"rules-card\"", in: lowContact.body))
            let lowStreak = try #require(Self.position(of: "id=\"streak\"", in: lowContact.body))
            let reply = try #require(Self.position(of: "id=\"today-reply\"", in: lowContact.body))
            #expect(rules < lowStreak && reply < lowStreak, "low contact shows the rules and the reply checker first")
            #expect(lowContact.body.contains("with only the contact that had to happen"))
        }
    }

    @Test("saving the name and idle time keeps the situation")
    func settingsKeepSituation() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/settings/situation", ["mode": "low_contact", "reason_work": "on", "return": "settings"])
            try await browser.post("/settings/preferences", ["display_name": "Recipes", "exit_site": "https://example.com/", "idle_minutes": "5"])
            let today = try await browser.get("/today")
            #expect(today.body.contains("id=\"rules-card\""))
            #expect(try await browser.get("/settings").body.contains("id=\"reason-work\" name=\"reason_work\" value=\"on\" checked"))
        }
    }

    @Test("logging contacts: theirs keeps the streak, the person's own resets it with a calm message")
    func loggingUpdatesTheStreak() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/settings/situation", ["mode": "no_contact", "return": "today"])
            app.clock.advance(by: 3 * 86_400)
            try await browser.unlock()  // the session ended long ago
            #expect(try await browser.get("/today").body.contains("<span id=\"streak-days\">3 days</span>"))
            #expect(try await browser.get("/today").body.contains("id=\"streak-milestone\""), "3 days is a milestone, marked on the day")

            let form = try await browser.get("/days")
            #expect(form.body.contains("id=\"contact-form\""))
            #expect(form.body.contains("value=\"\(Self.minute(app))\""), "the time starts at now")
            #expect(form.body.contains("<option value selected>–</option>"), "an unanswered feeling sends an empty value, not its label")
            let theirs = try await browser.post("/days", [
                "initiated_by": "them", "necessary": "no", "channel": "text", "at": Self.minute(app, plus: -30), "about": "asked for the car",
                "feeling_before": "6", "feeling_after": "3",
            ])
            #expect(theirs.location == "/days?done=saved-theirs")
            let offered = try await browser.get("/days?done=saved-theirs")
            #expect(offered.body.contains("id=\"offer-reply-check\""), "after they got in touch, the page offers to check a reply")
            #expect(!(try await browser.get("/days?done=saved").body.contains("id=\"offer-reply-check\"")))
            let list = try await browser.get("/days")
            #expect(list.body.contains("asked for the car"))
            #expect(list.body.contains("Felt 6 before, 3 after"))
            #expect(list.body.contains("<span id=\"streak-days\">3 days</span>"), "contact they started doesn't reset the streak")
            #expect(!list.body.contains("id=\"streak-reset\""))

            try await browser.post("/days", ["initiated_by": "me", "necessary": "no", "channel": "call", "at": Self.minute(app, plus: -5)])
            let today = try await browser.get("/today")
            #expect(today.body.contains("<span id=\"streak-days\">0 days</span>"))
            #expect(today.body.contains("id=\"streak-reset\""))
            #expect(today.body.contains("isn&#x27;t a failure") || today.body.contains("isn't a failure"))
            #expect(today.body.contains("Your longest run so far: 3 days."))
            #expect(today.body.contains("id=\"reset-pause\" href=\"/pause\""), "the reset message points to the urge tools")

            app.clock.advance(by: 86_400)
            try await browser.unlock()
            let tomorrow = try await browser.get("/today")
            #expect(tomorrow.body.contains("<span id=\"streak-days\">1 day</span>"))
            #expect(!tomorrow.body.contains("id=\"streak-reset\""), "the reset message is for the day itself")
        }
    }

    @Test("a refused contact keeps what was typed and says what to fix", arguments: [
        (["necessary": "no", "channel": "text"], "Please choose who started it."),
        (["initiated_by": "me", "channel": "text"], "Please say whether it had to happen."),
        (["initiated_by": "me", "necessary": "yes", "channel": "pigeon"], "Please choose how you were in touch."),
        (["initiated_by": "me", "necessary": "yes", "channel": "text", "at": "yesterday"], "Please give the day and time"),
        (["initiated_by": "me", "necessary": "yes", "channel": "text", "at": "2026-02-30T10:00"], "Please give the day and time"),
        (["initiated_by": "me", "necessary": "yes", "channel": "text", "feeling_before": "11"], "Feelings are from 0 (worst) to 10 (best)"),
    ])
    func refusedContact(fields: [String: String], message: String) async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            var all = fields
            if all["at"] == nil { all["at"] = Self.minute(app, plus: -1) }
            all["about"] = "kept as typed"
            let page = try await browser.post("/days", all)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(message))
            #expect(page.body.contains("value=\"kept as typed\""))
            #expect(try await app.home.existingStore()?.recordCounts()["contact", default: 0] == 0)
        }
    }

    @Test("a time in the future is refused")
    func futureRefused() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let page = try await browser.post("/days", ["initiated_by": "me", "necessary": "yes", "channel": "text", "at": Self.minute(app, plus: 120)])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("That time hasn&#x27;t happened yet") || page.body.contains("That time hasn't happened yet"))
        }
    }

    @Test("a contact can be deleted after a confirmation page")
    func deleteContact() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/days", ["initiated_by": "them", "necessary": "yes", "channel": "email", "at": Self.minute(app, plus: -1), "about": "school forms"])
            let list = try await browser.get("/days")
            let link = try #require(list.body.range(of: "/days/[0-9a-f-]{36}/delete", options: .regularExpression).map { String(list.body[$0]) })
            #expect(try await browser.get(link).body.contains("Delete this contact?"))
            #expect(try await browser.post(link).location == "/days?done=deleted")
            #expect(try await browser.get("/days").body.contains("id=\"no-contacts\""))
            #expect(try await browser.get("/days/\(UUID().uuidString.lowercased())/delete").status == .notFound)
        }
    }

    @Test("a step typed with \"&\" or what looks like an entity shows exactly as typed, in the list and in its label")
    func planStepEscaped() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/plan/own", ["text": "Tom & Jerry &lt;b&gt;"])
            let page = try await browser.get("/plan").body
            #expect(page.components(separatedBy: "Tom &amp; Jerry &amp;lt;b&amp;gt;").count == 3, "the checkbox label and the remove list")
            #expect(!page.contains("Tom & Jerry"))
        }
    }

    @Test("the plan: ticking steps, adding and removing own steps, progress")
    func plan() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/plan")
            let total = NoContactPlan.guideSteps.count
            #expect(empty.body.contains("0 of \(total) done"))
            for step in NoContactPlan.guideSteps {
                #expect(empty.body.contains("id=\"step-\(step.id)\""))
            }
            let added = try await browser.post("/plan/own", ["text": "Delete old voicemails"])
            #expect(added.location == "/plan?done=added")
            let withOwn = try await browser.get("/plan")
            #expect(withOwn.body.contains("Delete old voicemails"))
            #expect(withOwn.body.contains("0 of \(total + 1) done"))
            let ownName = try #require(withOwn.body.range(of: "own_[0-9a-f-]{36}", options: .regularExpression).map { String(withOwn.body[$0]) })
            try await browser.post("/plan", ["step_block-number": "on", "step_filter-email": "on", ownName: "on", "step_made-up": "on"])
            let ticked = try await browser.get("/plan")
            #expect(ticked.body.contains("3 of \(total + 1) done"))
            #expect(ticked.body.contains("id=\"step-block-number\" name=\"step_block-number\" value=\"on\" checked"))
            #expect(!ticked.body.contains("id=\"step-change-routines\" name=\"step_change-routines\" value=\"on\" checked"))

            let blank = try await browser.post("/plan/own", ["text": "   "])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.body.contains("Please write something first."))

            let id = ownName.dropFirst("own_".count)
            try await browser.post("/plan/own/\(id)/delete")
            let after = try await browser.get("/plan")
            #expect(!after.body.contains("Delete old voicemails"))
            #expect(after.body.contains("2 of \(total) done"))
        }
    }

    @Test("the rules start from the guide's advice and are the person's to change")
    func rules() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get("/rules")
            for rule in LowContactRules.starting {
                #expect(page.body.contains(rule.replacingOccurrences(of: "'", with: "&#x27;")) || page.body.contains(rule))
            }
            let count = LowContactRules.starting.count + 2
            var fields = ["rule_count": String(count), "rule_0": "Email only, about Sam.", "rule_1": "  "]
            for index in 2..<count { fields["rule_\(index)"] = "" }
            fields["rule_\(count - 1)"] = "No replies after 8pm."
            #expect(try await browser.post("/rules", fields).location == "/rules?done=saved")
            let saved = try await browser.get("/rules")
            #expect(saved.body.contains("Email only, about Sam."))
            #expect(saved.body.contains("No replies after 8pm."))
            #expect(!saved.body.contains("bring someone I trust"))

            let tooLong = try await browser.post("/rules", ["rule_count": "1", "rule_0": String(repeating: "a", count: LowContactRules.maxRuleLength + 1)])
            #expect(tooLong.status == .unprocessableContent)
        }
    }

    @Test("prepared answers: the library is shown and the person's own can be added and removed")
    func answers() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get("/answers")
            #expect(page.body.components(separatedBy: "<q>").count - 1 == PreparedAnswers.library.count)
            #expect(try await browser.post("/answers", ["when": "When Mum asks", "text": "I'm fine, thanks. Let's talk about you."]).location == "/answers?done=saved")
            let withOwn = try await browser.get("/answers")
            #expect(withOwn.body.contains("When Mum asks"))
            let refused = try await browser.post("/answers", ["when": "x", "text": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("value=\"x\""))
            let link = try #require(withOwn.body.range(of: "/answers/[0-9a-f-]{36}/delete", options: .regularExpression).map { String(withOwn.body[$0]) })
            try await browser.post(link)
            #expect(!(try await browser.get("/answers").body.contains("When Mum asks")))
        }
    }

    @Test("every Step 2 page needs an open vault and has one h1", arguments: ["/days", "/plan", "/rules", "/answers", "/learn/step-2"])
    func pagesNeedTheVault(path: String) async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: "<h1").count == 2)
            #expect(page.body.contains("id=\"quick-exit\""))
            try await browser.post("/lock")
            #expect(try await browser.get(path).location == "/unlock")
        }
    }

    @Test("words typed into every Step 2 field never reach the disk or the log in clear")
    func canaryNeverOnDisk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-step2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/days", ["initiated_by": "them", "necessary": "yes", "channel": "text", "at": Self.minute(app, plus: -1), "about": "\(canary)-about"])
            try await browser.post("/plan/own", ["text": "\(canary)-step"])
            try await browser.post("/rules", ["rule_count": "1", "rule_0": "\(canary)-rule"])
            try await browser.post("/answers", ["when": "\(canary)-when", "text": "\(canary)-answer"])
            #expect(try await browser.get("/answers").body.contains("\(canary)-answer"))
            #expect(try await browser.get("/days").body.contains("\(canary)-about"))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
    }
}
