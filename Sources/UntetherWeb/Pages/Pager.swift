import Foundation
import Hummingbird
import Plot

/// One page of a list that grows (newest first): which items to show, and the links to the
/// newer and older pages. Pages are numbered from 1, the newest.
struct Pager<Item> {
    /// How many items a page holds: short enough for a phone, long enough to scan.
    static var size: Int { 30 }

    let items: ArraySlice<Item>
    /// The page shown (1 is the newest), kept within the pages there are.
    let number: Int
    let pageCount: Int
    let total: Int

    init(_ all: [Item], page: Int, size: Int = Pager.size) {
        total = all.count
        pageCount = max(1, (all.count + size - 1) / size)
        number = min(max(1, page), pageCount)
        let start = (number - 1) * size
        items = all[min(start, all.count)..<min(start + size, all.count)]
    }

    /// The position among pages of `total` items whose page was cut already (search results).
    init(total: Int, page: Int, size: Int = Pager.size) {
        self.total = total
        pageCount = max(1, (total + size - 1) / size)
        number = min(max(1, page), pageCount)
        items = []
    }

    var hasNewer: Bool { number > 1 }
    var hasOlder: Bool { number < pageCount }
}

/// The page number a request asks for (`?page=`, or a posted `page` field), 1 when none.
enum PageNumber {
    static func of(_ request: Request) -> Int {
        request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
    }

    static func of(_ form: FormFields) -> Int {
        Int(form["page"]) ?? 1
    }
}

/// The links between pages of a list. Plain links in the address for lists that hold nothing
/// private in their address; for posted lists (search words, log filters), small forms that post
/// the same fields again, so the words never land in the browser's history.
enum PagerLinks {
    /// `noun` names the items in the plural ("entries", "notes").
    static func render<Item>(
        _ pager: Pager<Item>, route: SiteRoute, noun: String, posted: [(name: String, value: String)]? = nil, csrf: String = ""
    ) -> Node<HTML.BodyContext> {
        guard pager.pageCount > 1 else { return .empty }
        func link(_ page: Int, id: String, label: String) -> Node<HTML.BodyContext> {
            if let posted {
                return .form(
                    .class("pager-form"), .action(route), .method(.post),
                    Layout.csrfField(csrf),
                    .forEach(posted) { field in .input(.type(.hidden), .name(field.name), .safe("value", field.value)) },
                    .input(.type(.hidden), .name("page"), .value(String(page))),
                    .button(.id(id), .class("button secondary"), .type(.submit), .userText(label))
                )
            }
            return .a(.id(id), .class("button secondary"), .safeAttribute("href", route.with([("page", String(page))])), .userText(label))
        }
        return .element(named: "nav", nodes: [
            .class("pager"), .safeAttribute("aria-label", "More \(noun)"),
            .if(pager.hasNewer, link(pager.number - 1, id: "page-newer", label: "← Newer")),
            .p(.id("page-position"), .class("muted"), .userText("Page \(pager.number) of \(pager.pageCount) · \(pager.total) \(noun)")),
            .if(pager.hasOlder, link(pager.number + 1, id: "page-older", label: "Older →")),
        ])
    }
}
