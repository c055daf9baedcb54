import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Search across everything the person wrote. The words are posted, never put in the address.
struct SearchRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.search) { _, context in
            Response.page(SearchPages.render(chrome: context.chrome(.journal), form: .init(), hits: nil, total: 0))
        }
        routes.post(.search) { _, context in
            let form = SearchPages.Form(query: context.form["q"], kind: context.form["kind"], from: context.form["from"], to: context.form["to"])
            let parsed = SearchQuery.parse(
                String(form.query.prefix(200)), kinds: SearchDocument.Kind(rawValue: form.kind).map { [$0] } ?? [],
                from: CalendarDay(form.from), to: CalendarDay(form.to)
            )
            guard !parsed.isEmpty else { return Response.page(SearchPages.render(chrome: context.chrome(.journal), form: form, hits: nil, total: 0)) }
            let hits = try await context.searchIndex(environment).search(parsed, limit: 1_000)
            return Response.page(SearchPages.render(chrome: context.chrome(.journal), form: form, hits: Array(hits.prefix(100)), total: hits.count))
        }
    }
}
