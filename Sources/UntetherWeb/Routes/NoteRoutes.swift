import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Runs `body` with the open vault and the page chrome, or sends a locked visitor to unlock.
func withOpenVault(
    _ context: WebContext, section: Section?, _ body: (UnlockedVault, PageChrome) async throws -> Response
) async throws -> Response {
    guard let session = context.session, let vault = session.vault else { return .redirect(to: SitePath.unlock) }
    return try await body(vault, PageChrome(session: session, section: section))
}

/// The private notes.
struct NoteRoutes {
    let environment: WebEnvironment

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.today)) { request, context in try await today(request, context) }
        router.get(RouterPath(SitePath.notes)) { request, context in try await list(request, context) }
        router.get(RouterPath(SitePath.newNote)) { _, context in
            try await withVault(context) { _, chrome in
                .page(NotePages.form(chrome: chrome, note: nil, title: "", body: "", error: nil))
            }
        }
        router.post(RouterPath(SitePath.notes)) { _, context in try await create(context) }
        router.get("/notes/:id") { request, context in try await show(request, context) }
        router.get("/notes/:id/edit") { _, context in
            try await withNote(context) { _, note, chrome in
                .page(NotePages.form(chrome: chrome, note: note, title: note.title, body: note.body, error: nil))
            }
        }
        router.post("/notes/:id") { _, context in try await update(context) }
        router.get("/notes/:id/delete") { _, context in
            try await withNote(context) { _, note, chrome in .page(NotePages.confirmDelete(chrome: chrome, note: note)) }
        }
        router.post("/notes/:id/delete") { _, context in
            try await withNote(context) { vault, note, _ in
                try await vault.notes.delete(id: note.id)
                return .redirect(to: SitePath.notes + "?done=deleted")
            }
        }
    }

    /// Runs `body` with the open vault, or sends the person to unlock.
    func withVault(_ context: WebContext, section: Section = .notes, _ body: (UnlockedVault, PageChrome) async throws -> Response) async throws -> Response {
        try await withOpenVault(context, section: section, body)
    }

    /// Runs `body` with the note named in the path; a 404 page when there is no such note.
    func withNote(_ context: WebContext, _ body: (UnlockedVault, Note, PageChrome) async throws -> Response) async throws -> Response {
        try await withVault(context) { vault, chrome in
            guard
                let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                let note = try await vault.notes.note(id: id)
            else { throw HTTPError(.notFound) }
            return try await body(vault, note, chrome)
        }
    }

    func today(_ request: Request, _ context: WebContext) async throws -> Response {
        try await withVault(context, section: .today) { vault, chrome in
            let recent = Array(try await vault.notes.all().prefix(3))
            let minutes = max(1, (context.session?.idleSeconds ?? 60) / 60)
            let streak = try await ContactRoutes.streak(vault, environment: environment)
            let rules = streak?.summary.mode == .lowContact ? try await ContactRoutes.rules(vault) : nil
            let done = request.uri.queryParameters["done"].map(String.init)
            return .page(TodayPage.render(
                chrome: chrome, recent: recent, idleMinutes: minutes, streak: streak, rules: rules,
                dueDecisions: try await vault.decisions.all().filter { $0.isDue(today: LocalDay.string(environment.now(), timeZone: environment.timeZone)) }.count,
                notice: done.flatMap { ContactPages.notices[$0] },
                error: done == "situation-missing" ? ContactPages.situationMissing : nil
            ))
        }
    }

    func list(_ request: Request, _ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let message = request.uri.queryParameters["done"] == "deleted" ? "The note was deleted." : nil
            return .page(NotePages.list(chrome: chrome, notes: try await vault.notes.all(), message: message))
        }
    }

    func show(_ request: Request, _ context: WebContext) async throws -> Response {
        try await withNote(context) { _, note, chrome in
            let message = request.uri.queryParameters["done"] == "saved" ? "Saved." : nil
            return .page(NotePages.show(chrome: chrome, note: note, message: message))
        }
    }

    func create(_ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let title = context.form["title"]
            let body = context.form["body"]
            do {
                let note = try await vault.notes.add(NoteDraft(title: title, body: body), now: environment.now())
                return .redirect(to: SitePath.note(NotePages.key(note)) + "?done=saved")
            } catch let error as NoteDraftError {
                return .page(NotePages.form(chrome: chrome, note: nil, title: title, body: body, error: error.description), status: .unprocessableContent)
            }
        }
    }

    func update(_ context: WebContext) async throws -> Response {
        try await withNote(context) { vault, note, chrome in
            let title = context.form["title"]
            let body = context.form["body"]
            do {
                try await vault.notes.update(id: note.id, with: NoteDraft(title: title, body: body), now: environment.now())
                return .redirect(to: SitePath.note(NotePages.key(note)) + "?done=saved")
            } catch let error as NoteDraftError {
                return .page(NotePages.form(chrome: chrome, note: note, title: title, body: body, error: error.description), status: .unprocessableContent)
            }
        }
    }
}
