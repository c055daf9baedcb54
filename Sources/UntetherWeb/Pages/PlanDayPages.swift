import Foundation
import Plot
import UntetherCore

/// The day-by-day plan: today's card with its reason, a quiet count of days done, and the
/// controls (done, skip, go back one, pause, change the situation). Never a count of days missed.
enum PlanDayPages {
    /// Where a day's action leads.
    static func route(_ tool: String) -> SiteRoute? {
        if tool.hasPrefix("read:") { return Reading.reading(String(tool.dropFirst(5))) == nil ? nil : .reading(.named(String(tool.dropFirst(5)))) }
        return toolRoutes[tool]
    }

    /// Each tool id a day may name, and its page.
    static let toolRoutes: [String: SiteRoute] = [
        "today": .today,
        "log_new": .newLogEntry,
        "log_kind": .kindMoment,
        "patterns": .patterns,
        "questions": .selfCheck,
        "check": .dangerCheck,
        "ready": .safetyPlan,
        "help": .help,
        "people": .people,
        "days": .contacts,
        "plan": .plan,
        "rules": .rules,
        "answers": .answers,
        "coach": .coach,
        "pause": .pause,
        "pause_setup": .pauseSetup,
        "checkin": .checkIn,
        "trends": .trends,
        "tools": .tools,
        "journal_new": .newJournalEntry,
        "decisions": .decisions,
        "timeline": .timeline,
        "talk": .talk,
        "toolkit": .toolkit,
        "swaps": .swaps,
        "values": .values,
        "wins": .wins,
        "kinder": .kinder,
        "boundaries": .boundaries,
        "goals": .goals,
        "observations": .flags,
        "ahead": .ahead,
    ]

    static func trackLabel(_ track: PlanTrack) -> String {
        switch track {
        case .staying: "I am still with them, for now"
        case .justLeft: "I have just left"
        case .lowContact: "I am still in touch because of children, work, money, housing or court"
        case .monthsOut: "It has been months since I left"
        }
    }

    /// The card to show for `today`, with its content as the track reads it.
    static func content(_ today: PlanToday, track: PlanTrack) -> PlanDay? {
        today.kind == .sequence ? PlanContent.day(today.day, track: track) : PlanContent.extra(today.kind)
    }

    static func render(chrome: PageChrome, state: PlanState, today: PlanToday, day: CalendarDay, notice: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Day by day")),
            Layout.message(notice, isError: false),
            state.isStarted ? startedView(state, today: today, day: day, csrf: chrome.csrf) : startForm(day: day, csrf: chrome.csrf)
        ))
    }

    static func startForm(day: CalendarDay, csrf: String) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("lead"), .text("Ninety short days: a reading, one small step and a question each day. It follows how you are doing, and it never starts over.")),
            .form(
                .id("plan-start"), .class("stack card"), .action(SiteRoute.planStart), .method(.post),
                Layout.csrfField(csrf),
                trackChoices(selected: .justLeft),
                Layout.field(id: "plan-on", label: "Start on", type: .date, name: "on", value: day.description, autocomplete: "off"),
                .div(.class("actions"), .button(.id("plan-begin"), .class("button"), .type(.submit), .text("Start the plan")))
            )
        )
    }

    static func trackChoices(selected: PlanTrack) -> Node<HTML.FormContext> {
        .fieldset(
            LogPages.legend("Where you are now", hint: "You can change this at any time. Nothing you have done is lost."),
            .div(.class("choices"), .forEach(PlanTrack.allCases) { track in
                LogPages.choice(type: .radio, id: "track-\(track.rawValue)", name: "track", value: track.rawValue, label: trackLabel(track), checked: track == selected)
            })
        )
    }

    static func card(_ today: PlanToday, track: PlanTrack) -> Node<HTML.BodyContext> {
        guard let content = content(today, track: track) else { return .empty }
        return .section(
            .id("plan-card"), .class(today.kind == .help || today.kind == .safety ? "card urgent" : "card"),
            .p(.class("muted"), .userText(today.kind == .sequence ? "Day \(today.day) of \(PlanState.length)" : "Before day \(today.day)")),
            .h2(.userText(content.title)),
            .unwrap(today.reason) { .p(.id("plan-reason"), .class("notice"), .userText($0)) },
            .p(.class("reading"), .userText(content.reading)),
            .p(.strong(.text("Today's step: ")), .userText(content.action.text)),
            .unwrap(route(content.action.tool)) { .p(.a(.id("plan-action"), .class("button secondary"), .href($0), .text("Open it"))) },
            .p(.strong(.text("To think about: ")), .userText(content.reflection))
        )
    }

    static func startedView(_ state: PlanState, today: PlanToday, day: CalendarDay, csrf: String) -> Node<HTML.BodyContext> {
        // An extra day that is due (after a contact, say) still shows once today's step is done.
        let doneToday = state.didStep(on: day) && today.kind == .sequence
        return .group(
            .p(.id("plan-progress"), .class("muted"), .userText("\(state.doneCount) of \(PlanState.length) days done.")),
            doneToday
                ? .section(.id("plan-done-today"), .class("card"), .h2(.text("Done for today")), .p(.text("Well done. The next step will be here tomorrow.")))
                : .group(
                    card(today, track: state.track),
                    .if(today.kind != .paused && today.kind != .finished, .form(
                        .id("plan-controls"), .class("actions"), .action(SiteRoute.planMark), .method(.post),
                        Layout.csrfField(csrf),
                        .button(.id("plan-done"), .class("button"), .type(.submit), .name("action"), .value("done"), .text("I did today's step")),
                        .if(today.kind == .sequence, .button(.id("plan-skip"), .class("link-button"), .type(.submit), .name("action"), .value("skip"), .text("Skip this one")))
                    ))
                ),
            .if(today.kind == .paused, .p(.id("plan-paused"), .userText(today.reason ?? ""))),
            .if(today.kind == .finished, .p(.id("plan-finished"), .text("You have been through all 90 days. Every step was yours."))),
            .form(
                .id("plan-more"), .class("stack card"), .action(SiteRoute.planMark), .method(.post),
                Layout.csrfField(csrf),
                .h2(.text("Change the plan")),
                .div(
                    .class("actions"),
                    state.pausedOn == nil
                        ? .button(.id("plan-pause"), .class("button secondary"), .type(.submit), .name("action"), .value("pause"), .text("Pause"))
                        : .button(.id("plan-resume"), .class("button secondary"), .type(.submit), .name("action"), .value("resume"), .text("Start again")),
                    .if(state.next > 1, .button(.id("plan-repeat"), .class("button secondary"), .type(.submit), .name("action"), .value("repeat"), .text("Go back one day")))
                ),
                trackChoices(selected: state.track),
                .div(.class("actions"), .button(.id("plan-track"), .class("button secondary"), .type(.submit), .name("action"), .value("track"), .text("Save where I am")))
            )
        )
    }

    /// Today's card on Today: short, with a link to the whole day.
    static func todayCard(_ state: PlanState, today: PlanToday, day: CalendarDay) -> Node<HTML.BodyContext> {
        guard state.isStarted else { return .empty }
        let done = state.didStep(on: day) && today.kind == .sequence
        let content = done ? nil : content(today, track: state.track)
        return .div(
            .id("today-plan"), .class("card"),
            .h2(.userText(done ? "Today's step is done" : content?.title ?? "Day by day")),
            .unwrap(done ? nil : today.reason) { .p(.class("notice"), .userText($0)) },
            .p(.class("muted"), .userText("\(state.doneCount) of \(PlanState.length) days done.")),
            .p(.a(.id("today-plan-link"), .class("button secondary"), .href(SiteRoute.planDays), .userText(done ? "See the plan" : "Open today's step")))
        )
    }
}
