import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Sends a visitor whose session holds no open vault to the unlock page. It guards the group of
/// routes that need the vault, so no handler has to check.
struct RequireUnlockedMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.session?.vault != nil else { return .redirect(to: SiteRoute.unlock) }
        // A new vault's recovery key comes first: there is no way past it but writing it down.
        if context.session?.pendingRecoveryKey != nil { return .redirect(to: SiteRoute.recoveryKey) }
        let response = try await next(request, context)
        // A form that saved (and so redirects) no longer needs the draft kept of it.
        if request.method == .post, response.status == .seeOther, request.uri.path != SiteRoute.keepDraft.path,
           let id = UUID(uuidString: context.form["draft_id"]), let vault = context.session?.vault {
            try? await vault.log(Draft.self).delete(id)
        }
        return response
    }
}

/// The context of a request to an unlocked page: everything in `WebContext`, plus the open
/// vault, which `RequireUnlockedMiddleware` has made sure is there.
struct UnlockedContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let session: SessionSnapshot
    let vault: UnlockedVault
    let form: FormFields
    let files: [String: UploadedFile]
    let isSecureOrigin: Bool

    init(context: WebContext) throws {
        guard let session = context.session, let vault = session.vault else { throw HTTPError(.unauthorized) }
        coreContext = context.coreContext
        self.session = session
        self.vault = vault
        form = context.form
        files = context.files
        isSecureOrigin = context.isSecureOrigin
    }

    var maxUploadSize: Int { 3 * 1024 * 1024 }

    /// The page chrome, marking `section` as current.
    func chrome(_ section: Section?) -> PageChrome {
        PageChrome(session: session, section: section)
    }

    /// The opened-records cache of this session.
    var opened: OpenedRecords { OpenedRecords(vault: vault, cache: session.cache) }

    /// The record id in the path, or a 404.
    func pathID() throws -> UUID {
        guard let id = parameters.get(SiteRoute.Parameter.id).flatMap(UUID.init(uuidString:)) else { throw HTTPError(.notFound) }
        return id
    }

    /// The value of the log named by the id in the path, or a 404 when there is none.
    func load<Value: LoggedValue>(_ type: Value.Type) async throws -> Value {
        guard let value = try await vault.log(type).value(try pathID()) else { throw HTTPError(.notFound) }
        return value
    }

    /// The log entry named by the id in the path, or a 404 when there is none (or it was removed).
    func loadLogEntry() async throws -> LogEntry {
        guard let entry = try await vault.evidence.entry(try pathID()) else { throw HTTPError(.notFound) }
        return entry
    }
}

extension RouterMethods<WebContext> {
    /// The routes that need an open vault: a locked visitor is sent to unlock first.
    func unlockedGroup() -> RouterGroup<UnlockedContext> {
        group().add(middleware: RequireUnlockedMiddleware()).group(context: UnlockedContext.self)
    }
}
