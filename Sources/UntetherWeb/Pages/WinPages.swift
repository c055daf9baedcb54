import Foundation
import Plot
import UntetherCore

/// Step 6: small wins and the milestones of the other steps; a kinder voice; and the readings
/// of Steps 5 to 7 and the common challenges.
enum WinPages {
    static let listLimit = 30

    /// Links to the readings on the common challenges, for the places they come up.
    static func challenges(id: String) -> Node<HTML.BodyContext> {
        .section(
            .id(id), .class("card"),
            .h2(.text("When it's hard")),
            .ul(.forEach(Reading.all.filter { $0.topic == .challenge }) { reading in
                .li(.a(.href(SiteRoute.reading(.named(reading.id))), .userText(reading.title)))
            })
        )
    }

    static func wins(
        chrome: PageChrome, wins: [Victory], earned: [EarnedMilestone], form: (on: String, text: String), error: String?, notice: String?
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Small wins")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Healing is made of small steps. Write them down here, however small they seem, and look back on them on a hard day.")),
            .form(
                .id("win-form"), .class("stack card"), .action(SiteRoute.wins), .method(.post),
                Layout.writingFields(chrome.csrf),
                Layout.message(error, isError: true),
                Layout.field(id: "win-on", label: "When", type: .date, name: "on", value: form.on, autocomplete: "off"),
                .div(
                    .label(.for("win-text"), .text("What went well"), .span(.class("hint"), .text("For example: I said no without explaining."))),
                    .textarea(
                        .id("win-text"), .name("text"), .rows(3), .attribute(named: "autocomplete", value: "off"),
                        .attribute(named: "maxlength", value: String(Victory.maxLength)), .userText(form.text)
                    )
                ),
                .div(.class("actions"), .button(.id("win-save"), .class("button"), .type(.submit), .text("Keep this win")))
            ),
            .if(!wins.isEmpty, .section(
                .id("my-wins"),
                .h2(.text("Your wins")),
                .ul(.class("plain"), .forEach(Array(wins.prefix(listLimit))) { win in
                    .li(
                        .class("win"),
                        .strong(.userText(DisplayDate.day(win.on))), .text(": "), .userText(win.text),
                        .form(
                            .class("inline-form"), .action(SiteRoute.deleteWin(.of(win.id))), .method(.post), Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"))
                        )
                    )
                }),
                .if(wins.count > listLimit, .p(.class("muted"), .userText("And \(wins.count - listLimit) earlier.")))
            )),
            .if(!earned.isEmpty, .section(
                .id("earned"),
                .h2(.text("From your other steps")),
                .ul(.forEach(earned) { item in
                    .li(.userText(item.text), .unwrap(item.on) { .span(.class("muted"), .userText(" " + DisplayDate.day($0))) })
                })
            )),
            challenges(id: "wins-challenges")
        ))
    }

    static func kinder(chrome: PageChrome, past: [KinderVoice], form: [String: String], error: String?, notice: String?, timeZone: TimeZone) -> String {
        func area(_ id: String, _ name: String, _ label: String, _ hint: String) -> Node<HTML.FormContext> {
            .div(
                .label(.for(id), .userText(label), .span(.class("hint"), .userText(hint))),
                .textarea(
                    .id(id), .name(name), .rows(3), .attribute(named: "autocomplete", value: "off"),
                    .attribute(named: "maxlength", value: String(KinderVoice.maxLength)), .userText(form[name] ?? "")
                )
            )
        }
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("A kinder voice")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("After abuse, a harsh voice inside can sound like the truth. This short exercise helps you question it, one belief at a time.")),
            .form(
                .id("kinder-form"), .class("stack card"), .action(SiteRoute.kinder), .method(.post),
                Layout.writingFields(chrome.csrf),
                Layout.message(error, isError: true),
                area("kinder-belief", "belief", "The harsh thought", "For example: I ruin everything."),
                area("kinder-supports", "supports", "What seems to back it up", "Write it down as it comes."),
                area("kinder-against", "against", "What doesn't fit it", "What would a friend point out?"),
                area("kinder-kinder", "kinder", "A kinder way to say it", "Something true, said as you would to a friend."),
                .div(.class("actions"), .button(.id("kinder-save"), .class("button"), .type(.submit), .text("Save")))
            ),
            .if(!past.isEmpty, .section(
                .id("kinder-past"),
                .h2(.text("What you wrote before")),
                .forEach(Array(past.prefix(listLimit))) { entry in
                    .details(
                        .class("card"),
                        .summary(.userText(DisplayDate.day(CalendarDay(entry.at, in: timeZone)) + ": " + entry.belief)),
                        .if(!entry.supports.isEmpty, .p(.strong(.text("What seemed to back it up: ")), .userText(entry.supports))),
                        .if(!entry.against.isEmpty, .p(.strong(.text("What didn't fit: ")), .userText(entry.against))),
                        .if(!entry.kinder.isEmpty, .p(.strong(.text("Kinder: ")), .userText(entry.kinder))),
                        .form(
                            .class("inline-form"), .action(SiteRoute.deleteKinder(.of(entry.id))), .method(.post), Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" " + entry.belief)))
                        )
                    )
                }
            ))
        ))
    }

    static func reading(chrome: PageChrome, reading: Reading) -> String {
        let next: [Node<HTML.ListContext>] = Reading.all.filter { $0.topic == reading.topic && $0.id != reading.id }.map { other in
            .li(.a(.href(SiteRoute.reading(.named(other.id))), .userText(other.title)))
        }
        return Layout.render(chrome: chrome, content: .group(
            .h1(.userText(reading.title)),
            .div(.class("reading"), .forEach(reading.paragraphs) { .p(.userText($0)) }),
            .if(!next.isEmpty, .section(.h2(.text("Also")), .ul(.group(next)))),
            .p(.a(.href(SiteRoute.today), .text("Back to Today")))
        ))
    }
}
