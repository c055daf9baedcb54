import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

struct ContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Log contact with the other person, and see your streak.",
        subcommands: [Add.self, Streak.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log one contact, given as JSON.",
            discussion: "Required: at (ISO 8601, e.g. 2026-11-20T21:40:00Z), channel (\(ContactChannel.allCases.map(\.rawValue).joined(separator: ", "))), initiatedBy (them, me or third-party), necessary (true/false). Optional: about, feelingBefore, feelingAfter (0–10)."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let at: String
            let channel: String
            let initiatedBy: String
            let necessary: Bool
            let about: String?
            let feelingBefore: Int?
            let feelingAfter: Int?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: Self.shapeHint)
                let event = try Self.event(input)
                let unlocked = try await vault.unlock()
                try await unlocked.log(ContactEvent.self).add(event)
                Terminal.out("Saved contact \(event.id.uuidString.lowercased())")
            }
        }

        static let shapeHint = "That is not a contact in JSON. It needs at, channel, initiatedBy and necessary."

        /// The contact an input describes, checked.
        static func event(_ input: Input) throws -> ContactEvent {
                let at = try StandardInput.moment(input.at)
                guard let channel = ContactChannel(rawValue: input.channel) else {
                    throw CLIError("channel must be one of: \(ContactChannel.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                guard let initiator = ContactInitiator(rawValue: input.initiatedBy) else {
                    throw CLIError("initiatedBy must be them, me or third-party.")
                }
                return ContactEvent(
                    id: UUID(), at: at, channel: channel, initiatedBy: initiator, necessary: input.necessary,
                    about: input.about ?? "", feelingBefore: input.feelingBefore, feelingAfter: input.feelingAfter
                )
        }
    }

    struct Streak: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the current and longest streak without contact you started.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: current, longest, lastContact, mode (and necessaryOnly in low contact).") var json = false
        @Option(help: "no_contact or low_contact; defaults to the setting you chose, or no_contact.") var mode: String?

        func validate() throws {
            if let mode, ContactMode(rawValue: mode) == nil { throw ValidationError("--mode must be no_contact or low_contact.") }
        }

        func run() async throws {
            try await reportingFailures {
                let unlocked = try await vault.unlock()
                let saved = try await unlocked.document(Preferences.self).contactMode
                let chosen = mode.flatMap(ContactMode.init(rawValue:)) ?? saved ?? .noContact
                let clock = try await vault.clock(unlocked)
                let summary = try await unlocked.log(ContactEvent.self).summary(mode: chosen, now: clock.now, timeZone: clock.timeZone)
                if json {
                    Terminal.out(try NoteJSON.string(summary))
                } else {
                    let days = summary.current == 1 ? "1 day" : "\(summary.current) days"
                    Terminal.out("\(days) without contact you started. Longest so far: \(summary.longest) days.")
                    if let necessary = summary.necessaryOnly { Terminal.out("\(necessary) days with only necessary contact.") }
                }
            }
        }
    }
}
