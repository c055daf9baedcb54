import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 4: the decision log and the relationship timeline.
struct SelfTrustRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.decisions) { request, context in
            try await context.cachedPage(request, environment) { _ in
                SelfTrustPages.decisions(
                    chrome: context.chrome(.journal), decisions: try await sortedDecisions(context), today: context.clock(environment).today,
                    page: PageNumber.of(request), notice: SelfTrustNotice(request)?.message
                )
            }
        }
        routes.post(.decisions) { _, context in
            let form = DecisionForm(context.form)
            do {
                try await context.vault.log(Decision.self).add(try form.decision(id: UUID()))
                return Response.redirect(to: .decisions, notice: SelfTrustNotice.saved)
            } catch let error as JournalError {
                let message = error == .empty ? "Please say what you're deciding." : error.description
                return .page(SelfTrustPages.decisions(
                    chrome: context.chrome(.journal), decisions: try await sortedDecisions(context), today: context.clock(environment).today,
                    form: form, error: message
                ), status: .unprocessableContent)
            }
        }
        routes.get(.decision(.id)) { _, context in
            Response.page(SelfTrustPages.decision(chrome: context.chrome(.journal), decision: try await context.load(Decision.self)))
        }
        routes.post(.decision(.id)) { _, context in
            let decision = try await context.load(Decision.self)
            let wentWell: Bool? = context.form["went_well"] == "yes" ? true : context.form["went_well"] == "no" ? false : nil
            do {
                let reviewed = try decision.reviewed(
                    outcome: context.form["outcome"], wentWell: wentWell, gutCheck: Decision.GutCheck(rawValue: context.form["gut_check"])
                )
                try await context.vault.log(Decision.self).update(reviewed, now: environment.now())
                return Response.redirect(to: .decisions, notice: SelfTrustNotice.reviewed)
            } catch let error as JournalError {
                let message = error == .empty ? "Please say how it turned out, or answer one of the questions." : error.description
                return .page(SelfTrustPages.decision(chrome: context.chrome(.journal), decision: decision, error: message), status: .unprocessableContent)
            }
        }

        routes.get(.timeline) { request, context in
            try await context.cachedPage(request, environment) { _ in
                try await timelinePage(context, notice: SelfTrustNotice(request)?.message)
            }
        }
        routes.post(.timeline) { _, context in
            let form = MilestoneForm(context.form)
            do {
                try await context.vault.log(Milestone.self).add(try form.milestone(id: UUID(), today: context.clock(environment).today))
                return Response.redirect(to: .timeline, notice: SelfTrustNotice.added)
            } catch let error as JournalError {
                let message = error == .empty ? "Please choose what happened." : error.description
                return .page(try await timelinePage(context, form: form, error: message), status: .unprocessableContent)
            }
        }
        routes.post(.deleteMilestone(.id)) { _, context in
            let milestone = try await context.load(Milestone.self)
            try await context.vault.log(Milestone.self).delete(milestone.id)
            return Response.redirect(to: .timeline, notice: SelfTrustNotice.removed)
        }
    }

    func sortedDecisions(_ context: UnlockedContext) async throws -> [Decision] {
        let opened = context.opened
        return try await opened.derived("decisions:by-day", from: [.decision]) { (_: [Decision]?, revisions) in
            try await opened.all(Decision.self, revisions: revisions).sorted { $0.madeOn > $1.madeOn }
        }
    }

    func timelinePage(_ context: UnlockedContext, form: MilestoneForm = .init(), error: String? = nil, notice: String? = nil) async throws -> String {
        let today = context.clock(environment).today
        let milestones = try await context.opened.all(Milestone.self).sorted { $0.date < $1.date }
        let incidents = try await context.opened.incidents()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM yyyy"
        let chart = TimelineChart(
            milestones: milestones.map { .init(day: $0.day, label: formatter.string(from: $0.day) + " · " + $0.kind.label) },
            incidents: incidents.filter { !$0.isKindMoment }.map(\.occurredOn.startUTC),
            kindMoments: incidents.filter(\.isKindMoment).map(\.occurredOn.startUTC),
            end: today.startUTC
        )
        return SelfTrustPages.timeline(
            chrome: context.chrome(.journal), chart: chart, milestones: milestones, today: today, form: form, error: error, notice: notice
        )
    }
}
