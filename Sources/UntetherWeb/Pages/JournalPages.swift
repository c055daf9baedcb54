import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 4: the reality journal and "check my memory".
enum JournalPages {
    static let notices: [String: String] = [
        "saved": "Saved. You can come back and change it any time.",
        "deleted": "The entry was deleted.",
    ]


    /// What the journal form holds, as typed.
    struct Form {
        var date: String
        var facts = ""
        var feelings = ""
        var truths = ""
        var mood = ""
        var tags = ""

        init(date: String) {
            self.date = date
        }

        init(_ entry: JournalEntry) {
            date = entry.date
            facts = entry.facts
            feelings = entry.feelings
            truths = entry.truths
            mood = entry.mood.map(String.init) ?? ""
            tags = entry.tags.joined(separator: ", ")
        }

        init(_ form: FormFields) {
            date = form["date"]
            facts = form["facts"]
            feelings = form["feelings"]
            truths = form["truths"]
            mood = form["mood"]
            tags = form["tags"]
        }

        func entry(id: UUID, createdAt: Date, now: Date, today: String) throws(JournalError) -> JournalEntry {
            var moodValue: Int?
            if !mood.isEmpty {
                guard let value = Int(mood) else { throw .badMood }
                moodValue = value
            }
            return try JournalEntry.validated(
                id: id, date: date, facts: facts, feelings: feelings, truths: truths, mood: moodValue,
                tags: try JournalEntry.tags(fromText: tags), createdAt: createdAt, updatedAt: now, today: today
            )
        }
    }

    static let moodLabels = [1: "1 very low", 2: "2 low", 3: "3 okay", 4: "4 good", 5: "5 very good"]

    static func list(chrome: PageChrome, entries: [JournalEntry], dueDecisions: Int, notice: String?) -> String {
        Layout.render(title: "Journal", chrome: chrome, content: .group(
            .h1(.text("Reality journal")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Write down what happened, what you felt, and what you know. Over time, your own words become something solid to stand on.")),
            .div(
                .class("actions"),
                .a(.id("journal-new"), .class("button"), .href(SitePath.newJournalEntry), .text("Write today's entry")),
                .a(.href(SitePath.search), .text("Search everything"))
            ),
            .p(.class("actions"),
               .a(.href(SitePath.decisions), .text(dueDecisions > 0 ? "Decisions (\(dueDecisions) to look back on)" : "Decisions")),
               .a(.href(SitePath.timeline), .text("Your timeline")),
               .a(.href(SitePath.learnStep4), .text("Learn: trusting yourself again"))),
            .if(entries.isEmpty,
                .p(.id("no-journal"), .class("muted"), .text("No entries yet. One a day is a good habit, but any day you write counts.")),
                else: .ul(.id("journal-list"), .class("list"), .forEach(entries) { entry in
                    .li(.a(
                        .safeAttribute("href", SitePath.journalEntry(SitePath.key(entry.id))),
                        .span(.class("title"), .text(DisplayDate.day(entry.date))),
                        .span(.class("meta"), .userText(preview(entry)))
                    ))
                }))
        ))
    }

    static func preview(_ entry: JournalEntry) -> String {
        let text = [entry.facts, entry.feelings, entry.truths].first { !$0.isEmpty } ?? ""
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 90 ? String(line.prefix(90)) + "…" : line
    }

    static func form(chrome: PageChrome, entry: JournalEntry?, form: Form, memory: MemoryView, error: String? = nil) -> String {
        let action = entry.map { SitePath.journalEntry(SitePath.key($0.id)) } ?? SitePath.journal
        return Layout.render(title: "Journal", chrome: chrome, content: .group(
            .h1(.text(entry == nil ? "Write in your journal" : "Change this entry")),
            .div(
                .class("side-by-side"),
                .div(
                    .class("writing"),
                    Layout.message(error, isError: true),
                    .form(
                        .id("journal-form"), .class("stack"), .safeAttribute("action", action), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        LogPages.dayInput(id: "journal-date", label: "The day it's about", name: "date", value: form.date),
                        part(id: "facts", label: "What happened", hint: "Only the facts, as a camera would have seen them: who, what, where, what was said.", value: form.facts),
                        part(id: "feelings", label: "What I felt and thought", hint: "Your feelings and thoughts are real, even when someone told you otherwise.", value: form.feelings),
                        part(id: "truths", label: "What I know to be true", hint: "For example: \"I remember this clearly.\" \"It wasn't my fault.\"", value: form.truths),
                        .div(
                            .class("pair even"),
                            .div(
                                .label(.for("mood"), .text("Mood"), .span(.class("optional"), .text(" (optional)"))),
                                .select(
                                    .id("mood"), .attribute(named: "name", value: "mood"),
                                    LogPages.option(value: "", label: "–", selected: form.mood.isEmpty),
                                    .forEach(JournalEntry.moods) { mood in
                                        LogPages.option(value: String(mood), label: moodLabels[mood] ?? String(mood), selected: form.mood == String(mood))
                                    }
                                )
                            ),
                            Layout.field(id: "tags", label: "Tags", hint: "Separate with commas.", name: "tags", value: form.tags,
                                         required: false, autocomplete: "off")
                        ),
                        .div(
                            .class("actions"),
                            .button(.id("save-journal"), .class("button"), .type(.submit), .text("Save")),
                            .a(.href(entry.map { SitePath.journalEntry(SitePath.key($0.id)) } ?? SitePath.journal), .text("Cancel"))
                        )
                    )
                ),
                memoryPanel(memory, open: false)
            )
        ))
    }

    static func part(id: String, label: String, hint: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .text(label), .span(.class("hint"), .id("\(id)-hint"), .text(hint))),
            .textarea(
                .id(id), .name(id), .rows(5), .class("medium"), .attribute(named: "aria-describedby", value: "\(id)-hint"),
                .attribute(named: "maxlength", value: String(JournalEntry.maxPartLength)), .userText(LogPages.textareaValue(value))
            )
        )
    }

    /// What the person wrote before about the same day (and the same tags).
    struct MemoryView {
        let date: String
        let journal: [JournalEntry]
        let log: [Incident]
        let sameTags: [JournalEntry]
        let excluding: UUID?
    }

    /// "Check my memory": beside the form on a wide screen, under it on a phone.
    static func memoryPanel(_ memory: MemoryView, open: Bool) -> Node<HTML.BodyContext> {
        let journal = memory.journal.filter { $0.id != memory.excluding }
        let tagged = memory.sameTags.filter { $0.id != memory.excluding && $0.date != memory.date }
        return .element(named: "details", nodes: [
            .id("memory"), .class("memory"), .if(open, .attribute(named: "open")),
            .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("Check my memory: \(DisplayDate.day(memory.date))")]),
            .p(.class("muted"), .text("What you wrote before about this day. Your own record can steady you when someone says it didn't happen.")),
            .if(journal.isEmpty && memory.log.isEmpty,
                .p(.id("memory-empty"), .text("Nothing else written about this day yet."))),
            .forEach(journal) { entry in
                .div(
                    .class("memory-item"),
                    .h3(.text("Journal")),
                    .if(!entry.facts.isEmpty, .p(.strong(.text("What happened: ")), .userText(entry.facts))),
                    .if(!entry.feelings.isEmpty, .p(.strong(.text("Felt and thought: ")), .userText(entry.feelings))),
                    .if(!entry.truths.isEmpty, .p(.strong(.text("Knew to be true: ")), .userText(entry.truths)))
                )
            },
            .forEach(memory.log) { incident in
                .div(
                    .class("memory-item log-item"),
                    .h3(.text(incident.kindMoment == nil ? "Log" : "Log: \(incident.kindMoment!.label.lowercased())")),
                    .p(.userText(incident.description)),
                    .p(.a(.safeAttribute("href", SitePath.logEntry(SitePath.key(incident.id))), .text("Open the log entry")))
                )
            },
            .if(!tagged.isEmpty, .group(
                .h3(.text("Other days with the same tags")),
                .ul(.forEach(tagged.prefix(10)) { entry in
                    .li(.a(.safeAttribute("href", SitePath.journalEntry(SitePath.key(entry.id))), .text(DisplayDate.day(entry.date))),
                        .text(" "), .userText(preview(entry)))
                })
            )),
            .form(
                .class("memory-day"), .action(SitePath.journalMemory), .method(.get),
                LogPages.dayInput(id: "memory-date", label: "Check another day", name: "date", value: memory.date),
                .button(.id("memory-go"), .class("button secondary"), .type(.submit), .text("Check"))
            ),
        ])
    }

    static func memoryPage(chrome: PageChrome, memory: MemoryView) -> String {
        Layout.render(title: "Journal", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.journal), .text("← Journal"))),
            .h1(.text("Check my memory")),
            memoryPanel(memory, open: true)
        ))
    }

    static func show(chrome: PageChrome, entry: JournalEntry, memory: MemoryView, notice: String?) -> String {
        Layout.render(title: "Journal", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.journal), .text("← Journal"))),
            .h1(.text(DisplayDate.day(entry.date))),
            Layout.message(notice, isError: false),
            .dl(
                .class("record"),
                .if(!entry.facts.isEmpty, .group(.dt(.text("What happened")), .dd(.id("entry-facts"), .userText(entry.facts)))),
                .if(!entry.feelings.isEmpty, .group(.dt(.text("What I felt and thought")), .dd(.id("entry-feelings"), .userText(entry.feelings)))),
                .if(!entry.truths.isEmpty, .group(.dt(.text("What I know to be true")), .dd(.id("entry-truths"), .userText(entry.truths)))),
                .unwrap(entry.mood) { .group(.dt(.text("Mood")), .dd(.text(moodLabels[$0] ?? String($0)))) },
                .if(!entry.tags.isEmpty, .group(.dt(.text("Tags")), .dd(.userText(entry.tags.joined(separator: ", ")))))
            ),
            .div(
                .class("actions"),
                .a(.id("edit-journal"), .class("button secondary"), .safeAttribute("href", SitePath.editJournalEntry(SitePath.key(entry.id))), .text("Change")),
                .a(.safeAttribute("href", SitePath.deleteJournalEntry(SitePath.key(entry.id))), .text("Delete"))
            ),
            memoryPanel(memory, open: false)
        ))
    }

    static func confirmDelete(chrome: PageChrome, entry: JournalEntry) -> String {
        Layout.render(title: "Journal", chrome: chrome, content: .group(
            .h1(.text("Delete this entry?")),
            .p(.text("The entry for \(DisplayDate.day(entry.date)) will be gone for good, except from a backup you made earlier.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SitePath.deleteJournalEntry(SitePath.key(entry.id))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete entry"))
                ),
                .a(.safeAttribute("href", SitePath.journalEntry(SitePath.key(entry.id))), .text("Keep it"))
            )
        ))
    }
}
