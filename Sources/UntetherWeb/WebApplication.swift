import Foundation
import Hummingbird
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
    router.add(middleware: SessionMiddleware(sessions: sessions, now: environment.now))
    router.add(middleware: FormMiddleware())
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
    ]
    for section in sections { section.register(on: unlocked) }
    return router
}

/// Where the server listens.
public struct WebServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The whole web application: the router, the server, and a sweeper that locks idle sessions
/// on time even when no request comes in. `onRunning` receives the address actually bound.
public func buildApplication(
    server: WebServerConfiguration,
    environment: WebEnvironment,
    sessions: SessionManager,
    onRunning: @escaping @Sendable (String) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(environment: environment, sessions: sessions)
    let host = server.host
    return Application(
        router: router,
        configuration: .init(address: .hostname(host, port: server.port), serverName: nil),
        services: [SessionSweeper(sessions: sessions, now: environment.now)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? server.port
            let shownHost = host.contains(":") ? "[\(host)]" : host
            await onRunning("http://\(shownHost):\(port)")
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
