import Foundation

/// Help lines by region: the national domestic-abuse line, the emergency number and a crisis
/// line, each with where it was confirmed and when. The built-in list is `help-lines.json`
/// beside this file (embedded at build time); an operator may extend or replace regions.
public struct HelpLineDirectory: Codable, Sendable, Equatable {
    public let version: Int
    /// The day the list as a whole was last checked.
    public let checked: CalendarDay
    public let regions: [HelpRegion]

    public init(version: Int = 1, checked: CalendarDay, regions: [HelpRegion]) {
        self.version = version
        self.checked = checked
        self.regions = regions
    }

    /// The list that ships with Untether.
    public static let builtIn: HelpLineDirectory = {
        do {
            return try load(Data(builtInJSON.utf8))
        } catch {
            // A test reads the same file, so a broken list never reaches a release.
            preconditionFailure("the built-in help-line list is invalid: \(error)")
        }
    }()

    /// Reads and checks a list (the built-in one, or an operator's file).
    public static func load(_ data: Data) throws(HelpLinesError) -> HelpLineDirectory {
        let directory: HelpLineDirectory
        do {
            directory = try JSONDecoder().decode(HelpLineDirectory.self, from: data)
        } catch {
            throw .unreadable(String(describing: error).prefix(200).description)
        }
        try directory.validate()
        return directory
    }

    /// One region by its code ("GB-ENG", "US"), ignoring case.
    public func region(_ code: String?) -> HelpRegion? {
        guard let code = code?.uppercased() else { return nil }
        return regions.first { $0.code.uppercased() == code }
    }

    /// The regions a code names: the region itself, or every part of a country given by its
    /// country code ("GB" gives England, Scotland, Wales and Northern Ireland).
    public func regions(matching code: String) -> [HelpRegion] {
        if let exact = region(code) { return [exact] }
        let prefix = code.uppercased() + "-"
        return regions.filter { $0.code.uppercased().hasPrefix(prefix) }
    }

    /// This list with `other`'s regions added, each replacing one of the same code.
    public func extended(by other: HelpLineDirectory) -> HelpLineDirectory {
        var merged = regions.filter { mine in !other.regions.contains { $0.code.uppercased() == mine.code.uppercased() } }
        merged += other.regions
        return HelpLineDirectory(version: version, checked: max(checked, other.checked), regions: merged)
    }

    /// Every region has a name, a national line and an emergency number; every number is
    /// dialable and says where it was confirmed and when; codes are unique.
    public func validate() throws(HelpLinesError) {
        var seen = Set<String>()
        for region in regions {
            let where_ = region.code.isEmpty ? "a region" : region.code
            guard !region.code.isEmpty, !region.name.isEmpty else { throw .invalid("\(where_): a region needs a code and a name") }
            guard seen.insert(region.code.uppercased()).inserted else { throw .invalid("\(where_) appears twice") }
            guard !region.domesticAbuse.isEmpty else { throw .invalid("\(where_) has no domestic-abuse line") }
            for line in region.domesticAbuse + region.crisis {
                guard !line.name.isEmpty else { throw .invalid("\(where_): a line has no name") }
                guard HelpLine.isDialable(line.dial) else { throw .invalid("\(where_): \(line.name) has no number that can be dialled") }
                guard !line.source.isEmpty else { throw .invalid("\(where_): \(line.name) does not say where it was confirmed") }
                if let text = line.text, !HelpLine.isDialable(text.dialDigits) {
                    throw .invalid("\(where_): \(line.name) has a text number that can't be used")
                }
            }
            guard HelpLine.isDialable(region.emergency.dial) else { throw .invalid("\(where_): the emergency number can't be dialled") }
            guard !region.emergency.source.isEmpty else { throw .invalid("\(where_): the emergency number does not say where it was confirmed") }
        }
    }
}

/// One region's lines.
public struct HelpRegion: Codable, Sendable, Equatable, Identifiable {
    public let code: String
    public let name: String
    public let domesticAbuse: [HelpLine]
    public let emergency: EmergencyNumber
    public let crisis: [HelpLine]

    public var id: String { code }

    public init(code: String, name: String, domesticAbuse: [HelpLine], emergency: EmergencyNumber, crisis: [HelpLine] = []) {
        self.code = code
        self.name = name
        self.domesticAbuse = domesticAbuse
        self.emergency = emergency
        self.crisis = crisis
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        domesticAbuse = try container.decode([HelpLine].self, forKey: .domesticAbuse)
        emergency = try container.decode(EmergencyNumber.self, forKey: .emergency)
        crisis = try container.decodeIfPresent([HelpLine].self, forKey: .crisis) ?? []
    }
}

/// A line to call (and sometimes text or chat).
public struct HelpLine: Codable, Sendable, Equatable {
    public let name: String
    /// As people write it ("0808 2000 247").
    public let number: String
    /// The digits to dial.
    public let dial: String
    public let text: TextNumber?
    public let tty: PhoneNumber?
    public let chat: String?
    public let hours: String?
    public let free: Bool?
    public let web: String?
    /// A plain word of advice about this line.
    public let note: String?
    /// The part of the region it serves, when not all of it (a province).
    public let area: String?
    /// Where the number was confirmed.
    public let source: String
    public let checked: CalendarDay

    public init(
        name: String, number: String, dial: String, text: TextNumber? = nil, tty: PhoneNumber? = nil, chat: String? = nil,
        hours: String? = nil, free: Bool? = nil, web: String? = nil, note: String? = nil, area: String? = nil,
        source: String, checked: CalendarDay
    ) {
        self.name = name
        self.number = number
        self.dial = dial
        self.text = text
        self.tty = tty
        self.chat = chat
        self.hours = hours
        self.free = free
        self.web = web
        self.note = note
        self.area = area
        self.source = source
        self.checked = checked
    }

    /// Two to fifteen digits (France's police are 17), with an optional leading "+": something a phone can dial.
    public static func isDialable(_ dial: String) -> Bool {
        let digits = dial.hasPrefix("+") ? dial.dropFirst() : Substring(dial)
        return (2...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A `tel:` link for the digits.
    public static func telLink(_ dial: String) -> String { "tel:" + dial }
}

/// A number to text, with what to write when the service asks for a word.
public struct TextNumber: Codable, Sendable, Equatable {
    public let number: String
    public let dial: String?
    public let body: String?
    /// The app it works through (WhatsApp), when not plain text messages.
    public let app: String?
    public let note: String?

    public init(number: String, dial: String? = nil, body: String? = nil, app: String? = nil, note: String? = nil) {
        self.number = number
        self.dial = dial
        self.body = body
        self.app = app
        self.note = note
    }

    /// The digits to send to.
    public var dialDigits: String { dial ?? String(number.filter { $0.isASCII && $0.isNumber }) }

    /// An `sms:` link with the word to send already written, or nil for an app-only number.
    public var smsLink: String? {
        guard app == nil else { return nil }
        let word = body.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }
        return "sms:" + dialDigits + (word.map { "?body=" + $0 } ?? "")
    }
}

/// A plain phone number (a textphone line, say).
public struct PhoneNumber: Codable, Sendable, Equatable {
    public let number: String
    public let dial: String
}

/// The emergency number, and how to use it when speaking is not safe, where that exists.
public struct EmergencyNumber: Codable, Sendable, Equatable {
    public let number: String
    public let dial: String
    public let note: String?
    public let source: String
    public let checked: CalendarDay

    public init(number: String, dial: String, note: String? = nil, source: String, checked: CalendarDay) {
        self.number = number
        self.dial = dial
        self.note = note
        self.source = source
        self.checked = checked
    }
}

/// Why a help-line list was refused.
public enum HelpLinesError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let why): "The help-line file is not valid JSON in the expected shape (\(why)). Nothing was changed."
        case .invalid(let what): "The help-line file has a problem: \(what). Fix it, or leave it out to use the built-in list."
        }
    }
}
