import ArgumentParser
import Foundation
import Hummingbird
import Logging
import UntetherCore
import UntetherStore
import UntetherVault
import UntetherWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web app. Open the address it prints in a browser."
    )

    @Option(help: ArgumentHelp("Folder that holds the notes.", valueName: "dir")) var dataDir: String?
    @Option(help: "Address to listen on. The default, 127.0.0.1, is reachable from this computer only.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: ArgumentHelp("Lock any session after this many idle seconds, even if the person chose longer.", valueName: "seconds"))
    var maxIdleSeconds: Int?
    @Option(help: ArgumentHelp("A JSON file of help lines that adds to or replaces regions of the built-in list (same shape as the built-in help-lines.json).", valueName: "file"))
    var helpLines: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("The port must be between 0 and 65535.") }
        if let maxIdleSeconds, maxIdleSeconds < 5 { throw ValidationError("--max-idle-seconds must be at least 5.") }
    }

    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

    func run() async throws {
        try await reportingFailures {
            let directory = DataDirectory.resolve(explicit: dataDir, environment: ProcessInfo.processInfo.environment)
            var logger = Logger(label: "untether")
            logger.logLevel = .info
            if !Self.loopbackHosts.contains(host) {
                Terminal.error("""
                    warning: listening on \(host), so other devices on your network can reach this page. \
                    Anyone who can reach it still needs your passphrase, but the connection is not encrypted. \
                    Use this only on a network you trust.
                    """)
            }
            var environment = WebEnvironment(home: DirectoryVaultHome(directory: directory), logger: logger)
            if let helpLines {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: (helpLines as NSString).expandingTildeInPath))
                } catch {
                    throw CLIError("The help-line file \(helpLines) could not be read. Check the path.")
                }
                do {
                    environment.helpLines = HelpLineDirectory.builtIn.extended(by: try HelpLineDirectory.load(data))
                } catch let error as HelpLinesError {
                    throw CLIError(error.description)
                }
            }
            let sessions = SessionManager(maxIdleSeconds: maxIdleSeconds.map(TimeInterval.init))
            let app = buildApplication(
                server: WebServerConfiguration(host: host, port: port),
                environment: environment,
                sessions: sessions
            ) { address in
                Terminal.out("Untether is running at \(address)")
                Terminal.out("Open that address in your browser. Press Ctrl+C to stop.")
            }
            do {
                try await app.runService()
            } catch {
                throw CLIError("The web app could not start on \(host):\(port). The port may be in use; try another with --port.")
            }
        }
    }
}
