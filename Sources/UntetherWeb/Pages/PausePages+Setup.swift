import Foundation
import Plot
import UntetherCore

/// Getting ready for a hard moment: reasons, people, things to do, and the order of the Pause screen.
extension PausePages {
    static func setup(chrome: PageChrome, plan: ReachOutPlan, reasons: String? = nil, people: String? = nil, actions: String? = nil,
                      timer: String? = nil, error: String? = nil, notice: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.pause), .text("← Pause"))),
            .h1(.text("Get ready for a hard moment")),
            .p(.class("lead"), .text("Write these on a calmer day. When the urge comes, they'll be waiting for you on the Pause screen.")),
            Layout.message(notice, isError: false),
            Layout.message(error, isError: true),
            .form(
                .id("pause-setup-form"), .class("stack"), .action(SiteRoute.pauseSetup), .method(.post),
                Layout.csrfField(chrome.csrf),
                lines(id: "reasons", label: "Your reasons for leaving", hint: "One per line. Be specific: what happened, how it felt, what you want instead.",
                      value: reasons ?? plan.reasons.joined(separator: "\n")),
                lines(id: "crisis", name: "people", label: "People you can call or text", hint: "One per line, with a number if you like. A help line can be one of them.",
                      value: people ?? plan.people.joined(separator: "\n")),
                lines(id: "actions", label: "Things you can do instead", hint: "One per line. For example: go for a walk, run a bath, call my sister.",
                      value: actions ?? plan.actions.joined(separator: "\n")),
                .fieldset(
                    LogPages.legend("A reminder from your log", hint: "Shows the day and words of your latest log entry. Off unless you turn it on."),
                    LogPages.choice(type: .checkbox, id: "show-reminder", name: "show_reminder", label: "Show it on the Pause screen",
                                    checked: plan.showLogReminder)
                ),
                Layout.field(id: "timer-minutes", label: "Timer length, in minutes", hint: "Ten is a good start.", type: .number,
                             name: "timer_minutes", value: timer ?? String(plan.timerMinutes), autocomplete: "off",
                             extra: [.attribute(named: "min", value: "1"), .attribute(named: "max", value: "60"),
                                     .attribute(named: "inputmode", value: "numeric")]),
                .div(.class("actions"), .button(.id("save-pause-setup"), .class("button"), .type(.submit), .text("Save")))
            ),
            .h2(.id("order"), .text("The order on the Pause screen")),
            .p(.text("Put what helps you most at the top.")),
            .ol(.id("part-order"), .class("order"), .forEach(Array(plan.order.enumerated())) { index, part in
                .li(
                    .span(.class("part-name"), .userText(part.label)),
                    .form(
                        .class("inline-form"), .action(SiteRoute.pauseOrder), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("part"), .value(part.rawValue)),
                        .button(.id("up-\(part.rawValue)"), .class("link-button"), .type(.submit), .name("direction"), .value("up"),
                                .if(index == 0, .attribute(named: "disabled")), .safeAttribute("aria-label", "Move \(part.label) up"),
                                .text("Up")),
                        .text(" "),
                        .button(.id("down-\(part.rawValue)"), .class("link-button"), .type(.submit), .name("direction"), .value("down"),
                                .if(index == plan.order.count - 1, .attribute(named: "disabled")), .safeAttribute("aria-label", "Move \(part.label) down"),
                                .text("Down"))
                    )
                )
            })
        ))
    }

    static func lines(id: String, name: String? = nil, label: String, hint: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .userText(label), .span(.class("hint"), .id("\(id)-hint"), .userText(hint))),
            .textarea(.attribute(named: "autocomplete", value: "off"), .id(id), .name(name ?? id), .rows(4), .class("short"), .safeAttribute("aria-describedby", "\(id)-hint"),
                      .attribute(named: "maxlength", value: String(ReachOutPlan.maxLines * (ReachOutPlan.maxLineLength + 1))),
                      .userText(LogPages.textareaValue(value)))
        )
    }
}
