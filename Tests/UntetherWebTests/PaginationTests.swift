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
