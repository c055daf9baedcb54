import Foundation
import Hummingbird
import Plot

/// Every path the app serves, in one place. A route is registered with `pattern` and linked
/// with `path`, from the same case, so a link and its route cannot drift. Paths are bland on
/// purpose: someone glancing at the address bar or history sees nothing alarming.
enum SiteRoute: Hashable, Sendable {
    // Open to everyone: first run, unlock, recovery, lock, quick exit, assets.
    case home, welcome, setup, setupDone, recoveryKey, recoveryKeyLater, unlock, recover, lock, exit, keepAlive
    case asset(Slot)
    // Today and notes.
    case today, notes, newNote
    case note(Slot), editNote(Slot), deleteNote(Slot)
    // Step 1: the log.
    case log, newLogEntry, newLogEntryFull, kindMoment, export, learnStep1, patterns, patternsSummary, selfCheck
    case logEntry(Slot), removeLogEntry(Slot), logFiles(Slot), logFile(Slot, Slot)
    // Step 2: contact.
    case coach, contacts, situation, plan, planOwn, rules, answers, learnStep2
    case deleteContact(Slot), deletePlanStep(Slot), deleteAnswer(Slot)
    // Step 3: withdrawal.
    case pause, pauseSetup, pauseOrder, checkIn, trends, urges, tools, learnStep3
    case tool(Slot)
    // Step 4: reality and self-trust.
    case journal, newJournalEntry, journalMemory, decisions, timeline, search, learnStep4
    case journalEntry(Slot), editJournalEntry(Slot), deleteJournalEntry(Slot), decision(Slot), deleteMilestone(Slot)
    // Settings.
    case settings, preferences, passphrase, backup, accessLog, deleteEverything, recoveryKeyKept
    case drafts, keepDraft
    case discardDraft(Slot)
    // The safety net: help, safe people, the safety plan.
    case help, helpRegion, people, safetyPlan, safetyPlanSituation, safetyPlanPrint, dangerCheck
    case deletePerson(Slot), safetyPlanSection(Slot), deleteDangerCheck(Slot), deleteSelfCheck(Slot)
    // Step 5: coping. Step 6: who I am. Step 7: someone new.
    case talk, swaps, swapTries, values, valuesChoose, valuesRank, valuesMission, wins, kinder, flags, ahead, boundaries, boundariesHeld, goals, interests, toolkit, toolkitRemove, planDays, planStart, planMark
    case swapPart(Slot), aheadList(Slot), goal(Slot), interest(Slot), deleteKinder(Slot), deleteHeld(Slot), deleteTry(Slot), deleteWin(Slot), reading(Slot), deleteFlagObservation(Slot)

    /// The part of a path that changes: a record's id in a link, or its parameter in a pattern.
    struct Slot: Hashable, Sendable {
        let text: String

        /// Where a route takes a record's id.
        static let id = Slot(text: ":\(Parameter.id)")
        /// Where a route takes an attached file's id.
        static let file = Slot(text: ":\(Parameter.file)")
        /// Where a route takes a tool's name.
        static let tool = Slot(text: ":\(Parameter.tool)")
        /// Where a route takes a section's name.
        static let section = Slot(text: ":\(Parameter.section)")

        /// A record's id, as it appears in a link.
        static func of(_ id: UUID) -> Slot { Slot(text: id.uuidString.lowercased()) }
        /// A name (a tool, an asset), as it appears in a link.
        static func named(_ name: String) -> Slot { Slot(text: name) }
    }

    /// The names of path parameters, as handlers read them.
    enum Parameter {
        static let id = "id"
        static let file = "file"
        static let tool = "tool"
        static let section = "section"
        /// The query item naming a done-notice.
        static let done = "done"
    }

    /// The path a link prints (for a case made with a pattern slot, the pattern).
    var path: String {
        switch self {
        case .home: "/"
        case .welcome: "/welcome"
        case .setup: "/setup"
        case .setupDone: "/setup/done"
        case .recoveryKey: "/setup/key"
        case .recoveryKeyLater: "/setup/later"
        case .unlock: "/unlock"
        case .recover: "/recover"
        case .lock: "/lock"
        case .exit: "/exit"
        case .keepAlive: "/session/keep"
        case .asset(let file): "/static/\(file.text)"
        case .today: "/today"
        case .notes: "/notes"
        case .newNote: "/notes/new"
        case .note(let id): "/notes/\(id.text)"
        case .editNote(let id): "/notes/\(id.text)/edit"
        case .deleteNote(let id): "/notes/\(id.text)/delete"
        case .log: "/log"
        case .newLogEntry: "/log/new"
        case .newLogEntryFull: "/log/new/full"
        case .kindMoment: "/log/kind"
        case .export: "/log/export"
        case .learnStep1: "/learn/step-1"
        case .logEntry(let id): "/log/\(id.text)"
        case .removeLogEntry(let id): "/log/\(id.text)/remove"
        case .logFiles(let id): "/log/\(id.text)/files"
        case .logFile(let id, let file): "/log/\(id.text)/files/\(file.text)"
        case .coach: "/reply"
        case .contacts: "/days"
        case .situation: "/settings/situation"
        case .plan: "/plan"
        case .planOwn: "/plan/own"
        case .rules: "/rules"
        case .answers: "/answers"
        case .learnStep2: "/learn/step-2"
        case .deleteContact(let id): "/days/\(id.text)/delete"
        case .deletePlanStep(let id): "/plan/own/\(id.text)/delete"
        case .deleteAnswer(let id): "/answers/\(id.text)/delete"
        case .pause: "/pause"
        case .pauseSetup: "/pause/setup"
        case .pauseOrder: "/pause/order"
        case .checkIn: "/checkin"
        case .trends: "/trends"
        case .urges: "/pause/log"
        case .tools: "/tools"
        case .learnStep3: "/learn/step-3"
        case .tool(let name): "/tools/\(name.text)"
        case .journal: "/journal"
        case .newJournalEntry: "/journal/new"
        case .journalMemory: "/journal/memory"
        case .decisions: "/decisions"
        case .timeline: "/timeline"
        case .search: "/search"
        case .learnStep4: "/learn/step-4"
        case .journalEntry(let id): "/journal/\(id.text)"
        case .editJournalEntry(let id): "/journal/\(id.text)/edit"
        case .deleteJournalEntry(let id): "/journal/\(id.text)/delete"
        case .decision(let id): "/decisions/\(id.text)"
        case .deleteMilestone(let id): "/timeline/\(id.text)/delete"
        case .settings: "/settings"
        case .preferences: "/settings/preferences"
        case .passphrase: "/settings/passphrase"
        case .backup: "/settings/backup"
        case .accessLog: "/settings/access-log"
        case .deleteEverything: "/settings/delete"
        case .recoveryKeyKept: "/settings/recovery-key"
        case .drafts: "/drafts"
        case .keepDraft: "/drafts/keep"
        case .discardDraft(let id): "/drafts/\(id.text)/discard"
        case .help: "/help"
        case .helpRegion: "/help/region"
        case .people: "/people"
        case .deletePerson(let id): "/people/\(id.text)/delete"
        case .safetyPlan: "/ready"
        case .safetyPlanSituation: "/ready/situation"
        case .safetyPlanPrint: "/ready/print"
        case .safetyPlanSection(let name): "/ready/\(name.text)"
        case .dangerCheck: "/check"
        case .deleteDangerCheck(let id): "/check/\(id.text)/delete"
        case .talk: "/talk"
        case .wins: "/wins"
        case .deleteWin(let id): "/wins/\(id.text)/delete"
        case .kinder: "/kinder"
        case .deleteKinder(let id): "/kinder/\(id.text)/delete"
        case .deleteHeld(let id): "/boundaries/held/\(id.text)/delete"
        case .deleteTry(let id): "/swaps/tries/\(id.text)/delete"
        case .reading(let name): "/read/\(name.text)"
        case .swaps: "/swaps"
        case .swapTries: "/swaps/tries"
        case .swapPart(let name): "/swaps/\(name.text)"
        case .values: "/values"
        case .valuesChoose: "/values/choose"
        case .valuesRank: "/values/rank"
        case .valuesMission: "/values/statement"
        case .flags: "/observations"
        case .ahead: "/ahead"
        case .planDays: "/steps"
        case .planStart: "/steps/start"
        case .planMark: "/steps/mark"
        case .toolkit: "/toolkit"
        case .toolkitRemove: "/toolkit/remove"
        case .goals: "/goals"
        case .goal(let id): "/goals/\(id.text)"
        case .interests: "/goals/interests"
        case .interest(let id): "/goals/interests/\(id.text)"
        case .boundaries: "/boundaries"
        case .boundariesHeld: "/boundaries/held"
        case .aheadList(let name): "/ahead/\(name.text)"
        case .deleteFlagObservation(let id): "/observations/\(id.text)/delete"
        case .patterns: "/patterns"
        case .patternsSummary: "/patterns/summary"
        case .selfCheck: "/questions"
        case .deleteSelfCheck(let id): "/questions/\(id.text)/delete"
        }
    }

    /// How a record's id appears in a path and in form field names.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Where every asset's path begins.
    static let assetPrefix = SiteRoute.asset(.named("")).path

    /// The path to a place on the page (`#anchor`).
    func at(_ anchor: String) -> String { path + "#" + anchor }

    /// The pattern the router matches.
    var pattern: RouterPath { RouterPath(path) }

    /// The path with a query string (values percent-encoded).
    func with(_ query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return path }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let pairs = query.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
        return path + "?" + pairs.joined(separator: "&")
    }
}

extension RouterMethods {
    /// Registers a GET handler under a typed route.
    @discardableResult
    func get(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        get(route.pattern, use: handler)
    }

    /// Registers a POST handler under a typed route.
    @discardableResult
    func post(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        post(route.pattern, use: handler)
    }
}

/// A route prints as its path, so Plot's `.href`, `.action` and `.src` take one directly.
extension SiteRoute: URLRepresentable {
    var description: String { path }
}

extension Node {
    /// An attribute holding a route's path.
    static func safeAttribute(_ name: String, _ route: SiteRoute) -> Node {
        .safeAttribute(name, route.path)
    }
}

extension Response {
    /// Sends the browser to one of our pages.
    static func redirect(to route: SiteRoute) -> Response {
        .redirect(to: route.path)
    }

    /// Sends the browser to one of our pages, with a done-notice to show there.
    static func redirect(to route: SiteRoute, notice: some DoneNotice) -> Response {
        .redirect(to: route.with([(SiteRoute.Parameter.done, notice.rawValue)]))
    }

    /// Sends the browser to a path we made from a route (with a query of our own).
    static func redirect(to route: SiteRoute, query: [(name: String, value: String)]) -> Response {
        .redirect(to: route.with(query))
    }
}
