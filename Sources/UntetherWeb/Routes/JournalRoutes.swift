import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 4: the reality journal, "check my memory", decisions, the timeline, search and the reading.
struct JournalRoutes {
    let environment: WebEnvironment

    func today() -> String { LocalDay.string(environment.now(), timeZone: environment.timeZone) }

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.journal)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { JournalPages.notices[String($0)] }
                let entries = try await OpenedRecords(vault, context).journal().sorted { ($0.date, $0.createdAt) > ($1.date, $1.createdAt) }
                let due = try await vault.decisions.all().filter { $0.isDue(today: today()) }.count
                return .page(JournalPages.list(chrome: chrome, entries: entries, dueDecisions: due, notice: notice))
            }
        }
        router.get(RouterPath(SitePath.newJournalEntry)) { request, context in
            try await withVault(context) { vault, chrome in
                let asked = request.uri.queryParameters["date"].map(String.init) ?? ""
                let date = IncidentDraft.parseDay(asked) == nil || asked > today() ? today() : asked
                return .page(JournalPages.form(chrome: chrome, entry: nil, form: .init(date: date), memory: try await memory(OpenedRecords(vault, context), date: date)))
            }
        }
        router.post(RouterPath(SitePath.journal)) { _, context in
            try await withVault(context) { vault, chrome in
                let form = JournalPages.Form(context.form)
                do {
                    let now = environment.now()
                    let entry = try form.entry(id: UUID(), createdAt: now, now: now, today: today())
                    try await vault.journal.add(entry)
                    return .redirect(to: SitePath.journalEntry(SitePath.key(entry.id)) + "?done=saved")
                } catch let error as JournalError {
                    let memory = try await memory(OpenedRecords(vault, context), date: IncidentDraft.parseDay(form.date) == nil ? today() : form.date)
                    return .page(JournalPages.form(chrome: chrome, entry: nil, form: form, memory: memory, error: error.description),
                                 status: .unprocessableContent)
                }
            }
        }
        router.get(RouterPath(SitePath.journalMemory)) { request, context in
            try await withVault(context) { vault, chrome in
                let asked = request.uri.queryParameters["date"].map(String.init) ?? ""
                let date = IncidentDraft.parseDay(asked) == nil ? today() : asked
                return .page(JournalPages.memoryPage(chrome: chrome, memory: try await memory(OpenedRecords(vault, context), date: date)))
            }
        }
        router.get("/journal/:id") { request, context in
            try await withEntry(context) { vault, entry, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { JournalPages.notices[String($0)] }
                return .page(JournalPages.show(chrome: chrome, entry: entry, memory: try await memory(OpenedRecords(vault, context), date: entry.date, tags: entry.tags, excluding: entry.id), notice: notice))
            }
        }
        router.get("/journal/:id/edit") { _, context in
            try await withEntry(context) { vault, entry, chrome in
                .page(JournalPages.form(chrome: chrome, entry: entry, form: .init(entry),
                                        memory: try await memory(OpenedRecords(vault, context), date: entry.date, tags: entry.tags, excluding: entry.id)))
            }
        }
        router.post("/journal/:id") { _, context in
            try await withEntry(context) { vault, entry, chrome in
                let form = JournalPages.Form(context.form)
                do {
                    let changed = try form.entry(id: entry.id, createdAt: entry.createdAt, now: environment.now(), today: today())
                    try await vault.journal.update(changed, now: environment.now())
                    return .redirect(to: SitePath.journalEntry(SitePath.key(entry.id)) + "?done=saved")
                } catch let error as JournalError {
                    let memory = try await memory(OpenedRecords(vault, context), date: entry.date, tags: entry.tags, excluding: entry.id)
                    return .page(JournalPages.form(chrome: chrome, entry: entry, form: form, memory: memory, error: error.description),
                                 status: .unprocessableContent)
                }
            }
        }
        router.get("/journal/:id/delete") { _, context in
            try await withEntry(context) { _, entry, chrome in .page(JournalPages.confirmDelete(chrome: chrome, entry: entry)) }
        }
        router.post("/journal/:id/delete") { _, context in
            try await withEntry(context) { vault, entry, _ in
                try await vault.journal.delete(entry.id)
                return .redirect(to: SitePath.journal + "?done=deleted")
            }
        }

        router.get(RouterPath(SitePath.decisions)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { SelfTrustPages.notices[String($0)] }
                return .page(SelfTrustPages.decisions(chrome: chrome, decisions: try await sortedDecisions(vault), today: today(), notice: notice))
            }
        }
        router.post(RouterPath(SitePath.decisions)) { _, context in
            try await withVault(context) { vault, chrome in
                let fields = ["decision", "gut", "chose", "made_on", "review_on"]
                let form = Dictionary(uniqueKeysWithValues: fields.map { ($0, context.form[$0]) })
                do {
                    let decision = try Decision.validated(
                        id: UUID(), madeOn: form["made_on"] ?? "", decision: form["decision"] ?? "", gut: form["gut"] ?? "",
                        chose: form["chose"] ?? "", reviewOn: form["review_on"] ?? ""
                    )
                    try await vault.decisions.add(decision)
                    return .redirect(to: SitePath.decisions + "?done=saved")
                } catch let error as JournalError {
                    let message = error == .empty ? "Please say what you're deciding." : error.description
                    return .page(SelfTrustPages.decisions(chrome: chrome, decisions: try await sortedDecisions(vault), today: today(),
                                                          form: form, error: message), status: .unprocessableContent)
                }
            }
        }
        router.get("/decisions/:id") { _, context in
            try await withDecision(context) { _, decision, chrome in .page(SelfTrustPages.decision(chrome: chrome, decision: decision)) }
        }
        router.post("/decisions/:id") { _, context in
            try await withDecision(context) { vault, decision, chrome in
                let wentWell: Bool? = context.form["went_well"] == "yes" ? true : context.form["went_well"] == "no" ? false : nil
                do {
                    let reviewed = try decision.reviewed(
                        outcome: context.form["outcome"], wentWell: wentWell, gutCheck: Decision.GutCheck(rawValue: context.form["gut_check"])
                    )
                    try await vault.decisions.update(reviewed, now: environment.now())
                    return .redirect(to: SitePath.decisions + "?done=reviewed")
                } catch let error as JournalError {
                    let message = error == .empty ? "Please say how it turned out, or answer one of the questions." : error.description
                    return .page(SelfTrustPages.decision(chrome: chrome, decision: decision, error: message), status: .unprocessableContent)
                }
            }
        }

        router.get(RouterPath(SitePath.timeline)) { request, context in
            try await withVault(context) { vault, chrome in
                let notice = request.uri.queryParameters["done"].flatMap { SelfTrustPages.notices[String($0)] }
                return try await timelinePage(vault, chrome, cache: context.session?.cache, notice: notice)
            }
        }
        router.post(RouterPath(SitePath.timeline)) { _, context in
            try await withVault(context) { vault, chrome in
                let form = ["kind": context.form["kind"], "date": context.form["date"], "note": context.form["note"]]
                do {
                    guard let kind = Milestone.Kind(rawValue: form["kind"] ?? "") else { throw JournalError.empty }
                    try await vault.milestones.add(try Milestone.validated(id: UUID(), date: form["date"] ?? "", kind: kind, note: form["note"] ?? "", today: today()))
                    return .redirect(to: SitePath.timeline + "?done=added")
                } catch let error as JournalError {
                    let message = error == .empty ? "Please choose what happened." : error.description
                    return try await timelinePage(vault, chrome, cache: context.session?.cache, form: form, error: message)
                }
            }
        }
        router.post("/timeline/:id/delete") { _, context in
            try await withVault(context) { vault, _ in
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), try await vault.milestones.value(id) != nil
                else { throw HTTPError(.notFound) }
                try await vault.milestones.delete(id)
                return .redirect(to: SitePath.timeline + "?done=removed")
            }
        }

        router.get(RouterPath(SitePath.search)) { _, context in
            try await withVault(context) { _, chrome in .page(SearchPages.render(chrome: chrome, form: .init(), hits: nil, total: 0)) }
        }
        router.post(RouterPath(SitePath.search)) { _, context in
            try await withVault(context) { vault, chrome in
                let form = SearchPages.Form(query: context.form["q"], kind: context.form["kind"], from: context.form["from"], to: context.form["to"])
                let parsed = SearchQuery.parse(
                    String(form.query.prefix(200)), kinds: SearchDocument.Kind(rawValue: form.kind).map { [$0] } ?? [],
                    from: IncidentDraft.parseDay(form.from) == nil ? nil : form.from, to: IncidentDraft.parseDay(form.to) == nil ? nil : form.to
                )
                guard !parsed.isEmpty else { return .page(SearchPages.render(chrome: chrome, form: form, hits: nil, total: 0)) }
                let index = try await Self.searchIndex(vault, cache: context.session?.cache, timeZone: environment.timeZone)
                let hits = index.search(parsed, limit: 1_000)
                return .page(SearchPages.render(chrome: chrome, form: form, hits: Array(hits.prefix(100)), total: hits.count))
            }
        }
        router.get(RouterPath(SitePath.learnStep4)) { _, context in
            try await withVault(context) { _, chrome in .page(LearnPages.step4(chrome: chrome)) }
        }
    }

    /// The session's search index: built from everything opened, kept until the vault changes,
    /// and dropped when the session locks.
    static func searchIndex(_ vault: UnlockedVault, cache: SessionCache?, timeZone: TimeZone) async throws -> SearchIndex {
        try await OpenedRecords(vault: vault, cache: cache).values("search") {
            SearchIndex(try await vault.searchDocuments(timeZone: timeZone))
        }
    }

    func withVault(_ context: WebContext, _ body: (UnlockedVault, PageChrome) async throws -> Response) async throws -> Response {
        try await withOpenVault(context, section: .journal, body)
    }

    func withEntry(_ context: WebContext, _ body: (UnlockedVault, JournalEntry, PageChrome) async throws -> Response) async throws -> Response {
        try await withVault(context) { vault, chrome in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let entry = try await vault.journal.value(id)
            else { throw HTTPError(.notFound) }
            return try await body(vault, entry, chrome)
        }
    }

    func withDecision(_ context: WebContext, _ body: (UnlockedVault, Decision, PageChrome) async throws -> Response) async throws -> Response {
        try await withVault(context) { vault, chrome in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let decision = try await vault.decisions.value(id)
            else { throw HTTPError(.notFound) }
            return try await body(vault, decision, chrome)
        }
    }

    func sortedDecisions(_ vault: UnlockedVault) async throws -> [Decision] {
        try await vault.decisions.all().sorted { $0.madeOn > $1.madeOn }
    }

    /// What the person wrote about `date` before: journal entries, log entries, and journal
    /// entries that share a tag.
    func memory(_ records: OpenedRecords, date: String, tags: [String] = [], excluding: UUID? = nil) async throws -> JournalPages.MemoryView {
        let journal = try await records.journal()
        let log = try await records.incidents().filter { $0.occurredOn == date }
        let sameTags = tags.isEmpty ? [] : journal.filter { !Set($0.tags).isDisjoint(with: tags) }.sorted { $0.date > $1.date }
        return JournalPages.MemoryView(
            date: date, journal: journal.filter { $0.date == date }, log: log, sameTags: sameTags, excluding: excluding
        )
    }

    func timelinePage(_ vault: UnlockedVault, _ chrome: PageChrome, cache: SessionCache?, form: [String: String] = [:], error: String? = nil,
                      notice: String? = nil) async throws -> Response {
        let milestones = try await vault.milestones.all().sorted { $0.date < $1.date }
        let incidents = try await OpenedRecords(vault: vault, cache: cache).incidents()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM yyyy"
        let chart = TimelineChart(
            milestones: milestones.map { .init(day: $0.day, label: formatter.string(from: $0.day) + " · " + $0.kind.label) },
            incidents: incidents.filter { !$0.isKindMoment }.compactMap { IncidentDraft.parseDay($0.occurredOn) },
            kindMoments: incidents.filter(\.isKindMoment).compactMap { IncidentDraft.parseDay($0.occurredOn) },
            end: IncidentDraft.parseDay(today()) ?? environment.now()
        )
        let page = SelfTrustPages.timeline(chrome: chrome, chart: chart, milestones: milestones, today: today(), form: form, error: error, notice: notice)
        return .page(page, status: error == nil ? .ok : .unprocessableContent)
    }
}
