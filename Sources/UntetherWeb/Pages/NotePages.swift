import Foundation
import Plot
import UntetherCore

/// The private notes: list, read, write, edit and delete.
enum NotePages {
    static func key(_ note: Note) -> String { note.id.uuidString.lowercased() }

    static func list(chrome: PageChrome, notes: Pager<Note>, message: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Notes")),
            Layout.message(message, isError: false),
            .p(.a(.id("new-note"), .class("button"), .href(SiteRoute.newNote), .text("Write a new note"))),
            .if(
                notes.total == 0,
                .p(.class("muted"), .text("Nothing here yet. A note can be a single sentence or several pages, whatever helps.")),
                else: .group(
                    .ul(.id("note-list"), .class("list"), .forEach(notes.items) { note in
                        .li(.a(
                            .safeAttribute("href", SiteRoute.note(.of(note.id))),
                            .span(.class("title"), .userText(note.title)),
                            .span(.class("meta"), .userText("Written \(DisplayDate.string(note.createdAt))"))
                        ))
                    }),
                    PagerLinks.render(notes, route: .notes, noun: "notes")
                )
            )
        ))
    }

    static func show(chrome: PageChrome, note: Note, message: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.notes), .text("← All notes"))),
            Layout.message(message, isError: false),
            .h1(.userText(note.title)),
            .p(.class("muted"), .userText(dates(note))),
            .div(.class("note-body"), .userText(note.body)),
            .div(
                .class("actions"),
                .a(.id("edit-note"), .class("button"), .safeAttribute("href", SiteRoute.editNote(.of(note.id))), .text("Edit")),
                .a(.id("delete-note"), .class("button secondary"), .safeAttribute("href", SiteRoute.deleteNote(.of(note.id))), .text("Delete"))
            )
        ))
    }

    static func dates(_ note: Note) -> String {
        let written = "Written \(DisplayDate.string(note.createdAt))."
        guard note.updatedAt.timeIntervalSince(note.createdAt) >= 1 else { return written }
        return written + " Changed \(DisplayDate.string(note.updatedAt))."
    }

    /// The form for a new note (`note` nil) or for editing one. `title` and `body` keep what
    /// was typed when a save was refused, so nothing is lost.
    static func form(chrome: PageChrome, note: Note?, title: String, body: String, error: String?) -> String {
        let action = note.map { SiteRoute.note(.of($0.id)) } ?? SiteRoute.notes
        let cancel = note.map { SiteRoute.note(.of($0.id)) } ?? SiteRoute.notes
        return Layout.render(chrome: chrome, content: .group(
            .h1(.userText(note == nil ? "New note" : "Edit note")),
            Layout.message(error, isError: true),
            .form(
                .id("note-form"), .class("stack"), .safeAttribute("action", action), .method(.post),
                Layout.writingFields(chrome.csrf),
                Layout.field(id: "title", label: "Title", hint: "A word or two is enough.", name: "title", value: title,
                             autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(NoteDraft.maxTitleLength))]),
                .div(
                    .label(.for("body"), .text("Note")),
                    .textarea(.attribute(named: "autocomplete", value: "off"), 
                        .id("body"), .name("body"), .rows(12),
                        .attribute(named: "maxlength", value: String(NoteDraft.maxBodyLength)),
                        // A textarea drops one leading newline, so add one to keep the text exact.
                        .userText(body.hasPrefix("\n") || body.hasPrefix("\r") ? "\n" + body : body)
                    )
                ),
                .div(
                    .class("actions"),
                    .button(.id("save"), .class("button"), .type(.submit), .text("Save note")),
                    .a(.safeAttribute("href", cancel), .text("Cancel"))
                )
            )
        ))
    }

    static func confirmDelete(chrome: PageChrome, note: Note) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Delete this note?")),
            .p(.text("This note will be gone for good: "), .strong(.userText(note.title))),
            .p(.text("It can't be brought back, except from a backup you made earlier.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SiteRoute.deleteNote(.of(note.id))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete note"))
                ),
                .a(.safeAttribute("href", SiteRoute.note(.of(note.id))), .text("Keep it"))
            )
        ))
    }
}
