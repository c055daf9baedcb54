import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("Security surface: headers, cookies, CSRF")
struct SecuritySurfaceTests {
    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static func expectSecurityHeaders(_ page: Browser.Page, dynamic: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.headers[.contentSecurityPolicy] == csp, sourceLocation: sourceLocation)
        #expect(page.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", sourceLocation: sourceLocation)
        #expect(page.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] == "same-origin", sourceLocation: sourceLocation)
        if dynamic {
            #expect(page.headers[.cacheControl] == "no-store", sourceLocation: sourceLocation)
        }
    }

    @Test("every kind of response carries the security headers: pages, redirects, assets, 404, 403, 413")
    func headersEverywhere() async throws {
        try await TestApp().run { browser in
            Self.expectSecurityHeaders(try await browser.get("/"))
            Self.expectSecurityHeaders(try await browser.get("/welcome"))
            Self.expectSecurityHeaders(try await browser.get("/no/such/page"))
            Self.expectSecurityHeaders(try await browser.get("/static/app.css"), dynamic: false)
            Self.expectSecurityHeaders(try await browser.get("/static/missing.js"))
            Self.expectSecurityHeaders(try await browser.post("/setup", [:], csrf: "wrong"))
            let huge = String(repeating: "a", count: 4 * 1024 * 1024)
            let tooLarge = try await browser.post("/setup", ["passphrase": huge])
            #expect(tooLarge.status == .contentTooLarge)
            Self.expectSecurityHeaders(tooLarge)
            let missing = try await browser.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("id=\"quick-exit\""))
        }
    }

    @Test("static assets are served from the binary with their content types")
    func assets() async throws {
        try await TestApp().run { browser in
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.body.contains("prefers-color-scheme: dark"))
            let js = try await browser.get("/static/app.js")
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(js.body.contains("location.replace"))
        }
    }

    @Test("the session cookie is HttpOnly, SameSite=Strict, Path=/, Secure on localhost, with no Max-Age")
    func cookieFlags() async throws {
        try await TestApp().run { browser in
            let page = try await browser.get("/welcome")
            let cookie = try #require(page.setCookies.first { $0.hasPrefix("session=") })
            let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes == ["httponly", "samesite=strict", "path=/", "secure"])
            let token = try #require(browser.cookie)
            #expect(token.count >= 22)  // at least 128 bits in base64url
        }
    }

    @Test("Secure is set for HTTPS and loopback hosts, and left off for a plain-HTTP network address", arguments: [
        ("localhost:8080", nil, true), ("127.0.0.1:8080", nil, true), ("[::1]:8080", nil, true),
        ("192.168.1.20:8080", nil, false), ("notes.example:8080", "https", true), ("notes.example", nil, false),
    ] as [(String, String?, Bool)])
    func secureOrigin(authority: String, forwardedProto: String?, secure: Bool) {
        #expect(SessionMiddleware.isSecure(authority: authority, forwardedProto: forwardedProto) == secure)
    }

    @Test("a cross-site POST without the token gets 403 and changes nothing")
    func crossSiteRefused() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let crossSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "cross-site", HTTPField.Name("Origin")!: "https://evil.example"]
            let refused = try await browser.post("/notes", ["title": "planted", "body": "x"], csrf: "", extraHeaders: crossSite)
            #expect(refused.status == .forbidden)
            // Even with the right token, a cross-site or foreign-origin POST is refused.
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], extraHeaders: crossSite).status == .forbidden)
            let foreignOrigin: HTTPFields = [HTTPField.Name("Origin")!: "http://evil.example"]
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], extraHeaders: foreignOrigin).status == .forbidden)
            let sameSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "same-site"]
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], extraHeaders: sameSite).status == .forbidden)
            // A same-origin POST without the token, or with another session's token, is refused too.
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], csrf: "").status == .forbidden)
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], csrf: "A" + (browser.csrf ?? "")).status == .forbidden)
            let list = try await browser.get("/notes")
            #expect(!list.body.contains("planted"))
            // `Origin: null` (what browsers send under no-referrer) is refused unless the browser says same-origin.
            let nullCrossSite: HTTPFields = [HTTPField.Name("Origin")!: "null", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], extraHeaders: nullCrossSite).status == .forbidden)
            let nullAlone: HTTPFields = [HTTPField.Name("Origin")!: "null"]
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"], extraHeaders: nullAlone).status == .forbidden)
            // The same request done properly works, so the refusals above were about CSRF alone.
            let nullSameOrigin: HTTPFields = [HTTPField.Name("Origin")!: "null", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
            #expect(try await browser.post("/notes", ["title": "from a real browser", "body": "x"], extraHeaders: nullSameOrigin).status == .seeOther)
            #expect(try await browser.post("/notes", ["title": "planted", "body": "x"]).status == .seeOther)
        }
    }

    @Test("a POST with a repeated field or the wrong content type is refused with a plain page")
    func malformedForms() async throws {
        try await TestApp().run { browser in
            try await browser.get("/welcome")
            let token = browser.csrf ?? ""
            let repeated = try await browser.send(
                "/setup", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                body: "csrf=\(token)&passphrase=a&passphrase=b"
            )
            #expect(repeated.status == .badRequest)
            #expect(repeated.body.contains("couldn't be read"))
            let json = try await browser.send("/setup", method: .post, headers: [.contentType: "application/json"], body: "{}")
            #expect(json.status == .unsupportedMediaType)
        }
    }

    @Test("no page has an inline script or style, and every script is loaded from this site")
    func noInlineCode() async throws {
        try await TestApp().run { browser in
            for page in [try await browser.get("/welcome"), try await browser.setUp(), try await browser.get("/today"), try await browser.get("/settings")] {
                #expect(!page.body.contains("style="))
                #expect(!page.body.contains("<script>"))
                #expect(page.body.range(of: #" on[a-z]+=""#, options: .regularExpression) == nil, "no inline event handlers")
                #expect(page.body.contains("<script src=\"/static/app.js\" defer></script>"))
            }
        }
    }
}
