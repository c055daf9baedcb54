import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether values`: Step 6's values, top five and statement.
struct ValuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "What matters to you: your values, your top five and your statement.",
        subcommands: [List.self, Options.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show your values, your top five and your statement.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: values, top, treatMyself, treatOthers, days, statement.") var json = false

        struct Output: Encodable {
            let values: [String]
            let top: [String]
            let treatMyself: String
            let treatOthers: String
            let days: String
            let statement: String
        }

        func run() async throws {
            try await reportingFailures {
                let plan = try await vault.unlock().document(ValuesPlan.self)
                if json {
                    Terminal.out(try NoteJSON.string(Output(
                        values: plan.all, top: plan.top, treatMyself: plan.treatMyself, treatOthers: plan.treatOthers, days: plan.days, statement: plan.statement
                    )))
                } else if plan.all.isEmpty {
                    Terminal.out("No values chosen yet. You can choose them on the web page (Today, then What matters to me).")
                } else {
                    Terminal.out("Values: " + plan.all.joined(separator: ", "))
                    if !plan.top.isEmpty { Terminal.out("Top five: " + plan.top.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "  ")) }
                    if !plan.statement.isEmpty { Terminal.out("\n" + plan.statement) }
                }
            }
        }
    }

    struct Options: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "choices", abstract: "The values you can choose from, with their ids.")

        @Flag(help: "Print JSON: a list of id and label.") var json = false

        struct Item: Encodable {
            let id: String
            let label: String
        }

        func run() async throws {
            if json {
                Terminal.out(try NoteJSON.string(CoreValue.all.map { Item(id: $0.id, label: $0.label) }))
            } else {
                for value in CoreValue.all { Terminal.out("\(value.id)  \(value.label)") }
            }
        }
    }
}

/// `untether swaps`: Step 5's healthy swaps and the tries.
struct SwapsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swaps",
        abstract: "Healthy swaps: your plan for each, and the times you tried one.",
        subcommands: [List.self, Try.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the five swaps, your plan for each, and your tries.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: swaps (id, from, to, notice, attempt, tries, helped) and tries (id, swap, at, outcome, note).") var json = false

        struct Swap: Encodable {
            let id: String
            let from: String
            let to: String
            let notice: String?
            let attempt: String?
            let tries: Int
            let helped: Int
        }

        struct Attempt: Encodable {
            let id: String
            let swap: String
            let at: String
            let outcome: String?
            let note: String
        }

        struct Output: Encodable {
            let swaps: [Swap]
            let tries: [Attempt]
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let plan = try await unlocked.document(SwapPlan.self)
                let tries = try await unlocked.log(SwapTry.self).all().sorted { $0.at > $1.at }
                let tally = Dictionary(uniqueKeysWithValues: SwapTry.tally(tries).map { ($0.swap, ($0.tries, $0.helped)) })
                let swaps = HealthySwap.allCases.map { swap in
                    Swap(id: swap.rawValue, from: swap.from, to: swap.to, notice: plan.entry(swap)?.notice, attempt: plan.entry(swap)?.attempt,
                         tries: tally[swap]?.0 ?? 0, helped: tally[swap]?.1 ?? 0)
                }
                if json {
                    Terminal.out(try NoteJSON.string(Output(swaps: swaps, tries: tries.map {
                        Attempt(id: $0.id.uuidString.lowercased(), swap: $0.swap.rawValue, at: NoteJSON.timestamp($0.at), outcome: $0.outcome?.rawValue, note: $0.note)
                    })))
                } else {
                    for swap in swaps {
                        let planned = swap.attempt.map { "I will try: \($0)" } ?? "no plan yet"
                        Terminal.out("\(swap.id)  \(swap.from) → \(swap.to): \(planned); tried \(swap.tries), helped \(swap.helped)")
                    }
                }
            }
        }
    }

    struct Try: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a try, given as JSON: {\"swap\", \"outcome\", \"note\"}.",
            discussion: "\"swap\" is one of \(HealthySwap.allCases.map(\.rawValue).joined(separator: ", ")), with a plan made first; \"outcome\" is optional: helped, some or not_yet. Read from a file or standard input, so it stays out of your shell history."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let swap: String
            let outcome: String?
            let note: String?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: "That is not a try in JSON. It needs \"swap\"; \"outcome\" and \"note\" are optional.")
                let unlocked = try await vault.unlock()
                let plan = try await unlocked.document(SwapPlan.self)
                guard let swap = HealthySwap(rawValue: input.swap), plan.planned.contains(swap) else {
                    throw CLIError("\"\(input.swap.prefix(40))\" is not a swap in your plan. Planned: \(plan.planned.map(\.rawValue).joined(separator: ", ")).")
                }
                var outcome: SwapTry.Outcome?
                if let name = input.outcome {
                    guard let known = SwapTry.Outcome(rawValue: name) else { throw CLIError("\"outcome\" is helped, some or not_yet.") }
                    outcome = known
                }
                let attempt = try SwapTry.validated(id: UUID(), swap: swap, at: Date(), outcome: outcome, note: input.note ?? "")
                try await unlocked.log(SwapTry.self).add(attempt)
                Terminal.out("Saved a try of \(swap.to.lowercased()).")
            }
        }
    }
}

/// `untether readings`: the short readings of Steps 5 to 7 and the common challenges.
struct ReadingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readings",
        abstract: "Short readings for Steps 5 to 7 and for the hard parts of recovery.",
        subcommands: [List.self, Show.self]
    )

    struct Item: Encodable {
        let id: String
        let topic: String
        let title: String
        let paragraphs: [String]
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the readings with their ids.")

        @Flag(help: "Print JSON: a list of id, topic, title and paragraphs.") var json = false

        func run() async throws {
            if json {
                Terminal.out(try NoteJSON.string(Reading.all.map { Item(id: $0.id, topic: $0.topic.rawValue, title: $0.title, paragraphs: $0.paragraphs) }))
            } else {
                for reading in Reading.all { Terminal.out("\(reading.id)  \(reading.title)") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one reading.")

        @Argument(help: "The reading's id, as shown by 'readings list'.") var id: String

        func run() async throws {
            try await reportingFailures {
                guard let reading = Reading.reading(id) else {
                    throw CLIError("There is no reading \"\(id.prefix(40))\". See 'untether readings list'.")
                }
                Terminal.out(reading.title + "\n\n" + reading.paragraphs.joined(separator: "\n\n"))
            }
        }
    }
}

/// `untether wins`: Step 6's small wins.
struct WinsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wins",
        abstract: "Small wins: write one down, or list them.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a win, given as JSON: {\"text\", \"on\"}.",
            discussion: "\"on\" is the day (YYYY-MM-DD, today if left out). Read from a file or standard input, so it stays out of your shell history."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let text: String
            let on: String?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: "That is not a win in JSON. It needs \"text\"; \"on\" is optional.")
                let unlocked = try await vault.unlock()
                let clock = try await vault.clock(unlocked)
                let win = try Victory.validated(id: UUID(), on: input.on ?? clock.today.description, text: input.text, recordedAt: clock.now, today: clock.today)
                try await unlocked.log(Victory.self).add(win)
                Terminal.out("Kept a win on \(win.on). Well done.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List your wins, newest first.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: a list of id, on and text.") var json = false

        struct Item: Encodable {
            let id: String
            let on: CalendarDay
            let text: String
        }

        func run() async throws {
            try await reportingFailures {
                let wins = try await vault.unlock().log(Victory.self).all().sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }
                if json {
                    Terminal.out(try NoteJSON.string(wins.map { Item(id: $0.id.uuidString.lowercased(), on: $0.on, text: $0.text) }))
                } else if wins.isEmpty {
                    Terminal.out("No wins written down yet.")
                } else {
                    for win in wins { Terminal.out("\(win.on)  \(win.text)") }
                }
            }
        }
    }
}

/// `untether rebuild`: --json reads of the rest of Steps 5 to 7: the toolkit, boundaries, goals
/// and interests, the kinder-voice notes, and the plan for keeping it going.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Read what you wrote in Steps 5 to 7: toolkit, boundaries, goals, kinder voice, keeping it going.",
        subcommands: [Toolkit.self, Boundaries.self, Goals.self, Kinder.self, Ahead.self]
    )

    struct Toolkit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "toolkit", abstract: "Your calming toolkit.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: a list of kind, text and action.") var json = false

        struct Item: Encodable {
            let kind: String
            let text: String
            let action: String?
        }

        func run() async throws {
            try await reportingFailures {
                let toolkit = try await vault.unlock().document(UntetherCore.Toolkit.self)
                let items = toolkit.items.map { Item(kind: $0.kind.rawValue, text: $0.text, action: $0.action?.rawValue) }
                if json { Terminal.out(try NoteJSON.string(items)) } else if items.isEmpty { Terminal.out("Your toolkit is empty.") } else {
                    for item in toolkit.items { Terminal.out("\(item.kind.label): \(item.text)") }
                }
            }
        }
    }

    struct Boundaries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "boundaries", abstract: "Your boundaries, your lines, and the times you held one.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: mine, practice and held (on, boundary, note).") var json = false

        struct Held: Encodable {
            let on: CalendarDay
            let boundary: String
            let note: String
        }

        struct Output: Encodable {
            let mine: [String]
            let practice: [String]
            let held: [Held]
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let plan = try await unlocked.document(BoundaryPlan.self)
                let held = try await unlocked.log(BoundaryHeld.self).all().sorted { ($0.on, $0.recordedAt) > ($1.on, $1.recordedAt) }
                if json {
                    Terminal.out(try NoteJSON.string(Output(mine: plan.mine, practice: plan.practice, held: held.map { Held(on: $0.on, boundary: $0.boundary, note: $0.note) })))
                } else {
                    Terminal.out(plan.mine.isEmpty ? "No boundaries written yet." : "My boundaries:\n" + plan.mine.map { "- " + $0 }.joined(separator: "\n"))
                    for item in BoundaryHeld.counts(held) { Terminal.out("Held \(item.times)×: \(item.boundary)") }
                }
            }
        }
    }

    struct Goals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "goals", abstract: "Your goals with their steps, and your interests.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: goals (title, steps with done) and interests (name, origin, done days).") var json = false

        struct Step: Encodable {
            let text: String
            let done: Bool
        }

        struct GoalItem: Encodable {
            let title: String
            let steps: [Step]
        }

        struct InterestItem: Encodable {
            let name: String
            let origin: String
            let done: [CalendarDay]
        }

        struct Output: Encodable {
            let goals: [GoalItem]
            let interests: [InterestItem]
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let goals = try await unlocked.log(Goal.self).all().sorted { $0.createdAt < $1.createdAt }
                let interests = try await unlocked.log(Interest.self).all().sorted { $0.createdAt < $1.createdAt }
                if json {
                    Terminal.out(try NoteJSON.string(Output(
                        goals: goals.map { GoalItem(title: $0.title, steps: $0.steps.map { Step(text: $0.text, done: $0.done) }) },
                        interests: interests.map { InterestItem(name: $0.name, origin: $0.origin.rawValue, done: $0.done) }
                    )))
                } else {
                    for goal in goals { Terminal.out("\(goal.title): \(goal.doneCount) of \(goal.steps.count) steps done") }
                    for interest in interests { Terminal.out("\(interest.name): done \(interest.done.count) times") }
                    if goals.isEmpty && interests.isEmpty { Terminal.out("No goals or interests yet.") }
                }
            }
        }
    }

    struct Kinder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "kinder", abstract: "Your kinder-voice notes, newest first.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: a list of at, belief, supports, against and kinder.") var json = false

        struct Item: Encodable {
            let at: String
            let belief: String
            let supports: String
            let against: String
            let kinder: String
        }

        func run() async throws {
            try await reportingFailures {
                let notes = try await vault.unlock().log(KinderVoice.self).all().sorted { $0.at > $1.at }
                if json {
                    Terminal.out(try NoteJSON.string(notes.map {
                        Item(at: NoteJSON.timestamp($0.at), belief: $0.belief, supports: $0.supports, against: $0.against, kinder: $0.kinder)
                    }))
                } else if notes.isEmpty { Terminal.out("No notes yet.") } else {
                    for note in notes { Terminal.out("\(note.belief) → \(note.kinder)") }
                }
            }
        }
    }

    struct Ahead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ahead", abstract: "Your plan for keeping it going, and your steps toward resilience.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: reviewedOn, and maintenance and resilience (id, title, done, note).") var json = false

        struct Part: Encodable {
            let id: String
            let title: String
            let done: Bool
            let note: String
        }

        struct Output: Encodable {
            let reviewedOn: CalendarDay?
            let maintenance: [Part]
            let resilience: [Part]
        }

        func run() async throws {
            try await reportingFailures {
                let plan = try await vault.unlock().document(StayingFreePlan.self)
                func parts(_ list: [StayingFreePlan.Part]) -> [Part] {
                    list.map { Part(id: $0.id, title: $0.title, done: plan.entry($0).done, note: plan.entry($0).note) }
                }
                if json {
                    Terminal.out(try NoteJSON.string(Output(reviewedOn: plan.reviewedOn, maintenance: parts(StayingFreePlan.maintenance), resilience: parts(StayingFreePlan.resilience))))
                } else {
                    for part in parts(StayingFreePlan.maintenance + StayingFreePlan.resilience) {
                        Terminal.out("[\(part.done ? "x" : " ")] \(part.title)" + (part.note.isEmpty ? "" : ": \(part.note)"))
                    }
                }
            }
        }
    }
}
