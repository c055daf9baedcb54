import Foundation
import Plot
import UntetherCore
import UntetherStore

/// The log: the timeline, the three ways to write an entry, one entry with its additions,
/// and removing an entry.
enum LogPages {

    // MARK: Timeline

    static func timeline(chrome: PageChrome, entries: [LogEntry], filter: LogFilter, status: ChainStatus, message: String?) -> String {
        let shown = entries.filter { !$0.isRemoved && filter.includes($0) }
        let removed = filter.isActive ? [] : entries.filter(\.isRemoved)
        let total = entries.filter { !$0.isRemoved }.count
        return Layout.render(title: "Log", chrome: chrome, content: .group(
            .h1(.text("Log")),
            Layout.message(message, isError: false),
            .p(.class("lead"), .text("A private record of what happened, in your own words. Each entry is kept as you first wrote it.")),
            .div(
                .class("actions"),
                .a(.id("write-now"), .class("button"), .href(SitePath.newLogEntry), .text("Write it down now")),
                .a(.id("write-full"), .class("button secondary"), .href(SitePath.newLogEntryFull), .text("Full form")),
                .a(.id("write-kind"), .class("button secondary"), .href(SitePath.kindMoment), .text("Kind moment"))
            ),
            .p(.a(.id("learn-link"), .href(SitePath.learnStep1), .text("Learn: why writing things down helps"))),
            .p(.a(.id("export-link"), .href(SitePath.export), .text("Make an export for a lawyer, advocate or therapist"))),
            filterForm(filter, csrf: chrome.csrf),
            .if(filter.isBackwards, .div(
                .class("notice"), .attribute(named: "role", value: "status"),
                .p(.text("The “from” day is after the “to” day, so nothing can match. Try swapping them."))
            )),
            .h2(.id("timeline-heading"), .text("Timeline")),
            .if(filter.isActive, .p(.id("filter-count"), .class("muted"), .text("Showing \(shown.count) of \(total) \(total == 1 ? "entry" : "entries").")) ),
            .if(
                shown.isEmpty,
                .p(.id("timeline-empty"), .class("muted"), .text(filter.isActive
                    ? "Nothing matches these filters."
                    : "Nothing written down yet. When you're ready, the day and a few words are enough.")),
                else: .ol(
                    .id("timeline"), .class("timeline"), .attribute(named: "aria-labelledby", value: "timeline-heading"),
                    .forEach(shown) { timelineItem($0) }
                )
            ),
            .if(!removed.isEmpty, .group(
                .h2(.id("removed-heading"), .text("Removed entries")),
                .ul(.id("removed"), .class("timeline"), .attribute(named: "aria-labelledby", value: "removed-heading"), .forEach(removed) { entry in
                    .li(.class("removed"), .a(
                        .safeAttribute("href", SitePath.logEntry(SitePath.key(entry.id))),
                        .span(.class("when"), .text("Removed on \(entry.removal.map { DisplayDate.dayOf($0.recordedAt) } ?? "an unknown day")"))
                    ))
                })
            )),
            chainCard(status)
        ))
    }

    /// The filters are posted, not put in the address, so what someone looked for (say,
    /// "threats") never shows in the browser's history.
    static func filterForm(_ filter: LogFilter, csrf: String) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("filters"),
            .if(filter.isActive, .attribute(named: "open")),
            .element(named: "summary", nodes: [Node<HTML.BodyContext>.text(filter.isActive ? "Filters (on)" : "Filter the timeline")]),
            .form(
                .id("log-filter"), .class("filter-grid"), .action(SitePath.log), .method(.post),
                Layout.csrfField(csrf),
                .div(
                    .label(.for("filter-category"), .text("Kind of harm")),
                    .select(
                        .id("filter-category"), .attribute(named: "name", value: "category"),
                        option(value: "", label: "Any", selected: filter.category == nil),
                        .forEach(IncidentCategory.allCases) { category in
                            option(value: category.rawValue, label: category.label, selected: filter.category == category)
                        }
                    )
                ),
                .div(
                    .label(.for("filter-severity"), .text("At least this serious")),
                    .select(
                        .id("filter-severity"), .attribute(named: "name", value: "severity"),
                        option(value: "", label: "Any", selected: filter.minimumSeverity == nil),
                        .forEach(Severity.allCases) { severity in
                            option(value: String(severity.rawValue), label: severity.label, selected: filter.minimumSeverity == severity)
                        }
                    )
                ),
                dayInput(id: "filter-from", label: "From", name: "from", value: filter.from ?? ""),
                dayInput(id: "filter-to", label: "To", name: "to", value: filter.to ?? ""),
                .div(
                    .class("actions"),
                    .button(.id("apply-filter"), .class("button"), .type(.submit), .text("Show")),
                    .a(.id("clear-filter"), .href(SitePath.log), .text("Show everything"))
                )
            ),
        ])
    }

    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .safeAttribute("value", value),
            .if(selected, .attribute(named: "selected")),
            Node<HTML.BodyContext>.text(label),
        ])
    }

    static func dayInput<C: HTML.BodyContext>(id: String, label: String, name: String, value: String) -> Node<C> {
        .div(
            .label(.for(id), .text(label)),
            .selfClosedElement(named: "input", attributes: [
                .type(.date), .id(id), .name(name), .safe("value", value),
            ] as [Attribute<HTML.InputContext>])
        )
    }

    static func timelineItem(_ entry: LogEntry) -> Node<HTML.ListContext> {
        guard let incident = entry.incident else { return .empty }
        let additions = entry.amendments.count
        return .li(
            .class(incident.isKindMoment ? "entry kind" : "entry"),
            .a(
                .safeAttribute("href", SitePath.logEntry(SitePath.key(entry.id))),
                .span(.class("when"), .element(named: "time", nodes: [
                    .safeAttribute("datetime", incident.occurredOn),
                    .userText(LogText.when(incident)),
                ])),
                .unwrap(incident.kindMoment) { moment in
                    .span(.class("kind-label"), .text("Kind moment · \(moment.label)"))
                },
                .span(.class("summary"), .userText(LogText.summary(incident))),
                .if(!incident.categories.isEmpty || incident.severity != nil || additions > 0, .span(
                    .class("tags"),
                    .forEach(incident.categories) { .span(.class("tag"), .text($0.label)) },
                    .unwrap(incident.severity) { .span(.class("tag severity"), .text("Severity \($0.rawValue) of 5")) },
                    .if(additions > 0, .span(.class("tag"), .text(additions == 1 ? "1 addition" : "\(additions) additions")))
                ))
            )
        )
    }

    static func chainCard(_ status: ChainStatus) -> Node<HTML.BodyContext> {
        .section(
            .id("check-code"), .class("card"), .attribute(named: "aria-labelledby", value: "check-code-heading"),
            .h2(.id("check-code-heading"), .text("Your check code")),
            .unwrap(status.headHex, { hex in
                .group(
                    .p(.text("This code is worked out from everything in the log, in order. It changes whenever something is written down, added or removed.")),
                    .p(.id("chain-head-short"), .class("code"), .text(status.shortCode ?? "")),
                    .element(named: "details", nodes: [
                        .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("Show the full code")]),
                        .p(.code(.id("chain-head-full"), .class("hash"), .text(hex))),
                    ]),
                    .p(.text("If you copy this code somewhere else, such as a note on paper, or an email to yourself from an account that is safe, anyone can later check that nothing in the log was changed or removed before that day.")),
                    .p(.class("muted"), .text("The log is tamper-evident: a change shows up when it is checked. That is not a promise about how anyone else, such as a court, will treat it."))
                )
            }, else: .p(.class("muted"), .text("Once something is written down, a short code appears here. Copying it somewhere safe lets anyone check later that nothing was changed."))),
            .if(
                status.isIntact,
                .if(status.records > 0, .div(
                    .id("chain-status"), .class("notice ok"), .attribute(named: "role", value: "status"),
                    .p(.text(status.summary))
                )),
                else: .div(
                    .id("chain-status"), .class("error"), .attribute(named: "role", value: "alert"),
                    .p(.strong(.text("Something in the log doesn't check out."))),
                    .ul(.forEach(status.problems) { .li(.text($0)) }),
                    .p(.text("Your entries have not been changed by this check. This can happen when the file was changed outside this app, or copied from a damaged backup. Keep any backups and copied codes you have: they can help show what changed."))
                )
            )
        )
    }

    // MARK: Writing an entry

    /// The quick form: the day and what happened, nothing else in the way.
    static func quickForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(title: "New entry", chrome: chrome, content: .group(
            .h1(.text("Write it down now")),
            .p(.text("The day and a few words are enough. Add more any time.")),
            Layout.message(error, isError: true),
            .form(
                .id("quick-form"), .class("stack"), .action(SitePath.newLogEntry), .method(.post),
                Layout.csrfField(chrome.csrf),
                whenFields(form, boxed: false),
                descriptionField(form, label: "What happened", hint: nil, required: true, rows: 6, compact: true),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.id("full-form-link"), .href(SitePath.newLogEntryFull), .text("Use the full form instead"))
                )
            )
        ))
    }

    /// Every field of an entry. Only the day and what happened are needed.
    static func fullForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(title: "New entry", chrome: chrome, content: .group(
            .h1(.text("Write down what happened")),
            .p(.class("lead"), .text("Only the day and what happened are needed. Fill in anything else that helps, and skip the rest.")),
            Layout.message(error, isError: true),
            .form(
                .id("full-form"), .class("stack"), .action(SitePath.newLogEntryFull), .method(.post),
                .enctype(.multipartData),
                Layout.csrfField(chrome.csrf),
                whenFields(form),
                Layout.field(id: "location", label: "Where", hint: "For example: at home, in the car, on the phone.", name: "location",
                             value: form.location, required: false, autocomplete: "off", extra: [maxShort]),
                descriptionField(form, label: "What happened", hint: "In your own words. Plain and short is fine.", required: true, rows: 8),
                categoryChoices(form),
                severityChoices(form),
                phaseChoices(form),
                longField(id: "injuries", label: "Injuries", hint: "Any pain, marks or injuries, and any treatment.", name: "injuries", value: form.injuries),
                longField(id: "witnesses", label: "Who saw or heard it", hint: "Names, or who they are to you.", name: "witnesses", value: form.witnesses),
                childrenChoices(form),
                reportFields(form),
                .div(
                    .label(.for("file"), .text("A photo, document or recording (optional)"),
                           .span(.class("hint"), .id("file-hint"), .text("Up to 25 MB. You can attach more files from the entry page afterwards."))),
                    .input(
                        .type(.file), .id("file"), .name("file"),
                        .attribute(named: "aria-describedby", value: "file-hint"),
                        .attribute(named: "accept", value: "image/jpeg,image/png,image/heic,application/pdf,text/plain,audio/*")
                    )
                ),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SitePath.log), .text("Cancel"))
                )
            )
        ))
    }

    /// An apology, a gift, a promise or a good day.
    static func kindForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(title: "New entry", chrome: chrome, content: .group(
            .h1(.text("Write down a kind moment")),
            .p(.class("lead"), .text("Apologies, gifts, promises and good days are part of the picture too. Noting them can help you see the whole pattern later.")),
            Layout.message(error, isError: true),
            .form(
                .id("kind-form"), .class("stack"), .action(SitePath.kindMoment), .method(.post),
                Layout.csrfField(chrome.csrf),
                .fieldset(
                    legend("What was it?"),
                    .div(.class("choices"), .forEach(Array(KindMoment.allCases.enumerated())) { index, moment in
                        choice(type: .radio, id: "kind-\(moment.rawValue)", name: "kind", value: moment.rawValue, label: moment.label,
                               checked: form.kindMoment == moment.rawValue, required: index == 0)
                    })
                ),
                whenFields(form),
                descriptionField(form, label: "What happened (if you want to say)", hint: nil, required: false, rows: 5, compact: true),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SitePath.log), .text("Cancel"))
                )
            )
        ))
    }

    static var maxShort: Attribute<HTML.InputContext> { .attribute(named: "maxlength", value: String(IncidentDraft.maxShortFieldLength)) }

    static func legend(_ text: String, hint: String? = nil) -> Node<HTML.FormContext> {
        .element(named: "legend", nodes: [
            Node<HTML.BodyContext>.text(text),
            .unwrap(hint) { .span(.class("hint"), .text($0)) },
        ])
    }

    /// A checkbox or radio button inside its label, so the whole row is the tap target.
    static func choice<C: HTML.BodyContext>(
        type: HTMLInputType, id: String, name: String, value: String = "on", label: String, checked: Bool, required: Bool = false
    ) -> Node<C> {
        .label(
            .class("choice"), .for(id),
            .selfClosedElement(named: "input", attributes: [
                .type(type), .id(id), .name(name), .safe("value", value), .checked(checked), .required(required),
            ] as [Attribute<HTML.InputContext>]),
            .span(.text(label))
        )
    }

    /// The day, the time and "about". In a box with a legend on the longer forms; bare on the
    /// quick form, so it fits on the first screen of a phone.
    static func whenFields(_ form: LogEntryForm, boxed: Bool = true) -> Node<HTML.FormContext> {
        let fields: [Node<HTML.FormContext>] = [
            .div(
                .class("pair"),
                Layout.field(id: "occurred-on", label: "Day it happened", type: .date, name: "occurred_on", value: form.occurredOn, autocomplete: "off"),
                .div(
                    .label(.for("occurred-at"), .text("Time"), .if(!boxed, .span(.class("optional"), .text(" if known")))),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.time), .id("occurred-at"), .name("occurred_at"), .safe("value", form.occurredAt),
                        .attribute(named: "autocomplete", value: "off"),
                    ] as [Attribute<HTML.InputContext>])
                )
            ),
            choice(type: .checkbox, id: "approximate", name: "approximate", label: "About: day or time is a guess", checked: form.approximate),
        ]
        return boxed ? .fieldset(.group([legend("When", hint: "The time is optional.")] + fields)) : .group(fields)
    }

    static func descriptionField(
        _ form: LogEntryForm, label: String, hint: String?, required: Bool, rows: Int, compact: Bool = false
    ) -> Node<HTML.FormContext> {
        .div(
            .label(.for("description"), .text(label), .unwrap(hint) { .span(.class("hint"), .id("description-hint"), .text($0)) }),
            .textarea(
                .id("description"), .name("description"), .rows(rows), .if(compact, .class("medium")),
                .attribute(named: "maxlength", value: String(IncidentDraft.maxDescriptionLength)),
                .if(required, .required(true)),
                .if(hint != nil, .attribute(named: "aria-describedby", value: "description-hint")),
                .userText(textareaValue(form.description))
            )
        )
    }

    static func longField(id: String, label: String, hint: String, name: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .text(label), .span(.class("hint"), .id("\(id)-hint"), .text(hint))),
            .textarea(
                .id(id), .name(name), .rows(3), .class("short"),
                .attribute(named: "maxlength", value: String(IncidentDraft.maxShortFieldLength)),
                .attribute(named: "aria-describedby", value: "\(id)-hint"),
                .userText(textareaValue(value))
            )
        )
    }

    /// A textarea drops one leading newline, so add one to keep the text exact.
    static func textareaValue(_ text: String) -> String {
        text.hasPrefix("\n") || text.hasPrefix("\r") ? "\n" + text : text
    }

    static func categoryChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("What kind of harm was it?", hint: "Tick any that fit, or none."),
            .div(.class("choices columns"), .forEach(IncidentCategory.allCases) { category in
                choice(type: .checkbox, id: "category-\(category.rawValue)", name: LogEntryForm.fieldName(category),
                       label: category.label, checked: form.categories.contains(category))
            })
        )
    }

    static func severityChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("How serious was it?"),
            .div(
                .class("choices"),
                .forEach(Severity.allCases) { severity in
                    choice(type: .radio, id: "severity-\(severity.rawValue)", name: "severity", value: String(severity.rawValue),
                           label: severity.label, checked: form.severity == String(severity.rawValue))
                },
                choice(type: .radio, id: "severity-none", name: "severity", value: "", label: "Not sure, or rather not say",
                       checked: Int(form.severity).flatMap(Severity.init(rawValue:)) == nil)
            )
        )
    }

    static func phaseChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Where in the cycle was this?", hint: "Things often go round: tension, an outburst, making up, a calm spell."),
            .div(
                .class("choices"),
                .forEach(CyclePhase.allCases) { phase in
                    choice(type: .radio, id: "phase-\(phase.rawValue)", name: "phase", value: phase.rawValue,
                           label: phase.label, checked: form.phase == phase.rawValue)
                },
                choice(type: .radio, id: "phase-none", name: "phase", value: "", label: "Not sure",
                       checked: CyclePhase(rawValue: form.phase) == nil)
            )
        )
    }

    static func childrenChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Were children there?"),
            .div(
                .class("choices inline"),
                choice(type: .radio, id: "children-yes", name: "children", value: "yes", label: "Yes", checked: form.children == "yes"),
                choice(type: .radio, id: "children-no", name: "children", value: "no", label: "No", checked: form.children == "no"),
                choice(type: .radio, id: "children-unsure", name: "children", value: "", label: "Not sure",
                       checked: form.children != "yes" && form.children != "no")
            )
        )
    }

    static func reportFields(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Did you tell anyone official?", hint: "Tick any you did. A reference number helps find the record later."),
            .forEach(IncidentReport.Kind.allCases) { kind in
                .div(
                    .class("report"),
                    choice(type: .checkbox, id: "report-\(kind.rawValue)", name: LogEntryForm.reportName(kind),
                           label: kind.label, checked: form.report(kind).made),
                    Layout.field(
                        id: "report-\(kind.rawValue)-reference",
                        label: kind == .other ? "Who, and any reference number" : "Reference number (\(kind.label.lowercased()))",
                        name: LogEntryForm.referenceName(kind), value: form.report(kind).reference, required: false,
                        autocomplete: "off", extra: [maxShort]
                    )
                )
            }
        )
    }

    // MARK: One entry

    static func entry(
        chrome: PageChrome, entry: LogEntry, message: String?, change: String = "", reason: String = "", error: String? = nil,
        fileError: String? = nil
    ) -> String {
        guard let incident = entry.incident, !entry.isRemoved else {
            return Layout.render(title: "Entry", chrome: chrome, content: .group(
                .p(.a(.href(SitePath.log), .text("← Log"))),
                Layout.message(message, isError: false),
                .h1(.text("Removed entry")),
                .p(.id("removed-on"), .text("This entry was removed on \(entry.removal.map { DisplayDate.string($0.recordedAt) } ?? "an unknown day"). Its text was deleted.")),
                .unwrap(entry.removal?.reason.isEmpty == false ? entry.removal?.reason : nil) { reason in
                    .p(.text("Reason given: "), .span(.id("removal-reason"), .userText(reason)))
                },
                .p(.class("muted"), .text("The log keeps a note that an entry was removed, and when, so a check later can show nothing was hidden."))
            ))
        }
        let id = SitePath.key(entry.id)
        return Layout.render(title: "Entry", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.log), .text("← Log"))),
            Layout.message(message, isError: false),
            .h1(.text(incident.isKindMoment ? "Kind moment: \(DisplayDate.day(incident.occurredOn))" : "Entry for \(DisplayDate.day(incident.occurredOn))")),
            .p(.id("recorded-at"), .class("muted"), .text("Written down on \(DisplayDate.string(incident.recordedAt)).")),
            record(incident),
            .if(!entry.attachments.isEmpty, .group(
                .h2(.id("files-heading"), .text("Files")),
                .ul(.id("files"), .class("plain files"), .forEach(entry.attachments) { file in
                    .li(
                        .a(
                            .class("title"), .safeAttribute("href", SitePath.logFile(id, file.id.uuidString.lowercased())),
                            .userText(file.fileName)
                        ),
                        .span(.class("meta"), .text(" · \(ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file)) · added on \(DisplayDate.string(file.recordedAt))")),
                        .span(.class("meta fingerprint"), .text("SHA-256: \(file.sha256)"))
                    )
                })
            )),
            .if(!entry.amendments.isEmpty, .group(
                .h2(.id("amendments-heading"), .text("Added later")),
                .ol(.id("amendments"), .class("amendments"), .forEach(entry.amendments) { amendment in
                    .li(
                        .span(.class("meta"), .text("Added on \(DisplayDate.string(amendment.recordedAt)):")),
                        .span(.class("change"), .userText(amendment.change)),
                        .if(!amendment.reason.isEmpty, .span(.class("reason"), .text("— "), .userText(amendment.reason)))
                    )
                })
            )),
            .h2(.id("attach-heading"), .text("Attach a photo, document or recording")),
            .p(.text("Photos (JPEG, PNG, HEIC), PDF, plain text and common audio files, up to 25 MB. The file is kept exactly as it is, encrypted, and its fingerprint goes into the log.")),
            Layout.message(fileError, isError: true),
            .form(
                .id("attach-form"), .class("stack"), .safeAttribute("action", SitePath.logFiles(id)), .method(.post),
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
                .id("amend-form"), .class("stack"), .safeAttribute("action", SitePath.logEntry(id)), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("change"), .text("What to correct or add")),
                    .textarea(
                        .id("change"), .name("change"), .rows(4), .class("medium"), .required(true),
                        .attribute(named: "maxlength", value: String(IncidentDraft.maxDescriptionLength)),
                        .userText(textareaValue(change))
                    )
                ),
                Layout.field(id: "reason", label: "Why (optional)", hint: "For example: I remembered more, or I had the time wrong.",
                             name: "reason", value: reason, required: false, autocomplete: "off", extra: [maxShort]),
                .div(.button(.id("add-amendment"), .class("button"), .type(.submit), .text("Add to this entry")))
            ),
            .p(.a(.id("remove-entry"), .safeAttribute("href", SitePath.removeLogEntry(id)), .text("Remove this entry…")))
        ))
    }

    static let notWritten = "Not written down"

    /// The original record, every field labelled; empty fields say so.
    static func record(_ incident: Incident) -> Node<HTML.BodyContext> {
        func row(_ label: String, _ value: String, id: String) -> Node<HTML.DescriptionListContext> {
            .group(
                .dt(.text(label)),
                .dd(.id(id), .if(value.isEmpty, .span(.class("muted"), .text(notWritten)), else: .userText(value)))
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
                incident.description.isEmpty, .span(.class("muted"), .text(notWritten)), else: .userText(incident.description)
            )),
            .if(!incident.isKindMoment, .group(
                row("Kind of harm", incident.categories.map(\.label).joined(separator: ", "), id: "field-categories"),
                row("How serious", incident.severity?.label ?? "", id: "field-severity")
            )),
            row("Part of the cycle", incident.phase?.label ?? "", id: "field-phase"),
            .if(!incident.isKindMoment, .group(
                row("Injuries", incident.injuries, id: "field-injuries"),
                row("Who saw or heard it", incident.witnesses, id: "field-witnesses"),
                row("Children there", children, id: "field-children"),
                .dt(.text("Told anyone official")),
                .dd(.id("field-reports"), .if(
                    incident.reports.isEmpty,
                    .span(.class("muted"), .text(notWritten)),
                    else: .ul(.class("plain"), .forEach(incident.reports) { report in
                        .li(.text(report.kind.label), .if(!report.reference.isEmpty, .group(.text(": "), .userText(report.reference))))
                    })
                ))
            ))
        )
    }

    // MARK: Removing

    static func confirmRemove(chrome: PageChrome, entry: LogEntry, reason: String = "", error: String? = nil) -> String {
        let id = SitePath.key(entry.id)
        let day = entry.incident.map { DisplayDate.day($0.occurredOn) } ?? ""
        return Layout.render(title: "Remove entry", chrome: chrome, content: .group(
            .h1(.text("Remove this entry?")),
            .p(.text("The entry for \(day) will be removed. Its text, anything added to it later, and any files with it will be deleted from this device.")),
            .p(.text("The log keeps a note that an entry was removed, and when. That way, anyone checking the log later can see nothing was hidden.")),
            Layout.message(error, isError: true),
            .form(
                .id("remove-form"), .class("stack"), .safeAttribute("action", SitePath.removeLogEntry(id)), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "removal-reason", label: "Why are you removing it? (optional)", hint: "For example: I wrote it twice.",
                             name: "reason", value: reason, required: false, autocomplete: "off", extra: [maxShort]),
                .div(
                    .class("actions"),
                    .button(.id("confirm-remove"), .class("button danger"), .type(.submit), .text("Remove entry")),
                    .a(.safeAttribute("href", SitePath.logEntry(id)), .text("Keep it"))
                )
            )
        ))
    }
}
