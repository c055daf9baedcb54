import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
import UntetherStore
import UntetherVault
@testable import UntetherWeb

@Suite("Pages: notes, settings, privacy centre")
struct PageTests {
    static func noteID(from location: String?) throws -> String {
        let location = try #require(location)
        return String(location.dropFirst("/notes/".count).prefix { $0 != "?" })
    }

    @Test("neutral history: every page's title is the person's bland name alone, locked or unlocked")
    func neutralTitles() async throws {
        let app = TestApp()
        try await app.run { browser in
            for path in ["/welcome", "/help", "/nothing-here"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("<title>Notes</title>"), "\(path)")
            }
            try await browser.setUp()
            try await browser.post("/settings/preferences", ["display_name": "Recipes", "exit_site": "https://example.org/", "idle_minutes": "15"])
            let routes: [SiteRoute] = [
                .today, .notes, .newNote, .log, .newLogEntry, .newLogEntryFull, .kindMoment, .export, .learnStep1,
                .coach, .contacts, .plan, .rules, .answers, .learnStep2, .pause, .pauseSetup, .checkIn, .trends, .urges, .tools,
                .learnStep3, .journal, .newJournalEntry, .journalMemory, .decisions, .timeline, .search, .learnStep4,
                .settings, .accessLog, .deleteEverything, .help, .people, .safetyPlan, .safetyPlanPrint,
            ]
            var checked = 0
            for route in routes {
                let page = try await browser.get(route.path)
                guard page.status == .ok else { continue }
                checked += 1
                let title = page.body.range(of: "<title>[^<]*</title>", options: .regularExpression).map { String(page.body[$0]) }
                #expect(title == "<title>Recipes</title>", "\(route.path): \(title ?? "none")")
                // Nothing typed here is offered back by the browser's form history.
                for tag in page.body.components(separatedBy: "<textarea").dropFirst().map({ String($0.prefix { $0 != ">" }) }) {
                    #expect(tag.contains("autocomplete=\"off\""), "\(route.path): textarea without autocomplete=off: \(tag)")
                }
                for tag in page.body.components(separatedBy: "<input type=\"text\"").dropFirst().map({ String($0.prefix { $0 != ">" }) }) {
                    #expect(tag.contains("autocomplete=\""), "\(route.path): text field without autocomplete: \(tag)")
                }
            }
            #expect(checked >= 30, "the walk reached the pages")
        }
    }

    @Test("smaller things a new user hit: the set-up error in view, Decisions from Today, an empty timeline that says so")
    func smallerThings() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.get("/welcome")
            let mismatch = try await browser.post("/setup", ["passphrase": "one passphrase", "passphrase_confirm": "another one"])
            #expect(mismatch.body.contains("action=\"/setup#choose\""), "the page comes back at the passphrase part")
            #expect(LogPageTests.inputTag(mismatch.body, id: "passphrase")?.contains("autofocus") == true)
            #expect(LogPageTests.inputTag(try await browser.get("/welcome").body, id: "passphrase")?.contains("autofocus") == false)
            try await browser.setUp()
            #expect(try await browser.get("/today").body.contains("id=\"today-decisions-link\""))
            let timeline = try await browser.get("/timeline").body
            #expect(timeline.contains("id=\"timeline-empty\""))
            #expect(!timeline.contains("id=\"timeline-chart\""))
        }
    }

    @Test("a note can be written, read, edited and deleted")
    func noteLifecycle() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/notes").body.contains("Nothing here yet"))
            try await browser.get("/notes/new")
            let created = try await browser.post("/notes", ["title": "Tuesday", "body": "It happened again.\nI wrote it down."])
            let id = try Self.noteID(from: created.location)
            let shown = try await browser.get("/notes/\(id)")
            #expect(shown.body.contains("<h1>Tuesday</h1>"))
            #expect(shown.body.contains("It happened again.\nI wrote it down."))
            #expect(try await browser.get("/notes").body.contains("Tuesday"))

            let form = try await browser.get("/notes/\(id)/edit")
            #expect(form.body.contains("value=\"Tuesday\""))
            try await browser.post("/notes/\(id)", ["title": "Tuesday evening", "body": "Changed."])
            #expect(try await browser.get("/notes/\(id)").body.contains("Tuesday evening"))

            #expect(try await browser.get("/notes/\(id)/delete").body.contains("id=\"confirm-delete\""))
            #expect(try await browser.post("/notes/\(id)/delete").location == "/notes?done=deleted")
            #expect(try await browser.get("/notes/\(id)").status == .notFound)
            #expect(try await browser.get("/notes/not-a-uuid").status == .notFound)
        }
    }

    @Test("a refused note keeps everything that was typed")
    func refusedNoteKeepsText() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            let refused = try await browser.post("/notes", ["title": "   ", "body": "A long paragraph I do not want to lose."])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Please give the note a title"))
            #expect(refused.body.contains("A long paragraph I do not want to lose."))
            #expect(try await browser.get("/notes").body.contains("Nothing here yet"))
        }
    }

    @Test("what the person types is escaped in text and in attributes")
    func escaping() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            let hostile = "\"><script>alert(1)</script>&lt;b&gt;'"
            let created = try await browser.post("/notes", ["title": hostile, "body": "</textarea><img src=x>"])
            let id = try Self.noteID(from: created.location)
            for page in [try await browser.get("/notes"), try await browser.get("/notes/\(id)"), try await browser.get("/notes/\(id)/edit")] {
                #expect(!page.body.contains("<script>alert"))
                #expect(!page.body.contains("<img src=x>"))
                #expect(!page.body.contains("\"><script"))
            }
            let edit = try await browser.get("/notes/\(id)/edit")
            #expect(edit.body.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;lt;b&amp;gt;&#39;\""))
            #expect(edit.body.contains("&lt;/textarea&gt;&lt;img src=x&gt;</textarea>"))
            // "&lt;" typed by the person is shown as typed, not turned into "<".
            #expect(try await browser.get("/notes/\(id)").body.contains("&amp;lt;b&amp;gt;"))
        }
    }

    @Test("pages need an open vault: locked visitors are sent to unlock", arguments: [
        "/today", "/notes", "/notes/new", "/settings", "/settings/access-log", "/settings/delete", "/people", "/ready", "/ready/print", "/check",
    ])
    func lockedRedirects(path: String) async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/lock")
            #expect(try await browser.get(path).location == "/unlock")
        }
    }

    @Test("the request log holds method, route pattern, status and duration, and never what was typed")
    func logsHoldNoContent() async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp(passphrase: "passphrase \(canary)")
            try await browser.get("/notes/new")
            let created = try await browser.post("/notes", ["title": canary, "body": canary])
            let id = try Self.noteID(from: created.location)
            try await browser.get("/notes/\(id)")
            try await browser.post("/notes/\(id)", ["title": "\(canary) 2", "body": canary])
            try await browser.get("/settings")
            try await browser.post("/settings/preferences", ["display_name": canary, "exit_site": "https://example.org/\(canary)", "idle_minutes": "9"])
            try await browser.post("/lock")
            try await browser.unlock("wrong \(canary)")
        }
        let logs = app.logs.text
        #expect(logs.contains("\"route\": /notes/{id}"))
        #expect(logs.contains("\"status\": 303"))
        #expect(logs.contains("\"method\": POST"))
        #expect(!logs.contains(canary))
        #expect(!logs.contains("/notes/\(String(canary.prefix(8)))"))
        // No note id (a path) is logged either: only route patterns.
        #expect(logs.range(of: #"/notes/[0-9a-f]{8}-"#, options: .regularExpression) == nil)
    }

    @Test("settings: bad input is explained and kept; good input is saved sealed")
    func preferences() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/settings")
            let refused = try await browser.post("/settings/preferences", ["display_name": "Shopping", "exit_site": "not a site", "idle_minutes": "15"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("must start with https://") || refused.body.contains("starts with https://"))
            #expect(refused.body.contains("value=\"not a site\""))
            #expect(refused.body.contains("value=\"Shopping\""))
            let wrongMinutes = try await browser.post("/settings/preferences", ["display_name": "Shopping", "exit_site": "https://example.org", "idle_minutes": "90"])
            #expect(wrongMinutes.body.contains("between 1 and 60"))
            try await browser.post("/settings/preferences", ["display_name": "Shopping", "exit_site": "https://example.org", "idle_minutes": "20"])
            let saved = try await browser.get("/settings?done=preferences")
            #expect(saved.body.contains("Your settings were saved."))
            #expect(saved.body.contains("value=\"Shopping\""))
        }
    }

    @Test("changing the passphrase needs the current one and two matching new ones")
    func changePassphrase() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.get("/settings")
            let wrongCurrent = try await browser.post("/settings/passphrase", ["current": "not it", "new_passphrase": "brand new words", "new_passphrase_confirm": "brand new words"])
            #expect(wrongCurrent.body.contains("current passphrase wasn't right"))
            let mismatch = try await browser.post("/settings/passphrase", ["current": testPassphrase, "new_passphrase": "brand new words", "new_passphrase_confirm": "brand new word"])
            #expect(mismatch.body.contains("were different"))
            let changed = try await browser.post("/settings/passphrase", ["current": testPassphrase, "new_passphrase": "brand new words", "new_passphrase_confirm": "brand new words"])
            #expect(changed.location == "/settings?done=passphrase")
            try await browser.post("/lock")
            #expect(try await browser.unlock(testPassphrase).status == .unauthorized)
            #expect(try await browser.unlock("brand new words").location == "/today")
            let log = try await browser.get("/settings/access-log")
            #expect(log.body.contains("Passphrase changed"))
            #expect(log.body.contains("Wrong passphrase tried"))
        }
    }

    @Test("a backup downloads as an encrypted attachment and is logged")
    func backupDownload() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            try await browser.post("/notes", ["title": "Kept in the backup", "body": "secret words"])
            try await browser.get("/settings")
            let download = try await browser.post("/settings/backup")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/octet-stream")
            #expect(download.headers[HTTPField.Name("Content-Disposition")!]?.hasPrefix("attachment; filename=\"notes-backup-") == true)
            #expect(download.headers[.cacheControl] == "no-store")
            #expect(download.body.hasPrefix("UNTETHER-BACKUP1"))
            #expect(!download.body.contains("secret words"))
            #expect(try await browser.get("/settings/access-log").body.contains("Backup made"))
        }
    }

    @Test("delete everything needs the typed word and the passphrase, offers a copy first, then leaves no vault and says what was done")
    func deleteEverything() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            try await browser.post("/notes", ["title": "to be erased", "body": ""])
            let confirm = try await browser.get("/settings/delete")
            #expect(confirm.body.contains("id=\"backup-first\"") && confirm.body.contains("id=\"export-first\""))
            let refused = try await browser.post("/settings/delete", ["confirm": "yes", "passphrase": testPassphrase])
            #expect(refused.body.contains("Nothing was deleted"))
            #expect(try await app.home.existingStore() != nil)
            let noPassphrase = try await browser.post("/settings/delete", ["confirm": "delete"])
            #expect(noPassphrase.status == .unauthorized)
            let wrong = try await browser.post("/settings/delete", ["confirm": "delete", "passphrase": "someone else's guess"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Nothing was deleted. That passphrase wasn't right."))
            #expect(try await app.home.existingStore() != nil)
            let erased = try await browser.post("/settings/delete", ["confirm": " Delete ", "passphrase": testPassphrase])
            #expect(erased.location == "/welcome?done=erased")
            #expect(try await browser.get("/welcome?done=erased").body.contains("Everything was deleted from this computer"))
            #expect(erased.headers[HTTPField.Name("Clear-Site-Data")!] != nil)
            #expect(await app.sessions.unlockedCount == 0)
            #expect(try await browser.get("/").location == "/welcome")
        }
        #expect(try await app.home.existingStore() == nil)
    }

    @Test("delete everything on disk removes the vault files")
    func deleteEverythingOnDisk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-web-\(UUID().uuidString)")
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/notes/new")
            try await browser.post("/notes", ["title": "to be erased", "body": "gone"])
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("vault.sqlite").path))
            try await browser.get("/settings/delete")
            try await browser.post("/settings/delete", ["confirm": "delete", "passphrase": testPassphrase])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("every page a person can reach has the quick exit, a title that is the display name, and one h1", arguments: [
        "/today", "/notes", "/notes/new", "/settings", "/settings/access-log", "/settings/delete", "/help", "/people", "/ready", "/check",
    ])
    func everyPageHasTheBasics(path: String) async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"quick-exit\""))
            #expect(page.body.contains("<title>Notes</title>"), "the bland name alone")
            #expect(page.body.components(separatedBy: "<h1").count == 2)
            #expect(!page.body.lowercased().contains("untether"))
            #expect(page.body.contains("<meta name=\"viewport\""))
        }
    }
}
