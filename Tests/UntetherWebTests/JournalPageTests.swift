import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("Step 4 pages: journal, check my memory, decisions, timeline and search")
struct JournalPageTests {
    /// The test clock's day (the TestApp clock starts on 15 Jan 2027).
    static func today(_ app: TestApp) -> String { CalendarDay(app.clock.now, in: .current).description }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        text.range(of: pattern, options: .regularExpression).map { String(text[$0]) }
    }

    @Test("a journal entry is written in any order of parts, shown, changed and deleted")
    func journalLifecycle() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/journal/new")
            #expect(form.body.contains("id=\"journal-date\" name=\"date\" value=\"\(Self.today(app))\""))
            let refused = try await browser.post("/journal", ["date": Self.today(app), "facts": " ", "tags": "kept"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Write something in at least one of the three parts"))
            #expect(refused.body.contains("value=\"kept\""))

            let saved = try await browser.post("/journal", ["date": "2026-12-01", "truths": "I remember it clearly", "tags": "Kitchen, #mum", "mood": "2"])
            let location = try #require(saved.location)
            #expect(location.hasPrefix("/journal/") && location.hasSuffix("?done=saved"))
            let entryPath = String(location.dropLast("?done=saved".count))
            let shown = try await browser.get(entryPath)
            #expect(shown.body.contains("I remember it clearly"))
            #expect(shown.body.contains("kitchen, mum"))
            #expect(shown.body.contains("2 low"))

            try await browser.post(entryPath, ["date": "2026-12-01", "facts": "The plate broke", "truths": "I remember it clearly"])
            #expect(try await browser.get(entryPath).body.contains("The plate broke"))
            #expect(try await browser.get("/journal").body.contains("The plate broke"))

            #expect(try await browser.get(entryPath + "/delete").body.contains("Delete this entry?"))
            #expect(try await browser.post(entryPath + "/delete").location == "/journal?done=deleted")
            #expect(try await browser.get(entryPath).status == .notFound)
            #expect(try await browser.get("/journal").body.contains("id=\"no-journal\""))
        }
    }

    @Test("check my memory shows the journal and the log for the same day, and entries sharing a tag")
    func memory() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "Pushed me against the door"])
            try await browser.post("/journal", ["date": "2026-11-20", "facts": "Door, hallway, 9pm", "tags": "door"])
            try await browser.post("/journal", ["date": "2026-11-02", "feelings": "Scared of the door again", "tags": "door"])
            let page = try await browser.get("/journal/new?date=2026-11-20")
            #expect(page.body.contains("id=\"memory\""))
            #expect(page.body.contains("Check my memory: 20 Nov 2026"))
            #expect(page.body.contains("Pushed me against the door"))
            #expect(page.body.contains("Door, hallway, 9pm"))
            #expect(!page.body.contains("Scared of the door again"), "another day is not shown for a new entry")

            let other = try await browser.get("/journal/memory?date=2026-11-02")
            #expect(other.body.contains("Scared of the door again"))
            #expect(!other.body.contains("Pushed me against the door"))
            #expect(try await browser.get("/journal/memory?date=2026-10-01").body.contains("Nothing else written about this day yet."))

            let list = try await browser.get("/journal")
            let entryPath = try #require(Self.firstMatch("/journal/[0-9a-f-]{36}", in: list.body))
            let shown = try await browser.get(entryPath)
            #expect(shown.body.contains("Other days with the same tags"))
        }
    }

    @Test("a decision is asked about on Today when due, and counts once it went well with the gut right")
    func decisions() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let today = Self.today(app)
            let page = try await browser.get("/decisions")
            #expect(page.body.contains("id=\"review-on\" name=\"review_on\" value=\"\(try #require(CalendarDay(today)).adding(days: 7))\""))
            #expect(try await browser.post("/decisions", ["decision": "", "made_on": today, "review_on": today]).status == .unprocessableContent)
            try await browser.post("/decisions", ["decision": "Join the Tuesday class", "gut": "Go", "chose": "Signed up", "made_on": today, "review_on": today])
            let home = try await browser.get("/today")
            #expect(home.body.contains("id=\"due-prompt\""))
            #expect(home.body.contains("One decision is ready for you to look back on"))

            let list = try await browser.get("/decisions")
            #expect(list.body.contains("<span id=\"trusted-count\">0</span>"))
            let path = try #require(Self.firstMatch("/decisions/[0-9a-f-]{36}", in: list.body))
            #expect(try await browser.post(path, [:]).status == .unprocessableContent)
            #expect(try await browser.post(path, ["outcome": "Made a friend", "went_well": "yes", "gut_check": "right"]).location == "/decisions?done=reviewed")
            let after = try await browser.get("/decisions")
            #expect(after.body.contains("<span id=\"trusted-count\">1</span>"))
            #expect(after.body.contains("Went well · gut was right"))
            #expect(!(try await browser.get("/today").body.contains("id=\"due-prompt\"")))
        }
    }

    @Test("the timeline draws milestones and log entries, and refuses future days")
    func timeline() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/timeline")
            #expect(empty.body.contains("Nothing on your timeline yet"))
            try await browser.post("/log/new", ["occurred_on": "2026-06-01", "description": "Shouting"])
            #expect(try await browser.post("/timeline", ["kind": "met", "date": "2019-03-10", "note": "At Sam's party"]).location == "/timeline?done=added")
            try await browser.post("/timeline", ["kind": "no_contact", "date": "2026-11-01"])
            let refused = try await browser.post("/timeline", ["kind": "left", "date": "2099-01-01"])
            #expect(refused.status == .unprocessableContent)
            let page = try await browser.get("/timeline")
            #expect(page.body.contains("<svg id=\"timeline-chart\""))
            #expect(page.body.contains("Mar 2019 · We met"))
            #expect(page.body.contains("Nov 2026 · No contact began"))
            #expect(page.body.contains("class=\"m-contact\""), "the log entry is drawn")
            #expect(page.body.contains("2 milestones, 1 log entry"))
            let remove = try #require(Self.firstMatch("/timeline/[0-9a-f-]{36}/delete", in: page.body))
            try await browser.post(remove)
            #expect(try await browser.get("/timeline").body.contains("1 milestone,"))
        }
    }

    @Test("search finds words across kinds with highlights, and sees edits and deletions made after the index was built")
    func search() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            try await browser.post("/notes", ["title": "Café list", "body": "Things to remember about the <b>garage</b>"])
            try await browser.post("/journal", ["date": "2026-11-20", "facts": "He shouted in the garage"])
            #expect(try await browser.get("/search").body.contains("<form id=\"search-form\" class=\"stack\" action=\"/search\" method=\"post\""),
                    "search words are posted, so they never appear in the browser's history")
            let first = try await browser.post("/search", ["q": "garage"])
            #expect(first.body.contains("2 results."))
            #expect(first.body.contains("<mark>garage</mark>"))
            #expect(first.body.contains("&lt;b&gt;<mark>garage</mark>&lt;/b&gt;"), "the person's words are escaped around the mark")
            #expect(try await browser.post("/search", ["q": "CAFE"]).body.contains("1 result."))
            #expect(try await browser.post("/search", ["q": "garage", "kind": "journal"]).body.contains("1 result."))
            #expect(try await browser.post("/search", ["q": "\"in the garage\""]).body.contains("1 result."))
            #expect(try await browser.post("/search", ["q": "xylophone"]).body.contains("Nothing found."))

            // Edit and delete after the index exists: the next search sees the change.
            let entryPath = try #require(Self.firstMatch("/journal/[0-9a-f-]{36}", in: try await browser.get("/journal").body))
            try await browser.post(entryPath, ["date": "2026-11-20", "facts": "He shouted in the shed"])
            #expect(try await browser.post("/search", ["q": "shed"]).body.contains("1 result."))
            #expect(try await browser.post("/search", ["q": "garage"]).body.contains("1 result."))
            let notePath = try #require(Self.firstMatch("/notes/[0-9a-f-]{36}", in: try await browser.get("/notes").body))
            try await browser.post(notePath + "/delete")
            #expect(try await browser.post("/search", ["q": "garage"]).body.contains("Nothing found."))
        }
    }

    @Test("the search index lives in the session and is dropped when it locks")
    func lockDropsIndex() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/journal", ["date": "2026-11-20", "facts": "Something to find"])
            #expect(try await browser.post("/search", ["q": "find"]).body.contains("1 result."))
            let token = try #require(browser.cookie)
            let snapshot = await app.sessions.session(token: token, now: app.clock.now)
            let cache = try #require(snapshot.cache)
            #expect(cache.holds("search"))
            try await browser.post("/lock")
            #expect(cache.isEmpty, "locking clears what the session had opened")
            #expect(await app.sessions.unlockedCount == 0)
            #expect(try await browser.get("/search").location == "/unlock")
        }
    }

    @Test("words typed into Step 4 never reach the disk or the log in clear")
    func canaryNeverOnDisk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-step4-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            let today = Self.today(app)
            try await browser.post("/journal", ["date": today, "facts": "\(canary)-facts", "feelings": "\(canary)-feelings",
                                                "truths": "\(canary)-truths", "tags": "\(canary.lowercased())-tag"])
            try await browser.post("/decisions", ["decision": "\(canary)-decision", "gut": "\(canary)-gut", "chose": "\(canary)-chose",
                                                  "made_on": today, "review_on": today])
            let path = try #require(Self.firstMatch("/decisions/[0-9a-f-]{36}", in: try await browser.get("/decisions").body))
            try await browser.post(path, ["outcome": "\(canary)-outcome", "went_well": "yes"])
            try await browser.post("/timeline", ["kind": "other", "date": today, "note": "\(canary)-milestone"])
            #expect(try await browser.post("/search", ["q": "\(canary)"]).body.contains("results."))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(bytes.range(of: Data(canary.lowercased().utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
        #expect(!app.logs.text.lowercased().contains(canary.lowercased()), "not even the search words")
    }

    @Test("every Step 4 page needs an open vault and has one h1", arguments: ["/journal", "/journal/new", "/journal/memory", "/decisions", "/timeline", "/search", "/learn/step-4"])
    func pagesNeedTheVault(path: String) async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: "<h1").count == 2)
            try await browser.post("/lock")
            #expect(try await browser.get(path).location == "/unlock")
        }
    }
}
