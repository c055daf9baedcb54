import Foundation

/// Every path the app serves, in one place, so links and routes cannot drift. Paths are bland on
/// purpose: someone glancing at the address bar or history sees nothing alarming.
enum SitePath {
    static let home = "/"
    static let welcome = "/welcome"
    static let setup = "/setup"
    static let setupDone = "/setup/done"
    static let unlock = "/unlock"
    static let recover = "/recover"
    static let lock = "/lock"
    static let exit = "/exit"
    static let keepAlive = "/session/keep"
    static let today = "/today"
    static let notes = "/notes"
    static let newNote = "/notes/new"
    static let log = "/log"
    static let newLogEntry = "/log/new"
    static let newLogEntryFull = "/log/new/full"
    static let kindMoment = "/log/kind"
    static let learnStep1 = "/learn/step-1"
    static let export = "/log/export"
    static let coach = "/reply"
    static let contacts = "/days"
    static let plan = "/plan"
    static let planOwn = "/plan/own"
    static let rules = "/rules"
    static let answers = "/answers"
    static let learnStep2 = "/learn/step-2"
    static let situation = "/settings/situation"
    static let pause = "/pause"
    static let pauseSetup = "/pause/setup"
    static let pauseOrder = "/pause/order"
    static let checkIn = "/checkin"
    static let trends = "/trends"
    static let urges = "/pause/log"
    static let tools = "/tools"
    static let learnStep3 = "/learn/step-3"
    static let journal = "/journal"
    static let newJournalEntry = "/journal/new"
    static let journalMemory = "/journal/memory"
    static let decisions = "/decisions"
    static let timeline = "/timeline"
    static let search = "/search"
    static let learnStep4 = "/learn/step-4"
    static let settings = "/settings"
    static let preferences = "/settings/preferences"
    static let passphrase = "/settings/passphrase"
    static let backup = "/settings/backup"
    static let accessLog = "/settings/access-log"
    static let deleteEverything = "/settings/delete"

    /// How a record's id appears in a path.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func note(_ id: String) -> String { "/notes/\(id)" }
    static func editNote(_ id: String) -> String { "/notes/\(id)/edit" }
    static func deleteNote(_ id: String) -> String { "/notes/\(id)/delete" }
    static func deleteContact(_ id: String) -> String { "/days/\(id)/delete" }
    static func deletePlanStep(_ id: String) -> String { "/plan/own/\(id)/delete" }
    static func deleteAnswer(_ id: String) -> String { "/answers/\(id)/delete" }
    static func journalEntry(_ id: String) -> String { "/journal/\(id)" }
    static func editJournalEntry(_ id: String) -> String { "/journal/\(id)/edit" }
    static func deleteJournalEntry(_ id: String) -> String { "/journal/\(id)/delete" }
    static func decision(_ id: String) -> String { "/decisions/\(id)" }
    static func deleteMilestone(_ id: String) -> String { "/timeline/\(id)/delete" }
    static func tool(_ slug: String) -> String { "/tools/\(slug)" }
    static func trends(by scale: String) -> String { "/trends?by=\(scale)" }
    static func logEntry(_ id: String) -> String { "/log/\(id)" }
    static func removeLogEntry(_ id: String) -> String { "/log/\(id)/remove" }
    static func logFiles(_ id: String) -> String { "/log/\(id)/files" }
    static func logFile(_ id: String, _ file: String) -> String { "/log/\(id)/files/\(file)" }
}
