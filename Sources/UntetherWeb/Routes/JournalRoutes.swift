import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Step 4: the reality journal and "check my memory".
struct JournalRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.journal) { request, context in
            try await context.cachedPage(request, environment) { revisions in
                let today = context.clock(environment).today
                let opened = context.opened
                let entries = try await opened.derived("journal:by-day", from: [.journal], revisions: revisions) { (_: [JournalEntry]?, revisions) in
                    try await opened.all(JournalEntry.self, revisions: revisions).sorted { ($0.date, $0.createdAt) > ($1.date, $1.createdAt) }
                }
                let due = try await opened.dueDecisions(today: today, revisions: revisions)
                return JournalPages.list(
                    chrome: context.chrome(.journal), entries: Pager(entries, page: PageNumber.of(request)), dueDecisions: due,
                    notice: JournalNotice(request)?.message
                )
            }
        }
        routes.get(.newJournalEntry) { request, context in
            let today = context.clock(environment).today
            let date = Self.askedDay(request).flatMap { $0 > today ? nil : $0 } ?? today
            return Response.page(JournalPages.form(
                chrome: context.chrome(.journal), entry: nil, form: .init(date: date.description), memory: try await memory(context, date: date)
            ))
        }
        routes.post(.journal) { _, context in
            let form = JournalPages.Form(context.form)
            let clock = context.clock(environment)
            do {
                let entry = try form.entry(id: UUID(), createdAt: clock.now, now: clock.now, today: clock.today)
                try await context.vault.log(JournalEntry.self).add(entry)
                return Response.redirect(to: .journalEntry(.of(entry.id)), notice: JournalNotice.saved)
            } catch let error as JournalError {
                let memory = try await memory(context, date: CalendarDay(form.date) ?? clock.today)
                return .page(JournalPages.form(chrome: context.chrome(.journal), entry: nil, form: form, memory: memory, error: error.description),
                             status: .unprocessableContent)
            }
        }
        routes.get(.journalMemory) { request, context in
            let date = Self.askedDay(request) ?? context.clock(environment).today
            return Response.page(JournalPages.memoryPage(chrome: context.chrome(.journal), memory: try await memory(context, date: date)))
        }
        routes.get(.journalEntry(.id)) { request, context in
            try await context.cachedPage(request, environment) { _ in
                let entry = try await context.load(JournalEntry.self)
                return JournalPages.show(
                    chrome: context.chrome(.journal), entry: entry, memory: try await memory(context, about: entry), notice: JournalNotice(request)?.message
                )
            }
        }
        routes.get(.editJournalEntry(.id)) { _, context in
            let entry = try await context.load(JournalEntry.self)
            return Response.page(JournalPages.form(chrome: context.chrome(.journal), entry: entry, form: .init(entry), memory: try await memory(context, about: entry)))
        }
        routes.post(.journalEntry(.id)) { _, context in
            let entry = try await context.load(JournalEntry.self)
            let form = JournalPages.Form(context.form)
            let clock = context.clock(environment)
            do {
                let changed = try form.entry(id: entry.id, createdAt: entry.createdAt, now: clock.now, today: clock.today)
                try await context.vault.log(JournalEntry.self).update(changed, now: clock.now)
                return Response.redirect(to: .journalEntry(.of(entry.id)), notice: JournalNotice.saved)
            } catch let error as JournalError {
                return .page(JournalPages.form(
                    chrome: context.chrome(.journal), entry: entry, form: form, memory: try await memory(context, about: entry), error: error.description
                ), status: .unprocessableContent)
            }
        }
        routes.get(.deleteJournalEntry(.id)) { _, context in
            Response.page(JournalPages.confirmDelete(chrome: context.chrome(.journal), entry: try await context.load(JournalEntry.self)))
        }
        routes.post(.deleteJournalEntry(.id)) { _, context in
            let entry = try await context.load(JournalEntry.self)
            try await context.vault.log(JournalEntry.self).delete(entry.id)
            return Response.redirect(to: .journal, notice: JournalNotice.deleted)
        }
        routes.get(.learnStep4) { _, context in Response.page(LearnPages.step4(chrome: context.chrome(.journal))) }
    }

    /// The day named in the address (`?date=`), when it is one.
    static func askedDay(_ request: Request) -> CalendarDay? {
        request.uri.queryParameters["date"].flatMap { CalendarDay($0) }
    }

    /// What the person wrote before about an entry's day, and entries that share its tags.
    func memory(_ context: UnlockedContext, about entry: JournalEntry) async throws -> JournalPages.MemoryView {
        try await memory(context, date: entry.date, tags: entry.tags, excluding: entry.id)
    }

    /// What the person wrote about `date` before: journal entries, log entries, and journal
    /// entries that share a tag.
    func memory(_ context: UnlockedContext, date: CalendarDay, tags: [String] = [], excluding: UUID? = nil) async throws -> JournalPages.MemoryView {
        let journal = try await context.opened.all(JournalEntry.self)
        let log = try await context.opened.incidents().filter { $0.occurredOn == date }
        let sameTags = tags.isEmpty ? [] : journal.filter { !Set($0.tags).isDisjoint(with: tags) }.sorted { $0.date > $1.date }
        return JournalPages.MemoryView(
            date: date, journal: journal.filter { $0.date == date }, log: log, sameTags: sameTags, excluding: excluding
        )
    }
}
