import Foundation
import UntetherCore
import UntetherStore
import HTTPTypes
import Hummingbird
import NIOFoundationCompat
import UntetherVault

/// The session cookie. No `Max-Age` or `Expires`, so it ends with the browser session.
enum SessionCookie {
    static let name = "session"

    static func make(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Tells the browser to forget the cookie at once.
    static func expired(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Ends the session in the browser: forget the cookie and clear cache and storage.
    static func clearingSite(_ response: inout Response, secure: Bool) {
        response.setCookie(expired(secure: secure))
        response.headers[SecurityHeaders.clearSiteData] = SecurityHeaders.clearEverything
    }
}

/// Finds the session for each request (starting a locked one when needed) and sets its cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let sessions: SessionManager
    let now: @Sendable () -> Date
    /// True when this server speaks TLS itself, so every request arrived encrypted.
    var servesTLS = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.isSecureOrigin = servesTLS || Self.isSecureOrigin(request)
        // Keeping writing at the lock warning is not use: it must not hold the lock off.
        let atTheLock = request.uri.path == SiteRoute.keepDraft.path && request.uri.queryParameters["lock"] == "1"
        let snapshot = await sessions.session(token: request.cookies[SessionCookie.name]?.value, now: now(), touch: !atTheLock)
        context.session = snapshot
        var response = try await next(request, context)
        if !snapshot.wasKnown, response.headers[.setCookie] == nil {
            response.setCookie(SessionCookie.make(snapshot.token, secure: context.isSecureOrigin))
        }
        return response
    }

    /// HTTPS (behind a proxy that says so) or this machine itself: browsers accept `Secure` cookies there.
    static func isSecureOrigin(_ request: Request) -> Bool {
        isSecure(authority: request.head.authority, forwardedProto: request.headers[SecurityHeaders.forwardedProto])
    }

    static func isSecure(authority: String?, forwardedProto: String?) -> Bool {
        if forwardedProto?.lowercased() == "https" { return true }
        let host = hostName(of: authority ?? "")
        return host == "localhost" || host.hasSuffix(".localhost") || host == "127.0.0.1" || host == "::1"
    }

    static func hostName(of authority: String) -> String {
        if authority.hasPrefix("[") {
            return String(authority.dropFirst().prefix { $0 != "]" })
        }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }
}

/// For every POST: refuses cross-site requests, reads the URL-encoded form, and checks its
/// synchronizer token against the session's. A refused request changes nothing.
struct FormMiddleware: RouterMiddleware {
    typealias Context = WebContext
    /// Where a form that arrives after the lock is kept, sealed (nil: it is refused as before).
    var lockedDrafts: LockedDraftKeeper? = nil

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if let site = request.headers[SecurityHeaders.secFetchSite], site != "same-origin", site != "none" {
            throw HTTPError(.forbidden)
        }
        if let origin = request.headers[SecurityHeaders.origin] {
            // With `Referrer-Policy: no-referrer` browsers send `Origin: null` even for our own forms;
            // then the browser's own `Sec-Fetch-Site: same-origin` must vouch for the request.
            let vouched = origin == "null" && request.headers[SecurityHeaders.secFetchSite] == "same-origin"
            guard vouched || Self.origin(origin, matches: request.head.authority) else { throw HTTPError(.forbidden) }
        }
        var request = request
        let contentType = request.headers[.contentType] ?? ""
        var context = context
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = MultipartForm.boundary(fromContentType: contentType) else { throw HTTPError(.badRequest) }
            let buffer = try await Self.body(of: &request, upTo: WebContext.maxUploadBodySize)
            guard let parsed = MultipartForm.parse(Data(buffer: buffer), boundary: boundary) else { throw HTTPError(.badRequest) }
            context.form = parsed.fields
            context.files = parsed.files
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let buffer = try await Self.body(of: &request, upTo: context.maxUploadSize)
            guard let fields = FormFields.parse(String(buffer: buffer)) else { throw HTTPError(.badRequest) }
            context.form = fields
        } else {
            throw HTTPError(.unsupportedMediaType)
        }
        guard let session = context.session, SecureToken.matches(context.form["csrf"], session.csrf) else {
            // A form of ours (same origin, checked above) that arrived after its session locked:
            // its token is gone with the session, but what was written is kept, sealed.
            let action = request.uri.path == SiteRoute.keepDraft.path ? context.form["draft_action"] : request.uri.path
            if context.session?.vault == nil, let id = UUID(uuidString: context.form["draft_id"]), let lockedDrafts,
               DraftTicket.isValid(context.form["draft_ticket"], id: context.form["draft_id"]), DraftTicket.isWritingPath(action),
               await lockedDrafts.keep(Draft(
                   id: id, savedAt: lockedDrafts.now(),
                   // The script's keeping of a draft names the form's own path.
                   action: action,
                   fields: context.form.values, interrupted: true
               )) {
                return .redirect(to: SiteRoute.unlock.with([("kept", "1")]))
            }
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }

    /// The whole body, or a 400 when it is cut off mid-way (the connection closed early): that is
    /// a bad request, not a fault of the server. Too large stays a 413.
    static func body(of request: inout Request, upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            throw HTTPError(.badRequest)
        }
    }

    /// True when the `Origin` header names this very server (scheme aside: TLS may end at a proxy).
    static func origin(_ origin: String, matches authority: String?) -> Bool {
        guard let authority, let range = origin.range(of: "://") else { return false }
        return origin[range.upperBound...].lowercased() == authority.lowercased()
    }
}

/// Keeps a form that arrived while the vault was locked, sealed to the draft key the running
/// program learned at the last unlock. Without that key (the program restarted since), nothing
/// can be kept safely, and the form is refused as any stale form is.
struct LockedDraftKeeper: Sendable {
    let sessions: SessionManager
    let home: any VaultHome
    let now: @Sendable () -> Date

    func keep(_ draft: Draft) async -> Bool {
        guard draft.hasWriting, let publicKey = await sessions.draftPublicKey,
              let store = try? await home.existingStore() else { return false }
        return (try? await LockedDrafts.keep(draft, publicKey: publicKey, in: store, now: now())) != nil
    }
}
