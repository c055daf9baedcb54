import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write one encrypted file holding everything. It opens with your current passphrase."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: ArgumentHelp("Where to write the backup file.", valueName: "file")) var out: String

    func run() async throws {
        try await reportingFailures {
            let target = URL(fileURLWithPath: (out as NSString).expandingTildeInPath)
            guard !FileManager.default.fileExists(atPath: target.path) else {
                throw CLIError("\(out) already exists. Choose a new file name, so no earlier backup is overwritten.")
            }
            let store = try vault.openExistingStore()
            let unlocked = try await vault.unlock(store)
            try await store.writeBackup(of: unlocked, to: target, now: Date())
            Terminal.out("Backup written to \(target.path). It is encrypted: it opens only with the passphrase you have now.")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the notes here with a backup, after checking the backup fully.",
        discussion: "The passphrase asked for is the one you had when the backup was made; afterwards the notes open with it."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: ArgumentHelp("The backup file.", valueName: "file")) var file: String

    func run() async throws {
        try await reportingFailures {
            let source = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            guard FileManager.default.isReadableFile(atPath: source.path) else { throw StoreError.backupUnreadable }
            let passphrase = try vault.passphrase(prompt: "Passphrase of the backup: ")
            let counts = try await SQLiteVaultStore.restore(from: source, passphrase: passphrase, into: vault.directory, now: Date())
            let notes = counts[RecordKind.note.rawValue, default: 0]
            Terminal.out("Restored \(notes) note(s). From now on the notes open with the backup's passphrase.")
        }
    }
}

struct PassphraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Manage the passphrase.",
        subcommands: [Change.self]
    )

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Choose a new passphrase. Your recovery key keeps working.")

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("Read the new passphrase from the first line of this file.", valueName: "file"))
        var newPassphraseFile: String?

        func run() async throws {
            try await reportingFailures {
                let store = try vault.openExistingStore()
                let unlocked = try await Vault(store: store).unlock(passphrase: vault.passphrase(prompt: "Current passphrase: "), now: Date())
                let newPassphrase = try NewPassphrase.read(file: newPassphraseFile)
                try await unlocked.changePassphrase(to: newPassphrase, now: Date())
                Terminal.out("Passphrase changed. Your recovery key still works.")
            }
        }
    }
}

struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Open the notes with the recovery key and choose a new passphrase."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: ArgumentHelp("Read the recovery key from this file.", valueName: "file")) var recoveryKeyFile: String?
    @Option(help: ArgumentHelp("Read the new passphrase from the first line of this file.", valueName: "file"))
    var newPassphraseFile: String?

    func run() async throws {
        try await reportingFailures {
            let store = try vault.openExistingStore()
            let keyText = try recoveryKeyFile.map { try SecretInput.firstLine(ofFile: $0, what: "recovery key") }
                ?? SecretInput.readFromTerminal(prompt: "Recovery key: ")
            let recoveryKey = try RecoveryKey(parsing: keyText)
            let newPassphrase = try NewPassphrase.read(file: newPassphraseFile)
            _ = try await Vault(store: store).recover(recoveryKey: recoveryKey, newPassphrase: newPassphrase, now: Date())
            Terminal.out("You're back in. The notes now open with your new passphrase, and the recovery key still works.")
        }
    }
}

enum NewPassphrase {
    static func read(file: String?) throws -> String {
        if let file {
            return try Passphrase.validate(SecretInput.firstLine(ofFile: file, what: "new passphrase"))
        }
        let first = try Passphrase.validate(SecretInput.readFromTerminal(prompt: "New passphrase (at least \(Passphrase.minimumLength) characters): "))
        let again = try SecretInput.readFromTerminal(prompt: "Type it again: ")
        guard first == again else { throw CLIError("The two passphrases were different. Nothing was changed; please try again.") }
        return first
    }
}

struct AccessLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-log",
        abstract: "Show when the notes were opened, when a wrong passphrase was tried, and other access, newest first."
    )

    @OptionGroup var vault: VaultOptions
    @Flag(help: "Print JSON: an array of events with kind and at.") var json = false

    struct Item: Encodable {
        let kind: String
        let at: String
    }

    func run() async throws {
        try await reportingFailures {
            let store = try vault.openExistingStore()
            let unlocked = try await vault.unlock(store)
            let events = try await unlocked.accessEvents()
            if json {
                Terminal.out(try NoteJSON.string(events.map { Item(kind: $0.kind.rawValue, at: NoteJSON.timestamp($0.at)) }))
            } else {
                for event in events {
                    Terminal.out("\(NoteJSON.timestamp(event.at))  \(event.kind.label)")
                }
            }
        }
    }
}
