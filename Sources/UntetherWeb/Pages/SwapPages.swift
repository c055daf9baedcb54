import Foundation
import Plot
import UntetherCore

/// Step 5: the five healthy swaps as a personal plan, with a log of tries.
enum SwapPages {
    static let recentLimit = 20

    static func render(
        chrome: PageChrome, plan: SwapPlan, tries: [SwapTry], error: (part: String, message: String)?, notice: String?, timeZone: TimeZone,
        typed: SwapPlan.Entry? = nil
    ) -> String {
        let tally = SwapTry.tally(tries)
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Healthy swaps")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-5"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Some ways of coping kept you going in a hard time. Now they may hold you back. Pick one, plan a small swap, and try it when the moment comes.")),
            .if(!plan.planned.isEmpty, tryForm(plan, csrf: chrome.csrf, error: error?.part == "try" ? error?.message : nil)),
            .if(!tally.isEmpty, .section(
                .id("swap-tally"),
                .h2(.text("Your tries")),
                .ul(.forEach(tally) { item in
                    let tried = ": tried " + (item.tries == 1 ? "once" : "\(item.tries) times")
                    let helped = item.helped == 0 ? "." : ", helped " + (item.helped == 1 ? "once." : "\(item.helped) times.")
                    return .li(.strong(.userText(item.swap.to)), .userText(tried + helped))
                }),
                .ul(.class("plain"), .forEach(Array(tries.sorted { $0.at > $1.at }.prefix(recentLimit))) { attempt in
                    .li(
                        .class("swap-try"),
                        .strong(.userText(DisplayDate.day(CalendarDay(attempt.at, in: timeZone)) + ", " + attempt.swap.to.lowercased())),
                        .unwrap(attempt.outcome) { .userText(": " + $0.label.lowercased() + ".") },
                        .if(!attempt.note.isEmpty, .p(.class("answer"), .userText(attempt.note))),
                        .form(
                            .class("inline-form"), .action(SiteRoute.deleteTry(.of(attempt.id))), .method(.post), Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" " + attempt.swap.to)))
                        )
                    )
                })
            )),
            .h2(.text("Your plan")),
            .forEach(HealthySwap.allCases) { swap in
                swapForm(swap, entry: error?.part == swap.rawValue ? (typed ?? plan.entry(swap)) : plan.entry(swap), csrf: chrome.csrf,
                         error: error?.part == swap.rawValue ? error?.message : nil)
            }
        ))
    }

    static func swapForm(_ swap: HealthySwap, entry: SwapPlan.Entry?, csrf: String, error: String?) -> Node<HTML.BodyContext> {
        .form(
            .id("swap-\(swap.rawValue)"), .class("stack card"), .action(SiteRoute.swapPart(.named(swap.rawValue))), .method(.post),
            Layout.csrfField(csrf),
            .h3(.userText(swap.from + " → " + swap.to)),
            .p(.class("muted"), .userText(swap.why)),
            Layout.message(error, isError: true),
            Layout.field(
                id: "notice-\(swap.rawValue)", label: "When I notice…", hint: "What tells you it is happening: a feeling, a thought, a moment.",
                name: "notice", value: entry?.notice ?? "", required: false, autocomplete: "off",
                extra: [.attribute(named: "maxlength", value: String(SwapPlan.maxLength))]
            ),
            Layout.field(
                id: "attempt-\(swap.rawValue)", label: "I will try…", hint: "For example: " + swap.example + ".",
                name: "attempt", value: entry?.attempt ?? "", required: false, autocomplete: "off",
                extra: [.attribute(named: "maxlength", value: String(SwapPlan.maxLength))]
            ),
            .div(.class("actions"), .button(.id("swap-save-\(swap.rawValue)"), .class("button secondary"), .type(.submit), .text("Save this swap")))
        )
    }

    static func tryForm(_ plan: SwapPlan, csrf: String, error: String?) -> Node<HTML.BodyContext> {
        .form(
            .id("swap-try"), .class("stack card"), .action(SiteRoute.swapTries), .method(.post),
            Layout.csrfField(csrf),
            .h2(.text("I tried a swap")),
            Layout.message(error, isError: true),
            .fieldset(
                LogPages.legend("Which one"),
                .div(.class("choices"), .forEach(plan.planned) { swap in
                    LogPages.choice(
                        type: .radio, id: "try-\(swap.rawValue)", name: "swap", value: swap.rawValue,
                        label: swap.to + ": " + (plan.entry(swap)?.attempt ?? ""), checked: swap == plan.planned.first, required: true
                    )
                })
            ),
            .fieldset(
                LogPages.legend("How did it go?", hint: "Optional."),
                .div(.class("choices"), .forEach(SwapTry.Outcome.allCases) { outcome in
                    LogPages.choice(type: .radio, id: "outcome-\(outcome.rawValue)", name: "outcome", value: outcome.rawValue, label: outcome.label, checked: false)
                })
            ),
            Layout.field(
                id: "try-note", label: "A note", hint: "Optional.", name: "note", required: false, autocomplete: "off",
                extra: [.attribute(named: "maxlength", value: String(SwapTry.maxNoteLength))]
            ),
            .div(.class("actions"), .button(.id("try-save"), .class("button"), .type(.submit), .text("Save this try")))
        )
    }
}
