import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// The safety plan: the situation, each part, and the printable copies.
struct SafetyPlanRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.dangerCheck) { request, context in
            // After keeping answers, the page shows the kept ones: a reload never keeps them twice.
            if let id = request.uri.queryParameters["kept"].flatMap({ UUID(uuidString: String($0)) }),
               let kept = try await context.vault.log(SavedDangerCheck.self).value(id) {
                return try await dangerCheck(context, answers: Set(kept.yes), kept: true)
            }
            return try await dangerCheck(context, answers: nil, notice: CheckNotice(request)?.message)
        }
        routes.post(.deleteDangerCheck(.id)) { _, context in
            try await context.vault.log(SavedDangerCheck.self).delete(try await context.load(SavedDangerCheck.self).id)
            return Response.redirect(to: .dangerCheck, notice: CheckNotice.removed)
        }
        routes.post(.dangerCheck) { _, context in
            let answers = Set(DangerCheck.Question.allCases.filter { context.form.has(DangerCheckPages.fieldName($0)) })
            guard context.form.has(DangerCheckPages.keepField) else { return try await dangerCheck(context, answers: answers) }
            let kept = try await context.vault.log(SavedDangerCheck.self).add(SavedDangerCheck(id: UUID(), takenAt: environment.now(), yes: answers))
            return Response.redirect(to: SiteRoute.dangerCheck.with([("kept", SiteRoute.key(kept.id))]) + "#check-result")
        }
        routes.get(.safetyPlan) { request, context in
            try await page(context, notice: SafetyPlanNotice(request)?.message)
        }
        routes.post(.safetyPlanSituation) { _, context in
            var plan = try await context.vault.document(SafetyPlan.self)
            plan.situation = SafetyPlanSituation(rawValue: context.form["situation"])
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: .safetyPlan, notice: SafetyPlanNotice.saved)
        }
        routes.get(.safetyPlanPrint) { request, context in
            let discreet = request.uri.queryParameters["discreet"] == "1"
            let plan = try await context.vault.document(SafetyPlan.self)
            return Response.page(SafetyPlanPages.printable(
                chrome: context.chrome(nil), plan: plan, people: try await context.safePeople(), region: context.region(environment), discreet: discreet
            ))
        }
        routes.post(.safetyPlanSection(.section)) { _, context in
            guard let section = context.parameters.get(SiteRoute.Parameter.section).flatMap(SafetyPlanSection.init(rawValue:)) else {
                throw HTTPError(.notFound)
            }
            var plan = try await context.vault.document(SafetyPlan.self)
            let ticked = Set(section.checklist.map(\.id).filter { context.form.has("tick_\($0)") })
            do {
                try plan.update(section, answer: context.form["answer"], ticked: ticked)
            } catch let error as SafetyPlanError {
                return try await page(context, error: (section, error.description), status: .unprocessableContent)
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.safetyPlan.with([(SiteRoute.Parameter.done, SafetyPlanNotice.saved.rawValue)]) + "#part-\(section.rawValue)")
        }
    }

    /// The danger check, with the signs the log holds beside it. Nothing of it is stored.
    func dangerCheck(_ context: UnlockedContext, answers: Set<DangerCheck.Question>?, kept: Bool = false, notice: String? = nil) async throws -> Response {
        let clock = context.clock(environment)
        let analysis = LogAnalysis(incidents: try await context.opened.incidents(), end: clock.today)
        return .page(DangerCheckPages.render(
            chrome: context.chrome(nil), answers: answers, region: context.region(environment), logSigns: analysis.dangerSigns,
            earlier: try await context.opened.all(SavedDangerCheck.self), kept: kept, notice: notice, timeZone: clock.timeZone
        ))
    }

    func page(
        _ context: UnlockedContext, error: (SafetyPlanSection, String)? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        .page(SafetyPlanPages.render(
            chrome: context.chrome(nil), plan: try await context.vault.document(SafetyPlan.self), people: try await context.safePeople(),
            region: context.region(environment), error: error, notice: notice
        ), status: status)
    }
}
