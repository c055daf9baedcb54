import Foundation
import Plot
import UntetherCore

/// Step 5: my regulation toolkit, seeded from what the urge log shows helps, with a one-tap
/// start where Untether has the tool.
enum ToolkitPages {
    /// The guided tool that starts this item, when Untether has one.
    static func tool(_ item: Toolkit.Item) -> GuidedTool? {
        item.action.flatMap { action in GuidedTool.allCases.first { $0.action == action } }
    }

    static func render(chrome: PageChrome, toolkit: Toolkit, suggestions: [(action: CopingAction, times: Int)], error: String?, notice: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("My calming toolkit")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-5"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("What helps you calm down, all in one place, for the moments you need it.")),
            .if(!suggestions.isEmpty, .section(
                .id("toolkit-suggestions"), .class("card"),
                .h2(.text("From your urge log")),
                .p(.class("muted"), .text("These helped when an urge eased. Add any you want to keep.")),
                .ul(.class("plain"), .forEach(suggestions) { suggestion in
                    .li(
                        .userText(suggestion.action.label + " (helped \(suggestion.times == 1 ? "once" : "\(suggestion.times) times")) "),
                        .form(
                            .class("inline-form"), .action(SiteRoute.toolkit), .method(.post), Layout.csrfField(chrome.csrf),
                            .input(.type(.hidden), .name("from_log"), .safe("value", suggestion.action.rawValue)),
                            .button(.class("link-button"), .type(.submit), .text("Add"))
                        )
                    )
                })
            )),
            .if(!toolkit.items.isEmpty, .section(
                .id("toolkit-items"),
                .h2(.text("My toolkit")),
                .forEach(Toolkit.Kind.allCases.filter { kind in toolkit.items.contains { $0.kind == kind } }) { kind in
                    .group(
                        .h3(.userText(kind.label)),
                        .ul(.class("plain"), .forEach(Array(toolkit.items.enumerated()).filter { $0.element.kind == kind }) { index, item in
                            .li(
                                .class("toolkit-item"),
                                .userText(item.text + " "),
                                .unwrap(tool(item)) { tool in .a(.class("button secondary"), .href(SiteRoute.tool(.named(tool.rawValue))), .text("Start")) },
                                .form(
                                    .class("inline-form"), .action(SiteRoute.toolkitRemove), .method(.post), Layout.csrfField(chrome.csrf),
                                    .input(.type(.hidden), .name("index"), .safe("value", String(index))),
                                    .input(.type(.hidden), .name("text"), .safe("value", item.text)),
                                    .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" " + item.text)))
                                )
                            )
                        })
                    )
                }
            )),
            .form(
                .id("toolkit-form"), .class("stack card"), .action(SiteRoute.toolkit), .method(.post),
                Layout.csrfField(chrome.csrf),
                .h2(.text("Add something that helps")),
                Layout.message(error, isError: true),
                .fieldset(
                    LogPages.legend("What kind"),
                    .div(.class("choices"), .forEach(Toolkit.Kind.allCases) { kind in
                        LogPages.choice(type: .radio, id: "kind-\(kind.rawValue)", name: "kind", value: kind.rawValue, label: kind.label + ", like " + kind.example,
                                        checked: kind == .breathing)
                    })
                ),
                Layout.field(id: "toolkit-text", label: "What helps", name: "text", autocomplete: "off",
                             extra: [.attribute(named: "maxlength", value: String(Toolkit.maxLength))]),
                .div(.class("actions"), .button(.id("toolkit-save"), .class("button"), .type(.submit), .text("Add")))
            )
        ))
    }
}
