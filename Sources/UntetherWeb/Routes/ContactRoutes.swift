import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 2: the contact log and streak, the person's situation, the plan, the rules, prepared
/// answers and the reading.
struct ContactRoutes: UnlockedRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.contacts) { request, context in
            let clock = context.clock(environment)
            let notice = ContactNotice(request)
            return try await context.cachedPage(request, environment) { _ in
                try await contactPage(
                    context, form: ContactForm(now: clock.now, timeZone: clock.timeZone), page: PageNumber.of(request), notice: notice?.message,
                    offerReplyCheck: notice == .savedTheirs
                )
            }
        }
        routes.post(.contacts) { _, context in try await addContact(context) }
        routes.get(.deleteContact(.id)) { _, context in
            Response.page(ContactPages.confirmDelete(chrome: context.chrome(.contact), event: try await context.load(ContactEvent.self)))
        }
        routes.post(.deleteContact(.id)) { _, context in
            let event = try await context.load(ContactEvent.self)
            try await context.vault.log(ContactEvent.self).delete(event.id)
            return Response.redirect(to: .contacts, notice: ContactNotice.deleted)
        }
        routes.post(.situation) { _, context in try await saveSituation(context) }

        routes.get(.plan) { request, context in
            Response.page(PlanPages.plan(
                chrome: context.chrome(.contact), plan: try await context.vault.document(NoContactPlan.self), notice: PlanNotice(request)?.message
            ))
        }
        routes.post(.plan) { _, context in
            var plan = try await context.vault.document(NoContactPlan.self)
            let guide = Set(NoContactPlan.guideSteps.map(\.id).filter { context.form.has("step_\($0)") })
            let own = Set(plan.ownSteps.map(\.id).filter { context.form.has("own_\(SiteRoute.Slot.of($0).text)") })
            plan.markDone(guideSteps: guide, ownSteps: own)
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: .plan, notice: PlanNotice.saved)
        }
        routes.post(.planOwn) { _, context in
            var plan = try await context.vault.document(NoContactPlan.self)
            do {
                try plan.add(context.form["text"], id: UUID())
            } catch let error as ListItemError {
                return Response.page(PlanPages.plan(chrome: context.chrome(.contact), plan: plan, newStep: context.form["text"], error: error.description),
                             status: .unprocessableContent)
            }
            try await context.vault.save(plan, now: environment.now())
            return .redirect(to: .plan, notice: PlanNotice.added)
        }
        routes.post(.deletePlanStep(.id)) { _, context in
            var plan = try await context.vault.document(NoContactPlan.self)
            let id = try context.pathID()
            guard plan.ownSteps.contains(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            plan.remove(id)
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: .plan, notice: PlanNotice.removed)
        }

        routes.get(.rules) { request, context in
            Response.page(PlanPages.rules(
                chrome: context.chrome(.contact), lines: try await context.vault.document(LowContactRules.self).rules,
                notice: PlanNotice(request)?.message
            ))
        }
        routes.post(.rules) { _, context in
            let form = RulesForm(context.form)
            do {
                try await context.vault.save(try LowContactRules.validated(form.lines), now: environment.now())
                return Response.redirect(to: .rules, notice: PlanNotice.saved)
            } catch let error as ListItemError {
                return Response.page(PlanPages.rules(chrome: context.chrome(.contact), lines: form.typed, error: error.description), status: .unprocessableContent)
            }
        }

        routes.get(.answers) { request, context in
            Response.page(PlanPages.answers(
                chrome: context.chrome(.contact), answers: try await context.vault.document(PreparedAnswers.self), notice: PlanNotice(request)?.message
            ))
        }
        routes.post(.answers) { _, context in
            var answers = try await context.vault.document(PreparedAnswers.self)
            do {
                try answers.add(when: context.form["when"], text: context.form["text"], id: UUID())
            } catch let error as ListItemError {
                return Response.page(PlanPages.answers(chrome: context.chrome(.contact), answers: answers, when: context.form["when"], text: context.form["text"],
                                               error: error.description), status: .unprocessableContent)
            }
            try await context.vault.save(answers, now: environment.now())
            return .redirect(to: .answers, notice: PlanNotice.saved)
        }
        routes.post(.deleteAnswer(.id)) { _, context in
            var answers = try await context.vault.document(PreparedAnswers.self)
            let id = try context.pathID()
            guard answers.own.contains(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            answers.remove(id)
            try await context.vault.save(answers, now: environment.now())
            return Response.redirect(to: .answers, notice: PlanNotice.removed)
        }

        routes.get(.learnStep2) { _, context in Response.page(LearnPages.step2(chrome: context.chrome(.contact))) }
    }

    func contactPage(
        _ context: UnlockedContext, form: ContactForm, page: Int = 1, error: String? = nil, notice: String? = nil, offerReplyCheck: Bool = false
    ) async throws -> String {
        let opened = context.opened
        let revisions = try await opened.revisions()
        // Newest first by when it happened (the order the store keeps contacts in).
        let events = try await opened.all(ContactEvent.self, revisions: revisions)
        return ContactPages.page(
            chrome: context.chrome(.contact), streak: try await context.streak(environment, revisions: revisions), form: form,
            contacts: Pager(events, page: page),
            error: error, notice: notice, offerReplyCheck: offerReplyCheck
        )
    }

    func addContact(_ context: UnlockedContext) async throws -> Response {
        let form = ContactForm(context.form)
        let clock = context.clock(environment)
        do {
            let event = try form.event(id: UUID(), now: clock.now, timeZone: clock.timeZone)
            try await context.vault.log(ContactEvent.self).add(event)
            return .redirect(to: .contacts, notice: event.initiatedBy == .them ? ContactNotice.savedTheirs : ContactNotice.saved)
        } catch let error as ContactFormError {
            return .page(try await contactPage(context, form: form, error: error.description), status: .unprocessableContent)
        } catch let error as ContactLogError {
            return .page(try await contactPage(context, form: form, error: error.description), status: .unprocessableContent)
        }
    }

    func saveSituation(_ context: UnlockedContext) async throws -> Response {
        let form = SituationForm(context.form)
        guard let mode = form.mode else {
            return form.fromSettings
                ? .redirect(to: .settings, notice: SettingsNotice.situationMissing)
                : .redirect(to: .today, notice: TodayNotice.situationMissing)
        }
        var preferences = try await context.vault.document(Preferences.self)
        preferences.setSituation(mode, reasons: form.reasons, since: form.since)
        try await context.vault.save(preferences, now: environment.now())
        await sessions.updatePreferences(token: context.session.token, preferences: preferences)
        return form.fromSettings ? .redirect(to: .settings, notice: SettingsNotice.situation) : .redirect(to: .today, notice: TodayNotice.situation)
    }
}

/// The low-contact rules as posted: one field per line, with a count.
struct RulesForm {
    let lines: [String]

    init(_ form: FormFields) {
        let count = min(Int(form["rule_count"]) ?? 0, LowContactRules.maxRules + 2)
        lines = (0..<max(0, count)).map { form["rule_\($0)"] }
    }

    /// The lines the person actually typed, to show again.
    var typed: [String] { lines.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
}

/// The person's situation as posted from Today or Settings.
struct SituationForm {
    let mode: ContactMode?
    let reasons: [LowContactReason]
    let since: String?
    /// True when the form was sent from Settings, so the answer goes back there.
    let fromSettings: Bool

    init(_ form: FormFields) {
        mode = ContactMode(rawValue: form["mode"])
        reasons = LowContactReason.allCases.filter { form.has("reason_\($0.rawValue)") }
        let since = form["since"].trimmingCharacters(in: .whitespaces)
        self.since = since.isEmpty ? nil : since
        fromSettings = form["return"] == "settings"
    }
}
