import Foundation
import Plot
import UntetherCore

/// The person's safe people: who to lean on, how to reach them, what they can help with.
enum PeoplePages {
    /// The people form as typed.
    struct Form {
        var name = ""
        var reach = ""
        var helpsWith = ""

        init() {}

        init(_ form: FormFields) {
            name = form["name"]
            reach = form["reach"]
            helpsWith = form["helps_with"]
        }

        func person(id: UUID, now: Date) throws(SafePersonError) -> SafePerson {
            try SafePerson.validated(id: id, name: name, reach: reach, helpsWith: helpsWith, addedAt: now)
        }
    }

    static func list(chrome: PageChrome, people: [SafePerson], form: Form = .init(), error: String? = nil, notice: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.help), .text("← Help"))),
            .h1(.text("Your safe people")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("People you can call or go to: a friend, family, a neighbour, an advocate, a counsellor. They show on Pause, on Help and in your safety plan.")),
            .if(!people.isEmpty, .ul(.class("people card"), .forEach(people) { person in
                .li(
                    .strong(.userText(person.name)),
                    .if(!person.reach.isEmpty, .p(PhoneLinks.nodes(person.reach))),
                    .if(!person.helpsWith.isEmpty, .p(.class("muted"), .userText(person.helpsWith))),
                    .form(
                        .action(SiteRoute.deletePerson(.of(person.id))), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        .button(.class("link"), .type(.submit), .text("Remove"))
                    )
                )
            })),
            .section(
                .class("card"),
                .h2(.text("Add someone")),
                Layout.message(error, isError: true),
                .form(
                    .id("person-form"), .class("stack"), .action(SiteRoute.people), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    Layout.field(id: "person-name", label: "Name or nickname", name: "name", value: form.name, autocomplete: "off",
                                 extra: [.attribute(named: "maxlength", value: String(SafePerson.maxLength))]),
                    Layout.field(id: "person-reach", label: "How to reach them", hint: "A phone number becomes a link you can tap to call.", type: .text,
                                 name: "reach", value: form.reach, required: false, autocomplete: "off",
                                 extra: [.attribute(named: "maxlength", value: String(SafePerson.maxLength))]),
                    Layout.field(id: "person-helps", label: "What they can help with", hint: "Optional. A place to stay, a lift, someone to talk to…",
                                 name: "helps_with", value: form.helpsWith, required: false, autocomplete: "off",
                                 extra: [.attribute(named: "maxlength", value: String(SafePerson.maxLength))]),
                    .div(.class("actions"), .button(.id("add-person"), .class("button"), .type(.submit), .text("Add")))
                )
            ),
            .section(
                .class("card"),
                .h2(.text("Signs of a safe person")),
                .p(.class("muted"), .userText(SafePersonSigns.intro)),
                .ul(.forEach(SafePersonSigns.all) { .li(.userText($0.label)) })
            )
        ))
    }
}
