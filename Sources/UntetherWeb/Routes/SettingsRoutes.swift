import Foundation
import Hummingbird
import UntetherCore
import UntetherStore
import UntetherVault

/// Settings and the privacy centre.
struct SettingsRoutes: UnlockedRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.settings) { request, context in
            let notice = SettingsNotice(request)
            return Response.page(SettingsPages.render(
                chrome: context.chrome(.settings), form: .init(try await context.vault.document(Preferences.self)),
                notice: notice?.isError == false ? notice?.message : nil,
                situationError: notice?.isError == true ? notice?.message : nil,
                helpLines: environment.helpLines, region: context.session.preferences.regionCode,
                recoveryKey: try await context.vault.document(RecoveryKeyReminder.self).key, tlsFingerprint: environment.tlsFingerprint
            ))
        }
        routes.post(.recoveryKeyKept) { _, context in
            try await context.vault.save(RecoveryKeyReminder(key: nil), now: environment.now())
            return Response.redirect(to: .settings, notice: SettingsNotice.recoveryKey)
        }
        routes.post(.preferences) { _, context in try await savePreferences(context) }
        routes.post(.passphrase) { _, context in try await changePassphrase(context) }
        routes.post(.backup) { _, context in
            let clock = context.clock(environment)
            let data = try await environment.home.backup(of: context.vault, now: clock.now)
            return Response.download(data, contentType: "application/octet-stream", fileName: "notes-backup-\(clock.today).bak")
        }
        routes.get(.accessLog) { _, context in
            Response.page(SettingsPages.accessLog(chrome: context.chrome(.settings), events: try await context.vault.accessEvents()))
        }
        routes.get(.deleteEverything) { _, context in
            Response.page(SettingsPages.confirmDeleteEverything(chrome: context.chrome(.settings)))
        }
        routes.post(.deleteEverything) { _, context in try await deleteEverything(context) }
    }

    func savePreferences(_ context: UnlockedContext) async throws -> Response {
        let saved = try await context.vault.document(Preferences.self)
        var form = SettingsPages.Form(
            displayName: context.form["display_name"], exitSite: context.form["exit_site"], idleMinutes: context.form["idle_minutes"]
        )
        form.contactMode = saved.contactMode
        form.lowContactReasons = saved.lowContactReasons ?? []
        form.noContactSince = saved.noContactSince?.description ?? ""
        do {
            let preferences = try saved.replacingBasics(with: Preferences.validated(
                displayName: form.displayName, exitSite: form.exitSite,
                idleMinutes: Int(form.idleMinutes.trimmingCharacters(in: .whitespaces)) ?? 0
            ))
            try await context.vault.save(preferences, now: environment.now())
            await sessions.updatePreferences(token: context.session.token, preferences: preferences)
            return .redirect(to: .settings, notice: SettingsNotice.preferences)
        } catch let error as PreferencesError {
            return .page(SettingsPages.render(chrome: context.chrome(.settings), form: form, preferencesError: error.description), status: .unprocessableContent)
        }
    }

    func changePassphrase(_ context: UnlockedContext) async throws -> Response {
        let saved = SettingsPages.Form(try await context.vault.document(Preferences.self))
        func refuse(_ message: String) -> Response {
            .page(SettingsPages.render(chrome: context.chrome(.settings), form: saved, passphraseError: message), status: .unprocessableContent)
        }
        let newPassphrase = context.form["new_passphrase"]
        guard newPassphrase == context.form["new_passphrase_confirm"] else {
            return refuse("The two new passphrases were different. Nothing was changed; please type them again.")
        }
        do {
            try await context.vault.changePassphrase(current: context.form["current"], to: newPassphrase, now: environment.now())
            // A recovery key still waiting to be written down is not kept past a new passphrase:
            // whoever knew the old one must not find it here.
            try await context.vault.save(RecoveryKeyReminder(key: nil), now: environment.now())
            await sessions.settleRecoveryKey(token: context.session.token)
            return .redirect(to: .settings, notice: SettingsNotice.passphrase)
        } catch VaultError.wrongPassphrase {
            return refuse("The current passphrase wasn't right, so nothing was changed.")
        } catch let error as VaultError {
            return refuse(error.description)
        }
    }

    func deleteEverything(_ context: UnlockedContext) async throws -> Response {
        func refuse(_ message: String, status: HTTPResponse.Status) -> Response {
            .page(SettingsPages.confirmDeleteEverything(chrome: context.chrome(.settings), error: message), status: status)
        }
        guard context.form["confirm"].trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "delete" else {
            return refuse("Nothing was deleted. To go ahead, type the word delete in the box.", status: .unprocessableContent)
        }
        guard try await context.vault.isCurrentPassphrase(context.form["passphrase"]) else {
            return refuse("Nothing was deleted. That passphrase wasn't right.", status: .unauthorized)
        }
        await sessions.lockAll(forgetPreferences: true)
        try await environment.home.eraseEverything()
        var response = Response.redirect(to: .welcome, notice: WelcomeNotice.erased)
        SessionCookie.clearingSite(&response, secure: context.isSecureOrigin)
        return response
    }
}
