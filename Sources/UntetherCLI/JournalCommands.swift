import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether journal`: the reality journal.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "The reality journal: add entries and list them.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one entry, given as JSON.",
            discussion: "Required: date (YYYY-MM-DD) and at least one of facts, feelings, truths. Optional: mood (1–5), tags (an array)."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let date: String
            let facts: String?
            let feelings: String?
            let truths: String?
            let mood: Int?
            let tags: [String]?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: Self.shapeHint)
                let unlocked = try await vault.unlock()
                let entry = try Self.entry(input, clock: try await vault.clock(unlocked))
                try await unlocked.log(JournalEntry.self).add(entry)
                Terminal.out("Saved journal entry \(entry.id.uuidString.lowercased())")
            }
        }

        static let shapeHint = "That is not a journal entry in JSON. It needs date, and facts, feelings or truths."

        /// The entry an input describes, checked, saved at the clock's "now".
        static func entry(_ input: Input, clock: PersonalClock) throws -> JournalEntry {
            try JournalEntry.validated(
                id: UUID(), date: input.date, facts: input.facts ?? "", feelings: input.feelings ?? "", truths: input.truths ?? "",
                mood: input.mood, tags: input.tags ?? [], createdAt: clock.now, updatedAt: clock.now, today: clock.today
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List journal entries, newest day first.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: an array of entries with id, date, facts, feelings, truths, mood, tags, createdAt, updatedAt.") var json = false

        func run() async throws {
            try await reportingFailures {
                let entries = try await vault.unlock().log(JournalEntry.self).all().sorted { ($0.date, $0.createdAt) > ($1.date, $1.createdAt) }
                if json {
                    Terminal.out(try NoteJSON.string(entries))
                } else if entries.isEmpty {
                    Terminal.out("No journal entries yet.")
                } else {
                    for entry in entries {
                        let first = [entry.facts, entry.feelings, entry.truths].first { !$0.isEmpty } ?? ""
                        let line = first.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                        Terminal.out("\(entry.date)  \(line.prefix(70))")
                    }
                }
            }
        }
    }
}

/// `untether search`: everything the person wrote.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search notes, the journal, the log, decisions, contacts and urges.",
        discussion: "Every word must match (or the start of a longer word); put words in quotes to find them together. Case and accents don't matter."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "What to look for.") var query: String
    @Option(help: "Only one kind: \(SearchDocument.Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String?
    @Flag(help: "Print JSON: an array of hits with kind, id, date, title, snippet and marks.") var json = false

    func validate() throws {
        if let kind, SearchDocument.Kind(rawValue: kind) == nil {
            throw ValidationError("--kind must be one of: \(SearchDocument.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    struct Hit: Encodable {
        let kind: String
        let id: String
        let date: CalendarDay
        let title: String
        let snippet: String
        /// [start, end) character offsets of each match in the snippet.
        let marks: [[Int]]
    }

    func run() async throws {
        try await reportingFailures {
            let parsed = SearchQuery.parse(query, kinds: kind.flatMap(SearchDocument.Kind.init(rawValue:)).map { [$0] } ?? [])
            guard !parsed.isEmpty else { throw CLIError("Give at least one word to look for.") }
            let unlocked = try await vault.unlock()
            // One search: scan what was opened for the words, rather than build an index to throw away.
            let documents = try await unlocked.searchDocuments(timeZone: try await vault.clock(unlocked).timeZone)
            let hits = SearchIndex.scan(documents, for: parsed, limit: 1_000)
            if json {
                Terminal.out(try NoteJSON.string(hits.map {
                    Hit(kind: $0.kind.rawValue, id: $0.id, date: $0.date, title: $0.title, snippet: $0.snippet,
                        marks: $0.marks.map { [$0.lowerBound, $0.upperBound] })
                }))
            } else if hits.isEmpty {
                Terminal.out("Nothing found.")
            } else {
                for hit in hits { Terminal.out("\(hit.date)  \(hit.kind.rawValue)  \(hit.snippet)") }
            }
        }
    }
}
