import Foundation
import Testing
import UntetherCore
@testable import UntetherWeb

/// The day-by-day plan on the page and on Today.
@Suite("The day-by-day plan, on the page")
struct PlanPageTests {
    @Test("start, see day 1 with its step, mark it done; a contact started after that brings a support day with its reason, then the sequence goes on")
    func startDoneSupport() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/steps").body
            #expect(empty.contains("id=\"plan-start\"") && !empty.contains("id=\"plan-card\""))
            #expect(try await browser.get("/today").body.contains("id=\"today-plan-start\""))
            // Started three days ago (the test clock's today is 15 Jan 2027).
            #expect(try await browser.post("/steps/start", ["track": "just_left", "on": "2027-01-12"]).location == "/steps?done=plan-started")
            let first = try await browser.get("/steps").body
            let day1 = try #require(PlanContent.day(1, track: .justLeft))
            #expect(first.contains("Day 1 of 90") && first.contains(HTMLEscaping.escape(day1.title, quotes: false)))
            #expect(first.contains("id=\"plan-action\""))
            #expect(try await browser.get("/today").body.contains("id=\"today-plan\""))
            #expect(try await browser.post("/steps/mark", ["action": "done"]).location == "/steps?done=plan-done")
            let done = try await browser.get("/steps").body
            #expect(done.contains("id=\"plan-done-today\"") && done.contains("1 of 90 days done."))
            #expect(!done.contains("days missed") && !done.contains("missed"))
            // A contact the person started yesterday evening.
            try await browser.post("/days", ["at": "2027-01-14T20:00", "channel": "text", "initiated_by": "me", "necessary": "no"])
            let support = try await browser.get("/steps").body
            #expect(support.contains("id=\"plan-reason\"") && support.contains("You reached out on 2027-01-14"))
            #expect(support.contains("Before day 2"))
            #expect(try await browser.get("/today").body.contains("You reached out on 2027-01-14"))
            try await browser.post("/steps/mark", ["action": "done"])
            let after = try await browser.get("/steps").body
            #expect(after.contains("id=\"plan-done-today\"") && after.contains("1 of 90 days done."), "a support day never moves the sequence")
        }
    }

    @Test("pause and resume, go back one, change where you are: nothing done is lost")
    func controls() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/steps/start", ["track": "staying", "on": "2027-01-15"])
            #expect(try await browser.get("/steps").body.contains("id=\"track-staying\" name=\"track\" value=\"staying\" checked"))
            try await browser.post("/steps/mark", ["action": "pause"])
            let paused = try await browser.get("/steps").body
            #expect(paused.contains("id=\"plan-paused\"") && paused.contains("id=\"plan-resume\""))
            try await browser.post("/steps/mark", ["action": "resume"])
            try await browser.post("/steps/mark", ["action": "skip"])
            try await browser.post("/steps/mark", ["action": "track", "track": "low_contact"])
            let moved = try await browser.get("/steps").body
            #expect(moved.contains("Day 2 of 90") && moved.contains("value=\"low_contact\" checked"))
            try await browser.post("/steps/mark", ["action": "repeat"])
            #expect(try await browser.get("/steps").body.contains("Day 1 of 90"))
        }
    }

    @Test("every tool a day can open is a page that answers", arguments: Array(PlanContent.tools).sorted() + Reading.all.map { "read:" + $0.id })
    func tools(_ tool: String) async throws {
        let route = try #require(PlanDayPages.route(tool), "\(tool) has a page")
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let page = try await browser.get(route.path)
            #expect(page.status == .ok || (page.status == .seeOther && page.location?.hasPrefix("/") == true), "\(tool) → \(route.path): \(page.status)")
        }
    }
}
