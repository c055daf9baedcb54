import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("Sessions: unlock, lock, exit, timeouts, throttling")
struct SessionTests {
    @Test("first run shows the recovery key once and opens the vault")
    func firstRun() async throws {
        let app = TestApp()
        try await app.run { browser in
            #expect(try await browser.get("/").location == "/welcome")
            let page = try await browser.setUp()
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"recovery-key\""))
            let groups = page.body.components(separatedBy: "<span>").dropFirst().prefix(9).map { String($0.prefix(6)) }
            #expect(groups.count == 9)
            #expect(groups.allSatisfy { $0.count == 6 && $0.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) } })
            #expect(try await browser.post("/setup/done", ["saved": "yes"]).location == "/today")
            #expect(try await browser.get("/today").status == .ok)
            // Setting up again is impossible once a vault exists.
            #expect(try await browser.get("/welcome").location == "/")
        }
        #expect(await app.sessions.unlockedCount == 1)
    }

    @Test("the recovery key cannot be skipped: every page leads back to it until it is written down, and it has no menu")
    func recoveryKeyFirst() async throws {
        let app = TestApp()
        try await app.run { browser in
            let page = try await browser.setUp(confirmKey: false)
            let key = try #require(page.body.range(of: #"(<span>[0-9A-Z]{6}</span>){9}"#, options: .regularExpression)).isEmpty == false
            #expect(key)
            #expect(!page.body.contains("class=\"nav\""), "no menu on the key screen")
            #expect(!page.body.contains("href=\"/today\""))
            #expect(page.body.contains("id=\"print-key\""))
            #expect(page.body.contains("id=\"show-later\""))
            for path in ["/", "/today", "/log", "/settings", "/notes/new"] {
                let response = try await browser.get(path)
                #expect(response.location == "/setup/key" || response.location == "/today", "\(path) → \(response.location ?? "")")
                if path != "/" { #expect(response.location == "/setup/key", "\(path)") }
            }
            #expect(try await browser.get("/setup/key").body == page.body, "the same key, shown again")
            let unticked = try await browser.post("/setup/done", [:])
            #expect(unticked.status == .unprocessableContent)
            #expect(unticked.body.contains("id=\"recovery-key\""))
            #expect(try await browser.post("/setup/done", ["saved": "yes"]).location == "/today")
            #expect(try await browser.get("/today").status == .ok)
            #expect(try await browser.get("/setup/key").location == "/today", "once written down, it is not shown again")
        }
    }

    @Test("a recovery key not yet written down survives a lock (and a restart): the next unlock shows it first")
    func recoveryKeySurvivesTheLock() async throws {
        let app = TestApp()
        try await app.run { browser in
            let page = try await browser.setUp(confirmKey: false)
            let first = try #require(page.body.range(of: #"<span>[0-9A-Z]{6}</span>"#, options: .regularExpression).map { String(page.body[$0]) })
            try await browser.post("/lock")
            #expect(try await browser.unlock().location == "/setup/key")
            #expect(try await browser.get("/setup/key").body.contains(first))
            try await browser.post("/setup/done", ["saved": "yes"])
            try await browser.post("/lock")
            #expect(try await browser.unlock().location == "/today", "once written down, never again")
        }
        let restarted = TestApp(home: app.home, clock: app.clock)
        try await restarted.run { browser in
            let unlocked = try await browser.unlock()
            #expect(unlocked.location == "/today")
        }
    }

    @Test("a new passphrase clears a recovery key still waiting in Settings")
    func passphraseChangeClearsTheReminder() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp(confirmKey: false)
            try await browser.post("/setup/later", [:])
            #expect(try await browser.get("/settings").body.contains("id=\"recovery-key-card\""))
            try await browser.post("/settings/passphrase", ["current": testPassphrase, "new_passphrase": "a brand new passphrase", "new_passphrase_confirm": "a brand new passphrase"])
            #expect(!(try await browser.get("/settings").body.contains("id=\"recovery-key-card\"")))
        }
    }

    @Test("show me again later: the key waits, sealed, in Settings until the person says it is written down")
    func recoveryKeyLater() async throws {
        let app = TestApp()
        try await app.run { browser in
            let page = try await browser.setUp(confirmKey: false)
            let first = try #require(page.body.range(of: #"<span>[0-9A-Z]{6}</span>"#, options: .regularExpression).map { String(page.body[$0]) })
            #expect(try await browser.post("/setup/later", [:]).location == "/settings#recovery-key")
            #expect(try await browser.get("/today").status == .ok)
            let settings = try await browser.get("/settings").body
            #expect(settings.contains("id=\"recovery-key-card\""))
            #expect(settings.contains(first))
            #expect(try await browser.post("/settings/recovery-key", [:]).location == "/settings?done=recovery-key")
            let after = try await browser.get("/settings").body
            #expect(!after.contains("id=\"recovery-key-card\""))
            #expect(!after.contains(first))
        }
        let store = try #require(try await app.home.existingStore())
        let record = try #require(try await store.record(id: RecordKind.recoveryReminder.rawValue, kind: .recoveryReminder))
        #expect(record.sealed.range(of: Data("\"key\"".utf8)) == nil, "kept sealed, never in clear")
    }

    @Test("a mismatched or short passphrase at set-up re-shows the form with a message and creates nothing")
    func setupMistakes() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.get("/welcome")
            let mismatch = try await browser.post("/setup", ["passphrase": "one passphrase", "passphrase_confirm": "another one"])
            #expect(mismatch.body.contains("were different"))
            let short = try await browser.post("/setup", ["passphrase": "short", "passphrase_confirm": "short"])
            #expect(short.body.contains("at least 8 characters"))
            #expect(short.body.contains("role=\"alert\""))
        }
        #expect(try await app.home.existingStore() == nil)
    }

    @Test("unlocking gives a new session token; a wrong passphrase gets a clear message")
    func unlockRotatesToken() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/lock")
            try await browser.get("/unlock")
            let lockedToken = try #require(browser.cookie)
            let wrong = try await browser.post("/unlock", ["passphrase": "not the passphrase"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("did not open"))
            #expect(browser.cookie == lockedToken)
            let opened = try await browser.unlock()
            #expect(opened.location == "/today")
            #expect(browser.cookie != lockedToken)
            #expect(try await browser.get("/today").status == .ok)
        }
    }

    @Test("lock wipes the session's key, ends its token and clears the site")
    func lockWipes() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let unlockedToken = try #require(browser.cookie)
            #expect(await app.sessions.isUnlocked(token: unlockedToken))
            let locked = try await browser.post("/lock")
            #expect(locked.location == "/unlock")
            #expect(locked.headers[HTTPField.Name("Clear-Site-Data")!] == "\"cache\", \"cookies\", \"storage\"")
            #expect(locked.setCookies.contains { $0.hasPrefix("session=;") && $0.lowercased().contains("max-age=0") })
            #expect(await !app.sessions.isUnlocked(token: unlockedToken))
            #expect(await app.sessions.unlockedCount == 0)
            // The old token opens nothing.
            browser.cookie = unlockedToken
            #expect(try await browser.get("/today").location == "/unlock")
        }
    }

    @Test("quick exit is a plain link that locks and sends the person to the exit site")
    func quickExit() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let token = try #require(browser.cookie)
            let exit = try await browser.get("/exit")
            #expect(exit.status == .seeOther)
            #expect(exit.location == Preferences.defaultExitSite)
            #expect(exit.headers[HTTPField.Name("Clear-Site-Data")!] != nil)
            #expect(await !app.sessions.isUnlocked(token: token))
            // The exit link is on every page, locked or not.
            for path in ["/unlock", "/no/such/page"] {
                #expect(try await browser.get(path).body.contains("<a id=\"quick-exit\" class=\"exit\" href=\"/exit\""))
            }
        }
    }

    @Test("the person's exit site and name are used, also while locked")
    func chosenExitSite() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.get("/settings")
            let saved = try await browser.post("/settings/preferences", ["display_name": "Recipes", "exit_site": "https://example.org/soup", "idle_minutes": "5"])
            #expect(saved.location == "/settings?done=preferences")
            #expect(try await browser.get("/today").body.contains("<title>Recipes</title>"), "history shows the bland name alone")
            try await browser.post("/lock")
            #expect(try await browser.get("/unlock").body.contains("<title>Recipes</title>"))
            #expect(try await browser.get("/exit").location == "https://example.org/soup")
        }
    }

    @Test("an idle session locks itself after the idle time, and the sweeper drops its key without any request")
    func idleTimeout() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            app.clock.advance(by: 14 * 60)
            #expect(try await browser.get("/today").status == .ok)  // used: the idle time starts again
            app.clock.advance(by: 14 * 60 + 59)
            #expect(await app.sessions.sweep(now: app.clock.now) == 0)
            app.clock.advance(by: 1)
            #expect(await app.sessions.sweep(now: app.clock.now) == 1)
            #expect(await app.sessions.unlockedCount == 0)
            #expect(try await browser.get("/today").location == "/unlock")
        }
    }

    @Test("an idle session is locked on its next request even before the sweeper runs")
    func idleTimeoutOnRequest() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            app.clock.advance(by: 15 * 60)
            #expect(try await browser.get("/notes").location == "/unlock")
            #expect(await app.sessions.unlockedCount == 0)
        }
    }

    @Test("the person's idle setting and the operator's cap both apply", arguments: [(nil, 5 * 60.0), (120.0, 120)] as [(TimeInterval?, TimeInterval)])
    func idleSetting(cap: TimeInterval?, expected: TimeInterval) async throws {
        let app = TestApp(maxIdleSeconds: cap)
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/settings")
            try await browser.post("/settings/preferences", ["display_name": "Notes", "exit_site": Preferences.defaultExitSite, "idle_minutes": "5"])
            let page = try await browser.get("/today")
            #expect(page.body.contains("data-idle-seconds=\"\(Int(expected))\""))
            app.clock.advance(by: expected - 1)
            #expect(try await browser.get("/today").status == .ok)
            app.clock.advance(by: expected)
            #expect(try await browser.get("/today").location == "/unlock")
        }
    }

    @Test("even a busy session ends 12 hours after unlocking")
    func absoluteTimeout() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            for _ in 0..<71 {  // 71 × 10 minutes = 11 h 50 min, always active
                app.clock.advance(by: 10 * 60)
                #expect(try await browser.get("/today").status == .ok)
            }
            app.clock.advance(by: 10 * 60)
            #expect(try await browser.get("/today").location == "/unlock")
            #expect(await app.sessions.unlockedCount == 0)
        }
    }

    @Test("the keep-alive call answers 204 while open and 401 once locked")
    func keepAlive() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            #expect(try await browser.post("/session/keep").status == .noContent)
            try await browser.post("/lock")
            try await browser.get("/unlock")
            #expect(try await browser.post("/session/keep").status == .unauthorized)
        }
    }

    @Test("after five wrong passphrases the next try must wait, doubling from one second, and the wait survives a new app")
    func throttling() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/lock")
            for _ in 0..<5 {
                #expect(try await browser.unlock("wrong passphrase").status == .unauthorized)
            }
            let waiting = try await browser.unlock(testPassphrase)
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.body.contains("try again in 1 second"))
            app.clock.advance(by: 1)
            #expect(try await browser.unlock("wrong again").status == .unauthorized)
            #expect(try await browser.unlock(testPassphrase).body.contains("try again in 2 seconds"))
        }
        // A new app over the same store (as after a restart) keeps the wait.
        let restarted = TestApp(home: app.home, clock: app.clock)
        try await restarted.run { (browser: Browser) async throws in
            #expect(try await browser.unlock(testPassphrase).status == .tooManyRequests)
            restarted.clock.advance(by: 2)
            #expect(try await browser.unlock(testPassphrase).location == "/today")
        }
    }

    @Test("the recovery key opens the vault and sets a new passphrase; a mistyped key is explained")
    func recovery() async throws {
        try await TestApp().run { browser in
            let page = try await browser.setUp()
            let key = page.body.components(separatedBy: "<span>").dropFirst().prefix(9).map { String($0.prefix(6)) }.joined(separator: "-")
            try await browser.post("/lock")
            try await browser.get("/recover")
            var typo = Array(key)
            typo[3] = typo[3] == "A" ? "B" : "A"
            let mistyped = try await browser.post("/recover", ["recovery_key": String(typo), "new_passphrase": "a new passphrase", "new_passphrase_confirm": "a new passphrase"])
            #expect(mistyped.body.contains("typing mistake"))
            let recovered = try await browser.post("/recover", ["recovery_key": key.lowercased(), "new_passphrase": "a new passphrase", "new_passphrase_confirm": "a new passphrase"])
            #expect(recovered.location == "/today")
            try await browser.post("/lock")
            let reopened = try await browser.unlock("a new passphrase")
            #expect(reopened.location == "/today", "\(reopened.status) \(reopened.body.suffix(900))")
        }
    }
}
