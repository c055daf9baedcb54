import Foundation
import Plot
import UntetherCore

/// The danger check: a few yes-or-no questions, and a calm answer that never says "safe".
enum DangerCheckPages {
    static func fieldName(_ question: DangerCheck.Question) -> String { "q_\(question.rawValue)" }
    static let keepField = "keep"

    static func render(
        chrome: PageChrome, answers: Set<DangerCheck.Question>?, region: HelpRegion?, logSigns: [LogAnalysis.SignDays],
        earlier: [SavedDangerCheck] = [], kept: Bool = false, notice: String? = nil, timeZone: TimeZone = .gmt
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("A check on danger")),
            Layout.message(notice, isError: false),
            .unwrap(answers) { answers in result(DangerCheck.result(answers), region: region) },
            .if(kept, .p(.id("check-kept"), .class("notice"), .attribute(named: "role", value: "status"), .text("Kept, sealed, to compare with later."))),
            .p(.class("lead"), .text("A few questions about what has happened. Tick the ones where the answer is yes. Nothing is kept unless you choose, and you can stop at any time.")),
            .if(!logSigns.isEmpty, .section(
                .id("log-signs"), .class("card"),
                .h2(.text("From your log")),
                .ul(.forEach(logSigns) { item in
                    .li(.userText("You wrote down \(item.sign.short) on " + item.dates.map(DisplayDate.day).joined(separator: ", ") + "."))
                })
            )),
            .form(
                .id("danger-check"), .class("stack"), .action(SiteRoute.dangerCheck), .method(.post),
                Layout.csrfField(chrome.csrf),
                .fieldset(
                    LogPages.legend("Tick each one that is true for you", hint: "Leave the rest."),
                    .div(.class("choices"), .forEach(DangerCheck.Question.allCases) { question in
                        LogPages.choice(
                            type: .checkbox, id: "check-\(question.rawValue)", name: fieldName(question), label: question.text,
                            checked: answers?.contains(question) == true
                        )
                    })
                ),
                LogPages.choice(type: .checkbox, id: "check-keep", name: keepField, label: "Keep these answers, sealed, to compare with later", checked: false),
                .div(.class("actions"), .button(.id("check-done"), .class("button"), .type(.submit), .text("See what this means")))
            ),
            .if(!earlier.isEmpty, .section(
                .id("then-and-now"),
                .h2(.text("Then and now")),
                .ul(.class("plain"), .forEach(earlier) { check in
                    let day = DisplayDate.day(CalendarDay(check.takenAt, in: timeZone))
                    return .li(
                        .strong(.userText(day)), .text(": "),
                        .userText("\(check.yes.count) of \(DangerCheck.Question.allCases.count) yes, " + resultWords(check.result) + "."),
                        .if(!check.yes.isEmpty, .span(.class("muted"), .userText(" " + check.yes.map(\.short).joined(separator: ", ") + "."))),
                        .text(" "),
                        .form(
                            .class("inline-form"), .action(SiteRoute.deleteDangerCheck(.of(check.id))), .method(.post), Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" the answers kept on \(day) at \(DisplayDate.time(check.takenAt, in: timeZone)), \(check.yes.count) yes")))
                        )
                    )
                }),
                .p(.class("muted"), .text("Removing kept answers deletes them for good. It cannot be undone."))
            )),
            .p(.class("muted"), .text("Whatever the answers, your own sense of danger counts for more than any check. If you feel in danger, trust that."))
        ))
    }

    static func resultWords(_ result: DangerCheck.Result) -> String {
        switch result {
        case .urgent: "one of the strongest signs"
        case .higher: "a higher risk"
        case .fewer: "fewer signs"
        }
    }

    static func result(_ result: DangerCheck.Result, region: HelpRegion?) -> Node<HTML.BodyContext> {
        let (title, words): (String, String) = switch result {
        case .urgent:
            ("Please talk to someone today", "What you said is linked to a high risk of being killed or badly hurt. You don't have to face this alone. A help line can help you plan for safety, today.")
        case .higher:
            ("This points to a higher risk", "Several of these together are linked to serious harm. A help line can help you make a plan for safety.")
        case .fewer:
            ("Thank you for answering", "No check can rule out danger. If things change, or you feel afraid, talk to someone.")
        }
        return .section(
            .id("check-result"), .class(result == .urgent ? "card urgent" : "card"), .attribute(named: "role", value: "alert"),
            .h2(.userText(title)),
            .p(.userText(words)),
            .unwrap(region, { region in
                .ul(
                    .class("help-lines"),
                    .li(.text("In danger right now: "), .a(.class("tel"), .id("check-emergency"), .href(HelpLine.telLink(region.emergency.dial)), .userText(region.emergency.number))),
                    .forEach(region.domesticAbuse.prefix(2)) { line in
                        .li(.userText(line.name + " "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)))
                    }
                )
            }, else: .p(.text("In danger right now: call your local emergency number. "), .a(.href(SiteRoute.help), .text("Choose where you are to see help lines.")))),
            .p(.a(.href(SiteRoute.safetyPlan), .text("Make or look at your safety plan")))
        )
    }
}
