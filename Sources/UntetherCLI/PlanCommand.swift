import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether plan`: the day-by-day plan, from the command line.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The day-by-day plan: 90 short days that follow how you are doing, and never start over.",
        subcommands: [Start.self, Today.self, Done.self, Pause.self, Resume.self]
    )

    /// The plan and today's card, from the vault and the person's recent records.
    static func today(_ unlocked: UnlockedVault, clock: PersonalClock) async throws -> (PlanState, PlanToday) {
        let state = try await unlocked.document(PlanState.self)
        guard state.isStarted else { throw CLIError("The plan has not started. Start it with 'untether plan start'.") }
        let signals = PlanSignals.from(
            contacts: try await unlocked.log(ContactEvent.self).all(), checkIns: try await unlocked.log(CheckIn.self).all(),
            urges: try await unlocked.log(Urge.self).all(),
            incidents: try await unlocked.evidence.entries().compactMap { $0.isRemoved ? nil : $0.incident }, timeZone: clock.timeZone
        )
        return (state, PlanToday.of(state, today: clock.today, signals: signals))
    }

    /// Opens the vault, changes the plan as `change` says, saves it and prints what it returns.
    static func update(_ vault: VaultOptions, _ change: (inout PlanState, PlanToday, PersonalClock) throws -> String) async throws {
        try await reportingFailures {
            let unlocked = try await vault.unlock()
            let clock = try await vault.clock(unlocked)
            var (state, today) = try await PlanCommand.today(unlocked, clock: clock)
            let message = try change(&state, today, clock)
            try await unlocked.save(state, now: clock.now)
            Terminal.out(message)
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the plan (again from day 1 only if you have never started it).")
        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("The first day (today if not given).", valueName: "YYYY-MM-DD")) var on: String?
        @Option(help: ArgumentHelp("Where you are now: staying, just_left, low_contact or months_out.", valueName: "track")) var track: String = "just_left"

        func validate() throws {
            if let on, CalendarDay(on) == nil { throw ValidationError("--on must be a real day written YYYY-MM-DD, like 2026-03-01.") }
            if PlanTrack(rawValue: track) == nil { throw ValidationError("--track is one of staying, just_left, low_contact or months_out.") }
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let clock = try await vault.clock(unlocked)
                let existing = try await unlocked.document(PlanState.self)
                guard !existing.isStarted else {
                    throw CLIError("The plan has already started (\(existing.doneCount) days done). It never starts over; use 'untether plan today'.")
                }
                let day = on.flatMap { CalendarDay($0) }.map { min($0, clock.today) } ?? clock.today
                try await unlocked.save(PlanState(startedOn: day, track: PlanTrack(rawValue: track)!), now: clock.now)
                Terminal.out("The plan starts on \(day). See today's step with 'untether plan today'.")
            }
        }
    }

    struct Today: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Today's step, and why it is today's.")
        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: day, kind, track, title, reading, action, tool, reflection, reason, done, doneToday.") var json = false

        struct Output: Encodable {
            let day: Int
            let kind: String
            let track: String
            let title: String?
            let reading: String?
            let action: String?
            let tool: String?
            let reflection: String?
            let reason: String?
            let done: Int
            let doneToday: Bool
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let clock = try await vault.clock(unlocked)
                let (state, today) = try await PlanCommand.today(unlocked, clock: clock)
                let content = today.kind == .sequence ? PlanContent.day(today.day, track: state.track) : PlanContent.extra(today.kind)
                let output = Output(
                    day: today.day, kind: today.kind.rawValue, track: state.track.rawValue, title: content?.title, reading: content?.reading,
                    action: content?.action.text, tool: content?.action.tool, reflection: content?.reflection, reason: today.reason,
                    done: state.doneCount, doneToday: state.didStep(on: clock.today) && today.kind == .sequence
                )
                if json {
                    Terminal.out(try NoteJSON.string(output))
                } else {
                    if let reason = today.reason { Terminal.out(reason + "\n") }
                    if let content {
                        Terminal.out("\(content.title)\n\n\(content.reading)\n\nToday's step: \(content.action.text)\nTo think about: \(content.reflection)")
                    }
                    Terminal.out("\n\(state.doneCount) of \(PlanState.length) days done.")
                }
            }
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark today's step done.")
        @OptionGroup var vault: VaultOptions

        func run() async throws {
            try await PlanCommand.update(vault) { state, today, clock in
                guard today.kind != .paused else { throw CLIError("The plan is paused. Start it again with 'untether plan resume'.") }
                guard !(state.didStep(on: clock.today) && today.kind == .sequence) else { return "Today's step is already done. The next one comes tomorrow." }
                state.complete(today, on: clock.today)
                return "Done. \(state.doneCount) of \(PlanState.length) days done."
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pause the plan; nothing is lost.")
        @OptionGroup var vault: VaultOptions

        func run() async throws {
            try await PlanCommand.update(vault) { state, _, clock in
                state.pause(on: clock.today)
                return "The plan is paused. Start it again whenever you like with 'untether plan resume'."
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the plan again where you left off.")
        @OptionGroup var vault: VaultOptions

        func run() async throws {
            try await PlanCommand.update(vault) { state, _, _ in
                state.resume()
                return "Welcome back. The plan goes on from day \(min(state.next, PlanState.length))."
            }
        }
    }
}
