import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Today: the starting page once unlocked.
struct TodayRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.today) { request, context in
            let vault = context.vault
            let recent = Array(try await vault.log(Note.self).all().prefix(3))
            let minutes = max(1, (context.session.idleSeconds ?? 60) / 60)
            let streak = try await context.streak(environment)
            let rules = streak?.summary.mode == .lowContact ? try await vault.document(LowContactRules.self) : nil
            let today = context.clock(environment).today
            let notice = TodayNotice(request)
            return Response.page(TodayPage.render(
                chrome: context.chrome(.today), recent: recent, idleMinutes: minutes, streak: streak, rules: rules,
                dueDecisions: try await vault.log(Decision.self).all().filter { $0.isDue(today: today) }.count,
                notice: notice?.isError == false ? notice?.message : nil,
                error: notice?.isError == true ? notice?.message : nil,
                unsavedWriting: try await vault.log(Draft.self).all().filter(\.hasWriting).count
            ))
        }
    }
}
