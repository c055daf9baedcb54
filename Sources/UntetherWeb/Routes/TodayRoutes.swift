import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Today: the starting page once unlocked.
struct TodayRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.today) { request, context in
            // Everything comes from the session's cache: one read of the store's revisions, and
            // only what changed since the last visit is opened; unchanged, the page is not rendered again.
            try await context.cachedPage(request, environment) { revisions in
                let opened = context.opened
                let recent = Array(try await opened.all(Note.self, revisions: revisions).prefix(3))
                let minutes = max(1, (context.session.idleSeconds ?? 60) / 60)
                let streak = try await context.streak(environment, revisions: revisions)
                let rules = streak?.summary.mode == .lowContact ? try await opened.document(LowContactRules.self, revisions: revisions) : nil
                let today = context.clock(environment).today
                let notice = TodayNotice(request)
                let (plan, planToday, day) = try await context.planToday(clock: context.clock(environment), revisions: revisions)
                return TodayPage.render(
                    chrome: context.chrome(.today), recent: recent, idleMinutes: minutes, streak: streak, rules: rules,
                    dueDecisions: try await opened.dueDecisions(today: today, revisions: revisions),
                    notice: notice?.isError == false ? notice?.message : nil,
                    error: notice?.isError == true ? notice?.message : nil,
                    unsavedWriting: try await opened.all(Draft.self, revisions: revisions).filter(\.hasWriting).count,
                    started: RebuildStep.started(revisions),
                    plan: PlanDayPages.todayCard(plan, today: planToday, day: day)
                )
            }
        }
    }
}
