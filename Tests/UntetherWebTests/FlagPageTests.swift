import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

/// Step 7 on the page: red and green flags in someone new.
@Suite("Red and green flags, on the page")
struct FlagPageTests {
    @Test("a note is saved and the person's pattern appears; a bad note is explained and kept; a note can be removed")
    func notes() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/observations").body
            for flag in RelationshipFlag.allCases { #expect(empty.contains("name=\"flag_\(flag.rawValue)\"")) }
            #expect(!empty.contains("id=\"flag-summaries\""))
            let refused = try await browser.post("/observations", ["person": "", "on": "2027-01-10", "note": "Kept this text"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Please give a nickname"))
            #expect(refused.body.contains("Kept this text"))
            try await browser.post("/observations", ["person": "Sam", "on": "2027-01-02", "flag_love_bombing": "on", "note": "Flowers at my work"])
            try await browser.post("/observations", ["person": "sam", "on": "2027-01-09", "flag_love_bombing": "on", "flag_consistent": "on"])
            let posted = try await browser.post("/observations", ["person": "Sam", "on": "2027-01-12", "flag_boundary_crossed": "on"])
            #expect(posted.location == "/observations?done=saved")
            let saved = try await browser.get(try #require(posted.location))
            #expect(saved.body.contains("Saved. Over time, these notes show the pattern."))
            let page = saved.body
            #expect(page.contains("<h3>Sam</h3>"))
            #expect(page.contains("3 notes, from 2 Jan 2027 to 12 Jan 2027."))
            #expect(page.contains("Too much, too soon: <strong>2 times</strong>, from 2 Jan 2027 to 9 Jan 2027."))
            #expect(page.contains("Some red flags came up more than once"))
            #expect(page.contains("Flowers at my work"))
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            let first = try #require(try await vault.log(FlagObservation.self).all().first { $0.note == "Flowers at my work" })
            let removal = try await browser.post("/observations/\(first.id.uuidString.lowercased())/delete")
            let removed = try await browser.get(try #require(removal.location))
            #expect(removed.body.contains("That note was removed."))
            #expect(!removed.body.contains("Flowers at my work"))
            #expect(try await vault.log(FlagObservation.self).all().count == 2)
            let future = try await browser.post("/observations", ["person": "Sam", "on": "2027-02-01", "flag_honest": "on"])
            #expect(future.body.contains("That day has not happened yet"))
        }
    }

    @Test("notes about someone new are found by search, and never reach the disk or the log in clear")
    func searchAndCanary() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-flags-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/observations", ["person": "\(canary)nick", "on": "2027-01-10", "flag_honest": "on", "note": "lighthouse \(canary)note"])
            let results = try await browser.post("/search", ["q": "lighthouse"]).body
            #expect(results.contains("href=\"/observations\""), "the hit links to the flags page")
            #expect(results.contains("Flags"))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
    }
}
