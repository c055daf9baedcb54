import Foundation
import Plot
import UntetherCore
import UntetherVault

/// The printable report in a bundle: one section per entry, readable on paper, with a page break
/// between entries. It says the records are tamper-evident and how to check them, and never more.
enum EvidenceReport {
    static let css = """
        body { font: 12pt/1.5 Georgia, "DejaVu Serif", serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 20pt; margin-bottom: 0.25rem; }
        h2 { font-size: 14pt; margin: 0 0 0.5rem; }
        .entry { border-top: 1px solid #999; padding-top: 1rem; margin-top: 1.5rem; break-inside: avoid-page; }
        .entry + .entry { break-before: page; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .text { white-space: pre-wrap; border-left: 3px solid #999; padding-left: 0.75rem; }
        .amendment { margin: 0.5rem 0 0 1rem; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 10pt; overflow-wrap: anywhere; }
        .muted { color: #444; }
        @media print { body { margin: 0; } a { color: inherit; } }
        """

    static func text(_ value: String) -> Node<HTML.BodyContext> {
        .text(value.replacingOccurrences(of: "&", with: "&amp;"))
    }

    static func row(_ label: String, _ value: String?) -> Node<HTML.BodyContext> {
        guard let value, !value.isEmpty else { return .empty }
        return .group(.element(named: "dt", text: label), .element(named: "dd", nodes: [text(value)]))
    }

    static func render(_ selection: EvidenceBundle.Selection, options: ExportOptions, head: String, chainLength: Int, fileNotes: [String: String]) -> String {
        let range = [options.from.map { "from \($0)" }, options.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        let categories = options.categories.sorted().map(\.label).joined(separator: ", ")
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", text: "Record of events"),
                .element(named: "style", text: css)
            ),
            .body(
                .h1("Record of events"),
                .p(.class("muted"), text(
                    "\(selection.incidents.count) entries" + (range.isEmpty ? "" : ", \(range)")
                        + (categories.isEmpty ? "" : ", about: \(categories)") + "."
                )),
                .h2("About these records"),
                .p("These records are tamper-evident. Each one was linked into a chain of SHA-256 hashes when it was written down. Changing, removing or reordering any record afterwards breaks the chain, and a check shows where. Corrections were added as amendments; the original text is never changed."),
                .p(
                    .text("To check this bundle, run "), .code("untether verify"), .text(" on the zip file, or follow VERIFY.txt. The chain had "),
                    .text("\(chainLength) entries, ending in "), .code(.text(head.isEmpty ? "(empty)" : head)), .text(".")
                ),
                .forEach(selection.incidents) { incident in
                    entry(incident, amendments: selection.amendments[incident.id.uuidString] ?? [],
                          attachments: selection.attachments[incident.id.uuidString] ?? [], fileNotes: fileNotes)
                },
                .if(!selection.removals.isEmpty, .section(
                    .class("entry"),
                    .h2("Entries removed by the person"),
                    .ul(.forEach(selection.removals) { removal in
                        .li(text("Removed on \(EvidenceChain.canonicalDate(removal.recordedAt))" + (removal.reason.isEmpty ? "" : ": \(removal.reason)")))
                    })
                ))
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    static func entry(_ incident: Incident, amendments: [Amendment], attachments: [Attachment], fileNotes: [String: String]) -> Node<HTML.BodyContext> {
        let when = incident.occurredOn.description + (incident.occurredAt.map { " at \($0)" } ?? "") + (incident.approximate ? " (approximate)" : "")
        let title = incident.kindMoment.map { "\($0.label) — \(when)" } ?? when
        let children: String? = incident.childrenPresent.map { $0 ? "Yes" : "No" }
        return .section(
            .class("entry"),
            .h2(text(title)),
            .element(named: "dl", nodes: [
                row("Written down", EvidenceChain.canonicalDate(incident.recordedAt)),
                row("Where", incident.location),
                row("Kind of harm", incident.categories.map(\.label).joined(separator: ", ")),
                row("How serious", incident.severity?.label),
                row("Part of the cycle", incident.phase?.label),
                row("Injuries", incident.injuries),
                row("Witnesses", incident.witnesses),
                row("Children present", children),
                row("Reported to", incident.reports.map { "\($0.kind.label)" + ($0.reference.isEmpty ? "" : " (reference \($0.reference))") }.joined(separator: "; ")),
                row("Record id", incident.id.uuidString.lowercased()),
            ]),
            .div(.class("text"), text(incident.description)),
            .if(!attachments.isEmpty, .div(
                .p(.strong("Attached files")),
                .ul(.forEach(attachments) { attachment in
                    .li(
                        text("\(attachment.fileName) (\(attachment.type.mediaType), \(attachment.size) bytes), added \(EvidenceChain.canonicalDate(attachment.recordedAt))"),
                        .br(), .text("SHA-256 of the original: "), .code(.text(attachment.sha256)),
                        .unwrap(fileNotes[attachment.id.uuidString + "/path"]) { .group(.br(), .text("In this bundle: "), .code(text($0))) },
                        .unwrap(fileNotes[attachment.id.uuidString]) { .group(.br(), .em(text($0))) }
                    )
                })
            )),
            .forEach(amendments) { amendment in
                .div(
                    .class("amendment"),
                    .p(.strong(text("Added on \(EvidenceChain.canonicalDate(amendment.recordedAt)):")), .text(" "), text(amendment.change)),
                    .if(!amendment.reason.isEmpty, .p(.class("muted"), text("Why: \(amendment.reason)")))
                )
            }
        )
    }
}
