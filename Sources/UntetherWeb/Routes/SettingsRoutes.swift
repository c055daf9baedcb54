import Foundation
import Hummingbird
import UntetherCore
import UntetherStore
import UntetherVault

/// Settings and the privacy centre.
struct SettingsRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager
    let notes: NoteRoutes

    static let notices: [String: String] = [
        "preferences": "Your settings were saved.",
        "passphrase": "Your passphrase was changed. Your recovery key still works.",
        "situation": "Your situation was saved.",
    ]

    func register(on router: Router<WebContext>) {
        router.get(RouterPath(SitePath.settings)) { request, context in
            try await notes.withVault(context, section: .settings) { vault, chrome in
                let done = request.uri.queryParameters["done"].map(String.init)
                return .page(SettingsPages.render(
                    chrome: chrome, form: .init(try await vault.preferences()), notice: done.flatMap { Self.notices[$0] },
                    situationError: done == "situation-missing" ? ContactPages.situationMissing : nil
                ))
            }
        }
        router.post(RouterPath(SitePath.preferences)) { _, context in try await savePreferences(context) }
        router.post(RouterPath(SitePath.passphrase)) { _, context in try await changePassphrase(context) }
        router.post(RouterPath(SitePath.backup)) { _, context in try await backup(context) }
        router.get(RouterPath(SitePath.accessLog)) { _, context in
            try await notes.withVault(context, section: .settings) { vault, chrome in
                .page(SettingsPages.accessLog(chrome: chrome, events: try await vault.accessEvents()))
            }
        }
        router.get(RouterPath(SitePath.deleteEverything)) { _, context in
            try await notes.withVault(context, section: .settings) { _, chrome in
                .page(SettingsPages.confirmDeleteEverything(chrome: chrome))
            }
        }
        router.post(RouterPath(SitePath.deleteEverything)) { _, context in try await deleteEverything(context) }
    }

    func savePreferences(_ context: WebContext) async throws -> Response {
        try await notes.withVault(context, section: .settings) { vault, chrome in
            let saved = try await vault.preferences()
            var form = SettingsPages.Form(
                displayName: context.form["display_name"], exitSite: context.form["exit_site"], idleMinutes: context.form["idle_minutes"]
            )
            form.contactMode = saved.contactMode
            form.lowContactReasons = saved.lowContactReasons ?? []
            form.noContactSince = saved.noContactSince ?? ""
            do {
                let preferences = try saved.replacingBasics(with: Preferences.validated(
                    displayName: form.displayName, exitSite: form.exitSite,
                    idleMinutes: Int(form.idleMinutes.trimmingCharacters(in: .whitespaces)) ?? 0
                ))
                try await vault.savePreferences(preferences, now: environment.now())
                if let token = context.session?.token {
                    await sessions.updatePreferences(token: token, preferences: preferences)
                }
                return .redirect(to: SitePath.settings + "?done=preferences")
            } catch let error as PreferencesError {
                return .page(SettingsPages.render(chrome: chrome, form: form, preferencesError: error.description), status: .unprocessableContent)
            }
        }
    }

    func changePassphrase(_ context: WebContext) async throws -> Response {
        try await notes.withVault(context, section: .settings) { vault, chrome in
            let saved = SettingsPages.Form(try await vault.preferences())
            func refuse(_ message: String) -> Response {
                .page(SettingsPages.render(chrome: chrome, form: saved, passphraseError: message), status: .unprocessableContent)
            }
            let newPassphrase = context.form["new_passphrase"]
            guard newPassphrase == context.form["new_passphrase_confirm"] else {
                return refuse("The two new passphrases were different. Nothing was changed; please type them again.")
            }
            do {
                try await vault.changePassphrase(current: context.form["current"], to: newPassphrase, now: environment.now())
                return .redirect(to: SitePath.settings + "?done=passphrase")
            } catch VaultError.wrongPassphrase {
                return refuse("The current passphrase wasn't right, so nothing was changed.")
            } catch let error as VaultError {
                return refuse(error.description)
            }
        }
    }

    func backup(_ context: WebContext) async throws -> Response {
        try await notes.withVault(context, section: .settings) { vault, _ in
            let now = environment.now()
            let data = try await environment.home.backup(of: vault, now: now)
            return .download(data, contentType: "application/octet-stream", fileName: "notes-backup-\(LocalDay.string(now)).bak")
        }
    }

    func deleteEverything(_ context: WebContext) async throws -> Response {
        try await notes.withVault(context, section: .settings) { _, chrome in
            guard context.form["confirm"].trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "delete" else {
                return .page(
                    SettingsPages.confirmDeleteEverything(chrome: chrome, error: "Nothing was deleted. To go ahead, type the word delete in the box."),
                    status: .unprocessableContent
                )
            }
            await sessions.lockAll(forgetPreferences: true)
            try await environment.home.eraseEverything()
            var response = Response.redirect(to: SitePath.welcome)
            SessionCookie.clearingSite(&response, secure: context.isSecureOrigin)
            return response
        }
    }
}
