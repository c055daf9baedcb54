import Foundation
import Hummingbird
import UntetherCore

/// The request context: Hummingbird's own storage, plus the session and the form body,
/// which the middleware fills in before a route runs.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session for this request (set by `SessionMiddleware`).
    public var session: SessionSnapshot?
    /// The decoded form fields of a POST (set by `FormMiddleware`).
    public var form: FormFields = FormFields()
    /// Files sent with a multipart form, by field name.
    public var files: [String: UploadedFile] = [:]
    /// True when the browser reached us over HTTPS or on this machine, so the cookie can be `Secure`.
    public var isSecureOrigin = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// A 3 MiB cap on request bodies: a long note, with room for URL encoding.
    public var maxUploadSize: Int { 3 * 1024 * 1024 }

    /// The cap for a form carrying a file: the 25 MiB file limit plus room for the other fields.
    static let maxUploadBodySize = 26 * 1024 * 1024
}

/// The fields of a URL-encoded form. Each name appears once; a repeated name is refused.
public struct FormFields: Sendable, Equatable {
    var values: [String: String] = [:]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The value of a field, or "" when it is missing.
    public subscript(_ name: String) -> String { values[name] ?? "" }

    /// True when the form has this field.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Parses `application/x-www-form-urlencoded` text; nil when it is malformed.
    public static func parse(_ body: String) -> FormFields? {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard
                let name = decode(parts[0]),
                let value = parts.count > 1 ? decode(parts[1]) : ""
            else { return nil }
            guard values[name] == nil else { return nil }
            values[name] = value
        }
        return FormFields(values)
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
