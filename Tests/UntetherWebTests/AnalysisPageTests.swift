import Foundation
import Testing
import UntetherCore
@testable import UntetherWeb

/// What the log shows, the summary for a helper and the questions about the relationship.
@Suite("What the log shows, on the page")
struct AnalysisPageTests {
    /// The test app's today (its clock starts at 15 Jan 2027, 08:00 UTC).
    static let today: CalendarDay = "2027-01-15"

    @discardableResult
    static func logEntry(_ browser: Browser, _ day: CalendarDay, severity: Int = 3, signs: [DangerSign] = []) async throws -> Browser.Page {
        var fields = ["occurred_on": day.description, "description": "Entry on \(day)", "severity": String(severity)]
        for sign in signs { fields["danger_\(sign.rawValue)"] = "on" }
        return try await browser.post("/log/new/full", fields)
    }

    @Test("with no entries the page says there is nothing to count yet, and still gives the reading and no prediction")
    func empty() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let page = try await browser.get("/patterns")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"patterns-empty\""))
            #expect(page.body.contains("id=\"patterns-reading\"") && page.body.contains("id=\"no-cycle\""))
            #expect(!page.body.contains("id=\"month-chart\""))
        }
    }

    @Test("each statement links to the entries behind it, the chart has a table, and the range narrows what is counted")
    func withEntries() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.logEntry(browser, "2026-12-01", signs: [.strangulation])
            try await Self.logEntry(browser, "2027-01-10", severity: 5, signs: [.strangulation])
            try await browser.post("/log/kind", ["occurred_on": "2027-01-11", "kind": "apology", "description": "Said sorry"])
            let page = try await browser.get("/patterns").body
            #expect(page.contains("id=\"month-chart\"") && page.contains("id=\"month-table\""))
            #expect(page.contains("<td>2027-01</td><td>1</td><td>1</td>"), "the table has January's harm and kind moment")
            #expect(page.contains("href=\"/log?from=2026-12-01&to=2027-01-15\">2 entries of harm</a>"))
            #expect(page.contains("data-trend=\"unclear\""), "two entries are too few for a direction")
            let incidents = try await Self.incidents(app, browser)
            let first = try #require(incidents.first { $0.occurredOn == "2026-12-01" })
            let last = try #require(incidents.first { $0.occurredOn == "2027-01-10" })
            #expect(page.contains("first on <a href=\"/log/\(first.id.uuidString.lowercased())\">1 Dec 2026</a>"))
            #expect(page.contains(", last on <a href=\"/log/\(last.id.uuidString.lowercased())\">10 Jan 2027</a>"))
            #expect(page.contains("href=\"/log?sign=strangulation&from=2026-12-01&to=2027-01-15\""), "the range goes with the link")
            #expect(page.contains("1 of the 2 months with harm also had kind moments"))
            let narrow = try await browser.get("/patterns?from=2027-01-01").body
            #expect(narrow.contains("1 entry of harm</a>"))
            let backwards = try await browser.get("/patterns?from=2027-01-10&to=2027-01-01").body
            #expect(backwards.contains("The first day is after the last one"))
            #expect(backwards.contains("2 entries of harm</a>"), "a backwards range is named and ignored")
            let garbled = try await browser.get("/patterns?from=soon").body
            #expect(garbled.contains("Please give days as year-month-day"))
        }
    }

    static func incidents(_ app: TestApp, _ browser: Browser) async throws -> [Incident] {
        let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
        let vault = try #require(snapshot.vault)
        return try await vault.evidence.entries().compactMap(\.incident)
    }

    @Test("urges after harm and contacts started after no contact began are counted, and a new record shows at once")
    func urgesAndContacts() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.logEntry(browser, "2027-01-10")
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            var preferences = try await vault.document(Preferences.self)
            preferences.setSituation(.noContact, reasons: [], since: "2027-01-01")
            try await vault.save(preferences, now: app.clock.now)
            let before = try await browser.get("/patterns").body
            #expect(before.contains("No urges logged in this range"))
            #expect(before.contains("No contacts you started since no contact began on 1 Jan 2027."))
            let evening = Date(timeIntervalSince1970: 1_800_000_000 - 3 * 86_400)  // 12 Jan
            try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: evening, before: 8, after: 4))
            try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: evening, channel: .text, initiatedBy: .me, necessary: false))
            let after = try await browser.get("/patterns").body
            #expect(after.contains("After 1 of 1 entries of harm (100%), you logged an urge within 3 days. That is too few to compare."))
            #expect(after.contains("you started contact once"))
            #expect(after.contains("12 Jan 2027"))
        }
    }

    @Test("the summary for a helper shows counts and signs with dates, and the self-check only when chosen")
    func summary() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.logEntry(browser, "2027-01-10", signs: [.weapon])
            let plain = try await browser.get("/patterns/summary").body
            #expect(plain.contains("Summary of the log"))
            #expect(plain.contains("They used a weapon, or threatened to"))
            #expect(plain.contains("Sun 10 Jan 2027"))
            #expect(!plain.contains("id=\"summary-self\""), "no kept self-check: nothing to offer")
            try await browser.post("/questions", ["t_names": "on", "t_hope": "on", "keep": "on"])
            let offered = try await browser.get("/patterns/summary").body
            #expect(offered.contains("id=\"summary-self\"") && !offered.contains("Self-check</h2>"))
            let chosen = try await browser.get("/patterns/summary?self=1").body
            #expect(chosen.contains("Self-check</h2>"))
            #expect(chosen.contains("They call you names, mock you or put you down."))
            #expect(chosen.contains("id=\"print-now\""))
        }
    }
}

@Suite("The questions about the relationship, on the page")
struct SelfCheckPageTests {
    @Test("answers give a calm reading that never says healthy or safe, and lead to the danger check when a strong area is ticked")
    func reading() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/questions").body
            for item in RelationshipCheck.items { #expect(form.contains("name=\"t_\(item.id)\"")) }
            let harmful = try await browser.post("/questions", ["t_names": "on", "t_hit": "on", "t_went_back": "on", "t_hard_money": "on"]).body
            #expect(harmful.contains("You ticked something in 2 of the 9 areas of what they do: hurtful words, physical harm."))
            #expect(harmful.contains("id=\"self-check-danger\"") && harmful.contains("href=\"/check\""))
            #expect(harmful.contains("id=\"self-check-bond\"") && harmful.contains("id=\"self-check-leaving\""))
            #expect(harmful.contains("id=\"self-t_hit\"") == false)
            #expect(harmful.contains("id=\"self-hit\" name=\"t_hit\" value=\"on\" checked"), "answers stay ticked")
            let none = try await browser.post("/questions", [:]).body.lowercased()
            #expect(none.contains("you did not tick anything"))
            for word in ["healthy", "you are safe", "you're safe"] { #expect(!none.contains(word)) }
        }
    }

    @Test("answers are kept, sealed, only when asked, shown as then and now, and each kept set can be removed")
    func kept() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/questions", ["t_names": "on"])
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            #expect(try await vault.log(SavedRelationshipCheck.self).all().isEmpty, "not kept unless asked")
            let keep = try await browser.post("/questions", ["t_names": "on", "t_shout": "on", "t_afraid": "on", "keep": "on"])
            let location = try #require(keep.location)
            #expect(location.hasPrefix("/questions?kept="), "kept answers are shown by a redirect, so a reload never keeps them twice")
            let first = try await browser.get(location).body
            #expect(first.contains("id=\"self-t_afraid\"") == false && first.contains("id=\"self-afraid\" name=\"t_afraid\" value=\"on\" checked"))
            #expect(first.contains("id=\"self-check-feelings\"") && first.contains("id=\"self-check-danger\""), "feeling afraid leads to the danger check")
            #expect(first.contains("Kept, sealed, to compare with later."))
            #expect(first.contains("You kept your answers once, on 15 Jan 2027."))
            // An older check, kept 40 days before (the session would lock if the clock moved that far).
            let older = Date(timeIntervalSince1970: 1_800_000_000 - 40 * 86_400)
            try await vault.log(SavedRelationshipCheck.self).add(SavedRelationshipCheck(id: UUID(), takenAt: older, ticked: ["names"]))
            let second = try await browser.get("/questions").body
            #expect(try await vault.log(SavedRelationshipCheck.self).all().count == 2)
            #expect(second.contains("You kept your answers 2 times."))
            let table = try #require(second.range(of: "id=\"self-then-table\"").map { String(second[$0.lowerBound...]) })
            #expect(table.contains("<th>6 Dec 2026</th><th>15 Jan 2027</th>"))
            #expect(table.contains("<td>Hurtful words</td><td>1 of 3</td><td>2 of 3</td>"))
            #expect(table.contains("<td>How it feels</td><td>0 of 4</td><td>1 of 4</td>"))

            // Each kept set can be removed from the list under the table.
            let list = try #require(second.range(of: "id=\"self-kept\"").map { String(second[$0.lowerBound...]) })
            let oldest = try #require(try await vault.log(SavedRelationshipCheck.self).all().min { $0.takenAt < $1.takenAt })
            let action = "/questions/\(SiteRoute.key(oldest.id))/delete"
            #expect(list.contains("action=\"\(action)\"") && list.contains("6 Dec 2026"))
            #expect(try await browser.post(action).location == "/questions?done=removed")
            #expect(try await vault.log(SavedRelationshipCheck.self).all().count == 1)
            let after = try await browser.get("/questions?done=removed").body
            #expect(after.contains("Those answers were removed.") && after.contains("You kept your answers once, on 15 Jan 2027."))
            #expect(try await browser.post(action).status == .notFound)
        }
    }
}
