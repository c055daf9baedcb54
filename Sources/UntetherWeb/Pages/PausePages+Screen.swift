import Foundation
import Plot
import UntetherCore

/// The Pause screen: the parts in the person's order, then the questions for afterwards.
extension PausePages {
    static func render(
        chrome: PageChrome, plan: ReachOutPlan, reminder: Reminder?, people: [SafePerson] = [], region: HelpRegion? = nil,
        care: Bool = false, form: UrgeForm = UrgeForm(), error: String? = nil, notice: String? = nil
    ) -> String {
        // Someone who hasn't set Pause up yet gets what helps at once: the timer, one way to
        // breathe, and someone to call. The "write this first" prompts wait below.
        let firstTime = plan.reasons.isEmpty && plan.people.isEmpty && plan.actions.isEmpty
        let call = callSomeone(people: people, region: region)
        let parts: [Node<HTML.BodyContext>] = if firstTime {
            [call, section(.timer, plan: plan, reminder: reminder), breathe]
                + plan.order.filter { $0 != .timer }.map { section($0, plan: plan, reminder: reminder) }
        } else {
            Array(plan.order.map { section($0, plan: plan, reminder: reminder) }.prefix(1)) + [call]
                + plan.order.dropFirst().map { section($0, plan: plan, reminder: reminder) }
        }
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Pause. This will pass.")),
            Layout.message(notice, isError: false),
            .if(care, CareCard.render(region: region, people: people)),
            .p(.class("lead"), .userText(firstTime ? "The pull to reach out rises like a wave, and then falls. You don't have to act on it."
                : "The pull to reach out rises like a wave, peaks, and then falls. You don't have to act on it. Stay here with it for a few minutes.")),
            .group(parts),
            afterForm(chrome: chrome, form: form, error: error),
            WinPages.challenges(id: "pause-challenges"),
            .p(.a(.id("pause-setup-link"), .href(SiteRoute.pauseSetup), .text("Change what this screen shows")))
        ))
    }

    /// One breathing tool, right there: for a first visit, before anything else to read.
    static var breathe: Node<HTML.BodyContext> {
        .section(
            .id("part-breathe"), .class("card calm"),
            .h2(.text("Breathe with it")),
            .p(.text("Breathe in for four, hold for four, out for four, hold for four. Do it four times.")),
            .p(.a(.href(SiteRoute.tool(.named(GuidedTool.boxBreathing.rawValue))), .text("Breathe along with a guide")))
        )
    }

    /// Someone to call now: the person's safe people and their region's line.
    static func callSomeone(people: [SafePerson], region: HelpRegion?) -> Node<HTML.BodyContext> {
        .section(
            .id("part-call"), .class("card calm"),
            .h2(.text("Call someone instead")),
            .if(!people.isEmpty, .ul(.class("people"), .forEach(people.prefix(4)) { person in
                .li(.strong(.userText(person.name)), .if(!person.reach.isEmpty, .group(.text(": "), PhoneLinks.nodes(person.reach))))
            })),
            .unwrap(region?.domesticAbuse.first, { line in
                .p(.userText(line.name + " "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)))
            }, else: .p(.a(.href(SiteRoute.help), .text("Find a help line")))),
            .if(people.isEmpty, .p(.class("muted"), .a(.href(SiteRoute.people), .text("Add people you trust"))))
        )
    }

    static func section(_ part: ReachOutPlan.Part, plan: ReachOutPlan, reminder: Reminder?) -> Node<HTML.BodyContext> {
        switch part {
        case .reasons:
            return .section(
                .id("part-reasons"), .class("card calm"),
                .h2(.text("Why you left")),
                .if(plan.reasons.isEmpty,
                    .p(.text("You can write your reasons here ahead of time, in your own words, for moments like this. "),
                       .a(.href(SiteRoute.pauseSetup.at("reasons")), .text("Write your reasons"))),
                    else: .ul(.class("reasons"), .forEach(plan.reasons) { .li(.userText($0)) }))
            )
        case .reminder:
            guard plan.showLogReminder else { return .empty }
            return .section(
                .id("part-reminder"), .class("card calm"),
                .h2(.text("From your log")),
                .unwrap(reminder, { reminder in
                    .group(
                        .p(.userText("On \(reminder.day) you wrote:")),
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
                       .a(.href(SiteRoute.pauseSetup.at("crisis")), .text("Make your plan"))),
                    else: .group(
                        .if(!plan.people.isEmpty, .group(.h3(.text("People you can call")), .ul(.forEach(plan.people) { .li(.userText($0)) }))),
                        .if(!plan.actions.isEmpty, .group(.h3(.text("Things you can do")), .ul(.forEach(plan.actions) { .li(.userText($0)) })))
                    ))
            )
        case .timer:
            return .section(
                .id("part-timer"), .class("card calm"),
                .h2(.text("Ride it out")),
                .p(.userText("Most urges ease within \(plan.timerMinutes) minutes. You only have to get through these minutes.")),
                .div(
                    .id("urge-timer"), .class("urge-timer"), .data(named: "seconds", value: String(plan.timerMinutes * 60)),
                    .p(.id("urge-timer-manual"),
                       .userText("To time it, set a timer on your phone for \(plan.timerMinutes) minutes, or count slow breaths: about six make a minute.")),
                    .div(
                        .class("timer-row"),
                        .p(.id("urge-timer-left"), .class("timer-left"), .attribute(named: "aria-live", value: "off"),
                           .userText(String(format: "%d:00", plan.timerMinutes))),
                        .button(.id("urge-timer-start"), .class("button"), .type(.button), .attribute(named: "hidden"), .text("Start"))
                    ),
                    .element(named: "progress", nodes: [
                        .id("urge-timer-progress"), .attribute(named: "max", value: String(plan.timerMinutes * 60)),
                        .attribute(named: "value", value: "0"), .attribute(named: "aria-label", value: "Time passed"),
                    ]),
                    .p(.id("urge-timer-status"), .class("muted"), .attribute(named: "role", value: "status"))
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
                .id("urge-form"), .class("stack"), .action(SiteRoute.pause), .method(.post),
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
                             LogPages.choice(type: .radio, id: "contacted-yes", name: "contacted", value: "yes", label: "Yes, I reached out", checked: form.contacted == "yes"),
                             LogPages.choice(type: .radio, id: "contacted-them", name: "contacted", value: "them", label: "Yes, they reached out", checked: form.contacted == "them")),
                        .p(.class("hint"), .text("A yes goes in your contact log too, so the days count stays true. No blame either way."))
                    ),
                    Layout.field(id: "urge-note", label: "What you did, or anything else", hint: nil, name: "note", value: form.note,
                                 required: false, autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Urge.maxTextLength))]),
                ]),
                .div(.class("actions"), .button(.id("save-urge"), .class("button"), .type(.submit), .text("Save")))
            )
        )
    }
}
