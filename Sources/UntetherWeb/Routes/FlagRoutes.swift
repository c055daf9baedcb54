import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 7: red and green flags in someone new.
struct FlagRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.flags) { request, context in
            let notice = FlagNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                FlagPages.render(
                    chrome: context.chrome(nil), form: FlagPages.Form(today: context.clock(environment).today),
                    observations: try await context.opened.all(FlagObservation.self, revisions: revisions), error: nil, notice: notice
                )
            }
        }
        routes.post(.flags) { _, context in
            let form = FlagPages.Form(context.form)
            let clock = context.clock(environment)
            do {
                let observation = try FlagObservation.validated(
                    id: UUID(), person: form.person, on: form.on, flags: form.flags, note: form.note, recordedAt: clock.now, today: clock.today
                )
                try await context.vault.log(FlagObservation.self).add(observation)
                return Response.redirect(to: .flags, notice: FlagNotice.saved)
            } catch let error as FlagError {
                return .page(FlagPages.render(
                    chrome: context.chrome(nil), form: form, observations: try await context.opened.all(FlagObservation.self),
                    error: error.description, notice: nil
                ), status: .unprocessableContent)
            }
        }
        routes.post(.deleteFlagObservation(.id)) { _, context in
            let observation = try await context.load(FlagObservation.self)
            try await context.vault.log(FlagObservation.self).delete(observation.id)
            return Response.redirect(to: .flags, notice: FlagNotice.removed)
        }
    }
}
