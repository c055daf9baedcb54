import ArgumentParser
import Foundation
import UntetherCore
import UntetherExport
import UntetherStore
import UntetherVault

/// A failure with a message for the person at the terminal.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs a command's body and turns any failure into one plain line on standard error and exit code 1.
/// No stack trace and no content ever reaches the terminal this way.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error(userMessage(for: error))
        throw ExitCode(1)
    }
}

/// The one line shown for an error.
func userMessage(for error: any Error) -> String {
    switch error {
    case let error as CLIError: error.description
    case let error as StoreError: error.description
    case let error as VaultError: error.description
    case let error as NoteDraftError: error.description
    case let error as IncidentDraftError: error.description
    case let error as AttachmentError: error.description
    case let error as ContactLogError: error.description
    case let error as CheckInError: error.description
    case let error as UrgeError: error.description
    case let error as JournalError: error.description
    case let error as SafePersonError: error.description
    case let error as SafetyPlanError: error.description
    case let error as HelpLinesError: error.description
    case let error as FlagError: error.description
    case let error as SwapError: error.description
    case let error as ValuesError: error.description
    case let error as VictoryError: error.description
    case let error as BundleError: error.description
    case let error as ChainProblem: "The log's chain does not check out: " + error.description + "."
    default:
        "Something went wrong with the notes file, and nothing was changed. If it happens again, restore from a backup. (\(type(of: error)))"
    }
}

/// Terminal output, written straight through so progress lines appear at once.
enum Terminal {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("untether: " + line + "\n").utf8))
    }
}
