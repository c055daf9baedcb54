import Foundation
import UntetherCore

/// What the contact form holds: the fields as typed, so a refused form comes back as it was.
struct ContactForm {
    var at: String
    var channel: String
    var initiatedBy: String
    var necessary: String
    var about: String
    var feelingBefore: String
    var feelingAfter: String

    /// A fresh form: the time is now, the channel is a text message, everything else is open.
    init(now: Date, timeZone: TimeZone) {
        at = LocalMinute.string(now, timeZone: timeZone)
        channel = ContactChannel.text.rawValue
        initiatedBy = ""
        necessary = ""
        about = ""
        feelingBefore = ""
        feelingAfter = ""
    }

    init(_ form: FormFields) {
        at = form["at"]
        channel = form["channel"]
        initiatedBy = form["initiated_by"]
        necessary = form["necessary"]
        about = form["about"]
        feelingBefore = form["feeling_before"]
        feelingAfter = form["feeling_after"]
    }

    /// The contact this form describes, or what to fix.
    func event(id: UUID, now: Date, timeZone: TimeZone) throws(ContactFormError) -> ContactEvent {
        guard let initiator = ContactInitiator(rawValue: initiatedBy) else { throw .chooseWhoStarted }
        guard let channel = ContactChannel(rawValue: channel) else { throw .chooseChannel }
        guard necessary == "yes" || necessary == "no" else { throw .chooseNecessary }
        guard let at = LocalMinute.parse(at, timeZone: timeZone) else { throw .badTime }
        // A minute of slack for a clock that runs a little ahead of the browser's.
        guard at <= now.addingTimeInterval(60) else { throw .future }
        let about = about.trimmingCharacters(in: .whitespacesAndNewlines)
        guard about.count <= IncidentDraft.maxShortFieldLength else { throw .tooLong }
        return ContactEvent(
            id: id, at: min(at, now), channel: channel, initiatedBy: initiator, necessary: necessary == "yes",
            about: about, feelingBefore: try Self.feeling(feelingBefore), feelingAfter: try Self.feeling(feelingAfter)
        )
    }

    static func feeling(_ text: String) throws(ContactFormError) -> Int? {
        let clean = text.trimmingCharacters(in: .whitespaces)
        if clean.isEmpty { return nil }
        guard let value = Int(clean), (0...10).contains(value) else { throw .badFeeling }
        return value
    }
}

/// Why a contact was not saved, in words the person can act on.
enum ContactFormError: Error, Equatable, CustomStringConvertible {
    case chooseWhoStarted
    case chooseChannel
    case chooseNecessary
    case badTime
    case future
    case tooLong
    case badFeeling

    var description: String {
        switch self {
        case .chooseWhoStarted: "Please choose who started it."
        case .chooseChannel: "Please choose how you were in touch."
        case .chooseNecessary: "Please say whether it had to happen."
        case .badTime: "Please give the day and time, like 2026-11-25 at 14:30."
        case .future: "That time hasn't happened yet. Please check the day and time."
        case .tooLong: "That note is longer than can be saved here. Please shorten it."
        case .badFeeling: "Feelings are from 0 (worst) to 10 (best). Please pick a number in that range."
        }
    }
}

/// Minutes as the `datetime-local` input writes them ("2026-11-25T14:30"), in the person's zone.
enum LocalMinute {
    static func string(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Reads "YYYY-MM-DDTHH:MM", with optional seconds; nil for anything else or a day that doesn't exist.
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let clean = text.trimmingCharacters(in: .whitespaces)
        let halves = clean.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = halves[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0.split(separator: ".").first ?? "") }
        guard
            day.count == 3, (2...3).contains(time.count),
            let year = day[0], let month = day[1], let dayOfMonth = day[2],
            let hour = time[0], let minute = time[1],
            (1900...9999).contains(year), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }
}
