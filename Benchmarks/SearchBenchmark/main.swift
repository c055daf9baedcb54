// Measures search over five years of writing: 2,000 journal entries of about 300 words, plus
// 500 notes, 400 log entries, 150 decisions, 300 contacts and 900 urges, in an SQLite vault on
// disk with the production key derivation. Reports unlock, index build and query times.
// Run: swift run -c release search-benchmark
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

let passphrase = "benchmark passphrase"
let runs = 7
let queryRuns = 201

func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

// A vocabulary of everyday words, some with accents, so the text is varied but repeatable.
let vocabulary = """
    the a and to of in it was he she they I me my we our you said told went came home kitchen car door phone keys message \
    angry quiet sorry again never always money work school children friend mother sister café morning evening night weekend \
    shouted laughed cried waited walked drove called texted promised forgot remembered knew felt scared calm tired hopeful \
    garden street window table dinner breakfast coffee tea bus train park shop doctor lawyer police court letter email \
    because before after while until when where why how what who which today yesterday tomorrow week month year naïve résumé
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
func words(_ count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
}
func day(_ index: Int, of total: Int) -> String {
    let date = Date(timeIntervalSince1970: 1_640_995_200 + Double(index) * (5 * 365.25 * 86_400 / Double(total)))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-search-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let now = Date()
nonisolated(unsafe) var totalWords = 0
let setup = try await milliseconds {
    let store = try SQLiteVaultStore(directory: directory)
    let vault = try await Vault(store: store).create(passphrase: passphrase, kdf: .production, now: now).vault
    for index in 0..<2_000 {
        let (facts, feelings, truths) = (words(150), words(100), words(50))
        totalWords += 300
        try await vault.log(JournalEntry.self).add(try JournalEntry.validated(
            id: UUID(), date: day(index, of: 2_000), facts: facts, feelings: feelings, truths: truths, tags: ["week\(index % 52)"],
            createdAt: now, updatedAt: now, today: "2099-01-01"
        ))
    }
    for index in 0..<500 {
        totalWords += 80
        try await vault.log(Note.self).add(try NoteDraft(title: words(4), body: words(76)), now: now)
        _ = index
    }
    for index in 0..<400 {
        totalWords += 120
        try await vault.evidence.record(IncidentDraft(occurredOn: day(index, of: 400), description: words(120)), now: now, today: "2099-01-01")
    }
    for index in 0..<150 {
        totalWords += 60
        try await vault.log(Decision.self).add(try Decision.validated(id: UUID(), madeOn: day(index, of: 150), decision: words(20), gut: words(20),
                                                             chose: words(20), reviewOn: day(index, of: 150)))
    }
    for index in 0..<300 {
        totalWords += 15
        try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: now.addingTimeInterval(-Double(index) * 86_400), channel: .email,
                                                  initiatedBy: .them, necessary: true, about: words(15)))
    }
    for index in 0..<900 {
        totalWords += 25
        try await vault.log(Urge.self).add(try Urge.validated(id: UUID(), at: now.addingTimeInterval(-Double(index) * 43_200), before: 7, after: 3,
                                                     triggerNote: words(10), note: words(15)))
    }
}
print(String(format: "setup: %d words in 4,250 records written in %.1f s", totalWords, setup / 1000))

var unlockTimes: [Double] = []
var buildTimes: [Double] = []
var index = SearchIndex([])
for _ in 0..<runs {
    let store = try SQLiteVaultStore(directory: directory)
    var vault: UnlockedVault?
    unlockTimes.append(try await milliseconds { vault = try await Vault(store: store).unlock(passphrase: passphrase, now: now) })
    buildTimes.append(try await milliseconds { index = SearchIndex(try await vault!.searchDocuments(timeZone: .current)) })
}
print(String(format: "unlock (scrypt N=2^17): median %.0f ms; open every record and build the index: median %.0f ms (%d documents), %d runs",
             median(unlockTimes), median(buildTimes), index.documents.count, runs))

for (label, text, kinds) in [
    ("one common word", "kitchen", Set<SearchDocument.Kind>()),
    ("a word by its start", "remem", []),
    ("two words", "keys police", []),
    ("a phrase", "\"the car\"", []),
    ("accents folded", "cafe", []),
    ("one kind only", "sorry", [.log]),
    ("no results", "xylophone", []),
] as [(String, String, Set<SearchDocument.Kind>)] {
    var times: [Double] = []
    var count = 0
    for _ in 0..<queryRuns {
        times.append(await milliseconds { count = index.search(.parse(text, kinds: kinds), limit: 100).count })
    }
    print(String(format: "query %-20@ %-14@ median %.2f ms (max %.2f), %d hits shown", label as NSString, text as NSString, median(times), times.max()!, count))
}
