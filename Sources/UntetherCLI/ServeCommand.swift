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
    @Option(help: ArgumentHelp("A PEM certificate to serve HTTPS with (with --tls-key). Without one, serving beyond this computer makes its own.", valueName: "file"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file")) var tlsKey: String?
    @Flag(help: "Serve plain HTTP beyond this computer, for a proxy in front that speaks HTTPS. Everything, the passphrase too, crosses the network unencrypted up to that proxy.")
    var insecureHTTP = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("The port must be between 0 and 65535.") }
        if let maxIdleSeconds, maxIdleSeconds < 5 { throw ValidationError("--max-idle-seconds must be at least 5.") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("Give --tls-cert and --tls-key together.") }
        if insecureHTTP, tlsCert != nil { throw ValidationError("Choose either --insecure-http or --tls-cert and --tls-key, not both.") }
    }

    /// How the server speaks: TLS with the person's certificate, TLS with its own, or plain HTTP
    /// (this computer only, or beyond it when an operator asked for it by name).
    func identity(directory: URL) throws -> ServerIdentity? {
        if let tlsCert, let tlsKey {
            return try ServerCertificate.load(certificate: (tlsCert as NSString).expandingTildeInPath, key: (tlsKey as NSString).expandingTildeInPath)
        }
        if Self.loopbackHosts.contains(host) || insecureHTTP { return nil }
        // Listening on every address: the certificate names each one this computer has now,
        // so the phone's address matches (the fingerprint is still what to check).
        let addresses = ["0.0.0.0", "::"].contains(host) ? ServerCertificate.localAddresses() : []
        return try ServerCertificate.loadOrCreate(in: directory, hosts: [host, ProcessInfo.processInfo.hostName] + addresses)
    }

    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

    func run() async throws {
        try await reportingFailures {
            let directory = DataDirectory.resolve(explicit: dataDir, environment: ProcessInfo.processInfo.environment)
            var logger = Logger(label: "untether")
            logger.logLevel = .info
            let identity: ServerIdentity?
            do { identity = try self.identity(directory: directory) } catch let error as ServerCertificateError { throw CLIError(error.description) }
            if !Self.loopbackHosts.contains(host) {
                if identity == nil {
                    Terminal.error("""
                        warning: listening on \(host) with plain HTTP (--insecure-http). Anything typed, the passphrase too, \
                        crosses the network unencrypted unless a proxy in front of Untether adds HTTPS. Use this only behind such a proxy.
                        """)
                } else {
                    Terminal.error("""
                        note: listening on \(host), so other devices on your network can reach this page, over HTTPS. \
                        Anyone who can reach it still needs your passphrase.
                        """)
                }
            }
            var environment = WebEnvironment(home: DirectoryVaultHome(directory: directory), logger: logger)
            environment.tlsFingerprint = identity?.fingerprint
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
            let app = try buildApplication(
                server: WebServerConfiguration(host: host, port: port, identity: identity),
                environment: environment,
                sessions: sessions
            ) { address in
                Terminal.out("Untether is running at \(address)")
                if let identity {
                    Terminal.out("Certificate fingerprint (SHA-256): \(identity.fingerprint)")
                    if identity.isSelfSigned {
                        Terminal.out("Your browser will warn that it does not know this certificate. Compare the fingerprint it shows with this one before you go on.")
                    }
                }
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
