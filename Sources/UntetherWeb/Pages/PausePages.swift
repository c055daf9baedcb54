import Foundation
import Plot
import UntetherCore

/// The "I want to reach out" screen: calm, in the order the person chose, with the two quick
/// questions for when the moment has passed.
enum PausePages {
    /// A reminder drawn from the person's own log, shown only if they opted in.
    struct Reminder {
        let day: String
        let words: String
    }

    /// What the after-questions hold, as typed.
    struct UrgeForm {
        var before = ""
        var after = ""
        var helped: Set<CopingAction> = []
        var triggers: Set<UrgeTrigger> = []
        var triggerNote = ""
        var note = ""
        var contacted = ""

        init() {}

        init(_ form: FormFields) {
            before = form["before"]
            after = form["after"]
            helped = Set(CopingAction.allCases.filter { form.has("helped_\($0.rawValue)") })
            triggers = Set(UrgeTrigger.allCases.filter { form.has("trigger_\($0.rawValue)") })
            triggerNote = form["trigger_note"]
            note = form["note"]
            contacted = form["contacted"]
        }

        var isEmpty: Bool {
            before.isEmpty && after.isEmpty && helped.isEmpty && triggers.isEmpty
                && triggerNote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && contacted.isEmpty
        }

        func urge(id: UUID, at: Date) throws(UrgeError) -> Urge {
            func strength(_ text: String) throws(UrgeError) -> Int? {
                if text.isEmpty { return nil }
                guard let value = Int(text) else { throw .outOfRange }
                return value
            }
            return try Urge.validated(
                id: id, at: at, before: try strength(before), after: try strength(after),
                triggers: Array(triggers), triggerNote: triggerNote, helped: Array(helped), note: note,
                contacted: contacted == "yes" ? true : contacted == "no" ? false : nil
            )
        }
    }

    static func render(
        chrome: PageChrome, plan: ReachOutPlan, reminder: Reminder?, form: UrgeForm = UrgeForm(), error: String? = nil, notice: String? = nil
    ) -> String {
        Layout.render(title: "Pause", chrome: chrome, content: .group(
            .h1(.text("Pause. This will pass.")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("The pull to reach out rises like a wave, peaks, and then falls. You don't have to act on it. Stay here with it for a few minutes.")),
            .group(plan.order.map { part in section(part, plan: plan, reminder: reminder) }),
            afterForm(chrome: chrome, form: form, error: error),
            .p(.a(.id("pause-setup-link"), .href(SitePath.pauseSetup), .text("Change what this screen shows")))
        ))
    }

    static func section(_ part: ReachOutPlan.Part, plan: ReachOutPlan, reminder: Reminder?) -> Node<HTML.BodyContext> {
        switch part {
        case .reasons:
            return .section(
                .id("part-reasons"), .class("card calm"),
                .h2(.text("Why you left")),
                .if(plan.reasons.isEmpty,
                    .p(.text("You can write your reasons here ahead of time, in your own words, for moments like this. "),
                       .a(.href(SitePath.pauseSetup + "#reasons"), .text("Write your reasons"))),
                    else: .ul(.class("reasons"), .forEach(plan.reasons) { .li(.userText($0)) }))
            )
        case .reminder:
            guard plan.showLogReminder else { return .empty }
            return .section(
                .id("part-reminder"), .class("card calm"),
                .h2(.text("From your log")),
                .unwrap(reminder, { reminder in
                    .group(
                        .p(.text("On \(reminder.day) you wrote:")),
                        .blockquote(.class("reminder"), .userText(reminder.words))
                    )
                }, else: .p(.text("There's nothing in your log yet.")))
            )
        case .crisisPlan:
            return .section(
                .id("part-crisis-plan"), .class("card calm"),
                .h2(.text("Your plan for right now")),
                .if(plan.people.isEmpty && plan.actions.isEmpty,
                    .p(.text("Who could you call, and what could you do instead? Writing it down now makes it easier to follow later. "),
                       .a(.href(SitePath.pauseSetup + "#crisis"), .text("Make your plan"))),
                    else: .group(
                        .if(!plan.people.isEmpty, .group(.h3(.text("People you can call")), .ul(.forEach(plan.people) { .li(.userText($0)) }))),
                        .if(!plan.actions.isEmpty, .group(.h3(.text("Things you can do")), .ul(.forEach(plan.actions) { .li(.userText($0)) })))
                    ))
            )
        case .timer:
            return .section(
                .id("part-timer"), .class("card calm"),
                .h2(.text("Ride it out")),
                .p(.text("Most urges ease within \(plan.timerMinutes) minutes or so. Set a timer and wait with the feeling. You only have to get through these minutes.")),
                .div(
                    .id("urge-timer"), .class("urge-timer"), .data(named: "seconds", value: String(plan.timerMinutes * 60)),
                    .p(.id("urge-timer-left"), .class("timer-left"), .attribute(named: "aria-live", value: "off"),
                       .text(String(format: "%d:00", plan.timerMinutes))),
                    .element(named: "progress", nodes: [
                        .id("urge-timer-progress"), .attribute(named: "max", value: String(plan.timerMinutes * 60)),
                        .attribute(named: "value", value: "0"), .attribute(named: "aria-label", value: "Time passed"),
                    ]),
                    .p(.id("urge-timer-status"), .class("muted"), .attribute(named: "role", value: "status")),
                    .div(.class("actions"), .button(.id("urge-timer-start"), .class("button"), .type(.button), .attribute(named: "hidden"),
                                                    .text("Start the timer")))
                )
            )
        case .tools:
            return .section(
                .id("part-tools"), .class("card calm"),
                .h2(.text("Tools that calm")),
                ToolPages.toolList()
            )
        }
    }

    static func afterForm(chrome: PageChrome, form: UrgeForm, error: String?) -> Node<HTML.BodyContext> {
        .section(
            .id("after"), .class("card"),
            .h2(.text("When it has passed")),
            .p(.class("muted"), .text("Two quick questions, if you like. Nothing here is required.")),
            Layout.message(error, isError: true),
            .form(
                .id("urge-form"), .class("stack"), .action(SitePath.pause), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .class("pair even"),
                    Layout.scaleSelect(id: "urge-before", name: "before", label: "How strong at the start?", range: Urge.scale, ends: ("none", "strongest"), value: form.before),
                    Layout.scaleSelect(id: "urge-after", name: "after", label: "How strong now?", range: Urge.scale, ends: ("none", "strongest"), value: form.after)
                ),
                .fieldset(
                    LogPages.legend("What helped?"),
                    .div(.class("choices inline"), .forEach(CopingAction.allCases) { action in
                        LogPages.choice(type: .checkbox, id: "helped-\(action.rawValue)", name: "helped_\(action.rawValue)",
                                        label: action.label, checked: form.helped.contains(action))
                    })
                ),
                .element(named: "details", nodes: [
                    .class("more"),
                    .if(!form.triggers.isEmpty || !form.contacted.isEmpty || !form.note.isEmpty || !form.triggerNote.isEmpty, .attribute(named: "open")),
                    .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("More: what set it off, and what you did")]),
                    .fieldset(
                        LogPages.legend("What set it off?"),
                        .div(.class("choices inline"), .forEach(UrgeTrigger.allCases) { trigger in
                            LogPages.choice(type: .checkbox, id: "trigger-\(trigger.rawValue)", name: "trigger_\(trigger.rawValue)",
                                            label: trigger.label, checked: form.triggers.contains(trigger))
                        })
                    ),
                    Layout.field(id: "trigger-note", label: "In your words", hint: nil, name: "trigger_note", value: form.triggerNote,
                                 required: false, autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Urge.maxTextLength))]),
                    .fieldset(
                        LogPages.legend("Did you get in touch with them?"),
                        .div(.class("choices inline"),
                             LogPages.choice(type: .radio, id: "contacted-no", name: "contacted", value: "no", label: "No", checked: form.contacted == "no"),
                             LogPages.choice(type: .radio, id: "contacted-yes", name: "contacted", value: "yes", label: "Yes", checked: form.contacted == "yes"))
                    ),
                    Layout.field(id: "urge-note", label: "What you did, or anything else", hint: nil, name: "note", value: form.note,
                                 required: false, autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Urge.maxTextLength))]),
                ]),
                .div(.class("actions"), .button(.id("save-urge"), .class("button"), .type(.submit), .text("Save")))
            )
        )
    }

    static func setup(chrome: PageChrome, plan: ReachOutPlan, reasons: String? = nil, people: String? = nil, actions: String? = nil,
                      timer: String? = nil, error: String? = nil, notice: String? = nil) -> String {
        Layout.render(title: "Pause", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.pause), .text("← Pause"))),
            .h1(.text("Get ready for a hard moment")),
            .p(.class("lead"), .text("Write these on a calmer day. When the urge comes, they'll be waiting for you on the Pause screen.")),
            Layout.message(notice, isError: false),
            Layout.message(error, isError: true),
            .form(
                .id("pause-setup-form"), .class("stack"), .action(SitePath.pauseSetup), .method(.post),
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
                    .span(.class("part-name"), .text(part.label)),
                    .form(
                        .class("inline-form"), .action(SitePath.pauseOrder), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        .input(.type(.hidden), .name("part"), .value(part.rawValue)),
                        .button(.id("up-\(part.rawValue)"), .class("link-button"), .type(.submit), .name("direction"), .value("up"),
                                .if(index == 0, .attribute(named: "disabled")), .attribute(named: "aria-label", value: "Move \(part.label) up"),
                                .text("Up")),
                        .text(" "),
                        .button(.id("down-\(part.rawValue)"), .class("link-button"), .type(.submit), .name("direction"), .value("down"),
                                .if(index == plan.order.count - 1, .attribute(named: "disabled")), .attribute(named: "aria-label", value: "Move \(part.label) down"),
                                .text("Down"))
                    )
                )
            })
        ))
    }

    static func lines(id: String, name: String? = nil, label: String, hint: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .text(label), .span(.class("hint"), .id("\(id)-hint"), .text(hint))),
            .textarea(.id(id), .name(name ?? id), .rows(4), .class("short"), .attribute(named: "aria-describedby", value: "\(id)-hint"),
                      .attribute(named: "maxlength", value: String(ReachOutPlan.maxLines * (ReachOutPlan.maxLineLength + 1))),
                      .userText(LogPages.textareaValue(value)))
        )
    }
}
