import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 5's healthy swaps and Step 6's values and statement.
struct GrowthRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.talk) { _, context in try await talkPage(context, ticked: nil) }
        routes.post(.talk) { _, context in
            try await talkPage(context, ticked: Set(ProfessionalHelp.Reason.allCases.filter { context.form.has(TalkPages.fieldName($0)) }))
        }
        routes.get(.values) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                ValuesPages.render(chrome: context.chrome(nil), plan: try await context.opened.document(ValuesPlan.self, revisions: revisions), error: nil, notice: notice)
            }
        }
        routes.post(.valuesChoose) { _, context in
            var plan = try await context.vault.document(ValuesPlan.self)
            let ids = Set(CoreValue.all.map(\.id).filter { context.form.has("value_\($0)") })
            do { try plan.choose(ids, own: context.form["own"]) } catch let error as ValuesError {
                return valuesPage(context, plan: plan, error: ("choose", error.description))
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.values.with([(SiteRoute.Parameter.done, GrowthNotice.values.rawValue)]) + "#values-rank")
        }
        routes.post(.valuesRank) { _, context in
            var plan = try await context.vault.document(ValuesPlan.self)
            do { try plan.rank((1...ValuesPlan.topCount).map { context.form["top_\($0)"] }) } catch let error as ValuesError {
                return valuesPage(context, plan: plan, error: ("rank", error.description))
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.values.with([(SiteRoute.Parameter.done, GrowthNotice.top.rawValue)]) + "#values-mission")
        }
        routes.post(.valuesMission) { _, context in
            var plan = try await context.vault.document(ValuesPlan.self)
            do {
                try plan.answer(treatMyself: context.form["treat_myself"], treatOthers: context.form["treat_others"], days: context.form["days"])
                if context.form["action"] == "draft" {
                    // The answers are kept; the draft is shown to edit, and saved only with "Save".
                    try await context.vault.save(plan, now: environment.now())
                    return valuesPage(context, plan: plan, error: nil, draft: plan.draftStatement)
                }
                try plan.write(context.form["statement"])
            } catch let error as ValuesError {
                return valuesPage(context, plan: plan, error: ("mission", error.description))
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.values.with([(SiteRoute.Parameter.done, GrowthNotice.statement.rawValue)]) + "#my-statement")
        }
        routes.get(.swaps) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                SwapPages.render(
                    chrome: context.chrome(nil), plan: try await context.opened.document(SwapPlan.self, revisions: revisions),
                    tries: try await context.opened.all(SwapTry.self, revisions: revisions), error: nil, notice: notice,
                    timeZone: context.clock(environment).timeZone
                )
            }
        }
        routes.post(.swapPart(.section)) { _, context in
            guard let swap = context.parameters.get(SiteRoute.Parameter.section).flatMap(HealthySwap.init(rawValue:)) else { throw HTTPError(.notFound) }
            var plan = try await context.vault.document(SwapPlan.self)
            do { try plan.set(swap, notice: context.form["notice"], attempt: context.form["attempt"]) } catch let error as SwapError {
                return try await swapsPage(context, error: (swap.rawValue, error.description))
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.swaps.with([(SiteRoute.Parameter.done, GrowthNotice.swap.rawValue)]) + "#swap-\(swap.rawValue)")
        }
        routes.post(.swapTries) { _, context in
            let plan = try await context.vault.document(SwapPlan.self)
            guard let swap = HealthySwap(rawValue: context.form["swap"]), plan.planned.contains(swap) else {
                return try await swapsPage(context, error: ("try", "Please choose one of the swaps in your plan."))
            }
            do {
                let attempt = try SwapTry.validated(
                    id: UUID(), swap: swap, at: environment.now(), outcome: SwapTry.Outcome(rawValue: context.form["outcome"]), note: context.form["note"]
                )
                try await context.vault.log(SwapTry.self).add(attempt)
            } catch let error as SwapError {
                return try await swapsPage(context, error: ("try", error.description))
            }
            return Response.redirect(to: SiteRoute.swaps.with([(SiteRoute.Parameter.done, GrowthNotice.tried.rawValue)]))
        }
    }

    /// The check, with what the records show as of today. The ticks are never stored.
    func talkPage(_ context: UnlockedContext, ticked: Set<ProfessionalHelp.Reason>?) async throws -> Response {
        let clock = context.clock(environment)
        let opened = context.opened
        let signs = ProfessionalHelp.signs(
            checkIns: try await opened.all(CheckIn.self), urges: try await opened.all(Urge.self), contacts: try await opened.all(ContactEvent.self),
            incidents: try await opened.incidents(), noContactSince: try await opened.document(Preferences.self).noContactSince,
            today: clock.today, timeZone: clock.timeZone
        )
        return .page(TalkPages.render(chrome: context.chrome(nil), ticked: ticked, signs: signs, region: context.region(environment)))
    }

    func valuesPage(_ context: UnlockedContext, plan: ValuesPlan, error: (String, String)?, draft: String? = nil) -> Response {
        .page(ValuesPages.render(chrome: context.chrome(nil), plan: plan, error: error, notice: nil, draft: draft),
              status: error == nil ? .ok : .unprocessableContent)
    }

    func swapsPage(_ context: UnlockedContext, error: (String, String)) async throws -> Response {
        .page(SwapPages.render(
            chrome: context.chrome(nil), plan: try await context.vault.document(SwapPlan.self), tries: try await context.opened.all(SwapTry.self),
            error: error, notice: nil, timeZone: context.clock(environment).timeZone
        ), status: .unprocessableContent)
    }
}
