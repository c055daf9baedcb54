import Foundation
import Testing
@testable import UntetherCLI
import UntetherStore
import UntetherVault

@Suite("Command-line helpers")
struct CLIHelpersTests {
    @Test("--data-dir wins over XDG_DATA_HOME, which wins over HOME")
    func dataDirectory() {
        let environment = ["XDG_DATA_HOME": "/xdg", "HOME": "/home/sam"]
        #expect(DataDirectory.resolve(explicit: "/chosen", environment: environment).path == "/chosen")
        #expect(DataDirectory.resolve(explicit: nil, environment: environment).path == "/xdg/untether")
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/sam"]).path == "/home/sam/.local/share/untether")
        // A relative XDG_DATA_HOME is invalid by the specification and is ignored.
        #expect(DataDirectory.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path == "/h/.local/share/untether")
    }

    @Test("a passphrase file gives its first line without the line ending", arguments: [
        ("secret words here\n", "secret words here"),
        ("secret words here\r\nsecond line\n", "secret words here"),
        ("no newline at all", "no newline at all"),
        ("  spaces are kept  \n", "  spaces are kept  "),
    ])
    func passphraseFile(contents: String, expected: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pp-\(UUID().uuidString)")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SecretInput.firstLine(ofFile: url.path, what: "passphrase") == expected)
    }

    @Test("a missing or empty passphrase file gives a plain message that does not show the file's content")
    func badPassphraseFile() throws {
        #expect(throws: CLIError.self) { try SecretInput.firstLine(ofFile: "/nonexistent/untether-pp", what: "passphrase") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pp-\(UUID().uuidString)")
        try "\nsecret on second line\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try SecretInput.firstLine(ofFile: url.path, what: "passphrase")
            Issue.record("an empty first line should be refused")
        } catch {
            #expect(!userMessage(for: error).contains("secret"))
        }
    }

    @Test("every vault and store error becomes one plain line")
    func oneLineMessages() {
        let errors: [any Error] = [
            VaultError.wrongPassphrase, VaultError.recoveryKeyMistyped, StoreError.noVault, StoreError.backupDamaged,
            StoreError.vaultExists, CocoaError(.fileReadCorruptFile),
        ]
        for error in errors {
            let text = userMessage(for: error)
            #expect(!text.contains("\n"))
            #expect(text.count > 20)
        }
    }
}
