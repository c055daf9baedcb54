import Foundation
import Plot
import UntetherCore
import UntetherVault

/// The printable report in a bundle, for an advocate, a lawyer or a court: a chronology first,
/// then each entry in full with its photos, what was removed, how to check the records, and the
/// technical ids last. It is made only from the chained records and the export's settings, so a
/// check can make it again and compare it byte for byte. It says the records are tamper-evident
/// and how to check them, and never more.
enum EvidenceReport {
    static let css = """
        @page { size: A4; margin: 16mm 15mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Georgia, serif; color: #444; } }
        body { font: 11.5pt/1.5 Georgia, "DejaVu Serif", serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 20pt; margin: 0 0 0.25rem; }
        h2 { font-size: 15pt; margin: 2rem 0 0.5rem; break-after: avoid-page; }
        h3 { font-size: 13pt; margin: 0 0 0.5rem; break-after: avoid-page; }
        table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid #bbb; }
        thead th { border-bottom: 2px solid #333; }
        thead { display: table-header-group; }
        tr { break-inside: avoid-page; }
        .entry { border-top: 1px solid #999; padding-top: 1rem; margin-top: 1.5rem; break-inside: avoid-page; }
        .part { break-before: page; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .text { white-space: pre-wrap; border-left: 3px solid #999; padding-left: 0.75rem; margin: 0.75rem 0; }
        .amendment { margin: 0.75rem 0 0 1rem; }
        figure { margin: 0.75rem 0; break-inside: avoid-page; }
        figure img { display: block; max-width: 14rem; max-height: 14rem; border: 1px solid #999; }
        figcaption { font-size: 10pt; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; }
        .muted { color: #444; }
        @media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
        @media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4rem; } table { font-size: 10pt; } }
        """

    /// Text exactly as written: `&` escaped first, since Plot leaves what looks like an entity alone.
    static func text(_ value: String) -> Node<HTML.BodyContext> {
        .text(value.replacingOccurrences(of: "&", with: "&amp;"))
    }

    static func row(_ label: String, _ value: String?) -> Node<HTML.BodyContext> {
        guard let value, !value.isEmpty else { return .empty }
        return .group(.element(named: "dt", text: label), .element(named: "dd", nodes: [text(value)]))
    }

    static func render(_ selection: EvidenceBundle.Selection, settings: ExportSettings, madeAt: Date, chain: [ChainEntry]) -> String {
        let clock = ReportClock(timeZoneID: settings.timeZone, offsets: settings.offsets)
        let entries = selection.entries
        let numbered = Array(selection.incidents.enumerated())
        let checkCode = chain.first { $0.sequence == settings.upTo }
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
                .p(.class("muted"), text(overview(selection, settings: settings, clock: clock))),
                .p(.class("muted"), text("Exported on \(clock.moment(madeAt)). Every time in this report is \(clock.zoneName) time.")),
                .h2("Chronology"),
                .if(numbered.isEmpty, .p("No entries match what was chosen for this export."), else: .table(
                    .thead(.tr(.th("No."), .th("Date"), .th("Time"), .th("What happened"), .th("How serious"))),
                    .tbody(.forEach(numbered) { index, incident in
                        .tr(
                            .td(.a(.href("#entry-\(index + 1)"), .text("\(index + 1)"))),
                            .td(text(clock.day(incident.occurredOn))),
                            .td(text(timeAsGiven(incident))),
                            .td(text(what(incident))),
                            .td(text(incident.severity.map { "\($0.rawValue) of 5" } ?? "—"))
                        )
                    })
                )),
                .if(!numbered.isEmpty, .h2(.class("part"), "Entries in full")),
                .forEach(numbered) { index, incident in
                    entry(index + 1, incident, selection: selection, settings: settings, clock: clock, entries: entries)
                },
                .if(!selection.removals.isEmpty, .section(
                    .h2("Entries the person removed"),
                    .p("The text of these entries was deleted by the person. That they were removed, when and why stays in the chain."),
                    .ul(.forEach(selection.removals) { removal in
                        .li(text("Removed on \(clock.moment(removal.recordedAt))" + (removal.reason.isEmpty ? "." : ": \(removal.reason)")))
                    })
                )),
                .h2(.class("part"), "About these records"),
                .p("These records are tamper-evident. Each record was linked into a chain of SHA-256 hashes when it was written down. Changing, removing or reordering a record afterwards breaks the chain, and a check shows where. Corrections were added later as amendments; the first text was never changed."),
                .p(
                    .text("To check this bundle, open "), .code("verify.html"), .text(" from the unzipped folder in a web browser, or run "),
                    .code("untether verify"), .text(" on the zip file. Neither needs a password or the internet.")
                ),
                .unwrap(checkCode) { code in
                    .p(
                        .text("Check code when this was exported: "), .code(.text("\(code.sequence) · \(code.chainHashHex)")),
                        .text(". If the person kept this code somewhere else, compare the two: a match shows that nothing written down up to then was changed.")
                    )
                },
                .p("The records show they were not changed after they were written down. They are not a timestamp from an outside service, and they do not by themselves prove what they describe. That is for the people reading them."),
                appendix(numbered, selection: selection, entries: entries)
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    /// "3 entries and 1 kind moment, from 2 Oct 2026 to 10 Nov 2026", with the filters chosen.
    static func overview(_ selection: EvidenceBundle.Selection, settings: ExportSettings, clock: ReportClock) -> String {
        let moments = selection.incidents.filter(\.isKindMoment).count
        let incidents = selection.incidents.count - moments
        var parts = [EvidenceBundle.plural(incidents, "entry", "entries")]
        if moments > 0 { parts.append(EvidenceBundle.plural(moments, "kind moment", "kind moments")) }
        var line = parts.joined(separator: " and ")
        if let first = selection.incidents.first?.occurredOn, let last = selection.incidents.last?.occurredOn {
            line += first == last ? ", on \(clock.day(first))" : ", from \(clock.day(first)) to \(clock.day(last))"
        }
        var chosen: [String] = []
        if let from = settings.from { chosen.append("from \(clock.day(from))") }
        if let to = settings.to { chosen.append("up to \(clock.day(to))") }
        if !settings.categories.isEmpty { chosen.append("about " + settings.categories.map { $0.label.lowercased() }.joined(separator: ", ")) }
        if !chosen.isEmpty { line += ". Only entries " + chosen.joined(separator: ", ") + " were chosen; the log holds others" }
        return line + "."
    }

    static func timeAsGiven(_ incident: Incident) -> String {
        guard let time = incident.occurredAt else { return incident.approximate ? "Date approximate" : "—" }
        return incident.approximate ? "About \(time)" : time
    }

    static func what(_ incident: Incident) -> String {
        if let moment = incident.kindMoment { return "Kind moment: \(moment.label.lowercased())" }
        return incident.categories.isEmpty ? "Not said" : incident.categories.map(\.label).joined(separator: ", ")
    }

    static func entry(
        _ number: Int, _ incident: Incident, selection: EvidenceBundle.Selection, settings: ExportSettings, clock: ReportClock, entries: [String: ChainEntry]
    ) -> Node<HTML.BodyContext> {
        let key = incident.id.uuidString
        let when = clock.day(incident.occurredOn) + (incident.occurredAt.map { ", \($0)" } ?? "") + (incident.approximate ? " (approximate)" : "")
        let title = "\(number). " + (incident.kindMoment.map { "\($0.label) — \(when)" } ?? when)
        let children: String? = incident.childrenPresent.map { $0 ? "Yes" : "No" }
        let attachments = selection.attachments[key] ?? []
        return .section(
            .class("entry"), .id("entry-\(number)"),
            .h3(text(title)),
            .element(named: "dl", nodes: [
                row("Written down", clock.moment(incident.recordedAt)),
                row("Where", incident.location),
                row("Kind of harm", incident.categories.map(\.label).joined(separator: ", ")),
                row("How serious", incident.severity?.label),
                row("Danger signs", incident.dangerSigns.map { $0.map(\.label).joined(separator: "; ") }),
                row("Part of the cycle", incident.phase?.label),
                row("Injuries", incident.injuries),
                row("Witnesses", incident.witnesses),
                row("Children present", children),
                row("Reported to", incident.reports.map { "\($0.kind.label)" + ($0.reference.isEmpty ? "" : " (reference \($0.reference))") }.joined(separator: "; ")),
            ]),
            .div(.class("text"), text(incident.description)),
            .forEach(attachments) { attachment in
                file(attachment, settings: settings, clock: clock, entry: entries[attachment.id.uuidString.lowercased()])
            },
            .forEach(selection.amendments[key] ?? []) { amendment in
                .div(
                    .class("amendment"),
                    .p(.strong(text("Added on \(clock.moment(amendment.recordedAt)):")), .text(" "), text(amendment.change)),
                    .if(!amendment.reason.isEmpty, .p(.class("muted"), text("Why: \(amendment.reason)")))
                )
            }
        )
    }

    /// An attached file: a photo shown small, anything else named, each with its fingerprint.
    static func file(_ attachment: Attachment, settings: ExportSettings, clock: ReportClock, entry: ChainEntry?) -> Node<HTML.BodyContext> {
        let id = attachment.id.uuidString.lowercased()
        let kind = attachment.type.isImage ? "Photo" : "File (\(attachment.type.mediaType))"
        let inBundle = settings.includeAttachments && !settings.leftOut.contains(id)
        let path = entry.map { EvidenceBundle.attachmentPath($0, attachment) }
        var notes: [String] = []
        if settings.leftOut.contains(id) { notes.append("Not in this bundle: its location data could not be removed.") }
        if !settings.includeAttachments { notes.append("Not in this bundle: files were left out of this export.") }
        if settings.cleaned.contains(id) { notes.append("Location data was removed from this copy; the original is unchanged in the person's records.") }
        let showsInline = inBundle && (attachment.type == .jpeg || attachment.type == .png)
        return .element(named: "figure", nodes: [
            .if(showsInline, .unwrap(path) { path in
                .a(.href(path), .element(named: "img", nodes: [
                    // Not lazy: a printed report must carry every photo.
                    .attribute(named: "src", value: path), .attribute(named: "alt", value: "Photo attached to this entry"),
                ]))
            }),
            .element(named: "figcaption", nodes: [
                text("\(kind) “\(attachment.fileName)”, \(byteCount(attachment.size)), added \(clock.moment(attachment.recordedAt))."),
                .if(inBundle, .unwrap(path) { path in .group(.text(" In this bundle: "), .a(.href(path), .code(text(path))), .text(".")) }),
                .br(), .text("SHA-256 of the original: "), .code(.text(attachment.sha256)),
                .forEach(notes) { note in .group(.br(), .em(text(note))) },
            ]),
        ])
    }

    static func byteCount(_ size: Int) -> String {
        if size < 1_024 { return EvidenceBundle.plural(size, "byte", "bytes") }
        if size < 1_048_576 { return "\(Int((Double(size) / 1_024).rounded())) KB" }
        return String(format: "%.1f MB", Double(size) / 1_048_576)
    }

    /// Ids and hashes for whoever checks the records by hand, kept out of the way at the end.
    static func appendix(_ numbered: [(offset: Int, element: Incident)], selection: EvidenceBundle.Selection, entries: [String: ChainEntry]) -> Node<HTML.BodyContext> {
        var rows: [(label: String, entry: ChainEntry)] = []
        for (index, incident) in numbered {
            let key = incident.id.uuidString
            if let entry = entries[key.lowercased()] { rows.append(("Entry \(index + 1)", entry)) }
            for (offset, amendment) in (selection.amendments[key] ?? []).enumerated() {
                if let entry = entries[amendment.id.uuidString.lowercased()] { rows.append(("Entry \(index + 1), addition \(offset + 1)", entry)) }
            }
            for (offset, attachment) in (selection.attachments[key] ?? []).enumerated() {
                if let entry = entries[attachment.id.uuidString.lowercased()] { rows.append(("Entry \(index + 1), file \(offset + 1)", entry)) }
            }
        }
        for (offset, removal) in selection.removals.enumerated() {
            if let entry = entries[removal.id.uuidString.lowercased()] { rows.append(("Removal \(offset + 1)", entry)) }
        }
        return .section(
            .class("part"),
            .h2("Appendix: technical details"),
            .p(.class("muted"), "Each record's place in the chain, its id and the SHA-256 of its exact bytes (the files in the records folder)."),
            .table(
                .thead(.tr(.th("Record"), .th("Chain entry"), .th("Id and SHA-256"))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(text(row.label)), .td(.text("\(row.entry.sequence)")),
                        .td(.code(.text(row.entry.recordID)), .br(), .code(.text(row.entry.recordHash.hexString))))
                })
            )
        )
    }
}

/// Dates and times for the report, in the person's time zone, in one fixed English form, so the
/// same records always give the same words on any machine.
struct ReportClock {
    let timeZone: TimeZone
    let zoneName: String
    /// The offsets the export recorded; the zone's own rules only for a time it did not.
    let offsets: [String: Int]

    init(timeZoneID: String, offsets: [String: Int] = [:]) {
        self.offsets = offsets
        timeZone = TimeZone(identifier: timeZoneID) ?? .gmt
        zoneName = ["GMT", "UTC", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu"].contains(timeZone.identifier) ? "UTC" : timeZone.identifier
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// "Mon 2 Oct 2026".
    func day(_ day: CalendarDay) -> String {
        let weekday = ((day.daysSinceEpoch + 4) % 7 + 7) % 7  // 1 January 1970 was a Thursday
        return "\(Self.weekdays[weekday]) \(day.day) \(Self.months[day.month - 1]) \(day.year)"
    }

    /// "Mon 2 Oct 2026, 21:40 (UTC+1)".
    func moment(_ date: Date) -> String {
        let offset = offsets[EvidenceChain.canonicalDate(date)] ?? timeZone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let seconds = ((local % 86_400) + 86_400) % 86_400
        let time = String(format: "%02d:%02d", seconds / 3_600, seconds % 3_600 / 60)
        let localDay = CalendarDay(Date(timeIntervalSince1970: Double(local)), in: .gmt)
        return "\(day(localDay)), \(time) (\(Self.offsetName(offset)))"
    }

    /// "UTC", "UTC+1", "UTC−5:30".
    static func offsetName(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        let sign = seconds > 0 ? "+" : "−"
        let minutes = abs(seconds) / 60
        return "UTC\(sign)\(minutes / 60)" + (minutes % 60 == 0 ? "" : String(format: ":%02d", minutes % 60))
    }
}
