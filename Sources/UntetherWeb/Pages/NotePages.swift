import Foundation
import Plot
import UntetherCore

/// The private notes: list, read, write, edit and delete.
enum NotePages {
    static func key(_ note: Note) -> String { note.id.uuidString.lowercased() }

    static func list(chrome: PageChrome, notes: [Note], message: String?) -> String {
        Layout.render(title: "Notes", chrome: chrome, content: .group(
            .h1(.text("Notes")),
            Layout.message(message, isError: false),
            .p(.a(.id("new-note"), .class("button"), .href(SitePath.newNote), .text("Write a new note"))),
            .if(
                notes.isEmpty,
                .p(.class("muted"), .text("Nothing here yet. A note can be a single sentence or several pages, whatever helps.")),
                else: .ul(.class("list"), .forEach(notes) { note in
                    .li(.a(
                        .safeAttribute("href", SitePath.note(key(note))),
                        .span(.class("title"), .userText(note.title)),
                        .span(.class("meta"), .text("Written \(DisplayDate.string(note.createdAt))"))
                    ))
                })
            )
        ))
    }

    static func show(chrome: PageChrome, note: Note, message: String?) -> String {
        Layout.render(title: "Note", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.notes), .text("← All notes"))),
            Layout.message(message, isError: false),
            .h1(.userText(note.title)),
            .p(.class("muted"), .text(dates(note))),
            .div(.class("note-body"), .userText(note.body)),
            .div(
                .class("actions"),
                .a(.id("edit-note"), .class("button"), .safeAttribute("href", SitePath.editNote(key(note))), .text("Edit")),
                .a(.id("delete-note"), .class("button secondary"), .safeAttribute("href", SitePath.deleteNote(key(note))), .text("Delete"))
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
        let action = note.map { SitePath.note(key($0)) } ?? SitePath.notes
        let cancel = note.map { SitePath.note(key($0)) } ?? SitePath.notes
        return Layout.render(title: note == nil ? "New note" : "Edit note", chrome: chrome, content: .group(
            .h1(.text(note == nil ? "New note" : "Edit note")),
            Layout.message(error, isError: true),
            .form(
                .id("note-form"), .class("stack"), .safeAttribute("action", action), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "title", label: "Title", hint: "A word or two is enough.", name: "title", value: title,
                             autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(NoteDraft.maxTitleLength))]),
                .div(
                    .label(.for("body"), .text("Note")),
                    .textarea(
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
        Layout.render(title: "Delete note", chrome: chrome, content: .group(
            .h1(.text("Delete this note?")),
            .p(.text("This note will be gone for good: "), .strong(.userText(note.title))),
            .p(.text("It can't be brought back, except from a backup you made earlier.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SitePath.deleteNote(key(note))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete note"))
                ),
                .a(.safeAttribute("href", SitePath.note(key(note))), .text("Keep it"))
            )
        ))
    }
}

/// The home page once unlocked. What comes first depends on the person's situation: the streak
/// in no contact, their rules and the reply checker in low contact, and a question until they say.
enum TodayPage {
    static func render(
        chrome: PageChrome, recent: [Note], idleMinutes: Int, streak: StreakView? = nil, rules: LowContactRules? = nil,
        dueDecisions: Int = 0, notice: String? = nil, error: String? = nil
    ) -> String {
        let mode = streak?.summary.mode
        let write = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Write something down")),
            .p(.text("What happened, how you feel, what you want to remember. Only you can open it.")),
            .p(.a(.class("button"), .href(SitePath.newNote), .text("Write a note")))
        )
        let record = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Keep a record")),
            .p(.text("When something happens, write down the day and a few words. Each entry is kept as you wrote it, with the time you wrote it.")),
            .div(
                .class("actions"),
                .a(.id("today-write-now"), .class("button"), .href(SitePath.newLogEntry), .text("Write it down now")),
                .a(.id("today-learn"), .href(SitePath.learnStep1), .text("Learn: why writing things down helps"))
            )
        )
        let reply = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Have to reply to them?")),
            .p(.text("If you must stay in touch about children, work or money, you can check a draft first. It stays on this computer.")),
            .p(.a(.id("today-reply"), .class("button secondary"), .href(SitePath.coach), .text("Check a reply")))
        )
        let withdrawal = Node<HTML.BodyContext>.div(
            .id("withdrawal-card"), .class("card"),
            .h2(.text("How are you feeling?")),
            .p(.text("A one-minute check-in shows how withdrawal eases over time. If the pull to reach out gets strong, press Pause at the top of any page.")),
            .div(
                .class("actions"),
                .a(.id("today-checkin"), .class("button secondary"), .href(SitePath.checkIn), .text("Check in")),
                .a(.href(SitePath.trends), .text("See how it's changing"))
            )
        )
        let journal = Node<HTML.BodyContext>.div(
            .id("journal-card"), .class("card"),
            .h2(.text(dueDecisions > 0 ? "A decision to look back on" : "Your reality journal")),
            .if(dueDecisions > 0,
                .p(.id("due-prompt"), .text(dueDecisions == 1 ? "One decision is ready for you to look back on. How did it turn out?"
                                                              : "\(dueDecisions) decisions are ready for you to look back on.")),
                else: .p(.text("What happened, what you felt, and what you know to be true. Your own record, in your own words."))),
            .div(
                .class("actions"),
                dueDecisions > 0
                    ? .a(.id("today-decisions"), .class("button secondary"), .href(SitePath.decisions), .text("Look back"))
                    : .a(.id("today-journal"), .class("button secondary"), .href(SitePath.newJournalEntry), .text("Write today's entry")),
                .a(.href(SitePath.journal), .text("Journal")),
                .a(.id("today-search"), .href(SitePath.search), .text("Search"))
            )
        )
        let first: [Node<HTML.BodyContext>] = switch (mode, streak, rules) {
        case (.lowContact?, let streak?, let rules):
            [ContactPages.rulesCard(rules ?? LowContactRules()), ContactPages.streakCard(streak), withdrawal, journal, write, record]
        case (_, let streak?, _):
            [ContactPages.streakCard(streak), withdrawal, journal, write, record, reply]
        default:
            [ContactPages.situationCard(chrome: chrome, error: error), withdrawal, journal, write, record, reply]
        }
        return Layout.render(title: "Today", chrome: chrome, content: .group(
            .h1(.text("Today")),
            .p(.class("lead"), .text("Whatever today is like, this is a quiet place to put things down.")),
            Layout.message(notice, isError: false),
            .group(first),
            .if(!recent.isEmpty, .div(
                .class("card"),
                .h2(.text("Recent notes")),
                .ul(.class("list"), .forEach(recent) { note in
                    .li(.a(
                        .safeAttribute("href", SitePath.note(NotePages.key(note))),
                        .span(.class("title"), .userText(note.title)),
                        .span(.class("meta"), .text(DisplayDate.string(note.createdAt)))
                    ))
                })
            )),
            .div(
                .class("card"),
                .h2(.text("Staying safe here")),
                .p(.text("The Exit button, or pressing Shift three times, leaves at once and locks everything. This also locks itself after \(idleMinutes) \(idleMinutes == 1 ? "minute" : "minutes") without use."))
            )
        ))
    }
}
