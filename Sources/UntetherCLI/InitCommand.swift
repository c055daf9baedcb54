import ArgumentParser
import Foundation
import UntetherStore
import UntetherVault

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a new encrypted vault and show its recovery key once."
    )

    @OptionGroup var vault: VaultOptions

    func run() async throws {
        try await reportingFailures {
            let directory = vault.directory
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(SQLiteVaultStore.fileName).path) {
                throw StoreError.vaultExists
            }
            let passphrase = try vault.passphrase(prompt: "Choose a passphrase (at least \(Passphrase.minimumLength) characters): ")
            _ = try Passphrase.validate(passphrase)
            if vault.passphraseFile == nil {
                let again = try SecretInput.readFromTerminal(prompt: "Type it again: ")
                guard again == passphrase else { throw CLIError("The two passphrases were different. Nothing was set up; please try again.") }
            }
            let store = try SQLiteVaultStore(directory: directory)
            let made = try await Vault(store: store).create(passphrase: passphrase, now: Date())
            Terminal.out("""
                Your notes are set up in \(directory.path)

                Your recovery key (shown only this once):

                    \(made.recoveryKey.formatted)

                Write it down on paper and keep it somewhere safe, away from this device.
                If you forget your passphrase, this key is the only way back in.
                """)
        }
    }
}
