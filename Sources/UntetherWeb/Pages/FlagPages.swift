import Foundation
import Plot
import UntetherCore

/// Step 7: red and green flags in someone new, noted as they happen, with the pattern for each
/// person. It never says whom to date; it shows what the person noticed.
enum FlagPages {
    /// What the form was given, to show it again after an error.
    struct Form {
        var person = ""
        var on = ""
        var flags: Set<RelationshipFlag> = []
        var note = ""

        init(today: CalendarDay) {
            on = today.description
        }

        init(_ form: FormFields) {
            person = form["person"]
            on = form["on"]
            flags = Set(RelationshipFlag.allCases.filter { form.has("flag_\($0.rawValue)") })
            note = form["note"]
        }
    }

    /// How many notes are listed under "Recent notes".
    static let recentLimit = 20

    static func render(
        chrome: PageChrome, form: Form, observations: [FlagObservation], error: String?, notice: String?
    ) -> String {
        let summaries = FlagSummary.people(observations)
        let recent = observations.sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }.prefix(recentLimit)
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Red and green flags")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-7"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("When you meet someone new, note what you notice, when it happens. Over weeks, the pattern shows more than any one good or bad day.")),
            .p(.class("muted"), .text("Use a nickname, never a full name. Nothing here decides anything for you: your own sense of a person counts.")),
            entryForm(form, people: summaries.map(\.person), csrf: chrome.csrf, error: error),
            .if(!summaries.isEmpty, .section(
                .id("flag-summaries"),
                .h2(.text("What you have noticed")),
                .forEach(summaries) { summary($0) }
            )),
            .if(!recent.isEmpty, .section(
                .id("flag-notes"),
                .h2(.text("Recent notes")),
                .ul(.class("plain"), .forEach(Array(recent)) { note($0, csrf: chrome.csrf) })
            )),
            .p(.class("muted"), .text("If something feels wrong, that feeling is worth listening to, whatever this list shows."))
        ))
    }

    static func entryForm(_ form: Form, people: [String], csrf: String, error: String?) -> Node<HTML.BodyContext> {
        .form(
            .id("flag-form"), .class("stack card"), .action(SiteRoute.flags), .method(.post),
            Layout.writingFields(csrf),
            Layout.message(error, isError: true),
            Layout.field(
                id: "flag-person", label: "Who", hint: "A nickname only.", name: "person", value: form.person, autocomplete: "off",
                extra: [.attribute(named: "maxlength", value: String(FlagObservation.maxNicknameLength))]
            ),
            .if(!people.isEmpty, .p(.class("hint"), .userText("Already noted: " + people.joined(separator: ", ") + "."))),
            Layout.field(id: "flag-on", label: "When", type: .date, name: "on", value: form.on, autocomplete: "off"),
            flagChoices("Red flags", hint: "Tick any that happened.", flags: RelationshipFlag.red, ticked: form.flags, id: "red"),
            flagChoices("Green flags", hint: "Tick any that happened.", flags: RelationshipFlag.green, ticked: form.flags, id: "green"),
            .div(
                .label(.for("flag-note"), .text("What happened"), .span(.class("hint"), .text("Optional. A line or two."))),
                .textarea(
                    .id("flag-note"), .name("note"), .rows(4), .attribute(named: "autocomplete", value: "off"),
                    .attribute(named: "maxlength", value: String(FlagObservation.maxNoteLength)),
                    .userText(form.note.hasPrefix("\n") || form.note.hasPrefix("\r") ? "\n" + form.note : form.note)
                )
            ),
            .div(.class("actions"), .button(.id("flag-save"), .class("button"), .type(.submit), .text("Save")))
        )
    }

    static func flagChoices(
        _ title: String, hint: String, flags: [RelationshipFlag], ticked: Set<RelationshipFlag>, id: String
    ) -> Node<HTML.FormContext> {
        .fieldset(
            .id("flags-\(id)"),
            LogPages.legend(title, hint: hint),
            .div(.class("choices"), .forEach(flags) { flag in
                LogPages.choice(
                    type: .checkbox, id: "flag-\(flag.rawValue)", name: "flag_\(flag.rawValue)",
                    label: flag.label + ". " + flag.example, checked: ticked.contains(flag)
                )
            })
        )
    }

    static func counts(_ counts: [FlagSummary.Count], title: String, className: String) -> Node<HTML.BodyContext> {
        guard !counts.isEmpty else { return .p(.class("muted"), .userText("No \(title.lowercased()) noted.")) }
        return .group(
            .h4(.userText(title)),
            .ul(.class(className), .forEach(counts) { count in
                .li(
                    .userText(count.flag.label + ": "),
                    .strong(.userText(count.times == 1 ? "once" : "\(count.times) times")),
                    .userText(count.times == 1
                        ? ", on \(DisplayDate.day(count.first))."
                        : ", from \(DisplayDate.day(count.first)) to \(DisplayDate.day(count.last)).")
                )
            })
        )
    }

    static func summary(_ summary: FlagSummary) -> Node<HTML.BodyContext> {
        let notes = summary.observations == 1 ? "1 note" : "\(summary.observations) notes"
        let span = summary.first == summary.last
            ? ", on \(DisplayDate.day(summary.first))."
            : ", from \(DisplayDate.day(summary.first)) to \(DisplayDate.day(summary.last))."
        let parts: [Node<HTML.BodyContext>] = [
            .h3(.userText(summary.person)),
            .p(.class("muted"), .userText(notes + span)),
            counts(summary.red, title: "Red flags", className: "flags-red"),
            counts(summary.green, title: "Green flags", className: "flags-green"),
            .p(.class("flag-reading"), .userText(summary.reading)),
        ]
        return .section(.class("card flag-summary"), .group(parts))
    }

    static func note(_ observation: FlagObservation, csrf: String) -> Node<HTML.ListContext> {
        .li(
            .class("flag-note"),
            .strong(.userText(DisplayDate.day(observation.on) + ", " + observation.person)),
            .if(!observation.flags.isEmpty, .userText(": " + observation.flags.map(\.label).joined(separator: "; "))),
            .if(!observation.note.isEmpty, .p(.class("answer"), .userText(observation.note))),
            .form(
                .class("inline-form"), .action(SiteRoute.deleteFlagObservation(.of(observation.id))), .method(.post),
                Layout.csrfField(csrf),
                .button(.class("link-button"), .type(.submit), .text("Remove this note"))
            )
        )
    }
}
