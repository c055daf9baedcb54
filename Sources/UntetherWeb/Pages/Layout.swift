import Foundation
import Hummingbird
import Plot
import Synchronization
import UntetherCore

/// The sections shown in the navigation once unlocked. Only what exists is listed.
enum Section: CaseIterable {
    case today
    case notes
    case log
    case coach
    case contact
    case pause
    case journal
    case settings

    var title: String {
        switch self {
        case .today: "Today"
        case .notes: "Notes"
        case .log: "Log"
        case .coach: "Reply"
        case .contact: "Contact"
        case .pause: "Pause"
        case .journal: "Journal"
        case .settings: "Settings"
        }
    }

    /// The reply checker is reached from Today and the log, so the bar stays on one line on a phone.
    /// Step 2's pages are reached from Today in the same way.
    /// Pause has its own button in the top bar, on every page.
    var isInNavigation: Bool { ![.coach, .contact, .pause, .journal].contains(self) }

    var path: SiteRoute {
        switch self {
        case .today: SiteRoute.today
        case .notes: SiteRoute.notes
        case .log: SiteRoute.log
        case .coach: SiteRoute.coach
        case .contact: SiteRoute.contacts
        case .pause: SiteRoute.pause
        case .journal: SiteRoute.journal
        case .settings: SiteRoute.settings
        }
    }
}

/// What the layout needs to know about the request.
struct PageChrome: Hashable {
    /// The bland name in the title bar and header.
    var displayName: String
    /// The form token of this session.
    var csrf: String
    /// True when the vault is open (navigation and lock are shown).
    var unlocked: Bool
    /// The section to mark as current.
    var section: Section?
    /// Seconds until the idle lock, for the warning script.
    var idleSeconds: Int?
    /// True on the help page itself.
    var isHelpPage = false

    init(session: SessionSnapshot, section: Section? = nil) {
        displayName = session.preferences.displayName
        csrf = session.csrf
        unlocked = session.vault != nil
        self.section = section
        idleSeconds = session.idleSeconds
    }

    /// A page with one thing to do and no way around it (the new recovery key): the session's
    /// name and form token, with no menu, search or idle script.
    init(focusedOn session: SessionSnapshot) {
        self.init(displayName: session.preferences.displayName, csrf: session.csrf, unlocked: false)
    }

    init(displayName: String, csrf: String = "", unlocked: Bool = false) {
        self.displayName = displayName
        self.csrf = csrf
        self.unlocked = unlocked
        section = nil
        idleSeconds = nil
    }
}

/// The one layout every page uses.
enum Layout {
    /// Every page has the same title, the person's bland name alone, so the browser's history,
    /// tabs and bookmarks never say what the page was ("Log", "Check a reply").
    static func render(chrome: PageChrome, content: Node<HTML.BodyContext>) -> String {
        guard let frame = frame(chrome) else { return document(chrome: chrome, content: content) }
        return frame.before + content.render() + frame.after
    }

    /// The page around the content (head, bar, menu, idle warning), rendered once per chrome and
    /// kept: it was a third of a page's rendering. A handful of chromes are in use at a time
    /// (one per section and session), so the few kept are simply dropped when there are many.
    static func frame(_ chrome: PageChrome) -> (before: String, after: String)? {
        if let known = frames.withLock({ $0[chrome] }) { return known }
        // Escaping turns every "<" of the person's own text into "&lt;", so only the content
        // itself can hold this.
        let marker = "<\u{1}content\u{1}>"
        let parts = document(chrome: chrome, content: .raw(marker)).components(separatedBy: marker)
        guard parts.count == 2 else { return nil }
        let frame = (before: parts[0], after: parts[1])
        frames.withLock { frames in
            if frames.count >= 128 { frames.removeAll() }
            frames[chrome] = frame
        }
        return frame
    }

    private static let frames = Mutex<[PageChrome: (before: String, after: String)]>([:])

    /// The whole page in one go (the frame is cut from this).
    static func document(chrome: PageChrome, content: Node<HTML.BodyContext>) -> String {
        let fullTitle = chrome.displayName
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .meta(.name("referrer"), .content("no-referrer")),
                .meta(.name("robots"), .content("noindex, nofollow")),
                .if(chrome.unlocked, .meta(.name("csrf-token"), .attribute(named: "content", value: chrome.csrf.htmlEscaped))),
                .element(named: "title", text: fullTitle),
                .link(.rel(.stylesheet), .href(SiteRoute.asset(.named("app.css")))),
                .script(.src(SiteRoute.asset(.named("app.js"))), .defer())
            ),
            .body(
                .unwrap(chrome.idleSeconds) { seconds in
                    .group(
                        .attribute(named: "data-idle-seconds", value: String(seconds)),
                        .attribute(named: "data-warn-seconds", value: String(min(Int(SessionPolicy.warningLead), max(seconds / 2, 1))))
                    )
                },
                .a(.class("skip"), .href("#main"), .text("Skip to content")),
                .header(
                    .class("bar"),
                    .a(.class("brand"), .href(SiteRoute.home), .userText(chrome.displayName)),
                    .if(chrome.unlocked, .a(
                        .id("reach-out"), .class("pause"), .href(SiteRoute.pause),
                        .if(chrome.section == .pause, .attribute(named: "aria-current", value: "page")),
                        .attribute(named: "title", value: "I want to reach out: help for this moment"),
                        .text("Pause")
                    )),
                    .a(
                        .id("get-help"), .class("help-link"), .href(SiteRoute.help),
                        .if(chrome.isHelpPage, .attribute(named: "aria-current", value: "page")),
                        .text("Get help")
                    ),
                    .a(
                        .id("quick-exit"), .class("exit"), .href(SiteRoute.exit),
                        .attribute(named: "title", value: "Leave this site now. Pressing Shift three times does the same.".htmlEscaped),
                        .text("Exit")
                    )
                ),
                .if(chrome.unlocked, navigation(chrome)),
                .main(.id("main"), content),
                .if(chrome.idleSeconds != nil, idleWarning)
            )
        )
        return html.render()
    }

    static func navigation(_ chrome: PageChrome) -> Node<HTML.BodyContext> {
        .nav(
            .class("nav"), .ariaLabel("Main"),
            .ul(
                .forEach(Section.allCases.filter(\.isInNavigation)) { section in
                    .li(.a(
                        .href(section.path),
                        .if(section == chrome.section, .attribute(named: "aria-current", value: "page")),
                        .userText(section.title)
                    ))
                },
                .li(.form(
                    .action(SiteRoute.lock), .method(.post),
                    csrfField(chrome.csrf),
                    .button(.id("lock"), .type(.submit), .text("Lock"))
                ))
            )
        )
    }

    static var idleWarning: Node<HTML.BodyContext> {
        .group(
            .div(
                .id("idle-warning"), .class("notice"),
                .attribute(named: "hidden"),
                .p(.text("Still there? For your safety, this will lock itself in about a minute. Anything you are writing is kept.")),
                .button(.id("idle-stay"), .class("button"), .type(.button), .text("Stay unlocked"))
            ),
            // Announced without moving focus, so typing carries on where it was.
            .p(.id("idle-announce"), .class("sr-only"), .attribute(named: "role", value: "status"), .attribute(named: "aria-live", value: "polite"))
        )
    }

    /// The hidden form token every form carries.
    static func csrfField<C: HTML.BodyContext>(_ token: String) -> Node<C> {
        .input(.type(.hidden), .name("csrf"), .safe("value", token))
    }

    /// The form token, and the id under which what is typed here is kept as a sealed draft
    /// (while typing, and if the form arrives after the lock) until it is saved.
    static func writingFields<C: HTML.BodyContext>(_ token: String, draftID: String = UUID().uuidString.lowercased()) -> Node<C> {
        .group(
            csrfField(token),
            .input(.type(.hidden), .name("draft_id"), .safe("value", draftID)),
            .input(.type(.hidden), .name("draft_ticket"), .safe("value", DraftTicket.make(id: draftID)))
        )
    }

    /// A message box: an error the person can act on, or a quiet confirmation.
    static func message<C: HTML.BodyContext>(_ text: String?, isError: Bool) -> Node<C> {
        .unwrap(text) { text in
            .div(
                .class(isError ? "error" : "notice"),
                .attribute(named: "role", value: isError ? "alert" : "status"),
                .p(.userText(text))
            )
        }
    }

    /// A labelled choice of a number on a scale, with words on its two ends ("0 worst", "10 best")
    /// and a blank first choice, since every scale is optional.
    static func scaleSelect<C: HTML.BodyContext>(
        id: String, name: String, label: String, range: ClosedRange<Int>, ends: (low: String, high: String), value: String
    ) -> Node<C> {
        let options: [Node<HTML.SelectContext>] = [LogPages.option(value: "", label: "–", selected: value.isEmpty)]
            + range.map { number in
                let text = number == range.lowerBound ? "\(number) \(ends.low)" : number == range.upperBound ? "\(number) \(ends.high)" : String(number)
                return LogPages.option(value: String(number), label: text, selected: value == String(number))
            }
        let select: Node<C> = .select(.id(id), .safeAttribute("name", name), .group(options))
        return .div(.label(.for(id), .userText(label)), select)
    }

    /// A labelled field with an optional hint under the label.
    static func field<C: HTML.BodyContext>(
        id: String, label: String, hint: String? = nil, type: HTMLInputType = .text, name: String,
        value: String = "", required: Bool = true, autocomplete: String, extra: [Attribute<HTML.InputContext>] = []
    ) -> Node<C> {
        .div(
            .label(
                .for(id), .userText(label),
                .unwrap(hint) { .span(.class("hint"), .id("\(id)-hint"), .userText($0)) }
            ),
            .selfClosedElement(named: "input", attributes: [
                .type(type),
                .id(id),
                .name(name),
                .safe("value", value),
                .required(required),
                .attribute(named: "autocomplete", value: autocomplete.htmlEscaped),
                .attribute(named: "aria-describedby", value: hint.map { _ in "\(id)-hint".htmlEscaped }),
            ] + extra)
        )
    }
}

/// Turns rendered HTML into a response.
extension Response {
    /// A file the browser saves rather than shows; `no-store` comes from the security headers.
    /// `fileName` is always made by us, never the person's own name for a file.
    static func download(_ data: Data, contentType: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, SecurityHeaders.contentDisposition: "attachment; filename=\"\(fileName)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}

/// Dates as people read them.
enum DisplayDate {
    static func string(_ date: Date) -> String {
        date.formatted(.dateTime.day().month(.abbreviated).year().hour().minute().locale(Locale(identifier: "en_GB")))
    }

    /// The time of day in the person's time zone ("14:05").
    static func time(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func machine(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A calendar day as people read it ("20 Nov 2026"). Lists show many, so each day is
    /// formatted once and remembered (a few thousand short strings at most).
    static func day(_ day: CalendarDay) -> String {
        if let known = dayCache.withLock({ $0[day] }) { return known }
        var style = Date.FormatStyle.dateTime.day().month(.abbreviated).year()
        style.locale = Locale(identifier: "en_GB")
        // `startUTC` is midnight UTC, so format in UTC to keep the same day everywhere.
        style.timeZone = TimeZone(identifier: "UTC")!
        let formatted = day.startUTC.formatted(style)
        dayCache.withLock { $0[day] = formatted }
        return formatted
    }

    private static let dayCache = Mutex<[CalendarDay: String]>([:])

    /// The calendar day of a moment, as people read it ("3 Dec 2026").
    static func dayOf(_ date: Date) -> String {
        date.formatted(.dateTime.day().month(.abbreviated).year().locale(Locale(identifier: "en_GB")))
    }
}
