import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

/// Step 5's healthy swaps and Step 6's values, on the page.
@Suite("Values and healthy swaps, on the page")
struct GrowthPageTests {
    @Test("choose values, rank the top five, draft a statement from the answers, edit it and save it")
    func values() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/values").body
            #expect(empty.contains("id=\"values-choose\"") && !empty.contains("id=\"values-rank\""))
            let chosen = try await browser.post("/values/choose", ["value_honesty": "on", "value_nature": "on", "own": "Music"])
            #expect(chosen.location == "/values?done=values#values-rank")
            let ranked = try await browser.post("/values/rank", ["top_1": "Music", "top_2": "Nature", "top_3": ""])
            #expect(ranked.location == "/values?done=top#values-mission")
            let twice = try await browser.post("/values/rank", ["top_1": "Music", "top_2": "Music"])
            #expect(twice.status == .unprocessableContent && twice.body.contains("only once"))
            let draft = try await browser.post("/values/statement", [
                "treat_myself": "Patience", "treat_others": "warmth", "days": "time outside", "statement": "", "action": "draft",
            ])
            #expect(draft.status == .ok)
            #expect(draft.body.contains("What matters most to me is music and nature. I treat myself with patience."))
            // Words typed and not saved yet are never replaced by a draft: the draft is shown beside them.
            let beside = try await browser.post("/values/statement", [
                "treat_myself": "Patience", "treat_others": "warmth", "days": "time outside", "statement": "My own first words", "action": "draft",
            ]).body
            #expect(beside.contains(">My own first words</textarea>"))
            #expect(beside.contains("id=\"mission-draft-text\"") && beside.contains("What matters most to me is music and nature."))
            let tooLong = try await browser.post("/values/statement", [
                "treat_myself": "Patience", "treat_others": "warmth", "days": "time outside", "statement": String(repeating: "a", count: ValuesPlan.maxStatementLength + 1), "action": "save",
            ])
            #expect(tooLong.status == .unprocessableContent && tooLong.body.contains(String(repeating: "a", count: ValuesPlan.maxStatementLength + 1)), "a refused statement is kept")
            let saved = try await browser.post("/values/statement", [
                "treat_myself": "Patience", "treat_others": "warmth", "days": "time outside", "statement": "I choose calm & kindness.", "action": "save",
            ])
            #expect(saved.location == "/values?done=statement#my-statement")
            let page = try await browser.get("/values").body
            #expect(page.contains("I choose calm &amp; kindness."))
            #expect(page.contains("<option value=\"Music\" selected>Music</option>") || page.contains("value=\"Music\" selected"))
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            let plan = try await vault.document(ValuesPlan.self)
            #expect(plan.top == ["Music", "Nature"] && plan.statement == "I choose calm & kindness." && plan.treatMyself == "Patience")
            let found = try await browser.post("/search", ["q": "kindness"]).body
            #expect(found.contains("href=\"/values\""))
            #expect(found.contains("15 Jan 2027") && !found.contains("2000"), "a saved page is dated the day it was saved")
            // The saved statement sent back as the browser sends it (\r\n, a trailing line) is not "unsaved".
            let same = try await browser.post("/values/statement", [
                "treat_myself": "Patience", "treat_others": "warmth", "days": "time outside", "statement": "I choose calm & kindness.\r\n", "action": "draft",
            ]).body
            #expect(!same.contains("id=\"mission-draft-text\""))
            // An answer too long is refused, and every answer typed is kept on the page.
            let longAnswer = try await browser.post("/values/statement", [
                "treat_myself": String(repeating: "b", count: ValuesPlan.maxAnswerLength + 1), "treat_others": "kindness, always", "days": "walks", "statement": "Kept words", "action": "save",
            ])
            #expect(longAnswer.status == .unprocessableContent)
            #expect(longAnswer.body.contains(String(repeating: "b", count: ValuesPlan.maxAnswerLength + 1)) && longAnswer.body.contains("kindness, always"))
            #expect(longAnswer.body.contains(">Kept words</textarea>"))
            #expect(longAnswer.body.contains("name=\"draft_id\""), "the statement form is kept if the session locks")
        }
    }

    @Test("plan a swap, log a try, and see it counted; a try needs a planned swap")
    func swaps() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/swaps").body
            for swap in HealthySwap.allCases { #expect(empty.contains("id=\"swap-\(swap.rawValue)\"")) }
            #expect(!empty.contains("id=\"swap-try\""), "nothing to try before a swap is planned")
            let refused = try await browser.post("/swaps/isolation", ["notice": "I cancel plans", "attempt": ""])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Please say what you will try"))
            #expect(try await browser.post("/swaps/isolation", ["notice": "I cancel plans", "attempt": "Text one friend"]).location == "/swaps?done=swap#swap-isolation")
            #expect(try await browser.post("/swaps/nothing", ["attempt": "x"]).status == .notFound)
            let notPlanned = try await browser.post("/swaps/tries", ["swap": "numbing"])
            #expect(notPlanned.status == .unprocessableContent)
            let tried = try await browser.post("/swaps/tries", ["swap": "isolation", "outcome": "helped", "note": "Met Ana for tea"])
            #expect(tried.location == "/swaps?done=tried")
            let page = try await browser.get("/swaps?done=tried").body
            #expect(page.contains("Saved. Each try counts"))
            #expect(page.contains("Time with people I choose</strong>: tried once, helped once."))
            #expect(page.contains("Met Ana for tea"))
            #expect(try await browser.post("/search", ["q": "Ana"]).body.contains("href=\"/swaps\""))
        }
    }

    @Test("values, swaps and tries never reach the disk or the log in clear")
    func canary() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-growth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/values/choose", ["own": "\(canary)value"])
            try await browser.post("/values/statement", ["treat_myself": "\(canary)self", "statement": "\(canary)statement", "action": "save"])
            try await browser.post("/swaps/numbing", ["notice": "\(canary)notice", "attempt": "\(canary)attempt"])
            try await browser.post("/swaps/tries", ["swap": "numbing", "note": "\(canary)try"])
            try await browser.post("/wins", ["on": "2027-01-14", "text": "\(canary)win"])
            try await browser.post("/kinder", ["belief": "\(canary)belief", "kinder": "\(canary)kinder"])
            try await browser.post("/ahead/maintenance", ["note_people": "\(canary)people"])
            try await browser.post("/boundaries", ["mine": "\(canary)mine", "practice": "\(canary)practice"])
            try await browser.post("/boundaries/held", ["boundary": "\(canary)mine", "on": "2027-01-14", "note": "\(canary)held"])
            try await browser.post("/goals", ["title": "\(canary)goal", "steps": "\(canary)step"])
            try await browser.post("/goals/interests", ["name": "\(canary)interest", "origin": "new"])
            try await browser.post("/toolkit", ["kind": "nature", "text": "\(canary)toolkit"])
            #expect(try await browser.get("/swaps").body.contains("\(canary)try"))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
    }

    @Test("talking to someone: not wanting to live leads with a crisis line; what the records show is named with its days")
    func talk() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/help/region", ["region": "GB-ENG"])
            let form = try await browser.get("/talk").body
            for reason in ProfessionalHelp.Reason.allCases { #expect(form.contains("name=\"r_\(reason.rawValue)\"")) }
            #expect(form.contains("id=\"kinds-of-help\"") && form.contains("id=\"first-meeting\""))
            #expect(!form.contains("id=\"talk-signs\""))
            let crisis = try await browser.post("/talk", ["r_not_wanting_to_live": "on", "r_outside_view": "on"]).body
            let card = try #require(crisis.range(of: "id=\"talk-crisis\"").map { String(crisis[$0.lowerBound...]) })
            let firstLink = try #require(card.range(of: "href=\"[^\"]*\"", options: .regularExpression).map { String(card[$0]) })
            #expect(firstLink.hasPrefix("href=\"tel:"), "\(firstLink)")
            #expect(crisis.range(of: "id=\"talk-crisis\"")!.lowerBound < crisis.range(of: "id=\"talk-check\"")!.lowerBound, "the crisis card comes first")
            #expect(!crisis.contains("id=\"talk-result\""))
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            for day in 0..<5 {
                let at = app.clock.now.addingTimeInterval(-Double(day) * 86_400 - 3_600)
                try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: at, before: 9, after: 6))
            }
            let suggested = try await browser.post("/talk", [:]).body
            #expect(suggested.contains("id=\"talk-signs\""))
            #expect(suggested.contains("You logged strong urges on 5 days in the last two weeks (from 11 Jan 2027 to 15 Jan 2027)."))
            #expect(suggested.contains("Talking to a professional could help"))
        }
    }

    @Test("small wins are kept and removed, shown beside the other steps' milestones; a kinder-voice note is saved and listed")
    func winsAndKinder() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/log/new", ["occurred_on": "2027-01-10", "description": "Shouted at me"])
            let refused = try await browser.post("/wins", ["on": "2027-01-15", "text": " "])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Please write a few words first."))
            let kept = try await browser.post("/wins", ["on": "2027-01-14", "text": "Said no to an extra shift"])
            #expect(kept.location == "/wins?done=win")
            let page = try await browser.get("/wins?done=win").body
            #expect(page.contains("Kept. Well done."))
            #expect(page.contains("14 Jan 2027</strong>: Said no to an extra shift"))
            #expect(page.contains("id=\"earned\"") && page.contains("You wrote down what happened for the first time."))
            #expect(page.contains("id=\"wins-challenges\"") && page.contains("href=\"/read/grief\""))
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            let win = try #require(try await vault.log(Victory.self).all().first)
            #expect(try await browser.post("/wins/\(win.id.uuidString.lowercased())/delete").location == "/wins?done=win-removed")
            #expect(try await vault.log(Victory.self).all().isEmpty)

            let noBelief = try await browser.post("/kinder", ["belief": "", "kinder": "Kept words"])
            #expect(noBelief.status == .unprocessableContent && noBelief.body.contains("Please write the harsh thought first.") && noBelief.body.contains("Kept words"))
            #expect(try await browser.post("/kinder", ["belief": "I ruin everything", "against": "Friends rely on me", "kinder": "I got one thing wrong"]).location == "/kinder?done=kinder")
            let kinder = try await browser.get("/kinder").body
            #expect(kinder.contains("I ruin everything") && kinder.contains("I got one thing wrong"))
            #expect(try await browser.post("/search", ["q": "rely"]).body.contains("href=\"/kinder\""))
        }
    }

    @Test("readings open by id; an unknown one is not found; Today shows a card for each step once started")
    func readingsAndToday() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            for reading in Reading.all {
                let page = try await browser.get("/read/\(reading.id)")
                #expect(page.status == .ok && page.body.contains(HTMLEscaping.escape(reading.title, quotes: false)))
            }
            #expect(try await browser.get("/read/nothing").status == .notFound)
            let before = try await browser.get("/today").body
            #expect(before.contains("id=\"ahead-card\"") && !before.contains("id=\"step-card-step-6\""))
            try await browser.post("/wins", ["on": "2027-01-14", "text": "A walk in the rain"])
            let after = try await browser.get("/today").body
            #expect(after.contains("id=\"step-card-step-6\"") && after.contains("href=\"/read/step-6\""))
            #expect(after.contains("id=\"ahead-card\""), "steps 5 and 7 are still offered")
            #expect(!after.contains("id=\"step-card-step-5\""))
            #expect(try await browser.get("/pause").body.contains("id=\"pause-challenges\""))
        }
    }

    @Test("keeping it going: each list saves its ticks and notes, says when it was looked over, and is found by search")
    func ahead() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/ahead").body
            for part in StayingFreePlan.maintenance + StayingFreePlan.resilience { #expect(empty.contains("name=\"done_\(part.id)\"")) }
            #expect(!empty.contains("id=\"ahead-reviewed\""))
            let saved = try await browser.post("/ahead/resilience", ["done_money": "on", "note_support": "Sister and the Tuesday group"])
            #expect(saved.location == "/ahead?done=ahead#ahead-resilience")
            let page = try await browser.get("/ahead").body
            #expect(page.contains("1 of 4 in place.") && page.contains("Sister and the Tuesday group"))
            #expect(page.contains("Last looked over on 15 Jan 2027."))
            #expect(try await browser.post("/ahead/other", [:]).status == .notFound)
            let found = try await browser.post("/search", ["q": "Tuesday"]).body
            #expect(found.contains("href=\"/ahead\"") && found.contains("15 Jan 2027") && !found.contains("2000"))
        }
    }

    @Test("boundaries: saved one a line, a held one logged and counted, lines to borrow shown, found by search")
    func boundaries() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/boundaries").body
            #expect(empty.contains("id=\"lines-to-borrow\"") && !empty.contains("id=\"held-form\""), "nothing to hold before a boundary is written")
            #expect(try await browser.post("/boundaries", ["mine": "No calls after 9pm\nEmail only", "practice": "No."]).location == "/boundaries?done=boundaries")
            let refused = try await browser.post("/boundaries/held", ["boundary": "", "on": "2027-01-14"])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Please say which boundary you held."))
            #expect(try await browser.post("/boundaries/held", ["boundary": "No calls after 9pm", "on": "2027-01-14", "note": "Let it ring out"]).location == "/boundaries?done=held")
            let page = try await browser.get("/boundaries?done=held").body
            #expect(page.contains("Holding a line is hard, and you did it."))
            #expect(page.contains("No calls after 9pm: <strong>once</strong>") && page.contains("Let it ring out"))
            #expect(try await browser.post("/search", ["q": "ring"]).body.contains("14 Jan 2027"), "a held boundary is dated the day it was held")
            let found = try await browser.post("/search", ["q": "Email"]).body
            #expect(found.contains("href=\"/boundaries\"") && found.contains("15 Jan 2027") && !found.contains("2000"), "the list is dated the day it was saved")
        }
    }

    @Test("goals: added with steps, progress saved and shown, removed; interests: added, done today once, counted")
    func goalsAndInterests() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let refused = try await browser.post("/goals", ["title": "", "steps": "Kept step"])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Please give it a name first.") && refused.body.contains("Kept step"))
            #expect(try await browser.post("/goals", ["title": "Learn to drive", "steps": "Book a lesson\nTheory test"]).location == "/goals?done=goal")
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            let goal = try #require(try await vault.log(Goal.self).all().first)
            let key = goal.id.uuidString.lowercased()
            try await browser.post("/goals/\(key)", ["step_0": "on", "action": "save"])
            let page = try await browser.get("/goals").body
            #expect(page.contains("1 of 2 steps done."))
            #expect(page.contains("id=\"step-\(key)-0\" name=\"step_0\" value=\"on\" checked"))
            #expect(try await browser.post("/goals/interests", ["name": "Swimming", "origin": "before"]).location == "/goals?done=interest#interests")
            let interest = try #require(try await vault.log(Interest.self).all().first)
            try await browser.post("/goals/interests/\(interest.id.uuidString.lowercased())", ["action": "did"])
            try await browser.post("/goals/interests/\(interest.id.uuidString.lowercased())", ["action": "did"])
            let after = try await browser.get("/goals").body
            #expect(after.contains("Done once, last on 15 Jan 2027."))
            #expect(!after.contains("I did it today"), "once a day")
            #expect(try await browser.post("/search", ["q": "theory"]).body.contains("href=\"/goals\""))
            try await browser.post("/goals/\(key)", ["action": "delete"])
            #expect(try await vault.log(Goal.self).all().isEmpty)
        }
    }

    @Test("the toolkit: suggested from the urge log, added with one tap, started where Untether has the tool, removed")
    func toolkit() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: app.clock.now, before: 8, after: 3, helped: [.boxBreathing]))
            let page = try await browser.get("/toolkit").body
            #expect(page.contains("id=\"toolkit-suggestions\"") && page.contains("Box breathing (helped once)"))
            #expect(try await browser.post("/toolkit", ["from_log": "box_breathing"]).location == "/toolkit?done=toolkit")
            let added = try await browser.get("/toolkit").body
            #expect(!added.contains("id=\"toolkit-suggestions\""), "nothing left to suggest")
            #expect(added.contains("href=\"/tools/box-breathing\""), "a one-tap start for a tool Untether has")
            let refused = try await browser.post("/toolkit", ["kind": "nature", "text": ""])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Please write what helps."))
            try await browser.post("/toolkit", ["kind": "nature", "text": "Sit by the canal"])
            let found = try await browser.post("/search", ["q": "canal"]).body
            #expect(found.contains("href=\"/toolkit\"") && found.contains("15 Jan 2027") && !found.contains("2000"))
            try await browser.post("/toolkit/remove", ["index": "0", "text": "Sit by the canal"])
            #expect(try await vault.document(Toolkit.self).items.count == 2, "the words must match the item at that place")
            try await browser.post("/toolkit/remove", ["index": "0", "text": "Box breathing"])
            #expect(try await vault.document(Toolkit.self).items.map(\.text) == ["Sit by the canal"])
        }
    }

    @Test("kinder-voice notes, boundaries held and swap tries can each be removed")
    func removals() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            try await browser.post("/kinder", ["belief": "I ruin everything"])
            try await browser.post("/boundaries", ["mine": "No calls after 9pm"])
            try await browser.post("/boundaries/held", ["boundary": "No calls after 9pm", "on": "2027-01-14"])
            try await browser.post("/swaps/numbing", ["attempt": "Name the feeling"])
            try await browser.post("/swaps/tries", ["swap": "numbing"])
            let kinder = try #require(try await vault.log(KinderVoice.self).all().first)
            let held = try #require(try await vault.log(BoundaryHeld.self).all().first)
            let attempt = try #require(try await vault.log(SwapTry.self).all().first)
            #expect(try await browser.get("/kinder").body.contains("action=\"/kinder/\(SiteRoute.key(kinder.id))/delete\""))
            #expect(try await browser.post("/kinder/\(SiteRoute.key(kinder.id))/delete").location == "/kinder?done=removed")
            #expect(try await browser.post("/boundaries/held/\(SiteRoute.key(held.id))/delete").location == "/boundaries?done=removed")
            #expect(try await browser.post("/swaps/tries/\(SiteRoute.key(attempt.id))/delete").location == "/swaps?done=removed")
            #expect(try await vault.log(KinderVoice.self).all().isEmpty)
            #expect(try await vault.log(BoundaryHeld.self).all().isEmpty)
            #expect(try await vault.log(SwapTry.self).all().isEmpty)
            #expect(try await browser.post("/kinder/\(SiteRoute.key(kinder.id))/delete").status == .notFound, "a second removal finds nothing")
        }
    }
}
