import Foundation
import Plot
import UntetherCore
import UntetherStore

/// The log: the timeline, the three ways to write an entry, one entry with its additions,
/// and removing an entry. Each page is in its own `LogPages+….swift`.
enum LogPages {
    /// The length limit on one-line fields.
    static var maxShort: Attribute<HTML.InputContext> { .attribute(named: "maxlength", value: String(IncidentDraft.maxShortFieldLength)) }
}
