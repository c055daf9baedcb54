import Foundation
import Hummingbird
import UntetherCore

/// The reply checker. The draft is read from the form, reviewed in memory, and forgotten.
enum CoachRoutes {
    static func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.coach)) { _, context in
            try await withOpenVault(context, section: .coach) { _, chrome in .page(CoachPages.render(chrome: chrome)) }
        }
        router.post(RouterPath(SitePath.coach)) { _, context in
            try await withOpenVault(context, section: .coach) { _, chrome in
                let draft = context.form["draft"]
                let review = draft.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : MessageCoach.review(draft)
                return .page(CoachPages.render(chrome: chrome, draft: draft, review: review))
            }
        }
    }
}
