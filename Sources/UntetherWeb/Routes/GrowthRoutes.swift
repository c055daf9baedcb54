import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 5's healthy swaps and Step 6's values and statement.
struct GrowthRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.wins) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                try await winsPage(context, revisions: revisions, form: (context.clock(environment).today.description, ""), error: nil, notice: notice)
            }
        }
        routes.post(.wins) { _, context in
            let clock = context.clock(environment)
            do {
                let win = try Victory.validated(id: UUID(), on: context.form["on"], text: context.form["text"], recordedAt: clock.now, today: clock.today)
                try await context.vault.log(Victory.self).add(win)
            } catch let error as VictoryError {
                let page = try await winsPage(context, revisions: nil, form: (context.form["on"], context.form["text"]), error: error.description, notice: nil)
                return Response.page(page, status: .unprocessableContent)
            }
            return Response.redirect(to: .wins, notice: GrowthNotice.win)
        }
        routes.post(.deleteWin(.id)) { _, context in
            let win = try await context.load(Victory.self)
            try await context.vault.log(Victory.self).delete(win.id)
            return Response.redirect(to: .wins, notice: GrowthNotice.winRemoved)
        }
        routes.get(.kinder) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                WinPages.kinder(
                    chrome: context.chrome(nil), past: try await context.opened.all(KinderVoice.self, revisions: revisions), form: [:], error: nil,
                    notice: notice, timeZone: context.clock(environment).timeZone
                )
            }
        }
        routes.post(.kinder) { _, context in
            let fields = ["belief", "supports", "against", "kinder"]
            do {
                let entry = try KinderVoice.validated(
                    id: UUID(), at: environment.now(), belief: context.form["belief"], supports: context.form["supports"],
                    against: context.form["against"], kinder: context.form["kinder"]
                )
                try await context.vault.log(KinderVoice.self).add(entry)
            } catch let error as VictoryError {
                let message = error == .empty ? "Please write the harsh thought first." : error.description
                let form: [String: String] = Dictionary(uniqueKeysWithValues: fields.map { ($0, context.form[$0]) })
                let page = WinPages.kinder(
                    chrome: context.chrome(nil), past: try await context.opened.all(KinderVoice.self), form: form, error: message, notice: nil,
                    timeZone: context.clock(environment).timeZone
                )
                return Response.page(page, status: .unprocessableContent)
            }
            return Response.redirect(to: .kinder, notice: GrowthNotice.kinder)
        }
        routes.get(.ahead) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                AheadPages.render(chrome: context.chrome(nil), plan: try await context.opened.document(StayingFreePlan.self, revisions: revisions), error: nil, notice: notice)
            }
        }
        routes.post(.aheadList(.section)) { _, context in
            let name = context.parameters.get(SiteRoute.Parameter.section) ?? ""
            let parts: [StayingFreePlan.Part]
            switch name {
            case "maintenance": parts = StayingFreePlan.maintenance
            case "resilience": parts = StayingFreePlan.resilience
            default: throw HTTPError(.notFound)
            }
            var plan = try await context.vault.document(StayingFreePlan.self)
            let done = Set(parts.map(\.id).filter { context.form.has("done_\($0)") })
            let notes = Dictionary(uniqueKeysWithValues: parts.map { ($0.id, context.form["note_\($0.id)"]) })
            do {
                try plan.update(parts, done: done, notes: notes, today: context.clock(environment).today)
            } catch let error as SwapError {
                return Response.page(AheadPages.render(chrome: context.chrome(nil), plan: plan, error: (name, error.description), notice: nil), status: .unprocessableContent)
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: SiteRoute.ahead.with([(SiteRoute.Parameter.done, GrowthNotice.ahead.rawValue)]) + "#ahead-\(name)")
        }
        routes.get(.boundaries) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                try await boundariesPage(context, revisions: revisions, heldForm: nil, error: nil, notice: notice)
            }
        }
        routes.post(.boundaries) { _, context in
            var plan = try await context.vault.document(BoundaryPlan.self)
            do { try plan.update(mine: context.form["mine"], practice: context.form["practice"]) } catch let error as BoundaryError {
                let typed = BoundaryPlan(mine: [context.form["mine"]], practice: [context.form["practice"]])
                return Response.page(try await boundariesPage(context, revisions: nil, heldForm: nil, error: ("plan", error.description), notice: nil, typed: typed),
                                     status: .unprocessableContent)
            }
            try await context.vault.save(plan, now: environment.now())
            return Response.redirect(to: .boundaries, notice: GrowthNotice.boundaries)
        }
        routes.post(.boundariesHeld) { _, context in
            let clock = context.clock(environment)
            let form = (on: context.form["on"], boundary: context.form["boundary"], note: context.form["note"])
            do {
                let held = try BoundaryHeld.validated(id: UUID(), on: form.on, boundary: form.boundary, note: form.note, recordedAt: clock.now, today: clock.today)
                try await context.vault.log(BoundaryHeld.self).add(held)
            } catch let error as BoundaryError {
                return Response.page(try await boundariesPage(context, revisions: nil, heldForm: form, error: ("held", error.description), notice: nil), status: .unprocessableContent)
            }
            return Response.redirect(to: .boundaries, notice: GrowthNotice.held)
        }
        routes.get(.planDays) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                let (state, today, day) = try await planToday(context, revisions: revisions)
                return PlanDayPages.render(chrome: context.chrome(nil), state: state, today: today, day: day, notice: notice)
            }
        }
        routes.post(.planStart) { _, context in
            let clock = context.clock(environment)
            let on = CalendarDay(context.form["on"]).map { min($0, clock.today) } ?? clock.today
            try await context.vault.save(PlanState(startedOn: on, track: PlanTrack(rawValue: context.form["track"]) ?? .justLeft), now: environment.now())
            return Response.redirect(to: .planDays, notice: GrowthNotice.planStarted)
        }
        routes.post(.planMark) { _, context in
            var (state, today, day) = try await planToday(context, revisions: nil)
            guard state.isStarted else { return Response.redirect(to: .planDays) }
            var notice = GrowthNotice.planSaved
            switch context.form["action"] {
            case "done":
                if !(state.didStep(on: day) && today.kind == .sequence) {
                    state.complete(today, on: day)
                    notice = .planDone
                }
            case "skip": state.skip(on: day)
            case "repeat": state.repeatPrevious()
            case "pause": state.pause(on: day)
            case "resume": state.resume()
            case "track": if let track = PlanTrack(rawValue: context.form["track"]) { state.change(to: track) }
            default: break
            }
            try await context.vault.save(state, now: environment.now())
            return Response.redirect(to: .planDays, notice: notice)
        }
        routes.get(.toolkit) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                try await toolkitPage(context, revisions: revisions, error: nil, notice: notice)
            }
        }
        routes.post(.toolkit) { _, context in
            var toolkit = try await context.vault.document(Toolkit.self)
            do {
                if let action = CopingAction(rawValue: context.form["from_log"]), let kind = Toolkit.kind(of: action) {
                    try toolkit.add(kind: kind, text: action.label, action: action)
                } else {
                    try toolkit.add(kind: Toolkit.Kind(rawValue: context.form["kind"]) ?? .breathing, text: context.form["text"])
                }
            } catch let error as SwapError {
                let message = error == .noAttempt ? "Please write what helps." : "That is too long, or the toolkit is full. Please shorten it or remove something."
                return Response.page(try await toolkitPage(context, revisions: nil, error: message, notice: nil), status: .unprocessableContent)
            }
            try await context.vault.save(toolkit, now: environment.now())
            return Response.redirect(to: .toolkit, notice: GrowthNotice.toolkit)
        }
        routes.post(.toolkitRemove) { _, context in
            var toolkit = try await context.vault.document(Toolkit.self)
            // The words must match too, so a page left open in another tab never removes the wrong one.
            if let index = Int(context.form["index"]), toolkit.items.indices.contains(index), toolkit.items[index].text == context.form["text"] {
                toolkit.remove(at: index)
            }
            try await context.vault.save(toolkit, now: environment.now())
            return Response.redirect(to: .toolkit, notice: GrowthNotice.toolkit)
        }
        routes.get(.goals) { request, context in
            let notice = GrowthNotice(request)?.message
            return try await context.cachedPage(request, environment) { revisions in
                try await goalsPage(context, revisions: revisions, goalForm: ("", ""), interestForm: ("", ""), error: nil, notice: notice)
            }
        }
        routes.post(.goals) { _, context in
            let form = (title: context.form["title"], steps: context.form["steps"])
            do {
                try await context.vault.log(Goal.self).add(try Goal.validated(id: UUID(), title: form.title, steps: form.steps, createdAt: environment.now()))
            } catch let error as GoalError {
                return Response.page(try await goalsPage(context, revisions: nil, goalForm: form, interestForm: ("", ""), error: ("goal", error.description), notice: nil),
                                     status: .unprocessableContent)
            }
            return Response.redirect(to: .goals, notice: GrowthNotice.goal)
        }
        routes.post(.goal(.id)) { _, context in
            var goal = try await context.load(Goal.self)
            if context.form["action"] == "delete" {
                try await context.vault.log(Goal.self).delete(goal.id)
                return Response.redirect(to: .goals, notice: GrowthNotice.removed)
            }
            goal.mark(done: Set(goal.steps.indices.filter { context.form.has("step_\($0)") }))
            try await context.vault.log(Goal.self).update(goal, now: environment.now())
            return Response.redirect(to: SiteRoute.goals.with([(SiteRoute.Parameter.done, GrowthNotice.progress.rawValue)]) + "#goal-\(SiteRoute.key(goal.id))")
        }
        routes.post(.interests) { _, context in
            let form = (name: context.form["name"], origin: context.form["origin"])
            do {
                let interest = try Interest.validated(id: UUID(), name: form.name, origin: Interest.Origin(rawValue: form.origin) ?? .new, createdAt: environment.now())
                try await context.vault.log(Interest.self).add(interest)
            } catch let error as GoalError {
                return Response.page(try await goalsPage(context, revisions: nil, goalForm: ("", ""), interestForm: form, error: ("interest", error.description), notice: nil),
                                     status: .unprocessableContent)
            }
            return Response.redirect(to: SiteRoute.goals.with([(SiteRoute.Parameter.done, GrowthNotice.interest.rawValue)]) + "#interests")
        }
        routes.post(.interest(.id)) { _, context in
            var interest = try await context.load(Interest.self)
            if context.form["action"] == "delete" {
                try await context.vault.log(Interest.self).delete(interest.id)
                return Response.redirect(to: SiteRoute.goals.with([(SiteRoute.Parameter.done, GrowthNotice.removed.rawValue)]) + "#interests")
            }
            interest.didIt(on: context.clock(environment).today)
            try await context.vault.log(Interest.self).update(interest, now: environment.now())
            return Response.redirect(to: SiteRoute.goals.with([(SiteRoute.Parameter.done, GrowthNotice.did.rawValue)]) + "#interests")
        }
        routes.post(.deleteKinder(.id)) { _, context in
            try await context.vault.log(KinderVoice.self).delete(try await context.load(KinderVoice.self).id)
            return Response.redirect(to: .kinder, notice: GrowthNotice.removed)
        }
        routes.post(.deleteHeld(.id)) { _, context in
            try await context.vault.log(BoundaryHeld.self).delete(try await context.load(BoundaryHeld.self).id)
            return Response.redirect(to: .boundaries, notice: GrowthNotice.removed)
        }
        routes.post(.deleteTry(.id)) { _, context in
            try await context.vault.log(SwapTry.self).delete(try await context.load(SwapTry.self).id)
            return Response.redirect(to: .swaps, notice: GrowthNotice.removed)
        }
        routes.get(.reading(.section)) { _, context in
            guard let reading = context.parameters.get(SiteRoute.Parameter.section).flatMap(Reading.reading) else { throw HTTPError(.notFound) }
            return Response.page(WinPages.reading(chrome: context.chrome(nil), reading: reading))
        }
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
                // Shown as typed, so nothing is lost.
                var typed = plan
                typed.chosen = CoreValue.all.map(\.id).filter(ids.contains)
                typed.own = [context.form["own"]]
                return valuesPage(context, plan: typed, error: ("choose", error.description))
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
                let typed = context.form["statement"]
                if context.form["action"] == "draft" {
                    // The answers are kept; the draft is shown to edit, and saved only with "Save".
                    // Words typed into the statement and not saved yet stay in the box, with the
                    // draft beside them.
                    try await context.vault.save(plan, now: environment.now())
                    // Browsers send line breaks as \r\n and the saved statement is trimmed.
                    let typedText = typed.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                    let unsaved = !typedText.isEmpty && typedText != plan.statement
                    return valuesPage(context, plan: plan, error: nil, draft: plan.draftStatement, typed: unsaved ? typed : nil)
                }
                try plan.write(typed)
            } catch let error as ValuesError {
                let answers = ["treat_myself", "treat_others", "days"].reduce(into: [String: String]()) { $0[$1] = context.form[$1] }
                return valuesPage(context, plan: plan, error: ("mission", error.description), typed: context.form["statement"], answers: answers)
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
                return try await swapsPage(context, error: (swap.rawValue, error.description), typed: .init(notice: context.form["notice"], attempt: context.form["attempt"]))
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

    /// The plan, today's card and the person's day.
    func planToday(_ context: UnlockedContext, revisions: [String: Int]?) async throws -> (PlanState, PlanToday, CalendarDay) {
        try await context.planToday(clock: context.clock(environment), revisions: revisions)
    }

    func toolkitPage(_ context: UnlockedContext, revisions: [String: Int]?, error: String?, notice: String?) async throws -> String {
        let toolkit = try await context.opened.document(Toolkit.self, revisions: revisions)
        let urges = try await context.opened.all(Urge.self, revisions: revisions)
        return ToolkitPages.render(chrome: context.chrome(nil), toolkit: toolkit, suggestions: toolkit.suggestions(from: urges), error: error, notice: notice)
    }

    func goalsPage(
        _ context: UnlockedContext, revisions: [String: Int]?, goalForm: (title: String, steps: String), interestForm: (name: String, origin: String),
        error: (String, String)?, notice: String?
    ) async throws -> String {
        let goals = try await context.opened.all(Goal.self, revisions: revisions).sorted { $0.createdAt < $1.createdAt }
        let interests = try await context.opened.all(Interest.self, revisions: revisions).sorted { $0.createdAt < $1.createdAt }
        return GoalPages.render(
            chrome: context.chrome(nil), goals: goals, interests: interests, today: context.clock(environment).today,
            goalForm: goalForm, interestForm: interestForm, error: error, notice: notice
        )
    }

    func boundariesPage(
        _ context: UnlockedContext, revisions: [String: Int]?, heldForm: (on: String, boundary: String, note: String)?,
        error: (String, String)?, notice: String?, typed: BoundaryPlan? = nil
    ) async throws -> String {
        let held = try await context.opened.all(BoundaryHeld.self, revisions: revisions).sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }
        let saved = try await context.opened.document(BoundaryPlan.self, revisions: revisions)
        return BoundaryPages.render(
            chrome: context.chrome(nil), plan: saved, typed: typed, held: held,
            today: context.clock(environment).today, heldForm: heldForm, error: error, notice: notice
        )
    }

    /// Small wins, newest first, with the milestones the other steps hold.
    func winsPage(
        _ context: UnlockedContext, revisions: [String: Int]?, form: (on: String, text: String), error: String?, notice: String?
    ) async throws -> String {
        let clock = context.clock(environment)
        let opened = context.opened
        let revisions = if let revisions { revisions } else { try await opened.revisions() }
        let earned = EarnedMilestone.from(
            incidents: try await opened.incidents(revisions: revisions), checkIns: try await opened.all(CheckIn.self, revisions: revisions),
            journal: try await opened.all(JournalEntry.self, revisions: revisions), urges: try await opened.all(Urge.self, revisions: revisions),
            decisions: try await opened.all(Decision.self, revisions: revisions), swapTries: try await opened.all(SwapTry.self, revisions: revisions),
            streak: try await context.streak(environment, revisions: revisions)?.summary, today: clock.today, timeZone: clock.timeZone
        )
        let wins = try await opened.all(Victory.self, revisions: revisions).sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }
        return WinPages.wins(chrome: context.chrome(nil), wins: wins, earned: earned, form: form, error: error, notice: notice)
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

    func valuesPage(
        _ context: UnlockedContext, plan: ValuesPlan, error: (String, String)?, draft: String? = nil, typed: String? = nil, answers: [String: String]? = nil
    ) -> Response {
        .page(ValuesPages.render(chrome: context.chrome(nil), plan: plan, error: error, notice: nil, draft: draft, typed: typed, answers: answers),
              status: error == nil ? .ok : .unprocessableContent)
    }

    func swapsPage(_ context: UnlockedContext, error: (String, String), typed: SwapPlan.Entry? = nil) async throws -> Response {
        .page(SwapPages.render(
            chrome: context.chrome(nil), plan: try await context.vault.document(SwapPlan.self), tries: try await context.opened.all(SwapTry.self),
            error: error, notice: nil, timeZone: context.clock(environment).timeZone, typed: typed
        ), status: .unprocessableContent)
    }
}
