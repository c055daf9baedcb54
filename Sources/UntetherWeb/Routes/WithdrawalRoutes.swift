import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 3: the Pause screen ("I want to reach out"), its set-up, check-ins, trends, the urge log,
/// the guided tools and the reading.
struct WithdrawalRoutes {
    let environment: WebEnvironment

    static let notices: [String: String] = [
        "saved": "Saved. Pausing took strength, whatever happened next.",
        "setup": "Saved. The Pause screen now shows your words.",
        "checkin": "Saved. Thank you for checking in.",
    ]

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.pause)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
                return try await pausePage(vault, chrome, cache: context.session?.cache, notice: notice)
            }
        }
        router.post(RouterPath(SitePath.pause)) { _, context in
            try await withVault(context) { vault, chrome in
                let form = PausePages.UrgeForm(context.form)
                // Nothing is required: an empty form saves nothing and simply goes back.
                guard !form.isEmpty else { return .redirect(to: SitePath.today) }
                do {
                    try await vault.urges.add(try form.urge(id: UUID(), at: environment.now()))
                    return .redirect(to: SitePath.pause + "?done=saved")
                } catch let error as UrgeError {
                    return try await pausePage(vault, chrome, cache: context.session?.cache, form: form, error: error.description)
                }
            }
        }
        router.get(RouterPath(SitePath.pauseSetup)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
                return .page(PausePages.setup(chrome: chrome, plan: try await plan(vault), notice: notice))
            }
        }
        router.post(RouterPath(SitePath.pauseSetup)) { _, context in
            try await withVault(context) { vault, chrome in
                let saved = try await plan(vault)
                let form = context.form
                do {
                    let plan = try ReachOutPlan.validated(
                        reasons: form["reasons"], people: form["people"], actions: form["actions"],
                        showLogReminder: form.has("show_reminder"),
                        timerMinutes: Int(form["timer_minutes"].trimmingCharacters(in: .whitespaces)) ?? 0, order: saved.order
                    )
                    try await vault.saveDocument(plan, kind: .reachOutPlan, now: environment.now())
                    return .redirect(to: SitePath.pauseSetup + "?done=setup")
                } catch let error as ReachOutPlanError {
                    return .page(PausePages.setup(
                        chrome: chrome, plan: saved, reasons: form["reasons"], people: form["people"], actions: form["actions"],
                        timer: form["timer_minutes"], error: error.description
                    ), status: .unprocessableContent)
                }
            }
        }
        router.post(RouterPath(SitePath.pauseOrder)) { _, context in
            try await withVault(context) { vault, _ in
                guard let part = ReachOutPlan.Part(rawValue: context.form["part"]) else { throw HTTPError(.badRequest) }
                var plan = try await plan(vault)
                plan.move(part, up: context.form["direction"] == "up")
                try await vault.saveDocument(plan, kind: .reachOutPlan, now: environment.now())
                return .redirect(to: SitePath.pauseSetup + "#order")
            }
        }

        router.get(RouterPath(SitePath.checkIn)) { _, context in
            try await withVault(context) { _, chrome in .page(WithdrawalPages.checkIn(chrome: chrome)) }
        }
        router.post(RouterPath(SitePath.checkIn)) { _, context in
            try await withVault(context) { vault, chrome in
                let form = WithdrawalPages.CheckInForm(context.form)
                do {
                    try await vault.checkIns.add(try form.checkIn(id: UUID(), at: environment.now()))
                    return .redirect(to: SitePath.trends + "?done=checkin")
                } catch let error as CheckInError {
                    return .page(WithdrawalPages.checkIn(chrome: chrome, form: form, error: error.description), status: .unprocessableContent)
                }
            }
        }
        router.get(RouterPath(SitePath.trends)) { request, context in
            try await withVault(context) { vault, chrome in
                let query = request.uri.queryParameters
                let chosen = query[Substring(WithdrawalPages.scaleQuery)].flatMap { Trends.Scale(rawValue: String($0)) }
                let notice = query["done"].flatMap { Self.notices[String($0)] }
                return .page(try await trendsPage(vault, chrome, cache: context.session?.cache, chosen: chosen, notice: notice))
            }
        }
        router.get(RouterPath(SitePath.urges)) { _, context in
            try await withVault(context) { vault, chrome in
                .page(WithdrawalPages.urges(chrome: chrome, urges: try await vault.urges.all().sorted { $0.at > $1.at }))
            }
        }
        router.get(RouterPath(SitePath.tools)) { _, context in
            try await withVault(context) { _, chrome in .page(ToolPages.index(chrome: chrome)) }
        }
        router.get("/tools/:tool") { _, context in
            try await withVault(context) { _, chrome in
                guard let tool = context.parameters.get("tool").flatMap(GuidedTool.init(rawValue:)) else { throw HTTPError(.notFound) }
                return .page(ToolPages.page(chrome: chrome, tool: tool))
            }
        }
        router.get(RouterPath(SitePath.learnStep3)) { _, context in
            try await withVault(context) { _, chrome in .page(LearnPages.step3(chrome: chrome)) }
        }
    }

    func withVault(_ context: WebContext, _ body: (UnlockedVault, PageChrome) async throws -> Response) async throws -> Response {
        try await withOpenVault(context, section: .pause, body)
    }

    func plan(_ vault: UnlockedVault) async throws -> ReachOutPlan {
        try await vault.document(ReachOutPlan.self, kind: .reachOutPlan) ?? ReachOutPlan()
    }

    func pausePage(_ vault: UnlockedVault, _ chrome: PageChrome, cache: SessionCache?, form: PausePages.UrgeForm = .init(),
                   error: String? = nil, notice: String? = nil) async throws -> Response {
        let plan = try await plan(vault)
        var reminder: PausePages.Reminder?
        if plan.showLogReminder {
            let latest = try await OpenedRecords(vault: vault, cache: cache).incidents()
                .filter { !$0.isKindMoment && !$0.description.isEmpty }
                .max { $0.occurrenceKey < $1.occurrenceKey }
            reminder = latest.map { incident in
                let words = incident.description.count > 400 ? String(incident.description.prefix(400)) + "…" : incident.description
                return PausePages.Reminder(day: DisplayDate.day(incident.occurredOn), words: words)
            }
        }
        let page = PausePages.render(chrome: chrome, plan: plan, reminder: reminder, form: form, error: error, notice: notice)
        return .page(page, status: error == nil ? .ok : .unprocessableContent)
    }

    /// The trends page. The opened logs and the worked-out series are kept in the session's
    /// cache until the vault changes, so drawing the page again is quick.
    func trendsPage(_ vault: UnlockedVault, _ chrome: PageChrome, cache: SessionCache?, chosen: Trends.Scale?, notice: String?) async throws -> String {
        let now = environment.now()
        let timeZone = environment.timeZone
        let since = try await vault.preferences().noContactSince.flatMap(IncidentDraft.parseDay).map { day in
            // `parseDay` gives midnight UTC; move it to midnight in the person's zone.
            day.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: day)))
        }
        let records = OpenedRecords(vault: vault, cache: cache)
        let key = "trends:\(chosen?.rawValue ?? "auto"):\(LocalDay.string(now, timeZone: timeZone)):\(since?.timeIntervalSince1970 ?? 0)"
        let model = try await records.values(key) {
            async let checkIns = records.values("checkins") { try await vault.checkIns.all() }
            async let urges = records.values("urges") { try await vault.urges.all() }
            async let contacts = records.values("contacts") { try await vault.contacts.all() }
            return Self.trendsModel(
                checkIns: try await checkIns, urges: try await urges, contacts: try await contacts,
                since: since, chosen: chosen, now: now, timeZone: timeZone
            )
        }
        return WithdrawalPages.trends(
            chrome: chrome, chart: model.chart, svg: model.svg, tableRows: model.tableRows, helps: model.helps, notice: notice
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
