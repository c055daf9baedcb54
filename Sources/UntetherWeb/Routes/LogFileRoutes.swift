import Foundation
import Hummingbird
import UntetherCore
import UntetherExport
import UntetherStore

/// Files attached to entries, and exports of the log.
struct LogFileRoutes {
    let environment: WebEnvironment
    let log: LogRoutes

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.export)) { _, context in
            try await log.withVault(context) { _, chrome in .page(ExportPages.form(chrome: chrome, today: log.today())) }
        }
        router.post(RouterPath(SitePath.export)) { _, context in try await export(context) }
        router.post("/log/:id/files") { _, context in try await upload(context) }
        router.get("/log/:id/files/:file") { _, context in try await download(context) }
    }

    func upload(_ context: WebContext) async throws -> Response {
        try await log.withEntry(context) { vault, entry, chrome in
            let page = SitePath.logEntry(SitePath.key(entry.id))
            guard let file = context.files["file"] else {
                return .page(LogPages.entry(chrome: chrome, entry: entry, message: nil, fileError: "Please choose a file to attach."), status: .unprocessableContent)
            }
            do {
                try await vault.evidence.attach(file.bytes, fileName: file.fileName, to: entry.id, now: environment.now())
                return .redirect(to: page + "?done=attached")
            } catch let error as AttachmentError {
                return .page(LogPages.entry(chrome: chrome, entry: entry, message: nil, fileError: error.description), status: .unprocessableContent)
            }
        }
    }

    func download(_ context: WebContext) async throws -> Response {
        try await log.withEntry(context) { vault, entry, _ in
            guard
                let fileID = context.parameters.get("file").flatMap(UUID.init(uuidString:)),
                let attachment = entry.attachments.first(where: { $0.id == fileID })
            else { throw HTTPError(.notFound) }
            let bytes = try await vault.evidence.attachmentBytes(attachment)
            return .download(bytes, contentType: attachment.type.mediaType, fileName: attachment.storedName)
        }
    }

    func export(_ context: WebContext) async throws -> Response {
        try await log.withVault(context) { vault, chrome in
            let from = context.form["from"].trimmingCharacters(in: .whitespaces)
            let to = context.form["to"].trimmingCharacters(in: .whitespaces)
            for day in [from, to] where !day.isEmpty && IncidentDraft.parseDay(day) == nil {
                return .page(ExportPages.form(chrome: chrome, today: log.today(), error: "Please give dates like 2026-11-25, or leave them empty."), status: .unprocessableContent)
            }
            let options = ExportOptions(
                from: from.isEmpty ? nil : from, to: to.isEmpty ? nil : to,
                categories: Set(IncidentCategory.allCases.filter { context.form.has("category_\($0.rawValue)") }),
                includeAttachments: context.form.has("attachments"), stripLocation: context.form.has("strip_location")
            )
            let zip = try await EvidenceBundle.make(from: vault.evidence, options: options)
            try await vault.store.append(AccessEvent(id: UUID(), kind: .exported, at: environment.now()))
            return .download(zip, contentType: "application/zip", fileName: "records-\(log.today()).zip")
        }
    }
}
