import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOFoundationCompat
import Testing
import UntetherCore
import UntetherStore
import UntetherVault
@testable import UntetherWeb

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = start
    }

    var now: Date {
        lock.withLock { current }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// Collects every log line, message and metadata, so tests can search them.
final class LogCollector: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var text: String {
        lock.withLock { lines.joined(separator: "\n") }
    }

    var logger: Logger {
        Logger(label: "test") { _ in CollectingHandler(collector: self) }
    }

    struct CollectingHandler: LogHandler {
        let collector: LogCollector
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            collector.append("\(event.level) \(event.message) \(merged)")
        }
    }
}

let testPassphrase = "correct horse battery staple"

/// The app with in-memory parts, a manual clock and cheap key derivation.
struct TestApp {
    let clock: ManualClock
    let logs = LogCollector()
    let home: any VaultHome
    let sessions: SessionManager

    init(maxIdleSeconds: TimeInterval? = nil, home: any VaultHome = MemoryVaultHome(), clock: ManualClock = ManualClock()) {
        sessions = SessionManager(maxIdleSeconds: maxIdleSeconds)
        self.home = home
        self.clock = clock
    }

    var environment: WebEnvironment {
        let clock = clock
        return WebEnvironment(home: home, now: { clock.now }, kdf: .insecureForTestsOnly, logger: logs.logger)
    }

    func application() -> some ApplicationProtocol {
        Application(router: buildRouter(environment: environment, sessions: sessions))
    }

    /// Runs `body` with a browser-like client against the app.
    func run(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await application().test(.router) { client in
            try await body(Browser(client: client))
        }
    }
}

/// A tiny browser: keeps the session cookie and the latest form token, and sends
/// same-origin form posts the way a real browser does.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var bytes = Data()
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    @discardableResult
    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, headers: [:], body: nil)
    }

    /// A same-origin form post carrying the session's form token (unless `csrf` says otherwise).
    @discardableResult
    func post(_ uri: String, _ fields: [String: String] = [:], csrf overrideToken: String? = nil,
              extraHeaders: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin", HTTPField.Name("Origin")!: "http://localhost"]) async throws -> Page {
        var all = fields
        all["csrf"] = overrideToken ?? csrf ?? ""
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = extraHeaders
        headers[.contentType] = "application/x-www-form-urlencoded"
        let page = try await send(uri, method: .post, headers: headers, body: body)
        // Like a browser, follow a redirect within the site, so the next form token is current.
        if page.status == .seeOther, let location = page.location, location.hasPrefix("/") {
            try await get(location)
        }
        return page
    }

    /// A same-origin multipart form post with one file, as a browser sends an upload.
    @discardableResult
    func upload(_ uri: String, fileField: String = "file", fileName: String, bytes: Data, fields: [String: String] = [:]) async throws -> Page {
        let boundary = "----untether-test-\(UUID().uuidString)"
        var body = Data()
        var all = fields
        all["csrf"] = csrf ?? ""
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "same-origin", HTTPField.Name("Origin")!: "null"]
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        if let cookie { headers[.cookie] = "session=\(cookie)" }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body), bytes: Data(buffer: response.body))
        if page.status == .seeOther, let location = page.location, location.hasPrefix("/") { try await get(location) }
        return page
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?) async throws -> Page {
        var headers = headers
        if let cookie { headers[.cookie] = "session=\(cookie)" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body), bytes: Data(buffer: response.body))
        for header in page.setCookies where header.hasPrefix("session=") {
            let value = String(header.dropFirst("session=".count).prefix { $0 != ";" })
            cookie = value.isEmpty ? nil : value
        }
        if let token = Self.formToken(in: page.body) { csrf = token }
        return page
    }

    static func formToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    /// First run: the welcome page, then set up with the test passphrase. Returns the recovery key
    /// page; the key is then confirmed as written down (as a person would), unless `confirmKey` is false.
    @discardableResult
    func setUp(passphrase: String = testPassphrase, confirmKey: Bool = true) async throws -> Page {
        try await get("/welcome")
        let made = try await post("/setup", ["passphrase": passphrase, "passphrase_confirm": passphrase])
        guard made.location == "/setup/key" else { return made }
        let page = try await get("/setup/key")
        if confirmKey { try await post("/setup/done", ["saved": "yes"]) }
        return page
    }

    /// Unlock from the unlock page.
    @discardableResult
    func unlock(_ passphrase: String = testPassphrase) async throws -> Page {
        try await get("/unlock")
        return try await post("/unlock", ["passphrase": passphrase])
    }
}

/// Every byte the vault folder holds (database, WAL and shared memory), to look for words that
/// must never be there in clear.
enum VaultFiles {
    static func bytes(in directory: URL) throws -> Data {
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            bytes += (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
        }
        return bytes
    }
}
