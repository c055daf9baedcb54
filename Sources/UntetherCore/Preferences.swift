import Foundation

/// The person's own settings. They are sealed like every other record, because a chosen name
/// or exit site can say something about the person.
public struct Preferences: Sendable, Hashable, Codable {
    /// The bland name shown in the title bar and header unless the person picks another.
    public static let defaultDisplayName = "Notes"
    /// Where quick exit goes unless the person picks another: an everyday weather page.
    public static let defaultExitSite = "https://www.bbc.com/weather"
    /// Longest display name, in characters.
    public static let maxDisplayNameLength = 40

    public var displayName: String
    public var exitSite: String
    public var idleMinutes: Int
    /// Full no contact or low contact; nil until the person has said.
    public var contactMode: ContactMode?
    /// In low contact: what still ties the person to them. Empty otherwise.
    public var lowContactReasons: [LowContactReason]?
    /// The day no contact (or low contact) began, when the person gave it. Charts start there.
    public var noContactSince: CalendarDay?
    /// The time zone the person's days turn over in (an identifier such as "Europe/London");
    /// nil to follow the computer's.
    public var timeZoneID: String?
    /// The help-line region the person chose ("GB-ENG", "US"); nil until they choose. It is
    /// never guessed from the network.
    public var regionCode: String?

    public init(
        displayName: String = Preferences.defaultDisplayName,
        exitSite: String = Preferences.defaultExitSite,
        idleMinutes: Int = SessionPolicy.defaultIdleMinutes
    ) {
        self.displayName = displayName
        self.exitSite = exitSite
        self.idleMinutes = idleMinutes
    }

    /// Checks what the person typed and returns clean preferences, or says what to fix.
    public static func validated(displayName: String, exitSite: String, idleMinutes: Int) throws(PreferencesError) -> Preferences {
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .emptyName }
        guard name.count <= maxDisplayNameLength else { throw .nameTooLong }
        let site = exitSite.trimmingCharacters(in: .whitespacesAndNewlines)
        guard site.count <= 500, Self.isPublicHTTPS(site) else { throw .badExitSite }
        guard SessionPolicy.idleMinutesRange.contains(idleMinutes) else { throw .badIdleMinutes }
        return Preferences(displayName: name, exitSite: site, idleMinutes: idleMinutes)
    }

    /// True for an `https://` address on a public host, with no user name or password in it: the
    /// exit button leads somewhere ordinary, never to this computer or the home network, and it
    /// never carries anything secret.
    public static func isPublicHTTPS(_ address: String) -> Bool {
        guard let url = URL(string: address), url.scheme?.lowercased() == "https", url.user == nil, url.password == nil,
              let rawHost = url.host?.lowercased(), !rawHost.isEmpty, !rawHost.contains("@")
        else { return false }
        // Anything before the host that holds "@" is a user name, however it is spelled.
        if let authority = address.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(2).first,
           authority.contains("@") { return false }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal")
            || host.hasSuffix(".lan") || host.hasSuffix(".home.arpa") { return false }
        if host.contains(":") { return isPublicIPv6(host) }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            // "0177.0.0.1" reads as octal in a browser: a leading zero is never taken.
            guard parts.allSatisfy({ $0 == "0" || !$0.hasPrefix("0") }) else { return false }
            let octets = parts.compactMap { Int($0) }
            guard octets.count == 4, octets.allSatisfy({ (0...255).contains($0) }) else { return false }
            switch (octets[0], octets[1]) {
            case (0, _), (10, _), (127, _), (169, 254), (192, 168), (100, 64...127): return false
            case (172, 16...31): return false
            default: return octets[0] < 224
            }
        }
        // A name with no dot (for example "router") is only reachable on a local network.
        // A part in hexadecimal ("0x7f") is a number to a browser too.
        if parts.contains(where: { $0.hasPrefix("0x") }) { return false }
        return parts.count >= 2 && !parts.contains(where: \.isEmpty) && !(parts.last!.allSatisfy(\.isNumber))
    }

    /// True for a global IPv6 address (2000::/3), written in any of its forms.
    static func isPublicIPv6(_ text: String) -> Bool {
        var groups: [UInt16] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func parse(_ part: String) -> [UInt16]? {
            part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) }
                .reduce(into: [UInt16]?([])) { result, value in
                    guard let value, result != nil else { result = nil; return }
                    result!.append(value)
                }
        }
        guard let head = parse(halves[0]), let tail = halves.count == 2 ? parse(halves[1]) : [] else { return false }
        if halves.count == 2 {
            guard head.count + tail.count < 8 else { return false }
            groups = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            groups = head
        }
        guard groups.count == 8 else { return false }
        return groups[0] & 0xE000 == 0x2000  // global unicast; loopback, mapped, local and the rest are not
    }

    /// The same settings with the person's own name, exit site and idle time; everything else kept.
    public func replacingBasics(with basics: Preferences) -> Preferences {
        var copy = self
        copy.displayName = basics.displayName
        copy.exitSite = basics.exitSite
        copy.idleMinutes = basics.idleMinutes
        return copy
    }

    /// The person's situation; reasons only count in low contact.
    public mutating func setSituation(_ mode: ContactMode, reasons: [LowContactReason], since: String? = nil) {
        contactMode = mode
        lowContactReasons = mode == .lowContact ? LowContactReason.allCases.filter(reasons.contains) : nil
        noContactSince = since.flatMap { CalendarDay($0) }
    }

    /// The person's time zone, or `fallback` (the computer's) when they have not chosen one.
    public func timeZone(fallback: TimeZone) -> TimeZone {
        timeZoneID.flatMap(TimeZone.init(identifier:)) ?? fallback
    }

    /// The session policy these preferences ask for.
    public var sessionPolicy: SessionPolicy { SessionPolicy(idleMinutes: idleMinutes) }
}

/// Why settings were not saved.
public enum PreferencesError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyName
    case nameTooLong
    case badExitSite
    case badIdleMinutes

    public var description: String {
        switch self {
        case .emptyName: "Please give a name for the title bar. \"Notes\" is a good plain choice."
        case .nameTooLong: "Please keep the name to \(Preferences.maxDisplayNameLength) characters or fewer."
        case .badExitSite: "The exit site needs to be a full web address that starts with https://, like https://www.bbc.com/weather."
        case .badIdleMinutes: "Please choose between \(SessionPolicy.idleMinutesRange.lowerBound) and \(SessionPolicy.idleMinutesRange.upperBound) minutes."
        }
    }
}

extension Preferences: SealedDocument {
    public static var kind: RecordKind { .preferences }
    public static var initial: Self { Self() }
}
