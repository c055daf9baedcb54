import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 2: the contact log and streak, the person's situation, the plan, the rules, prepared
/// answers and the reading.
struct ContactRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.contacts)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { ContactPages.notices[String($0)] }
                return try await contactPage(vault, chrome, form: ContactForm(now: environment.now(), timeZone: environment.timeZone), notice: notice)
            }
        }
        router.post(RouterPath(SitePath.contacts)) { _, context in try await addContact(context) }
        router.get("/days/:id/delete") { _, context in
            try await withContact(context) { _, event, chrome in .page(ContactPages.confirmDelete(chrome: chrome, event: event)) }
        }
        router.post("/days/:id/delete") { _, context in
            try await withContact(context) { vault, event, _ in
                try await vault.contacts.delete(event.id)
                return .redirect(to: SitePath.contacts + "?done=deleted")
            }
        }
        router.post(RouterPath(SitePath.situation)) { _, context in try await saveSituation(context) }

        router.get(RouterPath(SitePath.plan)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { PlanPages.notices[String($0)] }
                return .page(PlanPages.plan(chrome: chrome, plan: try await plan(vault), notice: notice))
            }
        }
        router.post(RouterPath(SitePath.plan)) { _, context in
            try await withVault(context) { vault, _ in
                var plan = try await plan(vault)
                let guide = Set(NoContactPlan.guideSteps.map(\.id).filter { context.form.has("step_\($0)") })
                let own = Set(plan.ownSteps.map(\.id).filter { context.form.has("own_\(SitePath.key($0))") })
                plan.markDone(guideSteps: guide, ownSteps: own)
                try await vault.saveDocument(plan, kind: .contactPlan, now: environment.now())
                return .redirect(to: SitePath.plan + "?done=saved")
            }
        }
        router.post(RouterPath(SitePath.planOwn)) { _, context in
            try await withVault(context) { vault, chrome in
                var plan = try await plan(vault)
                do {
                    try plan.add(context.form["text"], id: UUID())
                } catch let error as ListItemError {
                    return .page(PlanPages.plan(chrome: chrome, plan: plan, newStep: context.form["text"], error: error.description),
                                 status: .unprocessableContent)
                }
                try await vault.saveDocument(plan, kind: .contactPlan, now: environment.now())
                return .redirect(to: SitePath.plan + "?done=added")
            }
        }
        router.post("/plan/own/:id/delete") { _, context in
            try await withVault(context) { vault, _ in
                var plan = try await plan(vault)
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), plan.ownSteps.contains(where: { $0.id == id })
                else { throw HTTPError(.notFound) }
                plan.remove(id)
                try await vault.saveDocument(plan, kind: .contactPlan, now: environment.now())
                return .redirect(to: SitePath.plan + "?done=removed")
            }
        }

        router.get(RouterPath(SitePath.rules)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { PlanPages.notices[String($0)] }
                return .page(PlanPages.rules(chrome: chrome, lines: try await Self.rules(vault).rules, notice: notice))
            }
        }
        router.post(RouterPath(SitePath.rules)) { _, context in
            try await withVault(context) { vault, chrome in
                let count = min(Int(context.form["rule_count"]) ?? 0, LowContactRules.maxRules + 2)
                let lines = (0..<max(0, count)).map { context.form["rule_\($0)"] }
                do {
                    try await vault.saveDocument(try LowContactRules.validated(lines), kind: .contactRules, now: environment.now())
                    return .redirect(to: SitePath.rules + "?done=saved")
                } catch let error as ListItemError {
                    let typed = lines.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                    return .page(PlanPages.rules(chrome: chrome, lines: typed, error: error.description), status: .unprocessableContent)
                }
            }
        }

        router.get(RouterPath(SitePath.answers)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { PlanPages.notices[String($0)] }
                return .page(PlanPages.answers(chrome: chrome, answers: try await answers(vault), notice: notice))
            }
        }
        router.post(RouterPath(SitePath.answers)) { _, context in
            try await withVault(context) { vault, chrome in
                var answers = try await answers(vault)
                do {
                    try answers.add(when: context.form["when"], text: context.form["text"], id: UUID())
                } catch let error as ListItemError {
                    return .page(PlanPages.answers(chrome: chrome, answers: answers, when: context.form["when"], text: context.form["text"],
                                                   error: error.description), status: .unprocessableContent)
                }
                try await vault.saveDocument(answers, kind: .preparedAnswers, now: environment.now())
                return .redirect(to: SitePath.answers + "?done=saved")
            }
        }
        router.post("/answers/:id/delete") { _, context in
            try await withVault(context) { vault, _ in
                var answers = try await answers(vault)
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), answers.own.contains(where: { $0.id == id })
                else { throw HTTPError(.notFound) }
                answers.remove(id)
                try await vault.saveDocument(answers, kind: .preparedAnswers, now: environment.now())
                return .redirect(to: SitePath.answers + "?done=removed")
            }
        }

        router.get(RouterPath(SitePath.learnStep2)) { _, context in
            try await withVault(context) { _, chrome in .page(LearnPages.step2(chrome: chrome)) }
        }
    }

    func withVault(_ context: WebContext, _ body: (UnlockedVault, PageChrome) async throws -> Response) async throws -> Response {
        try await withOpenVault(context, section: .contact, body)
    }

    func withContact(_ context: WebContext, _ body: (UnlockedVault, ContactEvent, PageChrome) async throws -> Response) async throws -> Response {
        try await withVault(context) { vault, chrome in
            guard
                let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                let event = try await vault.contacts.event(id)
            else { throw HTTPError(.notFound) }
            return try await body(vault, event, chrome)
        }
    }

    func plan(_ vault: UnlockedVault) async throws -> NoContactPlan {
        try await vault.document(NoContactPlan.self, kind: .contactPlan) ?? NoContactPlan()
    }

    static func rules(_ vault: UnlockedVault) async throws -> LowContactRules {
        try await vault.document(LowContactRules.self, kind: .contactRules) ?? LowContactRules()
    }

    func answers(_ vault: UnlockedVault) async throws -> PreparedAnswers {
        try await vault.document(PreparedAnswers.self, kind: .preparedAnswers) ?? PreparedAnswers()
    }

    /// The streak as the person's situation asks for it; nil until they have said.
    static func streak(_ vault: UnlockedVault, environment: WebEnvironment, events: [ContactEvent]? = nil) async throws -> StreakView? {
        guard let mode = try await vault.preferences().contactMode else { return nil }
        let now = environment.now()
        let summary = try await vault.contacts.summary(mode: mode, now: now, timeZone: environment.timeZone, events: events)
        return StreakView(summary: summary, now: now, timeZone: environment.timeZone)
    }

    func contactPage(
        _ vault: UnlockedVault, _ chrome: PageChrome, form: ContactForm, error: String? = nil, notice: String? = nil
    ) async throws -> Response {
        let events = try await vault.contacts.all().sorted { $0.at > $1.at }
        let page = ContactPages.page(
            chrome: chrome, streak: try await Self.streak(vault, environment: environment, events: events), form: form, contacts: events, error: error, notice: notice
        )
        return .page(page, status: error == nil ? .ok : .unprocessableContent)
    }

    func addContact(_ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let form = ContactForm(context.form)
            do {
                let event = try form.event(id: UUID(), now: environment.now(), timeZone: environment.timeZone)
                try await vault.contacts.add(event)
                return .redirect(to: SitePath.contacts + "?done=saved")
            } catch let error as ContactFormError {
                return try await contactPage(vault, chrome, form: form, error: error.description)
            } catch let error as ContactLogError {
                return try await contactPage(vault, chrome, form: form, error: error.description)
            }
        }
    }

    func saveSituation(_ context: WebContext) async throws -> Response {
        try await withVault(context) { vault, chrome in
            let back = context.form["return"] == "settings" ? SitePath.settings : SitePath.today
            guard let mode = ContactMode(rawValue: context.form["mode"]) else {
                return .redirect(to: back + "?done=situation-missing")
            }
            var preferences = try await vault.preferences()
            let since = context.form["since"].trimmingCharacters(in: .whitespaces)
            let reasons = LowContactReason.allCases.filter { context.form.has("reason_\($0.rawValue)") }
            preferences.setSituation(mode, reasons: reasons, since: since.isEmpty ? nil : since)
            try await vault.savePreferences(preferences, now: environment.now())
            if let token = context.session?.token {
                await sessions.updatePreferences(token: token, preferences: preferences)
            }
            return .redirect(to: back + "?done=situation")
        }
    }
}
