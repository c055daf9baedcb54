import Hummingbird

/// What a page says after something was done ("Saved."), carried in the address of the page a
/// form sends the browser on to, so reloading that page repeats nothing. Each section has its
/// own small enum of notices; the raw value is what appears after `?done=`.
protocol DoneNotice: RawRepresentable<String>, CaseIterable, Sendable {
    /// The words shown.
    var message: String { get }
    /// True when the notice asks the person to fix something rather than confirming.
    var isError: Bool { get }
}

extension DoneNotice {
    var isError: Bool { false }

    /// The notice named in the request's address, if any.
    init?(_ request: Request) {
        guard let raw = request.uri.queryParameters[Substring(SiteRoute.Parameter.done)].map(String.init) else { return nil }
        self.init(rawValue: raw)
    }
}

