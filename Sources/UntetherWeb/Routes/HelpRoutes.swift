import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// "Get help", open to everyone (locked pages link to it too), and the person's region.
struct HelpRoutes {
    let environment: WebEnvironment

    /// The page works without the vault: the region comes from the address, or from the
    /// settings remembered since the last unlock.
    func register(on router: Router<WebContext>) {
        router.get(SiteRoute.help) { request, context in
            let session = context.session
            let asked = request.uri.queryParameters["region"].map(String.init)
            let region = environment.helpLines.region(asked) ?? environment.helpLines.region(session?.preferences.regionCode)
            let people: [SafePerson]? = if let vault = session?.vault { try await vault.log(SafePerson.self).inOrderAdded() } else { nil }
            var chrome = session.map { PageChrome(session: $0) } ?? PageChrome(displayName: Preferences.defaultDisplayName)
            chrome.isHelpPage = true
            return Response.page(HelpPages.render(chrome: chrome, directory: environment.helpLines, region: region, people: people))
        }
    }
}

/// Choosing the region, and the safe people: these need the vault.
struct SafetyNetRoutes: UnlockedRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.post(.helpRegion) { _, context in
            let code = context.form["region"]
            guard code.isEmpty || environment.helpLines.region(code) != nil else { throw HTTPError(.badRequest) }
            var preferences = try await context.vault.document(Preferences.self)
            preferences.regionCode = code.isEmpty ? nil : environment.helpLines.region(code)?.code
            try await context.vault.save(preferences, now: environment.now())
            await sessions.updatePreferences(token: context.session.token, preferences: preferences)
            return context.form["return"] == "settings"
                ? Response.redirect(to: .settings, notice: SettingsNotice.region)
                : Response.redirect(to: .help)
        }
        routes.get(.people) { request, context in
            Response.page(PeoplePages.list(chrome: context.chrome(nil), people: try await context.safePeople(), notice: PeopleNotice(request)?.message))
        }
        routes.post(.people) { _, context in
            let form = PeoplePages.Form(context.form)
            do {
                try await context.vault.log(SafePerson.self).add(try form.person(id: UUID(), now: environment.now()))
                return Response.redirect(to: .people, notice: PeopleNotice.added)
            } catch let error as SafePersonError {
                return .page(PeoplePages.list(chrome: context.chrome(nil), people: try await context.safePeople(), form: form, error: error.description),
                             status: .unprocessableContent)
            }
        }
        routes.post(.deletePerson(.id)) { _, context in
            let person = try await context.load(SafePerson.self)
            try await context.vault.log(SafePerson.self).delete(person.id)
            return Response.redirect(to: .people, notice: PeopleNotice.removed)
        }
    }
}
