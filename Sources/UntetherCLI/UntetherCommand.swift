import ArgumentParser
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The `untether` command.
public struct UntetherCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "untether",
        abstract: "A private, encrypted place to keep notes and records, on your own computer.",
        subcommands: [
            InitCommand.self, NoteCommand.self, BackupCommand.self, RestoreCommand.self,
            PassphraseCommand.self, RecoverCommand.self, AccessLogCommand.self, LogCommand.self, VerifyCommand.self, ContactCommand.self, CoachCommand.self,
            CheckInCommand.self, UrgeCommand.self, TrendsCommand.self, JournalCommand.self, SearchCommand.self, TimeZoneCommand.self,
            HelpLinesCommand.self, SafetyPlanCommand.self, PeopleCommand.self, ServeCommand.self, ImportCommand.self, DemoCommand.self,
            AnalyzeCommand.self, FlagsCommand.self, ValuesCommand.self, SwapsCommand.self, WinsCommand.self, ReadingsCommand.self, RebuildCommand.self, PlanCommand.self,
        ]
    )

    public init() {}

    /// Entry point: files this process creates are readable by its owner only.
    public static func start() async {
        umask(0o077)
        // Logs go to standard error; they hold request shapes and errors, never content.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        await main()
    }
}
