import Foundation
import Plot
import UntetherCore

/// The export page: choose what goes into a bundle for a lawyer, advocate or therapist.
enum ExportPages {
    static func form(chrome: PageChrome, today: CalendarDay, error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.log), .text("← The log"))),
            .h1(.text("Make an export")),
            .p(.text("An export is one zip file you can give to a lawyer, an advocate or a therapist. It holds a report they can print, your entries exactly as saved, and a list of fingerprints (hashes) so anyone can check nothing was changed.")),
            .p(.text("The file is not locked with your passphrase. Keep it somewhere safe, and only give it to people you trust.")),
            Layout.message(error, isError: true),
            .form(
                .id("export-form"), .class("stack"), .action(SiteRoute.export), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .class("pair"),
                    Layout.field(id: "export-from", label: "From", hint: "Leave empty to start at the beginning.", type: .date,
                                 name: "from", required: false, autocomplete: "off", extra: [.safe("max", today.description)]),
                    Layout.field(id: "export-to", label: "To", hint: "Leave empty to include everything up to now.", type: .date,
                                 name: "to", required: false, autocomplete: "off", extra: [.safe("max", today.description)])
                ),
                .fieldset(
                    .element(named: "legend", text: "Only these kinds of harm (leave all unticked for everything)"),
                    .div(.class("choices"), .forEach(IncidentCategory.allCases) { category in
                        .label(
                            .class("choice"), .for("export-category-\(category.rawValue)"),
                            .input(.type(.checkbox), .id("export-category-\(category.rawValue)"), .name("category_\(category.rawValue)"), .value("on")),
                            .span(.userText(category.label))
                        )
                    })
                ),
                .fieldset(
                    .element(named: "legend", text: "Files"),
                    .div(.class("choices"), .label(
                        .class("choice"), .for("export-attachments"),
                        .input(.type(.checkbox), .id("export-attachments"), .name("attachments"), .value("on"), .checked(true)),
                        .span(.text("Include attached photos, documents and recordings"))
                    ),
                    .label(
                        .class("choice"), .for("export-strip-location"),
                        .input(.type(.checkbox), .id("export-strip-location"), .name("strip_location"), .value("on"), .checked(true)),
                        .span(.text("Remove location data from photo copies (your originals stay as they are)"))
                    ))
                ),
                .div(.button(.id("make-export"), .class("button"), .type(.submit), .text("Make the export")))
            ),
            .p(.class("muted"), .text("A long log with many photos can take a few seconds. The download starts when it is ready."))
        ))
    }
}
