import Foundation
import Plot
import UntetherCore

/// "You were writing": each kept draft as the form it came from, ready to save or let go.
enum DraftPages {
    static func list(chrome: PageChrome, drafts: [Draft]) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("You were writing")),
            .p(.class("lead"), .userText(drafts.count == 1
                ? "Untether kept what you wrote when it locked. Nothing is lost. Check it, then save it or let it go."
                : "Untether kept what you wrote when it locked. Nothing is lost. Check each one, then save it or let it go.")),
            .forEach(drafts) { draft in card(draft, csrf: chrome.csrf) }
        ))
    }

    static func card(_ draft: Draft, csrf: String) -> Node<HTML.BodyContext> {
        let key = draft.id.uuidString.lowercased()
        let written = fields(draft).filter { $0.value != "on" }
        let ticks = fields(draft).filter { $0.value == "on" }
        return .section(
            .class("card draft"), .id("draft-\(key)"),
            .h2(.userText(place(draft.action))),
            .p(.class("muted"), .userText("Kept \(DisplayDate.string(draft.savedAt))")),
            .form(
                .class("stack"), .safeAttribute("action", draft.action), .method(.post),
                Layout.writingFields(csrf, draftID: key),
                .forEach(ticks) { field in .input(.type(.hidden), .safe("name", field.name), .safe("value", field.value)) },
                .forEach(written) { field in
                    .div(
                        .label(.safeAttribute("for", "\(key)-\(field.name)"), .userText(label(field.name))),
                        .textarea(
                            .safeAttribute("id", "\(key)-\(field.name)"), .safeAttribute("name", field.name),
                            .attribute(named: "rows", value: String(min(12, max(2, field.value.count / 60 + 1)))),
                            .attribute(named: "autocomplete", value: "off"),
                            .userText(LogPages.textareaValue(field.value))
                        )
                    )
                },
                .div(.class("actions"), .button(.class("button"), .type(.submit), .text("Save it")))
            ),
            .form(
                .class("inline-form"), .safeAttribute("action", SiteRoute.discardDraft(.of(draft.id)).path), .method(.post),
                Layout.csrfField(csrf),
                .button(.class("link-button"), .type(.submit), .text("Let this one go"))
            )
        )
    }

    /// The draft's fields in a steady order: the longest writing first, the rest by name.
    static func fields(_ draft: Draft) -> [(name: String, value: String)] {
        draft.fields.map { (name: $0.key, value: $0.value) }.sorted { lhs, rhs in
            let left = lhs.value.count > 80, right = rhs.value.count > 80
            return left != right ? left : lhs.name < rhs.name
        }
    }

    /// Where the writing was, in plain words, from the path it is sent to.
    static func place(_ action: String) -> String {
        switch true {
        case action.hasPrefix(SiteRoute.journal.path): "Journal"
        case action.hasPrefix(SiteRoute.notes.path): "A note"
        case action.hasPrefix(SiteRoute.log.path): "The log"
        case action.hasPrefix(SiteRoute.contacts.path): "A contact"
        case action.hasPrefix(SiteRoute.safetyPlan.path): "Your safety plan"
        case action.hasPrefix(SiteRoute.wins.path): "Small wins"
        case action.hasPrefix(SiteRoute.kinder.path): "A kinder voice"
        case action.hasPrefix(SiteRoute.goals.path): "Goals and interests"
        case action.hasPrefix(SiteRoute.boundaries.path): "Your boundaries"
        case action.hasPrefix(SiteRoute.flags.path): "Red and green flags"
        default: "Something you wrote"
        }
    }

    /// A field's name as a label ("occurred_on" → "Occurred on").
    static func label(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
