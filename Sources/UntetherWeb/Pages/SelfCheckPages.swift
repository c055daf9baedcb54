import Foundation
import Plot
import UntetherCore

/// Questions about the relationship: tick what is true, see what it may mean, and, if the person
/// chooses to keep their answers, see then and now. Nothing is scored.
enum SelfCheckPages {
    static func fieldName(_ item: RelationshipCheck.Item) -> String { "t_\(item.id)" }
    static let keepField = "keep"

    static func render(
        chrome: PageChrome, ticked: Set<String>?, kept: Bool, notice: String? = nil, earlier: [SavedRelationshipCheck], timeZone: TimeZone
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Questions about the relationship")),
            Layout.message(notice, isError: false),
            .if(kept, .p(.id("self-check-kept"), .class("notice"), .attribute(named: "role", value: "status"), .text("Kept, sealed, to compare with later."))),
            .unwrap(ticked) { reading($0) },
            .p(.class("lead"), .text("Tick what is true for you, now or lately. There are no right answers and no score. Nothing is kept unless you choose.")),
            .form(
                .id("self-check"), .class("stack"), .action(SiteRoute.selfCheck), .method(.post),
                Layout.csrfField(chrome.csrf),
                .forEach(RelationshipCheck.Area.allCases) { area in
                    .fieldset(
                        .class("selfcheck-area"), .id("area-\(area.rawValue)"),
                        LogPages.legend(area.title, hint: hint(area)),
                        .div(.class("choices"), .forEach(RelationshipCheck.items(in: area)) { item in
                            LogPages.choice(
                                type: .checkbox, id: "self-\(item.id)", name: fieldName(item), label: item.text,
                                checked: ticked?.contains(item.id) == true
                            )
                        })
                    )
                },
                LogPages.choice(type: .checkbox, id: "self-keep", name: keepField, label: "Keep these answers, sealed, to compare with later", checked: false),
                .div(.class("actions"), .button(.id("self-check-done"), .class("button"), .type(.submit), .text("See what this may mean")))
            ),
            thenAndNow(earlier, timeZone: timeZone),
            keptList(earlier, chrome: chrome, timeZone: timeZone)
        ))
    }

    static func hint(_ area: RelationshipCheck.Area) -> String? {
        switch area {
        case .words: "What they do"
        case .feelings: "How it is for you"
        case .bond: "What keeps you close to them"
        case .leaving: "What makes leaving hard for you, if you think about it"
        default: nil
        }
    }

    /// A calm reading of the answers: what the ticks point to and where to go next. It never
    /// says the relationship is healthy or safe.
    static func reading(_ ticked: Set<String>) -> Node<HTML.BodyContext> {
        let harm = RelationshipCheck.harmAreas(ticked)
        let danger = harm.contains(where: RelationshipCheck.dangerAreas.contains)
        let bond = RelationshipCheck.count(.bond, in: ticked)
        let leaving = RelationshipCheck.count(.leaving, in: ticked)
        let feelings = RelationshipCheck.count(.feelings, in: ticked)
        let afraid = ticked.contains("afraid")
        let harmAreaCount = RelationshipCheck.Area.allCases.filter(\.isHarm).count
        return .section(
            .id("self-check-result"), .class("card"), .attribute(named: "role", value: "status"),
            .h2(.text("What your answers may mean")),
            .if(ticked.isEmpty, .p(.text("You did not tick anything. You can come back to these questions at any time, and your answers may change."))),
            .if(!harm.isEmpty, .group(
                .p(.id("self-check-areas"), .userText(
                    "You ticked something in \(harm.count) of the \(harmAreaCount) areas of what they do: "
                        + harm.map { $0.title.lowercased() }.joined(separator: ", ") + "."
                )),
                .p(.text("Abuse is not only hitting. Any of these, again and again, is harm. It is not your fault, and you do not have to prove it to anyone."))
            )),
            .if(feelings > 0, .p(.id("self-check-feelings"), .userText(
                "How it feels matters as much as what happens. Fear, watching every word and losing yourself are signs that something is wrong, and none of it is your fault."
            ))),
            .if(danger || afraid, .p(.id("self-check-danger"), .class("notice"),
                .text("Some of what you ticked is linked to serious harm. "),
                .a(.href(SiteRoute.dangerCheck), .text("Take the check on danger")), .text(", or "),
                .a(.href(SiteRoute.help), .text("talk to a help line")), .text("."))),
            .if(bond > 0, .p(.id("self-check-bond"), .userText(
                "You ticked \(bond == 1 ? "one thing" : "\(bond) things") that often keep people tied to someone who hurts them. They are common after cycles of hurt and warmth, and they are not weakness. "
            ), .a(.href(SiteRoute.learnStep1), .text("Read about how the bond forms")), .text("."))),
            .if(leaving > 0, .p(.id("self-check-leaving"),
                .text("What makes leaving hard is real. A help line can help you think it through, and a safety plan can start from where you are now. "),
                .a(.href(SiteRoute.safetyPlan), .text("Your safety plan")), .text("."))),
            .p(.class("muted"), .a(.href(SiteRoute.patterns), .text("See what your log shows")), .text(": the dates behind what you remember."))
        )
    }

    /// Every kept set of answers, newest first, each with a way to remove it.
    static func keptList(_ earlier: [SavedRelationshipCheck], chrome: PageChrome, timeZone: TimeZone) -> Node<HTML.BodyContext> {
        guard !earlier.isEmpty else { return .empty }
        return .details(
            .id("self-kept"),
            .summary(.text("Your kept answers")),
            .ul(.class("plain"), .forEach(earlier.sorted { $0.takenAt > $1.takenAt }) { check in
                let day = DisplayDate.day(CalendarDay(check.takenAt, in: timeZone))
                let ticked = RelationshipCheck.items.filter { check.tickedSet.contains($0.id) }.count
                return .li(
                    .strong(.userText(day)), .userText(": \(ticked) of \(RelationshipCheck.items.count) ticked "),
                    .form(
                        .class("inline-form"), .action(SiteRoute.deleteSelfCheck(.of(check.id))), .method(.post), Layout.csrfField(chrome.csrf),
                        .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" the answers kept on \(day) at \(DisplayDate.time(check.takenAt, in: timeZone)), \(ticked) ticked")))
                    )
                )
            }),
            .p(.class("muted"), .text("Removing kept answers deletes them for good. It cannot be undone."))
        )
    }

    /// The first and the latest kept answers, area by area.
    static func thenAndNow(_ earlier: [SavedRelationshipCheck], timeZone: TimeZone) -> Node<HTML.BodyContext> {
        let ordered = earlier.sorted { $0.takenAt < $1.takenAt }
        guard let first = ordered.first, let last = ordered.last else { return .empty }
        let columns = first.id == last.id ? [first] : [first, last]
        func day(_ check: SavedRelationshipCheck) -> String { DisplayDate.day(CalendarDay(check.takenAt, in: timeZone)) }
        return .section(
            .id("self-then-and-now"),
            .h2(.text("Then and now")),
            .p(.class("muted"), .userText(ordered.count == 1
                ? "You kept your answers once, on \(day(first)). Keep them again later to compare."
                : "You kept your answers \(ordered.count) times. Here are the first and the latest: how many you ticked in each part.")),
            .table(
                .id("self-then-table"),
                .thead(.tr(.th(.text("Part")), .forEach(columns) { .th(.userText(day($0))) })),
                .tbody(.forEach(RelationshipCheck.Area.allCases) { area in
                    let total = RelationshipCheck.items(in: area).count
                    return .tr(
                        .td(.userText(area.title)),
                        .forEach(columns) { check in .td(.userText("\(RelationshipCheck.count(area, in: check.tickedSet)) of \(total)")) }
                    )
                })
            )
        )
    }
}
