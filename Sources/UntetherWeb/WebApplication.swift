import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import UntetherCore
import UntetherStore

/// Builds the router with every route and the security middleware, in the order that matters:
/// headers and error pages outermost, then the request log, then (for pages, not assets) the
/// session and the form and CSRF checks.
public func buildRouter(environment: WebEnvironment, sessions: SessionManager) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: SecurityHeadersMiddleware(logger: environment.logger))
    router.add(middleware: RequestLogMiddleware(logger: environment.logger))
    AssetRoutes.register(on: router)
    router.add(middleware: SessionMiddleware(sessions: sessions, now: environment.now, servesTLS: environment.servesTLS))
    router.add(middleware: FormMiddleware(lockedDrafts: LockedDraftKeeper(sessions: sessions, home: environment.home, now: environment.now)))
    VaultRoutes(environment: environment, sessions: sessions).register(on: router)
    HelpRoutes(environment: environment).register(on: router)
    let unlocked = router.unlockedGroup()
    let sections: [any UnlockedRoutes] = [
        TodayRoutes(environment: environment),
        NoteRoutes(environment: environment),
        LogFileRoutes(environment: environment),
        LogRoutes(environment: environment),
        CoachRoutes(),
        ContactRoutes(environment: environment, sessions: sessions),
        WithdrawalRoutes(environment: environment),
        JournalRoutes(environment: environment),
        SelfTrustRoutes(environment: environment),
        SearchRoutes(environment: environment),
        SettingsRoutes(environment: environment, sessions: sessions),
        SafetyNetRoutes(environment: environment, sessions: sessions),
        SafetyPlanRoutes(environment: environment),
        PatternRoutes(environment: environment),
        FlagRoutes(environment: environment),
        GrowthRoutes(environment: environment),
        DraftRoutes(environment: environment),
    ]
    for section in sections { section.register(on: unlocked) }
    return router
}

/// Where the server listens.
public struct WebServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// TLS, when the server speaks HTTPS (always, beyond this computer, unless an operator
    /// chose plain HTTP behind a TLS proxy).
    public var identity: ServerIdentity?

    public init(host: String = "127.0.0.1", port: Int = 8080, identity: ServerIdentity? = nil) {
        self.host = host
        self.port = port
        self.identity = identity
    }
}

/// The whole web application: the router, the server, and a sweeper that locks idle sessions
/// on time even when no request comes in. `onRunning` receives the address actually bound.
public func buildApplication(
    server: WebServerConfiguration,
    environment: WebEnvironment,
    sessions: SessionManager,
    onRunning: @escaping @Sendable (String) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    var environment = environment
    environment.servesTLS = server.identity != nil
    let router = buildRouter(environment: environment, sessions: sessions)
    let host = server.host
    let scheme = server.identity == nil ? "http" : "https"
    return Application(
        router: router,
        server: try server.identity.map { try .tls(.http1(), tlsConfiguration: $0.tlsConfiguration) } ?? .http1(),
        configuration: .init(address: .hostname(host, port: server.port), serverName: nil),
        services: [SessionSweeper(sessions: sessions, now: environment.now)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? server.port
            let shownHost = host.contains(":") ? "[\(host)]" : host
            await onRunning("\(scheme)://\(shownHost):\(port)")
        },
        logger: environment.logger
    )
}

/// Locks sessions past their time every few seconds, so a data key never outlives its session.
struct SessionSweeper: Service {
    let sessions: SessionManager
    let now: @Sendable () -> Date

    func run() async throws {
        // Stop as soon as the server is asked to shut down, rather than at the next tick.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sessions.sweep(now: now())
                try await Task.sleep(for: .seconds(5))
            }
        }
    }
}
