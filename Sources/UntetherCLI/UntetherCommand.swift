import ArgumentParser
import Foundation
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
            PassphraseCommand.self, RecoverCommand.self, AccessLogCommand.self,
        ]
    )

    public init() {}

    /// Entry point: files this process creates are readable by its owner only.
    public static func start() async {
        umask(0o077)
        await main()
    }
}
