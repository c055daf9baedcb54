import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether flags`: Step 7's red and green flags in someone new, noted as they happen.
struct FlagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Red and green flags in someone new: note what you notice, and see the pattern for each person.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Note what you noticed, given as JSON: {\"person\", \"on\", \"flags\", \"note\"}.",
            discussion: """
                "person" is a nickname; "on" is the day (YYYY-MM-DD, today if left out); "flags" is a list of \
                \(RelationshipFlag.allCases.map(\.rawValue).joined(separator: ", ")); "note" is optional text. \
                The details are read from a file or standard input, so they stay out of your shell history.
                """
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let person: String
            let on: String?
            let flags: [String]?
            let note: String?
        }

        static let shapeHint = "That is not a note about someone in JSON. It needs \"person\" (a nickname), and \"flags\" or \"note\"; \"on\" is optional."

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: Self.shapeHint)
                var flags = Set<RelationshipFlag>()
                for name in input.flags ?? [] {
                    guard let flag = RelationshipFlag(rawValue: name) else {
                        throw CLIError("\"\(name.prefix(40))\" is not a flag. Use any of \(RelationshipFlag.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    flags.insert(flag)
                }
                let unlocked = try await vault.unlock()
                let clock = try await vault.clock(unlocked)
                let observation = try FlagObservation.validated(
                    id: UUID(), person: input.person, on: input.on ?? clock.today.description, flags: flags, note: input.note ?? "",
                    recordedAt: clock.now, today: clock.today
                )
                try await unlocked.log(FlagObservation.self).add(observation)
                Terminal.out("Saved a note about \(observation.person) on \(observation.on).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each person's pattern, then every note, newest first.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: people (person, notes, first, last, red and green counts, reading) and notes (id, person, on, flags, note).") var json = false

        struct Count: Encodable {
            let flag: String
            let times: Int
            let first: CalendarDay
            let last: CalendarDay
        }

        struct Person: Encodable {
            let person: String
            let notes: Int
            let first: CalendarDay
            let last: CalendarDay
            let red: [Count]
            let green: [Count]
            let reading: String
        }

        struct Note: Encodable {
            let id: String
            let person: String
            let on: CalendarDay
            let flags: [String]
            let note: String
        }

        struct Output: Encodable {
            let people: [Person]
            let notes: [Note]
        }

        func run() async throws {
            try await reportingFailures {
                let observations = try await vault.unlock().log(FlagObservation.self).all()
                    .sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }
                let people = FlagSummary.people(observations)
                func counts(_ list: [FlagSummary.Count]) -> [Count] {
                    list.map { Count(flag: $0.flag.rawValue, times: $0.times, first: $0.first, last: $0.last) }
                }
                if json {
                    Terminal.out(try NoteJSON.string(Output(
                        people: people.map {
                            Person(person: $0.person, notes: $0.observations, first: $0.first, last: $0.last, red: counts($0.red), green: counts($0.green), reading: $0.reading)
                        },
                        notes: observations.map {
                            Note(id: $0.id.uuidString.lowercased(), person: $0.person, on: $0.on, flags: $0.flags.map(\.rawValue), note: $0.note)
                        }
                    )))
                } else if observations.isEmpty {
                    Terminal.out("No notes yet. Add one with 'untether flags add --json -'.")
                } else {
                    for summary in people {
                        Terminal.out("\(summary.person): \(summary.observations) notes, \(summary.redTimes) red, \(summary.greenTimes) green. \(summary.reading)")
                    }
                }
            }
        }
    }
}
