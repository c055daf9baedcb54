import Foundation
import Testing
import UntetherCore
@testable import UntetherWeb

@Suite("The reply checker page")
struct CoachPageTests {
    @Test("a pasted draft is flagged with quoted words and suggestions, kept in the box, and never logged")
    func flagsADraft() async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/reply").body.contains("id=\"coach-form\""))
            let page = try await browser.post("/reply", ["draft": "Why do you ALWAYS DO this?? \(canary)"])
            #expect(page.status == .ok)
            #expect(page.body.contains("data-kind=\"open_question\""))
            #expect(page.body.contains("data-kind=\"blame\""))
            #expect(page.body.contains("data-kind=\"shouting\""))
            #expect(page.body.contains("id=\"coach-skeleton\""))
            #expect(page.body.contains(canary), "the draft stays in the box")
            let calm = try await browser.post("/reply", ["draft": "Pick-up is at 5pm on Friday. Thanks."])
            #expect(calm.body.contains("Nothing to flag"))
        }
        #expect(!app.logs.text.contains(canary))
        let counts = try #require(try await app.home.existingStore()?.recordCounts())
        let setUpRecords: Set<String> = [RecordKind.draftKey.rawValue, RecordKind.recoveryReminder.rawValue]
        #expect(counts.filter { !setUpRecords.contains($0.key) }.values.reduce(0, +) == 0, "reply drafts are never saved (only what set-up makes exists)")
    }

    @Test("the page needs an open vault")
    func locked() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/lock")
            #expect(try await browser.get("/reply").location == "/unlock")
        }
    }
}
