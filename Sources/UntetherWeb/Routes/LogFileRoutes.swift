import Foundation
import Hummingbird
import UntetherCore
import UntetherExport
import UntetherStore

/// Files attached to entries, and exports of the log.
struct LogFileRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.export) { _, context in
            Response.page(ExportPages.form(chrome: context.chrome(.log), today: context.clock(environment).today))
        }
        routes.post(.export) { _, context in try await export(context) }
        routes.post(.logFiles(.id)) { _, context in try await upload(context) }
        routes.get(.logFile(.id, .file)) { _, context in
            let entry = try await context.loadLogEntry()
            guard
                let fileID = context.parameters.get(SiteRoute.Parameter.file).flatMap(UUID.init(uuidString:)),
                let attachment = entry.attachments.first(where: { $0.id == fileID })
            else { throw HTTPError(.notFound) }
            let bytes = try await context.vault.evidence.attachmentBytes(attachment)
            return Response.download(bytes, contentType: attachment.type.mediaType, fileName: attachment.storedName)
        }
    }

    func upload(_ context: UnlockedContext) async throws -> Response {
        let entry = try await context.loadLogEntry()
        let chrome = context.chrome(.log)
        guard let file = context.files["file"] else {
            return .page(LogPages.entry(chrome: chrome, entry: entry, message: nil, fileError: "Please choose a file to attach."), status: .unprocessableContent)
        }
        do {
            try await context.vault.evidence.attach(file.bytes, fileName: file.fileName, to: entry.id, now: environment.now())
            return .redirect(to: .logEntry(.of(entry.id)), notice: LogNotice.attached)
        } catch let error as AttachmentError {
            return .page(LogPages.entry(chrome: chrome, entry: entry, message: nil, fileError: error.description), status: .unprocessableContent)
        }
    }

    func export(_ context: UnlockedContext) async throws -> Response {
        let today = context.clock(environment).today
        let form = ExportForm(context.form)
        guard let range = form.range else {
            return .page(ExportPages.form(chrome: context.chrome(.log), today: today, error: "Please give dates like 2026-11-25, or leave them empty."),
                         status: .unprocessableContent)
        }
        let options = ExportOptions(
            from: range.from, to: range.to, categories: form.categories,
            includeAttachments: form.includeAttachments, stripLocation: form.stripLocation, timeZone: context.clock(environment).timeZone
        )
        let zip = try await context.vault.exportEvidence(options, now: environment.now())
        return .download(zip, contentType: "application/zip", fileName: EvidenceBundle.fileName(today: today))
    }
}

/// The export form: an optional range of days, categories, and what to do with files.
struct ExportForm {
    let from: String
    let to: String
    let categories: Set<IncidentCategory>
    let includeAttachments: Bool
    let stripLocation: Bool

    init(_ form: FormFields) {
        from = form["from"].trimmingCharacters(in: .whitespaces)
        to = form["to"].trimmingCharacters(in: .whitespaces)
        categories = Set(IncidentCategory.allCases.filter { form.has("category_\($0.rawValue)") })
        includeAttachments = form.has("attachments")
        stripLocation = form.has("strip_location")
    }

    /// The days asked for (nil ends mean no limit), or nil when a day was typed but isn't one.
    var range: (from: CalendarDay?, to: CalendarDay?)? {
        let first = CalendarDay(from)
        let last = CalendarDay(to)
        if (!from.isEmpty && first == nil) || (!to.isEmpty && last == nil) { return nil }
        return (first, last)
    }
}
