import Foundation
import Plot
import UntetherCore
import UntetherStore

/// One entry: the record as first written, its files and additions, and the forms to add to it.
extension LogPages {
    static func entry(
        chrome: PageChrome, entry: LogEntry, message: String?, change: String = "", reason: String = "", error: String? = nil,
        fileError: String? = nil, care: Node<HTML.BodyContext> = .empty
    ) -> String {
        guard let incident = entry.incident, !entry.isRemoved else {
            return Layout.render(chrome: chrome, content: .group(
                .p(.a(.href(SiteRoute.log), .text("← Log"))),
                Layout.message(message, isError: false),
                .h1(.text("Removed entry")),
                .p(.id("removed-on"), .userText("This entry was removed on \(entry.removal.map { DisplayDate.string($0.recordedAt) } ?? "an unknown day"). Its text was deleted.")),
                .unwrap(entry.removal?.reason.isEmpty == false ? entry.removal?.reason : nil) { reason in
                    .p(.text("Reason given: "), .span(.id("removal-reason"), .userText(reason)))
                },
                .p(.class("muted"), .text("The log keeps a note that an entry was removed, and when, so a check later can show nothing was hidden."))
            ))
        }
        let id = SiteRoute.key(entry.id)
        return Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.log), .text("← Log"))),
            Layout.message(message, isError: false),
            care,
            .h1(.userText(incident.isKindMoment ? "Kind moment: \(DisplayDate.day(incident.occurredOn))" : "Entry for \(DisplayDate.day(incident.occurredOn))")),
            .p(.id("recorded-at"), .class("muted"), .userText("Written down on \(DisplayDate.string(incident.recordedAt)).")),
            record(incident),
            .if(!entry.attachments.isEmpty, .group(
                .h2(.id("files-heading"), .text("Files")),
                .ul(.id("files"), .class("plain files"), .forEach(entry.attachments) { file in
                    .li(
                        .a(
                            .class("title"), .safeAttribute("href", SiteRoute.logFile(.named(id), .named(file.id.uuidString.lowercased()))),
                            .userText(file.fileName)
                        ),
                        .span(.class("meta"), .userText(" · \(ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file)) · added on \(DisplayDate.string(file.recordedAt))")),
                        .span(.class("meta fingerprint"), .userText("SHA-256: \(file.sha256)"))
                    )
                })
            )),
            .if(!entry.amendments.isEmpty, .group(
                .h2(.id("amendments-heading"), .text("Added later")),
                .ol(.id("amendments"), .class("amendments"), .forEach(entry.amendments) { amendment in
                    .li(
                        .span(.class("meta"), .userText("Added on \(DisplayDate.string(amendment.recordedAt)):")),
                        .span(.class("change"), .userText(amendment.change)),
                        .if(!amendment.reason.isEmpty, .span(.class("reason"), .text("— "), .userText(amendment.reason)))
                    )
                })
            )),
            .h2(.id("attach-heading"), .text("Attach a photo, document or recording")),
            .p(.text("Photos (JPEG, PNG, HEIC), PDF, plain text and common audio files, up to 25 MB. The file is kept exactly as it is, encrypted, and its fingerprint goes into the log.")),
            Layout.message(fileError, isError: true),
            .form(
                .id("attach-form"), .class("stack"), .safeAttribute("action", SiteRoute.logFiles(.named(id))), .method(.post),
                .enctype(.multipartData),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("file"), .text("File")),
                    .input(
                        .type(.file), .id("file"), .name("file"), .required(true),
                        .attribute(named: "accept", value: "image/jpeg,image/png,image/heic,application/pdf,text/plain,audio/*")
                    )
                ),
                .div(.button(.id("attach-file"), .class("button secondary"), .type(.submit), .text("Attach file")))
            ),
            .h2(.id("amend-heading"), .text("Add a correction or detail")),
            .p(.text("The entry above stays as it is. What you add shows underneath it, with the day you added it.")),
            Layout.message(error, isError: true),
            .form(
                .id("amend-form"), .class("stack"), .safeAttribute("action", SiteRoute.logEntry(.named(id))), .method(.post),
                Layout.writingFields(chrome.csrf),
                .div(
                    .label(.for("change"), .text("What to correct or add")),
                    .textarea(.attribute(named: "autocomplete", value: "off"), 
                        .id("change"), .name("change"), .rows(4), .class("medium"), .required(true),
                        .attribute(named: "maxlength", value: String(IncidentDraft.maxDescriptionLength)),
                        .userText(textareaValue(change))
                    )
                ),
                Layout.field(id: "reason", label: "Why (optional)", hint: "For example: I remembered more, or I had the time wrong.",
                             name: "reason", value: reason, required: false, autocomplete: "off", extra: [maxShort]),
                .div(.button(.id("add-amendment"), .class("button"), .type(.submit), .text("Add to this entry")))
            ),
            .p(.a(.id("remove-entry"), .safeAttribute("href", SiteRoute.removeLogEntry(.named(id))), .text("Remove this entry…")))
        ))
    }

    static let notWritten = "Not written down"

    /// The original record, every field labelled; empty fields say so.
    static func record(_ incident: Incident) -> Node<HTML.BodyContext> {
        func row(_ label: String, _ value: String, id: String) -> Node<HTML.DescriptionListContext> {
            .group(
                .dt(.userText(label)),
                .dd(.id(id), .if(value.isEmpty, .span(.class("muted"), .userText(notWritten)), else: .userText(value)))
            )
        }
        let children = switch incident.childrenPresent {
        case true?: "Yes"
        case false?: "No"
        case nil: "Not sure, or not written down"
        }
        return .dl(
            .class("record"),
            .unwrap(incident.kindMoment) { moment in row("Kind moment", moment.label, id: "field-kind") },
            row("When", LogText.when(incident), id: "field-when"),
            .if(!incident.isKindMoment, row("Where", incident.location, id: "field-where")),
            .dt(.text("What happened")),
            .dd(.id("field-description"), .class("note-body"), .if(
                incident.description.isEmpty, .span(.class("muted"), .userText(notWritten)), else: .userText(incident.description)
            )),
            .if(!incident.isKindMoment, .group(
                row("Kind of harm", incident.categories.map(\.label).joined(separator: ", "), id: "field-categories"),
                row("How serious", incident.severity?.label ?? "", id: "field-severity"),
                .unwrap(incident.dangerSigns) { signs in
                    row("Danger signs", signs.map(\.label).joined(separator: "; "), id: "field-danger-signs")
                }
            )),
            row("Part of the cycle", incident.phase?.label ?? "", id: "field-phase"),
            .if(!incident.isKindMoment, .group(
                row("Injuries", incident.injuries, id: "field-injuries"),
                row("Who saw or heard it", incident.witnesses, id: "field-witnesses"),
                row("Children there", children, id: "field-children"),
                .dt(.text("Told anyone official")),
                .dd(.id("field-reports"), .if(
                    incident.reports.isEmpty,
                    .span(.class("muted"), .userText(notWritten)),
                    else: .ul(.class("plain"), .forEach(incident.reports) { report in
                        .li(.userText(report.kind.label), .if(!report.reference.isEmpty, .group(.text(": "), .userText(report.reference))))
                    })
                ))
            ))
        )
    }
}
