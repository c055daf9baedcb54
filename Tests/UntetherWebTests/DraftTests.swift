import Foundation
import HTTPTypes
import Testing
import UntetherCore
import UntetherStore
import UntetherVault
@testable import UntetherWeb

@Suite("Drafts: writing survives the lock, sealed, and is offered back")
struct DraftTests {
    static func draftID(in html: String) -> String? { hidden("draft_id", in: html) }
    static func ticket(in html: String) -> String? { hidden("draft_ticket", in: html) }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Every record of the store, as bytes, to look for words that must never be there in clear.
    static func storeBytes(_ app: TestApp) async throws -> Data {
        let store = try #require(try await app.home.existingStore())
        var bytes = Data()
        for kind in RecordKind.allCases {
            for record in try await store.records(kind: kind) { bytes += record.sealed + Data(record.id.utf8) }
        }
        return bytes
    }

    @Test("a form posted after the lock is kept sealed to the draft key, offered after unlock, and saved from there")
    func formAfterLock() async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/notes/new")
            let draftID = try #require(Self.draftID(in: form.body))
            let ticket = try #require(Self.ticket(in: form.body))
            let oldToken = try #require(browser.csrf)
            try await browser.post("/lock")
            // The form the person was writing arrives now, with the token of the session that locked.
            let kept = try await browser.post("/notes", ["title": "Tuesday", "body": "It happened again. \(canary)", "draft_id": draftID, "draft_ticket": ticket], csrf: oldToken)
            #expect(kept.location == "/unlock?kept=1")
            #expect(try await browser.get("/unlock?kept=1").body.contains("what you wrote is kept"))
            let store = try #require(try await app.home.existingStore())
            #expect(try await store.records(kind: .lockedDraft).count == 1)
            #expect(try await Self.storeBytes(app).range(of: Data(canary.utf8)) == nil, "never in clear, not even while locked")

            let unlocked = try await browser.unlock()
            #expect(unlocked.location == "/drafts", "the writing comes first after unlocking")
            #expect(try await store.records(kind: .lockedDraft).isEmpty, "opened into an ordinary sealed draft")
            let drafts = try await browser.get("/drafts").body
            #expect(drafts.contains(canary))
            #expect(drafts.contains("action=\"/notes\""))
            #expect(try await Self.storeBytes(app).range(of: Data(canary.utf8)) == nil)

            // "Save it" sends the same form, with a fresh token, to where it was going.
            let saved = try await browser.post("/notes", ["title": "Tuesday", "body": "It happened again. \(canary)", "draft_id": draftID])
            #expect(saved.status == .seeOther)
            #expect(try await browser.get("/notes").body.contains("Tuesday"))
            #expect(try await store.records(kind: .draft).isEmpty, "a saved draft is deleted")
            #expect(try await browser.get("/drafts").location == "/today")
        }
    }

    @Test("without a draft id, or from another site, a form after the lock is refused as before")
    func notEveryFormIsKept() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/notes/new")
            let draftID = try #require(Self.draftID(in: form.body))
            let ticket = try #require(Self.ticket(in: form.body))
            let oldToken = try #require(browser.csrf)
            try await browser.post("/lock")
            #expect(try await browser.post("/notes", ["title": "x", "body": "words"], csrf: oldToken).status == .forbidden)
            let foreign: HTTPFields = [HTTPField.Name("Origin")!: "http://evil.example"]
            #expect(try await browser.post("/notes", ["title": "x", "body": "words", "draft_id": draftID, "draft_ticket": ticket], csrf: oldToken, extraHeaders: foreign).status == .forbidden)
            // Someone on the network with no page from this program: no ticket, or one that is made up.
            let noHeaders: HTTPFields = [:]
            for made in ["", "made-up", DraftTicket.make(id: UUID().uuidString.lowercased())] {
                let planted = try await browser.post("/notes", ["title": "x", "body": "planted words", "draft_id": draftID, "draft_ticket": made],
                                                     csrf: "", extraHeaders: noHeaders)
                #expect(planted.status == .forbidden, "ticket \(made)")
            }
            // A real ticket cannot send the writing to a path that is not a writing form.
            #expect(try await browser.post("/settings/preferences", ["display_name": "x words", "draft_id": draftID, "draft_ticket": ticket], csrf: "").status == .forbidden)
            let store = try #require(try await app.home.existingStore())
            #expect(try await store.records(kind: .lockedDraft).isEmpty)
        }
    }

    @Test("after a restart no draft key is known, so nothing is kept where it could not be read")
    func noKeyAfterRestart() async throws {
        final class Form: @unchecked Sendable {
            var draftID = ""
            var token = ""
            var ticket = ""
        }
        let app = TestApp()
        let form = Form()
        try await app.run { browser in
            try await browser.setUp()
            let page = try await browser.get("/notes/new").body
            form.draftID = try #require(Self.draftID(in: page))
            form.ticket = try #require(Self.ticket(in: page))
            form.token = try #require(browser.csrf)
        }
        let restarted = TestApp(home: app.home, clock: app.clock)
        try await restarted.run { browser in
            let refused = try await browser.post("/notes", ["title": "x", "body": "words", "draft_id": form.draftID, "draft_ticket": form.ticket], csrf: form.token)
            #expect(refused.status == .forbidden)
        }
    }

    @Test("what the script keeps while the person types is sealed, listed on Today, and let go on request")
    func keptWhileTyping() async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp()
            let draftID = try #require(Self.draftID(in: try await browser.get("/journal/new").body))
            let kept = try await browser.post("/drafts/keep", ["draft_id": draftID, "draft_action": "/journal", "facts": "At the door \(canary)", "date": "2026-11-20"])
            #expect(kept.status == .noContent)
            #expect(try await Self.storeBytes(app).range(of: Data(canary.utf8)) == nil)
            #expect(try await browser.get("/today").body.contains("id=\"unsaved-writing\""))
            // Kept again as the person types on: still one draft.
            try await browser.post("/drafts/keep", ["draft_id": draftID, "draft_action": "/journal", "facts": "At the door, late \(canary)"])
            let store = try #require(try await app.home.existingStore())
            #expect(try await store.records(kind: .draft).count == 1)
            // Typed while unlocked and not interrupted: unlocking again goes to Today, which points to it.
            try await browser.post("/lock")
            #expect(try await browser.unlock().location == "/today")
            let page = try await browser.get("/drafts").body
            #expect(page.contains("At the door, late \(canary)"))
            let discard = try #require(page.range(of: "/drafts/[0-9a-f-]{36}/discard", options: .regularExpression).map { String(page[$0]) })
            #expect(try await browser.post(discard).location == "/today")
            #expect(try await store.records(kind: .draft).isEmpty)
            #expect(!(try await browser.get("/today").body.contains("id=\"unsaved-writing\"")))
        }
    }

    @Test("the writing forms of Steps 5 to 7 keep what arrives after the lock too", arguments: [
        ("/wins", "/wins", "text"), ("/kinder", "/kinder", "belief"), ("/goals", "/goals", "title"), ("/boundaries", "/boundaries", "mine"),
        ("/observations", "/observations", "note"),
    ])
    func rebuildingFormsAfterLock(page: String, action: String, field: String) async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get(page)
            let draftID = try #require(Self.draftID(in: form.body), "\(page) has a draft id")
            let ticket = try #require(Self.ticket(in: form.body))
            let oldToken = try #require(browser.csrf)
            try await browser.post("/lock")
            let kept = try await browser.post(action, [field: canary, "draft_id": draftID, "draft_ticket": ticket], csrf: oldToken)
            #expect(kept.location == "/unlock?kept=1", "\(action)")
            #expect(try await browser.unlock().location == "/drafts")
            #expect(try await browser.get("/drafts").body.contains(canary))
        }
    }

    @Test("a draft is only ever sent to a writing form of this app", arguments: [
        "https://evil.example/x", "//evil.example/x", "javascript:alert(1)", "", "/\t/evil.example", "/journal/../settings", "/settings/delete", "/%2F%2Fevil",
    ])
    func draftActionIsOurs(action: String) async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let kept = try await browser.post("/drafts/keep", ["draft_id": UUID().uuidString, "draft_action": action, "facts": "words"])
            #expect(kept.status == .badRequest)
        }
    }

    @Test("the idle warning is announced in a live region and never takes focus")
    func warningDoesNotTakeFocus() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let page = try await browser.get("/journal/new").body
            #expect(page.contains("id=\"idle-announce\""))
            #expect(page.contains("aria-live=\"polite\""))
            #expect(!StaticAssets.javascript.contains("stay.focus()"))
            #expect(StaticAssets.javascript.contains("/drafts/keep"))
        }
    }

    @Test("sealing to the draft key: only its private half opens it, and any change is refused")
    func draftBox() throws {
        let privateKey = DraftBox.newPrivateKey()
        let publicKey = try #require(DraftBox.publicKey(ofPrivateKey: privateKey))
        let sealed = try DraftBox.seal(Data("kept words".utf8), toPublicKey: publicKey)
        #expect(sealed.range(of: Data("kept words".utf8)) == nil)
        #expect(try DraftBox.open(sealed, withPrivateKey: privateKey) == Data("kept words".utf8))
        #expect(throws: VaultError.self) { try DraftBox.open(sealed, withPrivateKey: DraftBox.newPrivateKey()) }
        var changed = sealed
        changed[changed.count - 1] ^= 1
        #expect(throws: VaultError.self) { try DraftBox.open(changed, withPrivateKey: privateKey) }
        let bound = try DraftBox.seal(Data("kept words".utf8), toPublicKey: publicKey, context: Data("locked_draft/one".utf8))
        #expect(try DraftBox.open(bound, withPrivateKey: privateKey, context: Data("locked_draft/one".utf8)) == Data("kept words".utf8))
        #expect(throws: VaultError.self, "bound to its record: it cannot be read as another") {
            try DraftBox.open(bound, withPrivateKey: privateKey, context: Data("locked_draft/two".utf8))
        }
    }
}
