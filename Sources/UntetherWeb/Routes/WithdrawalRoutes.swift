import Foundation
import Hummingbird
import Plot
import UntetherCore
import UntetherStore

/// Step 3: the Pause screen ("I want to reach out"), its set-up, check-ins, trends, the urge log,
/// the guided tools and the reading.
struct WithdrawalRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.pause) { request, context in
            let notice = PauseNotice(request)
            return try await context.cachedPage(request, environment) { _ in
                try await pausePage(context, care: notice?.offersCare == true, notice: notice?.message)
            }
        }
        routes.post(.pause) { _, context in
            let form = PausePages.UrgeForm(context.form)
            // Nothing is required: an empty form saves nothing and simply goes back.
            guard !form.isEmpty else { return Response.redirect(to: .today) }
            do {
                let now = environment.now()
                let urge = try await context.vault.log(Urge.self).add(try form.urge(id: UUID(), at: now))
                if let contact = form.contact(id: UUID(), at: now) { try await context.vault.log(ContactEvent.self).add(contact) }
                return .redirect(to: .pause, notice: Distress.needsCare(urge) ? PauseNotice.savedHard : PauseNotice.saved)
            } catch let error as UrgeError {
                return .page(try await pausePage(context, form: form, error: error.description), status: .unprocessableContent)
            }
        }
        routes.get(.pauseSetup) { request, context in
            Response.page(PausePages.setup(
                chrome: context.chrome(.pause), plan: try await context.vault.document(ReachOutPlan.self), notice: PauseNotice(request)?.message
            ))
        }
        routes.post(.pauseSetup) { _, context in
            let saved = try await context.vault.document(ReachOutPlan.self)
            let form = context.form
            do {
                let plan = try ReachOutPlan.validated(
                    reasons: form["reasons"], people: form["people"], actions: form["actions"],
                    showLogReminder: form.has("show_reminder"),
                    timerMinutes: Int(form["timer_minutes"].trimmingCharacters(in: .whitespaces)) ?? 0, order: saved.order
                )
                try await context.vault.save(plan, now: environment.now())
                return Response.redirect(to: .pauseSetup, notice: PauseNotice.setup)
            } catch let error as ReachOutPlanError {
                return .page(PausePages.setup(
                    chrome: context.chrome(.pause), plan: saved, reasons: form["reasons"], people: form["people"], actions: form["actions"],
                    timer: form["timer_minutes"], error: error.description
                ), status: .unprocessableContent)
            }
        }
        routes.post(.pauseOrder) { _, context in
            guard let part = ReachOutPlan.Part(rawValue: context.form["part"]) else { throw HTTPError(.badRequest) }
            var plan = try await context.vault.document(ReachOutPlan.self)
            plan.move(part, up: context.form["direction"] == "up")
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.pauseSetup.at("order"))
        }

        routes.get(.checkIn) { _, context in Response.page(WithdrawalPages.checkIn(chrome: context.chrome(.pause))) }
        routes.post(.checkIn) { _, context in
            let form = WithdrawalPages.CheckInForm(context.form)
            do {
                let checkIn = try await context.vault.log(CheckIn.self).add(try form.checkIn(id: UUID(), at: environment.now()))
                return Response.redirect(to: .trends, notice: Distress.needsCare(checkIn) ? PauseNotice.checkinHard : PauseNotice.checkin)
            } catch let error as CheckInError {
                return .page(WithdrawalPages.checkIn(chrome: context.chrome(.pause), form: form, error: error.description), status: .unprocessableContent)
            }
        }
        routes.get(.trends) { request, context in
            let chosen = request.uri.queryParameters[Substring(WithdrawalPages.scaleQuery)].flatMap { Trends.Scale(rawValue: String($0)) }
            let notice = PauseNotice(request)
            return try await context.cachedPage(request, environment) { _ in
                try await trendsPage(
                    context, chosen: chosen, notice: notice?.message, care: try await context.care(environment, when: notice?.offersCare == true)
                )
            }
        }
        routes.get(.urges) { request, context in
            // Newest first by when it happened (the order the store keeps urges in).
            try await context.cachedPage(request, environment) { revisions in
                WithdrawalPages.urges(
                    chrome: context.chrome(.pause), urges: Pager(try await context.opened.all(Urge.self, revisions: revisions), page: PageNumber.of(request))
                )
            }
        }
        routes.get(.tools) { _, context in Response.page(ToolPages.index(chrome: context.chrome(.pause))) }
        routes.get(.tool(.tool)) { _, context in
            guard let tool = context.parameters.get(SiteRoute.Parameter.tool).flatMap(GuidedTool.init(rawValue:)) else { throw HTTPError(.notFound) }
            return Response.page(ToolPages.page(chrome: context.chrome(.pause), tool: tool))
        }
        routes.get(.learnStep3) { _, context in Response.page(LearnPages.step3(chrome: context.chrome(.pause))) }
    }

    func pausePage(
        _ context: UnlockedContext, care: Bool = false, form: PausePages.UrgeForm = .init(), error: String? = nil, notice: String? = nil
    ) async throws -> String {
        let plan = try await context.vault.document(ReachOutPlan.self)
        var reminder: PausePages.Reminder?
        if plan.showLogReminder {
            let latest = try await context.opened.incidents()
                .filter { !$0.isKindMoment && !$0.description.isEmpty }
                .max { $0.occurrenceKey < $1.occurrenceKey }
            reminder = latest.map { incident in
                let words = incident.description.count > 400 ? String(incident.description.prefix(400)) + "…" : incident.description
                return PausePages.Reminder(day: DisplayDate.day(incident.occurredOn), words: words)
            }
        }
        return PausePages.render(
            chrome: context.chrome(.pause), plan: plan, reminder: reminder, people: try await context.safePeople(), region: context.region(environment),
            care: care, form: form, error: error, notice: notice
        )
    }

    /// The trends page. The opened logs and the worked-out series are kept in the session's
    /// cache until the vault changes, so drawing the page again is quick.
    func trendsPage(
        _ context: UnlockedContext, chosen: Trends.Scale?, notice: String?, care: Node<HTML.BodyContext> = .empty
    ) async throws -> String {
        let clock = context.clock(environment)
        let (now, timeZone) = (clock.now, clock.timeZone)
        let since = try await context.vault.document(Preferences.self).noContactSince.map { $0.start(in: timeZone) }
        let records = context.opened
        let key = "trends:\(chosen?.rawValue ?? "auto"):\(clock.today):\(since?.timeIntervalSince1970 ?? 0)"
        let model = try await records.derived(key, from: [.checkIn, .urge, .contact]) { (_: TrendsModel?, revisions) in
            async let checkIns = records.all(CheckIn.self, revisions: revisions)
            async let urges = records.all(Urge.self, revisions: revisions)
            async let contacts = records.all(ContactEvent.self, revisions: revisions)
            return Self.trendsModel(
                checkIns: try await checkIns, urges: try await urges, contacts: try await contacts,
                since: since, chosen: chosen, now: now, timeZone: timeZone
            )
        }
        return WithdrawalPages.trends(
            chrome: context.chrome(.pause), chart: model.chart, svg: model.svg, tableRows: model.tableRows, helps: model.helps, notice: notice,
            care: care
        )
    }

    /// Everything the page needs that takes work: kept in the session's cache, so drawing five
    /// years by day again costs only the page around it.
    struct TrendsModel: Sendable {
        let chart: TrendChart
        let svg: String
        let tableRows: String
        let helps: Trends.WhatHelps
    }

    /// The calculations behind the page, from the opened records.
    static func trendsModel(
        checkIns: [CheckIn], urges: [Urge], contacts: [ContactEvent], since: Date?, chosen: Trends.Scale?, now: Date, timeZone: TimeZone
    ) -> TrendsModel {
        let firstData = (checkIns.map(\.at) + urges.map(\.at)).min()
        let start = [since, firstData].compactMap { $0 }.min() ?? now
        let days = Int(now.timeIntervalSince(start) / 86_400)
        let scale = chosen ?? .automatic(days: days)
        let points = Trends.series(checkIns: checkIns, urges: urges, contacts: contacts, scale: scale, from: since, now: now, timeZone: timeZone)
        let chart = TrendChart(points: points, scale: scale, from: since, now: now, timeZone: timeZone)
        return TrendsModel(
            chart: chart, svg: chart.svg(id: "trend-chart"), tableRows: WithdrawalPages.tableRows(chart),
            helps: Trends.whatHelps(urges: urges, timeZone: timeZone)
        )
    }
}
