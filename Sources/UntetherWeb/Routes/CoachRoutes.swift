import Foundation
import Hummingbird
import UntetherCore

/// The reply checker. The draft is read from the form, reviewed in memory, and forgotten.
struct CoachRoutes: UnlockedRoutes {
    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.coach) { _, context in Response.page(CoachPages.render(chrome: context.chrome(.coach))) }
        routes.post(.coach) { _, context in
            let draft = context.form["draft"]
            let review = draft.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : MessageCoach.review(draft)
            return Response.page(CoachPages.render(chrome: context.chrome(.coach), draft: draft, review: review))
        }
    }
}
