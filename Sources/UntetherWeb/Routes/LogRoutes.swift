import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// The log: timeline, entry forms, one entry with its additions, removal, and the Step 1 reading.
struct LogRoutes {
    let environment: WebEnvironment

    static let notices: [String: String] = [
        "saved": "Saved. You can add more detail any time.",
        "amended": "Added. The original entry is unchanged above it.",
        "removed": "The entry was removed. The log keeps a note that it was.",
        "attached": "The file was attached. It is kept exactly as it was, encrypted.",
    ]

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.log)) { request, context in try await timeline(request, context) }
        router.post(RouterPath(SitePath.log)) { _, context in
            try await withVault(context) { vault, chrome in
                let filter = LogFilter { name in context.form.has(name) ? context.form[name] : nil }
                return try await timelinePage(vault, chrome, filter: filter, notice: nil)
            }
        }
        for (path, variant) in [(SitePath.newLogEntry, LogEntryForm.Variant.quick), (SitePath.newLogEntryFull, .full), (SitePath.kindMoment, .kind)] {
            router.get(RouterPath(path)) { _, context in
                try await withVault(context) { _, chrome in
                    .page(Self.form(variant, chrome: chrome, form: LogEntryForm(today: today()), error: nil))
                }
            }
            router.post(RouterPath(path)) { _, context in try await create(variant, context) }
        }
        router.get("/log/:id") { request, context in
            try await withEntry(context) { _, entry, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
                return .page(LogPages.entry(chrome: chrome, entry: entry, message: notice))
            }
        }
        router.post("/log/:id") { _, context in try await amend(context) }
        router.get("/log/:id/remove") { _, context in
            try await withEntry(context) { _, entry, chrome in
                guard !entry.isRemoved else { return .redirect(to: SitePath.logEntry(SitePath.key(entry.id))) }
                return .page(LogPages.confirmRemove(chrome: chrome, entry: entry))
            }
        }
        router.post("/log/:id/remove") { _, context in try await remove(context) }
        router.get(RouterPath(SitePath.learnStep1)) { _, context in
            try await withVault(context, section: nil) { _, chrome in .page(LearnPages.step1(chrome: chrome)) }
        }
    }

    /// The person's current day, for the date field and for catching dates in the future.
    func today() -> String { LocalDay.string(environment.now()) }

    /// Runs `body` with the open vault, or sends the person to unlock.
    func withVault(_ context: WebContext, section: Section? = .log, _ body: (UnlockedVault, PageChrome) async throws -> Response) async throws -> Response {
        try await withOpenVault(context, section: section, body)
    }

    /// Runs `body` with the entry named in the path; a 404 page when there is no such entry.
    func withEntry(_ context: WebContext, _ body: (UnlockedVault, LogEntry, PageChrome) async throws -> Response) async throws -> Response {
        try await withVault(context) { vault, chrome in
            guard
                let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                let entry = try await vault.evidence.entry(id)
            else { throw HTTPError(.notFound) }
            return try await body(vault, entry, chrome)
        }
    }

    static func form(_ variant: LogEntryForm.Variant, chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        switch variant {
        case .quick: LogPages.quickForm(chrome: chrome, form: form, error: error)
        case .full: LogPages.fullForm(chrome: chrome, form: form, error: error)
        case .kind: LogPages.kindForm(chrome: chrome, form: form, error: error)
        }
    }

    func timeline(_ request: Request, _ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let query = request.uri.queryParameters
            let filter = LogFilter { name in query[Substring(name)].map(String.init) }
            return try await timelinePage(vault, chrome, filter: filter, notice: query["done"].flatMap { Self.notices[String($0)] })
        }
    }

    func timelinePage(_ vault: UnlockedVault, _ chrome: PageChrome, filter: LogFilter, notice: String?) async throws -> Response {
        let entries = try await vault.evidence.entries()
        let status = ChainStatus(report: try await vault.evidence.verify(), entries: entries)
        return .page(LogPages.timeline(chrome: chrome, entries: entries, filter: filter, status: status, message: notice))
    }

    func create(_ variant: LogEntryForm.Variant, _ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let form = LogEntryForm(context.form, variant: variant)
            func refuse(_ message: String) -> Response {
                .page(Self.form(variant, chrome: chrome, form: form, error: message), status: .unprocessableContent)
            }
            // A chosen file is checked before anything is saved, so a refusal saves nothing.
            let file = context.files["file"]
            if let file {
                if file.bytes.isEmpty { return refuse(AttachmentError.empty.description) }
                if file.bytes.count > AttachmentType.maxBytes { return refuse(AttachmentError.tooLarge.description) }
                if AttachmentType.detect(file.bytes) == nil { return refuse(AttachmentError.unsupportedType.description) }
            }
            do {
                let incident = try await vault.evidence.record(try form.draft(variant), now: environment.now(), today: today())
                if let file {
                    try await vault.evidence.attach(file.bytes, fileName: file.fileName, to: incident.id, now: environment.now())
                }
                return .redirect(to: SitePath.logEntry(SitePath.key(incident.id)) + "?done=saved")
            } catch let error as LogFormError {
                return refuse(error.description)
            } catch let error as IncidentDraftError {
                return refuse(error.description)
            }
        }
    }

    func amend(_ context: WebContext) async throws -> Response {
        try await withEntry(context) { vault, entry, chrome in
            let path = SitePath.logEntry(SitePath.key(entry.id))
            guard !entry.isRemoved else { return .redirect(to: path) }
            let change = context.form["change"]
            let reason = context.form["reason"]
            do {
                try await vault.evidence.amend(entry.id, change: change, reason: reason, now: environment.now())
                return .redirect(to: path + "?done=amended")
            } catch let error as IncidentDraftError {
                let message = error == .emptyDescription ? "Please write what you want to correct or add." : error.description
                return .page(LogPages.entry(chrome: chrome, entry: entry, message: nil, change: change, reason: reason, error: message),
                             status: .unprocessableContent)
            }
        }
    }

    func remove(_ context: WebContext) async throws -> Response {
        try await withEntry(context) { vault, entry, chrome in
            guard !entry.isRemoved else { return .redirect(to: SitePath.logEntry(SitePath.key(entry.id))) }
            let reason = context.form["reason"]
            do {
                try await vault.evidence.remove(entry.id, reason: reason, now: environment.now())
                return .redirect(to: SitePath.log + "?done=removed")
            } catch let error as IncidentDraftError {
                return .page(LogPages.confirmRemove(chrome: chrome, entry: entry, reason: reason, error: error.description),
                             status: .unprocessableContent)
            }
        }
    }
}
