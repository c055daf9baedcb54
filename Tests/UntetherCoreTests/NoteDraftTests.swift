import Foundation
import Testing
import UntetherCore

@Suite("Note drafts")
struct NoteDraftTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("the title is trimmed and the body is kept exactly as typed")
    func trimming() throws {
        let draft = try NoteDraft(title: "  Tuesday \n", body: "  line one\n\nline two  ")
        #expect(draft.title == "Tuesday")
        #expect(draft.body == "  line one\n\nline two  ")
    }

    @Test("an empty or blank title is refused", arguments: ["", "   ", "\n\t"])
    func blankTitle(title: String) {
        #expect(throws: NoteDraftError.emptyTitle) { try NoteDraft(title: title, body: "text") }
    }

    @Test("titles and bodies over the limits are refused, and the limits themselves are accepted")
    func limits() throws {
        _ = try NoteDraft(title: String(repeating: "t", count: NoteDraft.maxTitleLength), body: String(repeating: "b", count: NoteDraft.maxBodyLength))
        #expect(throws: NoteDraftError.titleTooLong) { try NoteDraft(title: String(repeating: "t", count: NoteDraft.maxTitleLength + 1), body: "") }
        #expect(throws: NoteDraftError.bodyTooLong) { try NoteDraft(title: "t", body: String(repeating: "b", count: NoteDraft.maxBodyLength + 1)) }
    }

    @Test("applying a draft keeps the id and creation time and moves the update time")
    func apply() throws {
        let id = UUID()
        let note = try NoteDraft(title: "First", body: "one").makeNote(id: id, now: now)
        #expect(note.createdAt == now && note.updatedAt == now)
        let later = now.addingTimeInterval(60)
        let changed = try NoteDraft(title: "Second", body: "two").apply(to: note, now: later)
        #expect(changed.id == id)
        #expect(changed.createdAt == now)
        #expect(changed.updatedAt == later)
        #expect(changed.title == "Second" && changed.body == "two")
    }

    @Test("every error message is plain and says what to do", arguments: [NoteDraftError.emptyTitle, .titleTooLong, .bodyTooLong])
    func messages(error: NoteDraftError) {
        #expect(error.description.hasSuffix("."))
        #expect(error.description.contains("Please"))
    }
}

@Suite("Access events")
struct AccessEventTests {
    @Test("every kind has a label and a stable stored name")
    func labels() {
        for kind in AccessEvent.Kind.allCases {
            #expect(!kind.label.isEmpty)
            #expect(AccessEvent.Kind(rawValue: kind.rawValue) == kind)
        }
        #expect(AccessEvent.Kind.failedUnlock.rawValue == "failed_unlock")
    }
}
