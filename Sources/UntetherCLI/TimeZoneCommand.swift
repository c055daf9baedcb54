import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// Shows or sets the time zone the person's days turn over in, for the web app and every command.
struct TimeZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timezone",
        abstract: "Show or set the time zone your days follow (for 'today', dates in the log and the journal, file names).",
        discussion: "With no name, shows the one in use. Names look like Europe/London or America/Chicago. Until you set one, this computer's is used."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: ArgumentHelp("A time zone name, such as Europe/London.", valueName: "name")) var name: String?
    @Flag(help: "Follow this computer's time zone again.") var computer = false

    func validate() throws {
        if let name, TimeZone(identifier: name) == nil {
            throw ValidationError("'\(name)' is not a time zone name. Try one like Europe/London or America/New_York.")
        }
        if name != nil && computer { throw ValidationError("Give a name or --computer, not both.") }
    }

    func run() async throws {
        try await reportingFailures {
            let unlocked = try await vault.unlock()
            var preferences = try await unlocked.document(Preferences.self)
            if name != nil || computer {
                preferences.timeZoneID = name
                try await unlocked.save(preferences, now: Date())
            }
            let clock = try await vault.clock(unlocked)
            let source = preferences.timeZoneID == nil ? " (this computer's)" : ""
            Terminal.out("Time zone: \(clock.timeZone.identifier)\(source). Today there is \(clock.today).")
        }
    }
}
