import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("The safety net: Get help everywhere, the region, safe people, care after hard moments, the safety plan")
struct SafetyNetPageTests {
    @Test("Get help is one tap away on locked and unlocked pages, and shows the chosen region's numbers as tel: links")
    func getHelpEverywhere() async throws {
        let app = TestApp()
        try await app.run { browser in
            // Locked: the welcome page links to help; help asks where, and shows plain advice.
            #expect(try await browser.get("/welcome").body.contains("id=\"get-help\""))
            let unknown = try await browser.get("/help")
            #expect(unknown.status == .ok)
            #expect(unknown.body.contains("If you are in danger now"))
            #expect(!unknown.body.contains("tel:"))
            // Locked, a region chosen in the address shows its lines, and nothing is stored.
            let england = try await browser.get("/help?region=GB-ENG")
            #expect(england.body.contains("href=\"tel:999\""))
            #expect(england.body.contains("href=\"tel:08082000247\""))
            #expect(england.body.contains("press 55"))
            let us = try await browser.get("/help?region=us")
            #expect(us.body.contains("href=\"sms:88788?body=START\""))

            // Set up with a region: it is remembered, and every page links to help.
            try await browser.get("/welcome")
            try await browser.post("/setup", ["passphrase": testPassphrase, "passphrase_confirm": testPassphrase, "region": "AU"])
            #expect(try await browser.get("/setup/key").body.contains("href=\"/help\""), "help is there even on the recovery key screen")
            try await browser.post("/setup/done", ["saved": "yes"])
            for path in ["/today", "/notes", "/log", "/pause", "/journal", "/settings", "/people", "/ready"] {
                #expect(try await browser.get(path).body.contains("href=\"/help\""), "\(path)")
            }
            #expect(try await browser.get("/help").body.contains("href=\"tel:1800737732\""))
            // Locked again, help still knows the region (from memory, not the disk).
            try await browser.post("/lock")
            let locked = try await browser.get("/help")
            #expect(locked.body.contains("href=\"tel:000\""))
            #expect(try await browser.get("/unlock").body.contains("id=\"get-help\""))
            #expect(try await browser.get("/no-such-page").body.contains("href=\"/help\""))
        }
    }

    @Test("the region is chosen in Settings, and a region that isn't in the list is refused")
    func regionInSettings() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/settings").body.contains("id=\"settings-region\""))
            let saved = try await browser.post("/help/region", ["region": "NZ", "return": "settings"])
            #expect(saved.location == "/settings?done=region")
            #expect(try await browser.get("/help").body.contains("href=\"tel:111\""))
            #expect(try await browser.post("/help/region", ["region": "ATLANTIS"]).status == .badRequest)
        }
    }

    @Test("safe people: added, shown with tap-to-call numbers on Help, Pause and the plan, and removed")
    func safePeople() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            #expect(try await browser.post("/people", ["name": " ", "reach": "x"]).status == .unprocessableContent)
            let added = try await browser.post("/people", ["name": "Aunt Jo", "reach": "Call 07700 900123 after six", "helps_with": "A bed for a night"])
            #expect(added.location == "/people?done=added")
            for path in ["/people", "/help", "/pause", "/ready"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("Aunt Jo"), "\(path)")
                #expect(page.body.contains("href=\"tel:07700900123\""), "\(path)")
            }
            let people = try await browser.get("/people")
            let action = try #require(people.body.range(of: #"/people/[0-9a-f-]{36}/delete"#, options: .regularExpression).map { String(people.body[$0]) })
            try await browser.post(action)
            #expect(!(try await browser.get("/people").body.contains("Aunt Jo")))
        }
    }

    @Test("a hard check-in, an urge at the top of the scale and a severity-5 entry each get the care card; an ordinary one does not")
    func careAfterHardMoments() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/help/region", ["region": "GB-ENG"])
            let calm = try await browser.post("/checkin", ["s_low": "1"])
            #expect(calm.location == "/trends?done=checkin")
            #expect(!(try await browser.get(calm.location ?? "").body.contains("id=\"care-card\"")))

            let hard = try await browser.post("/checkin", ["s_low": "4", "sleep_hours": "3.5"])
            #expect(hard.location == "/trends?done=checkin-hard")
            let trends = try await browser.get(hard.location ?? "")
            #expect(trends.body.contains("id=\"care-card\""))
            #expect(trends.body.contains("href=\"tel:116123\""))
            #expect(trends.body.contains("Saved. Thank you for checking in."))

            let urge = try await browser.post("/pause", ["before": "10", "after": "9"])
            #expect(urge.location == "/pause?done=saved-hard")
            #expect(try await browser.get("/pause?done=saved-hard").body.contains("id=\"care-card\""))

            let entry = try await browser.post("/log/new/full", ["occurred_on": "2026-11-20", "description": "It was the worst yet", "severity": "5"])
            let location = try #require(entry.location)
            #expect(location.hasSuffix("?done=saved-hard"))
            #expect(try await browser.get(location).body.contains("id=\"care-card\""))
        }
    }

    @Test("a first visit to Pause shows someone to call, the timer and one breathing tool before any set-up prompt")
    func firstTimePause() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/help/region", ["region": "US"])
            let page = try await browser.get("/pause").body
            let positions = ["id=\"part-call\"", "id=\"part-timer\"", "id=\"part-breathe\"", "id=\"part-reasons\"", "id=\"part-crisis-plan\""].map { marker in
                page.range(of: marker).map { page.distance(from: page.startIndex, to: $0.lowerBound) } ?? -1
            }
            #expect(positions.allSatisfy { $0 >= 0 })
            #expect(positions == positions.sorted())
            #expect(page.contains("href=\"tel:18007997233\""))
            // Without JavaScript the page says how to time it; the countdown shows only once the script runs.
            #expect(page.contains("id=\"urge-timer-manual\""))
        }
    }

    @Test("the safety plan: a situation picks the parts; each part saves; prints, and the discreet print names no one")
    func safetyPlan() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/people", ["name": "Marguerite", "reach": "07700 900456"])
            let all = try await browser.get("/ready")
            #expect(all.body.contains("id=\"part-after_leaving\"") && all.body.contains("id=\"part-staying\""))
            try await browser.post("/ready/situation", ["situation": "left"])
            let left = try await browser.get("/ready")
            #expect(left.body.contains("id=\"part-after_leaving\""))
            #expect(!left.body.contains("id=\"part-staying\""))

            let goBag = try #require(SafetyPlanSection.goBag.checklist.first)
            let saved = try await browser.post("/ready/go_bag", ["answer": "Spare key with Marguerite", "tick_\(goBag.id)": "on"])
            #expect(saved.status == .seeOther)
            try await browser.post("/ready/emotional", ["answer": "Walk by the river when it gets heavy. Text 07700-900456 or Marguerite. Enjoy."])
            try await browser.post("/ready/people", ["answer": "Marguerite knows the code word"])
            try await browser.post("/ready/situation", ["situation": "planning"])
            try await browser.post("/ready/leaving", ["answer": "Stay at Aunt Bea's on Elm Road"])
            let planning = try await browser.get("/ready").body
            #expect(planning.contains("Aunt Bea&#39;s") || planning.contains("Aunt Bea's"))
            try await browser.post("/ready/technology", ["answer": "a &lt; b &amp; c"])
            #expect(try await browser.get("/ready").body.contains("a &amp;lt; b &amp;amp; c"), "what was typed comes back exactly as typed")
            #expect(try await browser.post("/ready/nonsense", ["answer": "x"]).status == .notFound)
            let tooLong = try await browser.post("/ready/work", ["answer": String(repeating: "a", count: SafetyPlan.maxAnswerLength + 1)])
            #expect(tooLong.status == .unprocessableContent)

            let print = try await browser.get("/ready/print")
            #expect(print.body.contains("Marguerite"))
            #expect(print.body.contains(goBag.label.htmlEscaped) || print.body.contains(goBag.label))
            #expect(print.body.contains(SafetyPlanText.printWarning.htmlEscaped) || print.body.contains(SafetyPlanText.printWarning))

            let discreet = try await browser.get("/ready/print?discreet=1")
            #expect(discreet.status == .ok)
            #expect(discreet.body.contains("id=\"quick-exit\""), "the print page keeps Exit")
            let start = try #require(discreet.body.range(of: "class=\"printable\""))
            let end = try #require(discreet.body.range(of: "</main>"))
            let printed = String(discreet.body[start.lowerBound..<end.lowerBound])
            #expect(!printed.contains("Marguerite"))
            #expect(!printed.contains("07700"))
            #expect(!printed.lowercased().contains("safety"))
            #expect(printed.contains("Walk by the river"))
            #expect(!printed.contains("Elm Road"), "the parts most likely to hold places are left out")
        }
    }

    @Test("words typed into safe people and the safety plan never reach the disk or the log in clear")
    func canaryNeverOnDisk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-safety-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/people", ["name": "\(canary)-name", "reach": "\(canary)-reach", "helps_with": "\(canary)-helps"])
            try await browser.post("/ready/warning_signs", ["answer": "\(canary)-signs"])
            #expect(try await browser.get("/ready").body.contains("\(canary)-signs"))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
    }
}

@Suite("The danger check")
struct DangerCheckPageTests {
    @Test("a yes to one of the strongest signs leads with the emergency number, then help lines and the safety plan")
    func urgent() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/help/region", ["region": "GB-ENG"])
            let form = try await browser.get("/check").body
            for question in DangerCheck.Question.allCases { #expect(form.contains("name=\"q_\(question.rawValue)\"")) }
            #expect(!form.contains("id=\"check-result\""))
            for strongest in DangerCheck.Question.allCases where strongest.isStrongest {
                let page = try await browser.post("/check", ["q_\(strongest.rawValue)": "on"]).body
                let card = try #require(page.range(of: "id=\"check-result\"").map { String(page[$0.lowerBound...]) })
                #expect(card.contains("Please talk to someone today"))
                // The first link on the card is the emergency number to call.
                let firstLink = try #require(card.range(of: "href=\"[^\"]*\"", options: .regularExpression).map { String(card[$0]) })
                #expect(firstLink.hasPrefix("href=\"tel:"), "\(firstLink)")
                #expect(card.contains("href=\"/ready\""))
                #expect(page.contains("id=\"check-\(strongest.rawValue)\" name=\"q_\(strongest.rawValue)\" value=\"on\" checked"))
            }
        }
    }

    @Test("several other signs mean a higher risk; fewer never says safe; the log's danger signs are shown beside it")
    func otherResults() async throws {
        #expect(DangerCheck.result([.jealousy, .stalking, .leaving]) == .higher)
        #expect(DangerCheck.result([.jealousy, .stalking]) == .fewer)
        #expect(DangerCheck.result([.jealousy, .weapon]) == .urgent)
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let higher = try await browser.post("/check", ["q_jealousy": "on", "q_stalking": "on", "q_worse": "on"]).body
            #expect(higher.contains("This points to a higher risk"))
            #expect(higher.contains("Choose where you are to see help lines"), "no region chosen: a way to choose one")
            let fewer = try await browser.post("/check", [:]).body
            #expect(fewer.contains("Thank you for answering"))
            #expect(!fewer.lowercased().contains("you are safe") && !fewer.lowercased().contains("you're safe"))
            #expect(fewer.contains("your own sense of danger counts for more than any check"))
            try await browser.post("/log/new/full", ["occurred_on": "2026-11-02", "description": "Hands on my neck", "danger_strangulation": "on"])
            #expect(try await browser.get("/check").body.contains("You wrote down choking or strangling on 2 Nov 2026."))
        }
    }
}

extension DangerCheckPageTests {
    @Test("answers are kept, sealed, only when the person asks, shown as then and now, and each kept set can be removed")
    func keptAnswers() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/check", ["q_jealousy": "on"])
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            #expect(try await vault.log(SavedDangerCheck.self).all().isEmpty, "not kept unless asked")
            let keep = try await browser.post("/check", ["q_jealousy": "on", "keep": "on"])
            let location = try #require(keep.location)
            #expect(location.hasPrefix("/check?kept="), "kept answers are shown after a redirect, so a reload never keeps them twice")
            let first = try await browser.get(location).body
            #expect(first.contains("Kept, sealed, to compare with later."))
            #expect(first.contains("id=\"check-result\"") && first.contains("name=\"q_jealousy\" value=\"on\" checked"))
            _ = try await browser.get(location)
            #expect(try await vault.log(SavedDangerCheck.self).all().count == 1, "a reload keeps nothing more")
            app.clock.advance(by: 60)
            let again = try await browser.post("/check", ["q_jealousy": "on", "q_stalking": "on", "q_weapon": "on", "keep": "on"])
            let second = try await browser.get(try #require(again.location)).body
            let kept = try await vault.log(SavedDangerCheck.self).all()
            #expect(kept.count == 2)
            #expect(Set(kept.map(\.result)) == [.fewer, .urgent])
            #expect(second.contains("id=\"then-and-now\""))
            #expect(second.contains("3 of 13 yes, one of the strongest signs."))
            #expect(second.contains("1 of 13 yes, fewer signs."))

            // Each kept set can be removed, and only that one goes.
            let older = try #require(kept.min { $0.takenAt < $1.takenAt })
            let action = "/check/\(SiteRoute.key(older.id))/delete"
            #expect(second.contains("action=\"\(action)\""))
            let removal = try await browser.post(action)
            #expect(removal.location == "/check?done=removed", "back to the top, where the notice is")
            #expect(try await vault.log(SavedDangerCheck.self).all().map(\.id) == kept.filter { $0.id != older.id }.map(\.id))
            let after = try await browser.get("/check?done=removed").body
            #expect(after.contains("Those answers were removed.") && !after.contains("1 of 13 yes, fewer signs."))
            #expect(try await browser.post(action).status == .notFound, "removing twice finds nothing")
        }
    }
}
