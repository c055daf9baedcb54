import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// Where the vault lives and how to get the passphrase: shared by every command.
public struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder that holds the notes.", valueName: "dir"))
    public var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("Read the passphrase from the first line of this file instead of asking.", valueName: "file"))
    public var passphraseFile: String?

    public init() {}

    /// The data folder: --data-dir, else $XDG_DATA_HOME/untether, else ~/.local/share/untether.
    public var directory: URL {
        DataDirectory.resolve(explicit: dataDir, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store in the data folder, refusing if there is no vault yet.
    func openExistingStore() throws -> SQLiteVaultStore {
        let url = directory.appendingPathComponent(SQLiteVaultStore.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { throw StoreError.noVault }
        return try SQLiteVaultStore(directory: directory)
    }

    /// The passphrase, from --passphrase-file or typed at the terminal without echo.
    /// Opens the existing vault and unlocks it with the passphrase.
    func unlock() async throws -> UnlockedVault {
        try await unlock(openExistingStore())
    }

    /// Asks for the passphrase and opens the vault in `store`.
    func unlock(_ store: any VaultStore) async throws -> UnlockedVault {
        try await Vault(store: store).unlock(passphrase: passphrase(), now: Date())
    }

    /// "Now" for the person: their chosen time zone, else this computer's, as on the web.
    func clock(_ unlocked: UnlockedVault, now: Date = Date()) async throws -> PersonalClock {
        PersonalClock(now: now, timeZone: try await unlocked.document(Preferences.self).timeZone(fallback: .current))
    }

    func passphrase(prompt: String = "Passphrase: ") throws -> String {
        if let passphraseFile {
            return try SecretInput.firstLine(ofFile: passphraseFile, what: "passphrase")
        }
        return try SecretInput.readFromTerminal(prompt: prompt)
    }
}

/// Works out the data folder.
public enum DataDirectory {
    /// --data-dir wins; then $XDG_DATA_HOME/untether; then ~/.local/share/untether.
    public static func resolve(explicit: String?, environment: [String: String]) -> URL {
        if let explicit, !explicit.isEmpty {
            return URL(fileURLWithPath: (explicit as NSString).expandingTildeInPath, isDirectory: true)
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("untether", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/untether", isDirectory: true)
    }
}
