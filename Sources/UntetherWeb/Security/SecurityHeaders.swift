import Foundation
import HTTPTypes
import Logging
import Hummingbird

/// The headers every response carries, and the pages shown for errors.
enum SecurityHeaders {
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    static let crossOriginResourcePolicy = HTTPField.Name("Cross-Origin-Resource-Policy")!
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let clearSiteData = HTTPField.Name("Clear-Site-Data")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let origin = HTTPField.Name("Origin")!
    static let contentDisposition = HTTPField.Name("Content-Disposition")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// What `Clear-Site-Data` says on lock and exit.
    static let clearEverything = "\"cache\", \"cookies\", \"storage\""

    static func apply(to headers: inout HTTPFields, isStatic: Bool) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[referrerPolicy] = "no-referrer"
        headers[crossOriginOpenerPolicy] = "same-origin"
        headers[crossOriginResourcePolicy] = "same-origin"
        headers[xFrameOptions] = "DENY"
        headers[permissionsPolicy] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        if !isStatic || headers[.cacheControl] == nil {
            headers[.cacheControl] = "no-store"
        }
    }
}

/// The outermost middleware: turns every error into a plain page and puts the security headers
/// on every response, errors included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = ErrorPage.response(status: error.status)
        } catch {
            // Only the error's type is logged: its description could hold something the person typed.
            logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            response = ErrorPage.response(status: .internalServerError)
        }
        SecurityHeaders.apply(to: &response.headers, isStatic: request.uri.path.hasPrefix(SiteRoute.assetPrefix))
        return response
    }
}

/// Logs each request as method, route pattern, status and duration. Never the path itself
/// (it can hold an id), the query, a header, or the body.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, response.status, start)
            return response
        } catch {
            log(request, context, (error as? any HTTPResponseError)?.status ?? .internalServerError, start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: WebContext, _ status: HTTPResponse.Status, _ start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        // Tenths of a millisecond, without a formatter (this runs on every request).
        let tenths = Int(elapsed.components.seconds) * 10_000 + Int(elapsed.components.attoseconds / 100_000_000_000_000)
        logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "unmatched")",
            "status": "\(status.code)",
            "ms": "\(tenths / 10).\(tenths % 10)",
        ])
    }
}
