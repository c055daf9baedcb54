import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Writing kept so it is never lost: kept while the person types (the script sends it here),
/// offered back after an unlock, saved through the form it came from, or discarded.
struct DraftRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.drafts) { _, context in
            let drafts = try await waiting(context)
            guard !drafts.isEmpty else { return Response.redirect(to: .today) }
            return Response.page(DraftPages.list(chrome: context.chrome(nil), drafts: drafts))
        }
        routes.post(.keepDraft) { _, context in
            // The form's own fields, the path it is sent to, and the id it was given.
            guard let id = UUID(uuidString: context.form["draft_id"]) else { throw HTTPError(.badRequest) }
            var fields = context.form.values
            let action = fields.removeValue(forKey: "draft_action") ?? ""
            guard DraftTicket.isWritingPath(action) else { throw HTTPError(.badRequest) }
            // "lock": kept because the lock warning showed, so the next unlock offers it first.
            let draft = Draft(id: id, savedAt: environment.now(), action: action, fields: fields, interrupted: context.form["draft_reason"] == "lock")
            if draft.hasWriting {
                do {
                    try await context.vault.keepDraft(draft, now: environment.now())
                } catch is DraftError {
                    throw HTTPError(.badRequest)
                }
            } else {
                try? await context.vault.log(Draft.self).delete(id)
            }
            return Response(status: .noContent)
        }
        routes.post(.discardDraft(.id)) { _, context in
            try? await context.vault.log(Draft.self).delete(try context.pathID())
            return Response.redirect(to: try await waiting(context).isEmpty ? .today : .drafts)
        }
    }

    /// The drafts with something written in them, newest first; empty ones are let go.
    func waiting(_ context: UnlockedContext) async throws -> [Draft] {
        var kept: [Draft] = []
        for draft in try await context.vault.log(Draft.self).all() {
            if draft.hasWriting { kept.append(draft) } else { try? await context.vault.log(Draft.self).delete(draft.id) }
        }
        return kept
    }
}
