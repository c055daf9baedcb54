import Foundation
import Plot
import UntetherCore
import UntetherStore

extension JournalPages {
    static func form(chrome: PageChrome, entry: JournalEntry?, form: Form, memory: MemoryView, error: String? = nil) -> String {
        let action = entry.map { SiteRoute.journalEntry(.of($0.id)) } ?? SiteRoute.journal
        return Layout.render(chrome: chrome, content: .group(
            .h1(.userText(entry == nil ? "Write in your journal" : "Change this entry")),
            .div(
                .class("side-by-side"),
                .div(
                    .class("writing"),
                    Layout.message(error, isError: true),
                    .form(
                        .id("journal-form"), .class("stack"), .safeAttribute("action", action), .method(.post),
                        Layout.writingFields(chrome.csrf),
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
                            .a(.href(entry.map { SiteRoute.journalEntry(.of($0.id)) } ?? SiteRoute.journal), .text("Cancel"))
                        )
                    )
                ),
                memoryPanel(memory, open: false)
            )
        ))
    }

    static func part(id: String, label: String, hint: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .userText(label), .span(.class("hint"), .id("\(id)-hint"), .userText(hint))),
            .textarea(.attribute(named: "autocomplete", value: "off"), 
                .id(id), .name(id), .rows(5), .class("medium"), .safeAttribute("aria-describedby", "\(id)-hint"),
                .attribute(named: "maxlength", value: String(JournalEntry.maxPartLength)), .userText(LogPages.textareaValue(value))
            )
        )
    }
}
