import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// The private notes.
struct NoteRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.notes) { request, context in
            try await context.cachedPage(request, environment) { revisions in
                NotePages.list(
                    chrome: context.chrome(.notes), notes: Pager(try await context.opened.all(Note.self, revisions: revisions), page: PageNumber.of(request)),
                    message: NoteNotice(request) == .deleted ? NoteNotice.deleted.message : nil
                )
            }
        }
        routes.get(.newNote) { _, context in
            Response.page(NotePages.form(chrome: context.chrome(.notes), note: nil, title: "", body: "", error: nil))
        }
        routes.post(.notes) { _, context in try await save(context, note: nil) }
        routes.get(.note(.id)) { request, context in
            let note = try await context.load(Note.self)
            return Response.page(NotePages.show(
                chrome: context.chrome(.notes), note: note, message: NoteNotice(request) == .saved ? NoteNotice.saved.message : nil
            ))
        }
        routes.get(.editNote(.id)) { _, context in
            let note = try await context.load(Note.self)
            return Response.page(NotePages.form(chrome: context.chrome(.notes), note: note, title: note.title, body: note.body, error: nil))
        }
        routes.post(.note(.id)) { _, context in try await save(context, note: try await context.load(Note.self)) }
        routes.get(.deleteNote(.id)) { _, context in
            Response.page(NotePages.confirmDelete(chrome: context.chrome(.notes), note: try await context.load(Note.self)))
        }
        routes.post(.deleteNote(.id)) { _, context in
            let note = try await context.load(Note.self)
            try await context.vault.log(Note.self).delete(note.id)
            return Response.redirect(to: .notes, notice: NoteNotice.deleted)
        }
    }

    /// Saves a new note, or changes `note`.
    func save(_ context: UnlockedContext, note: Note?) async throws -> Response {
        let title = context.form["title"]
        let body = context.form["body"]
        do {
            let draft = try NoteDraft(title: title, body: body)
            let notes = context.vault.log(Note.self)
            let saved = if let note {
                try await notes.update(id: note.id, with: draft, now: environment.now())
            } else {
                try await notes.add(draft, now: environment.now())
            }
            return .redirect(to: .note(.of(saved.id)), notice: NoteNotice.saved)
        } catch let error as NoteDraftError {
            return .page(NotePages.form(chrome: context.chrome(.notes), note: note, title: title, body: body, error: error.description),
                         status: .unprocessableContent)
        }
    }
}
