import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
@testable import UntetherStore
@testable import UntetherWeb

/// Lists that grow are shown a page at a time, and warm pages open nothing they don't show.
@Suite("Pages of long lists, and warm caches")
struct PaginationTests {
    /// Adds `count` journal entries straight to the vault behind the session, on days counting back.
    static func addJournal(_ count: Int, app: TestApp, browser: Browser) async throws {
        let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
        let vault = try #require(snapshot.vault)
        var batch = VaultBatch(vault: vault)
        let today = CalendarDay(stringLiteral: "2026-11-30")
        for index in 0..<count {
            let at = app.clock.now.addingTimeInterval(TimeInterval(-index * 86_400))
            try batch.add(JournalEntry.validated(
                id: UUID(), date: today.adding(days: -index - 30).description, facts: "Entry number \(index) about apples",
                feelings: "", truths: "", createdAt: at, updatedAt: at, today: today
            ))
        }
        try await batch.commit()
    }

    @Test("the journal shows 30 entries a page, newest first, with links between pages that work without script")
    func journalPages() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.addJournal(70, app: app, browser: browser)
            let first = try await browser.get("/journal").body
            #expect(first.components(separatedBy: "about apples").count - 1 == 30)
            #expect(first.contains("Entry number 0 about apples"))
            #expect(!first.contains("Entry number 30 about"))
            #expect(first.contains("Page 1 of 3 · 70 entries"))
            #expect(first.contains("href=\"/journal?page=2\""))
            #expect(!first.contains("id=\"page-newer\""))
            let last = try await browser.get("/journal?page=3").body
            #expect(last.components(separatedBy: "about apples").count - 1 == 10)
            #expect(last.contains("Entry number 69 about"))
            #expect(last.contains("href=\"/journal?page=2\""))
            #expect(!last.contains("id=\"page-older\""))
            // A page past the end shows the last one; nonsense shows the first.
            #expect(try await browser.get("/journal?page=99").body.contains("Page 3 of 3"))
            #expect(try await browser.get("/journal?page=abc").body.contains("Page 1 of 3"))
        }
    }

    @Test("search results come a page at a time; the next page is posted, so the words stay out of the address")
    func searchPages() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.addJournal(45, app: app, browser: browser)
            let first = try await browser.post("/search", ["q": "apples"]).body
            #expect(first.contains("45 results, newest first. Showing 1 to 30."))
            #expect(first.components(separatedBy: "<mark>").count - 1 == 30)
            #expect(first.contains("name=\"page\" value=\"2\""))
            #expect(!first.contains("?page="), "no page link carries the words in the address")
            let second = try await browser.post("/search", ["q": "apples", "page": "2"]).body
            #expect(second.contains("Showing 31 to 45."))
            #expect(second.contains("Entry number 44 about"))
        }
    }

    @Test("log filters are kept from page to page")
    func logFilterPages() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            for index in 0..<35 {
                try await browser.post("/log/new/full", [
                    "occurred_on": "2026-10-\(String(format: "%02d", index % 28 + 1))", "description": "Shouting \(index)",
                    index.isMultiple(of: 2) ? "category_emotional_verbal" : "category_physical": "on",
                ])
            }
            let all = try await browser.get("/log").body
            #expect(all.contains("Page 1 of 2 · 35 entries"))
            let filtered = try await browser.post("/log", ["category": "emotional_verbal"]).body
            #expect(filtered.contains("Showing 18 of 35 entries."))
            #expect(!filtered.contains("Page 1 of"), "18 fit on one page")
            let older = try await browser.post("/log", ["category": "", "page": "2"]).body
            #expect(older.contains("Page 2 of 2"))
        }
    }

    @Test("after a write, only the changed kind is opened again, and only the new record in it")
    func warmAfterWrite() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await Self.addJournal(40, app: app, browser: browser)
            try await browser.get("/journal")
            try await browser.get("/pause/log")
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let cache = try #require(snapshot.cache)
            let opened = OpenedRecords(vault: try #require(snapshot.vault), cache: cache)
            #expect(try await opened.set(JournalEntry.self).openedCount == 40)
            try await browser.post("/journal", ["date": "2026-11-20", "facts": "One more"])
            try await browser.get("/journal")
            #expect(try await opened.set(JournalEntry.self).openedCount == 1, "only the new entry was opened")
            #expect(try await opened.set(JournalEntry.self).values.count == 41)
        }
    }

    @Test("requests that miss the cache together make the value once")
    func singleFlight() async throws {
        let cache = SessionCache()
        let made = Counter()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await cache.value("k", stamp: [1]) { (_: Int?) in
                        await made.increment()
                        try await Task.sleep(for: .milliseconds(50))
                        return 42
                    }
                }
            }
            for try await value in group { #expect(value == 42) }
        }
        #expect(await made.count == 1)
        // A new stamp makes it again, from the value before.
        let next = try await cache.value("k", stamp: [2]) { (previous: Int?) in (previous ?? 0) + 1 }
        #expect(next == 43)
    }
}

extension PaginationTests {
    @Test("a long session's cache is capped, keeping opened records")
    func cacheCap() async throws {
        let cache = SessionCache()
        _ = try await cache.value("opened:journal", stamp: [1]) { (_: Int?) in 1 }
        for day in 0..<300 {
            _ = try await cache.value("streak:\(day)", stamp: [1]) { (_: Int?) in day }
        }
        #expect(cache.count <= SessionCache.maximumValues)
        #expect(cache.holds("opened:journal"))
    }
}

actor Counter {
    var count = 0
    func increment() { count += 1 }
}

/// Rendered pages are kept per session and served again while nothing they could show changed.
@Suite("Rendered pages kept in the session")
struct PageCacheTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a page is served again as it was, and shows a record written from outside the web app (the command line) on the next visit")
    func outsideWrite() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await PaginationTests.addJournal(3, app: app, browser: browser)
            let first = try await browser.get("/journal").body
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let cache = try #require(snapshot.cache)
            #expect(cache.holds("page:/journal"))
            #expect(try await browser.get("/journal").body == first)
            // Straight into the vault, as `untether journal add` would do while the server runs.
            let vault = try #require(snapshot.vault)
            try await vault.log(JournalEntry.self).add(JournalEntry.validated(
                id: UUID(), date: "2026-11-01", facts: "Written from the command line", feelings: "", truths: "",
                createdAt: app.clock.now, updatedAt: app.clock.now, today: "2026-11-30"
            ))
            let after = try await browser.get("/journal").body
            #expect(after.contains("Written from the command line"))
            #expect(after.contains("4 entries") || after.components(separatedBy: "about apples").count - 1 == 3)
        }
    }

    @Test("a page with a form that offers the current time is made again when the minute turns")
    func minuteTurns() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let timeField = { (html: String) -> String? in
                html.range(of: #"name="at" value="[^"]*""#, options: .regularExpression).map { String(html[$0]) }
            }
            let before = try #require(timeField(try await browser.get("/days").body))
            app.clock.advance(by: 20)
            #expect(timeField(try await browser.get("/days").body) == before, "within the minute the kept page is served")
            app.clock.advance(by: 60)
            let after = try #require(timeField(try await browser.get("/days").body))
            #expect(after != before)
        }
    }

    @Test("changing the settings shows on kept pages at once")
    func settingsChange() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/notes").body.contains("<title>Notes</title>"))
            try await browser.post("/settings/preferences", ["display_name": "Recipes", "exit_site": Preferences.defaultExitSite, "idle_minutes": "15"])
            #expect(try await browser.get("/notes").body.contains("<title>Recipes</title>"))
        }
    }

    @Test("the stamp changes with any kind's revision, the minute and the settings, and not within a minute")
    func stamp() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let session = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let revisions = ["journal": 3, "note": 1]
            let base = UnlockedContext.pageStamp(revisions: revisions, now: Self.start, session: session)
            #expect(UnlockedContext.pageStamp(revisions: revisions, now: Self.start.addingTimeInterval(59), session: session) == base)
            #expect(UnlockedContext.pageStamp(revisions: revisions, now: Self.start.addingTimeInterval(60), session: session) != base)
            #expect(UnlockedContext.pageStamp(revisions: ["journal": 3, "note": 2], now: Self.start, session: session) != base)
            #expect(UnlockedContext.pageStamp(revisions: ["journal": 3, "note": 1, "urge": 1], now: Self.start, session: session) != base)
            #expect(UnlockedContext.pageStamp(revisions: ["journal": 1, "note": 3], now: Self.start, session: session) != base)
            var renamed = session.preferences
            renamed.displayName = "Recipes"
            let other = SessionSnapshot(
                token: session.token, csrf: session.csrf, vault: session.vault, cache: session.cache, preferences: renamed,
                idleSeconds: session.idleSeconds, wasKnown: true
            )
            #expect(UnlockedContext.pageStamp(revisions: revisions, now: Self.start, session: other) != base)
        }
    }

    @Test("a session keeps a bounded number of pages, and a missing entry's 404 is not kept")
    func bounded() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await PaginationTests.addJournal(30 * 50, app: app, browser: browser)
            for page in 1...50 { try await browser.get("/journal?page=\(page)") }
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let cache = try #require(snapshot.cache)
            #expect(cache.holds("page:/journal?page=50"))
            #expect(cache.pageCount <= SessionCache.maximumPages)
            #expect(cache.holds("opened:journal"), "opened records stay when pages are dropped")
            let missing = "/log/\(UUID().uuidString)"
            #expect(try await browser.get(missing).status == .notFound)
            #expect(!cache.holds("page:\(missing)"))
        }
    }
}

@Suite("The timeline at any age")
struct TimelineScaleTests {
    @Test("twenty years of log entries are one mark a month, their counts add up, and the drawing stays small")
    func monthly() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let end = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 30)))
        // Two thousand entries over twenty years, some months busier than others.
        let incidents = (0..<2_000).map { end.addingTimeInterval(-Double($0 * $0 % 7_300) * 86_400 - 3_600) }
        let moments = (0..<300).map { end.addingTimeInterval(-Double($0 * 24) * 86_400) }
        let chart = TimelineChart(milestones: [], incidents: incidents, kindMoments: moments, end: end)
        let svg = chart.svg(id: "t")
        let logMarks = svg.components(separatedBy: "<rect class=\"m-contact\"").count - 1
        let months = Set(incidents.map { calendar.dateComponents([.year, .month], from: $0) })
        #expect(logMarks == months.count)
        #expect(logMarks <= 241)
        let counts = try NSRegularExpression(pattern: #"<title>[A-Za-z]+ \d{4}: (\d+) log entr"#)
        let total = counts.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { match in
            Range(match.range(at: 1), in: svg).flatMap { Int(svg[$0]) }
        }.reduce(0, +)
        #expect(total == incidents.count)
        #expect(svg.contains("kind moment"))
        #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
        // Every mark is inside the drawing.
        let ys = try NSRegularExpression(pattern: #"<rect class="m-[a-z]+" x="\d+" y="(-?[\d.]+)""#)
        for match in ys.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            let y = try #require(Range(match.range(at: 1), in: svg).flatMap { Double(svg[$0]) })
            #expect(y >= TimelineChart.top - 1.05 && y <= chart.height - TimelineChart.top)
        }
    }
}
