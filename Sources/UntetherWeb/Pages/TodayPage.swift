import Foundation
import Plot
import UntetherCore

/// The home page once unlocked. What comes first depends on the person's situation: the streak
/// in no contact, their rules and the reply checker in low contact, and a question until they say.
enum TodayPage {
    static func render(
        chrome: PageChrome, recent: [Note], idleMinutes: Int, streak: StreakView? = nil, rules: LowContactRules? = nil,
        dueDecisions: Int = 0, notice: String? = nil, error: String? = nil, unsavedWriting: Int = 0, started: Set<RebuildStep> = [],
        plan: Node<HTML.BodyContext> = .empty
    ) -> String {
        let mode = streak?.summary.mode
        let write = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Write something down")),
            .p(.text("What happened, how you feel, what you want to remember. Only you can open it.")),
            .p(.a(.class("button"), .href(SiteRoute.newNote), .text("Write a note")))
        )
        let record = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Keep a record")),
            .p(.text("When something happens, write down the day and a few words. Each entry is kept as you wrote it, with the time you wrote it.")),
            .div(
                .class("actions"),
                .a(.id("today-write-now"), .class("button"), .href(SiteRoute.newLogEntry), .text("Write it down now")),
                .a(.id("today-patterns"), .href(SiteRoute.patterns), .text("What the log shows")),
                .a(.id("today-learn"), .href(SiteRoute.learnStep1), .text("Learn: why writing things down helps"))
            )
        )
        let reply = Node<HTML.BodyContext>.div(
            .class("card"),
            .h2(.text("Have to reply to them?")),
            .p(.text("If you must stay in touch about children, work or money, you can check a draft first. It stays on this computer.")),
            .p(.a(.id("today-reply"), .class("button secondary"), .href(SiteRoute.coach), .text("Check a reply")))
        )
        let withdrawal = Node<HTML.BodyContext>.div(
            .id("withdrawal-card"), .class("card"),
            .h2(.text("How are you feeling?")),
            .p(.text("A one-minute check-in shows how withdrawal eases over time. If the pull to reach out gets strong, press Pause at the top of any page.")),
            .div(
                .class("actions"),
                .a(.id("today-checkin"), .class("button secondary"), .href(SiteRoute.checkIn), .text("Check in")),
                .a(.href(SiteRoute.trends), .text("See how it's changing"))
            )
        )
        let journal = Node<HTML.BodyContext>.div(
            .id("journal-card"), .class("card"),
            .h2(.userText(dueDecisions > 0 ? "A decision to look back on" : "Your reality journal")),
            .if(dueDecisions > 0,
                .p(.id("due-prompt"), .userText(dueDecisions == 1 ? "One decision is ready for you to look back on. How did it turn out?"
                                                              : "\(dueDecisions) decisions are ready for you to look back on.")),
                else: .p(.text("What happened, what you felt, and what you know to be true. Your own record, in your own words."))),
            .div(
                .class("actions"),
                dueDecisions > 0
                    ? .a(.id("today-decisions"), .class("button secondary"), .href(SiteRoute.decisions), .text("Look back"))
                    : .a(.id("today-journal"), .class("button secondary"), .href(SiteRoute.newJournalEntry), .text("Write today's entry")),
                .a(.href(SiteRoute.journal), .text("Journal")),
                .if(dueDecisions == 0, .a(.id("today-decisions-link"), .href(SiteRoute.decisions), .text("Decisions"))),
                .a(.id("today-search"), .href(SiteRoute.search), .text("Search"))
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
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Today")),
            .p(.class("lead"), .text("Whatever today is like, this is a quiet place to put things down.")),
            Layout.message(notice, isError: false),
            .if(unsavedWriting > 0, .div(
                .id("unsaved-writing"), .class("notice"),
                .p(.userText(unsavedWriting == 1 ? "You started writing something and didn't save it. It is kept, locked away." : "You started writing \(unsavedWriting) things and didn't save them. They are kept, locked away."),
                   .text(" "), .a(.href(SiteRoute.drafts), .text("See what you wrote")))
            )),
            plan,
            .group(first),
            .group(RebuildStep.allCases.filter(started.contains).map { $0.card }),
            .if(started.count < RebuildStep.allCases.count, RebuildStep.startCard(RebuildStep.allCases.filter { !started.contains($0) })),
            .if(!recent.isEmpty, .div(
                .class("card"),
                .h2(.text("Recent notes")),
                .ul(.class("list"), .forEach(recent) { note in
                    .li(.a(
                        .safeAttribute("href", SiteRoute.note(.of(note.id))),
                        .span(.class("title"), .userText(note.title)),
                        .span(.class("meta"), .userText(DisplayDate.string(note.createdAt)))
                    ))
                })
            )),
            .div(
                .class("card"),
                .h2(.text("Staying safe here")),
                .p(.userText("The Exit button, or pressing Shift three times, leaves at once and locks everything. This also locks itself after \(idleMinutes) \(idleMinutes == 1 ? "minute" : "minutes") without use."))
            )
        ))
    }
}

/// Steps 5 to 7 on Today: a card for each step the person has started, and one card to start the rest.
enum RebuildStep: CaseIterable, Hashable {
    case coping, identity, future

    /// The record kinds whose first write means the step has started.
    var kinds: [RecordKind] {
        switch self {
        case .coping: [.swapPlan, .swapTry, .toolkit]
        case .identity: [.values, .victory, .kinderVoice, .boundaries, .boundaryHeld, .goal, .interest]
        case .future: [.flagObservation, .stayingFree]
        }
    }

    var title: String {
        switch self {
        case .coping: "Coping and support"
        case .identity: "Who you are"
        case .future: "Staying free"
        }
    }

    var reading: String {
        switch self {
        case .coping: "step-5"
        case .identity: "step-6"
        case .future: "step-7"
        }
    }

    var links: [(id: String, route: SiteRoute, label: String)] {
        switch self {
        case .coping: [("today-talk", .talk, "Talking to someone"), ("today-toolkit", .toolkit, "My calming toolkit"), ("today-swaps", .swaps, "Healthy swaps")]
        case .identity: [("today-values", .values, "What matters to me"), ("today-goals", .goals, "Goals and interests"), ("today-boundaries", .boundaries, "My boundaries"), ("today-wins", .wins, "Small wins"), ("today-kinder", .kinder, "A kinder voice")]
        case .future: [("today-flags", .flags, "Red and green flags"), ("today-ahead", .ahead, "Keeping it going")]
        }
    }

    /// The steps started, from the store's revisions: a kind written at least once.
    static func started(_ revisions: [String: Int]) -> Set<RebuildStep> {
        Set(allCases.filter { step in step.kinds.contains { (revisions[$0.rawValue] ?? 0) > 0 } })
    }

    var card: Node<HTML.BodyContext> {
        .div(
            .class("card"), .id("step-card-\(reading)"),
            .h2(.userText(title)),
            .div(.class("actions"), .forEach(links) { link in
                .a(.id(link.id), .class("button secondary"), .href(link.route), .userText(link.label))
            }),
            .p(.a(.href(SiteRoute.reading(.named(reading))), .userText("Read: " + (Reading.reading(reading)?.title ?? ""))))
        )
    }

    static func startCard(_ steps: [RebuildStep]) -> Node<HTML.BodyContext> {
        .div(
            .id("ahead-card"), .class("card"),
            .h2(.text("Rebuilding")),
            .p(.text("Small steps toward a life of your own, whenever you are ready. "), .a(.id("today-plan-start"), .href(SiteRoute.planDays), .text("Or follow a day-by-day plan"))),
            .ul(.class("plain"), .forEach(steps) { step in
                .li(.strong(.userText(step.title + ": ")), .forEach(Array(step.links.enumerated())) { index, link in
                    .group(.if(index > 0, .text(" · ")), .a(.id(link.id), .href(link.route), .userText(link.label)))
                })
            })
        )
    }
}
