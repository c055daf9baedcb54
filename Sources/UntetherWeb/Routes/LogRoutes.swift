import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// The log: timeline, entry forms, one entry with its additions, removal, and the Step 1 reading.
struct LogRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.log) { request, context in
            let query = request.uri.queryParameters
            let filter = LogFilter { name in query[Substring(name)].map(String.init) }
            return try await context.cachedPage(request, environment) { _ in
                try await timelinePage(context, filter: filter, page: PageNumber.of(request), notice: LogNotice(request)?.message)
            }
        }
        routes.post(.log) { _, context in
            let filter = LogFilter { name in context.form.has(name) ? context.form[name] : nil }
            return Response.page(try await timelinePage(context, filter: filter, page: PageNumber.of(context.form), notice: nil))
        }
        for (route, variant) in [(SiteRoute.newLogEntry, LogEntryForm.Variant.quick), (.newLogEntryFull, .full), (.kindMoment, .kind)] {
            routes.get(route) { _, context in
                Response.page(Self.form(
                    variant, chrome: context.chrome(.log), form: LogEntryForm(today: context.clock(environment).today), error: nil
                ))
            }
            routes.post(route) { _, context in try await create(variant, context) }
        }
        routes.get(.logEntry(.id)) { request, context in
            let notice = LogNotice(request)
            return try await context.cachedPage(request, environment) { _ in
                LogPages.entry(
                    chrome: context.chrome(.log), entry: try await context.loadLogEntry(), message: notice?.message,
                    care: try await context.care(environment, when: notice?.offersCare == true)
                )
            }
        }
        routes.post(.logEntry(.id)) { _, context in try await amend(context) }
        routes.get(.removeLogEntry(.id)) { _, context in
            let entry = try await context.loadLogEntry()
            guard !entry.isRemoved else { return Response.redirect(to: .logEntry(.of(entry.id))) }
            return .page(LogPages.confirmRemove(chrome: context.chrome(.log), entry: entry))
        }
        routes.post(.removeLogEntry(.id)) { _, context in try await remove(context) }
        routes.get(.learnStep1) { _, context in Response.page(LearnPages.step1(chrome: context.chrome(nil))) }
    }

    static func form(_ variant: LogEntryForm.Variant, chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        switch variant {
        case .quick: LogPages.quickForm(chrome: chrome, form: form, error: error)
        case .full: LogPages.fullForm(chrome: chrome, form: form, error: error)
        case .kind: LogPages.kindForm(chrome: chrome, form: form, error: error)
        }
    }

    /// The timeline. Entries, their check and the counts come from the session's cache; only the
    /// page asked for is drawn.
    func timelinePage(_ context: UnlockedContext, filter: LogFilter, page: Int, notice: String?) async throws -> String {
        let opened = context.opened
        let revisions = try await opened.revisions()
        let entries = try await opened.logEntries(revisions: revisions)
        let status = try await opened.derived("log:status", from: RecordKind.evidenceKinds, revisions: revisions) { (_: ChainStatus?, revisions) in
            ChainStatus(report: try await opened.chainReport(revisions: revisions), entries: try await opened.logEntries(revisions: revisions))
        }
        return LogPages.timeline(chrome: context.chrome(.log), entries: entries, filter: filter, page: page, status: status, message: notice)
    }

    func create(_ variant: LogEntryForm.Variant, _ context: UnlockedContext) async throws -> Response {
        let form = LogEntryForm(context.form, variant: variant)
        func refuse(_ message: String) -> Response {
            .page(Self.form(variant, chrome: context.chrome(.log), form: form, error: message), status: .unprocessableContent)
        }
        let file = context.files["file"].map { NewAttachment(bytes: $0.bytes, fileName: $0.fileName) }
        do {
            let incident = try await context.vault.evidence.record(
                try form.draft(variant), attaching: file, now: environment.now(), today: context.clock(environment).today
            )
            return .redirect(to: .logEntry(.of(incident.id)), notice: Distress.needsCare(incident) ? LogNotice.savedHard : LogNotice.saved)
        } catch let error as LogFormError {
            return refuse(error.description)
        } catch let error as IncidentDraftError {
            return refuse(error.description)
        } catch let error as AttachmentError {
            return refuse(error.description)
        }
    }

    func amend(_ context: UnlockedContext) async throws -> Response {
        let entry = try await context.loadLogEntry()
        guard !entry.isRemoved else { return .redirect(to: .logEntry(.of(entry.id))) }
        let change = context.form["change"]
        let reason = context.form["reason"]
        do {
            try await context.vault.evidence.amend(entry.id, change: change, reason: reason, now: environment.now())
            return .redirect(to: .logEntry(.of(entry.id)), notice: LogNotice.amended)
        } catch let error as IncidentDraftError {
            let message = error == .emptyDescription ? "Please write what you want to correct or add." : error.description
            return .page(LogPages.entry(chrome: context.chrome(.log), entry: entry, message: nil, change: change, reason: reason, error: message),
                         status: .unprocessableContent)
        }
    }

    func remove(_ context: UnlockedContext) async throws -> Response {
        let entry = try await context.loadLogEntry()
        guard !entry.isRemoved else { return .redirect(to: .logEntry(.of(entry.id))) }
        let reason = context.form["reason"]
        do {
            try await context.vault.evidence.remove(entry.id, reason: reason, now: environment.now())
            return .redirect(to: .log, notice: LogNotice.removed)
        } catch let error as IncidentDraftError {
            return .page(LogPages.confirmRemove(chrome: context.chrome(.log), entry: entry, reason: reason, error: error.description),
                         status: .unprocessableContent)
        }
    }
}
