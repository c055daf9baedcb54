import Foundation
import Hummingbird
import UntetherCore
import UntetherStore
import UntetherVault

/// First run, unlock, recovery, lock and quick exit.
struct VaultRoutes {
    let environment: WebEnvironment
    let sessions: SessionManager

    func register(on router: Router<WebContext>) {
        router.get(SiteRoute.home) { _, context in try await home(context) }
        router.get(SiteRoute.welcome) { request, context in try await welcome(context, notice: WelcomeNotice(request)?.message) }
        router.post(SiteRoute.setup) { _, context in try await setup(context) }
        router.get(SiteRoute.recoveryKey) { _, context in recoveryKeyPage(context) }
        router.post(SiteRoute.setupDone) { _, context in await recoveryKeyWritten(context) }
        router.post(SiteRoute.recoveryKeyLater) { _, context in try await recoveryKeyLater(context) }
        router.get(SiteRoute.unlock) { request, context in try await unlockPage(context, kept: request.uri.queryParameters["kept"] == "1") }
        router.post(SiteRoute.unlock) { _, context in try await unlock(context) }
        router.get(SiteRoute.recover) { _, context in try await recoverPage(context) }
        router.post(SiteRoute.recover) { _, context in try await recover(context) }
        router.post(SiteRoute.lock) { request, context in await lock(context) }
        router.get(SiteRoute.exit) { _, context in await exit(context) }
        router.post(SiteRoute.keepAlive) { _, context in
            // The session was already touched by the middleware; say whether it is still open.
            Response(status: context.session?.vault == nil ? .unauthorized : .noContent)
        }
    }

    /// The store, when a vault has been created in it.
    func existingVaultStore() async throws -> (any VaultStore)? {
        guard let store = try await environment.home.existingStore(), try await store.header() != nil else { return nil }
        return store
    }

    func vaultExists() async throws -> Bool {
        try await existingVaultStore() != nil
    }

    /// Starts an open session under a new token and goes to Today.
    func open(_ vault: UnlockedVault, replacing current: SessionSnapshot, _ context: WebContext) async throws -> Response {
        let preferences = try await vault.document(Preferences.self)
        // A recovery key not yet written down comes first again (unless the person put it off).
        let reminder = try? await vault.document(RecoveryKeyReminder.self)
        let opened = await sessions.unlock(
            replacing: current.token, vault: vault, preferences: preferences, now: environment.now(),
            pendingRecoveryKey: reminder?.deferred == false ? reminder?.key : nil
        )
        // Build the search index in the background, so the first search after unlocking is quick.
        // It lives in this session's cache and goes when the session locks.
        let cache = opened.cache
        let timeZone = preferences.timeZone(fallback: environment.timeZone)
        Task.detached(priority: .utility) {
            _ = try? await SearchIndexCache.index(OpenedRecords(vault: vault, cache: cache), timeZone: timeZone)
        }
        // Forms kept while locked are opened now; any writing left unsaved is offered first.
        // Best effort: a damaged draft must never stand between the person and their vault.
        let now = environment.now()
        await sessions.rememberDraftKey(try? await vault.draftPublicKey(now: now))
        _ = try? await vault.openLockedDrafts(now: now)
        let waiting = ((try? await vault.log(Draft.self).all()) ?? []).contains { $0.hasWriting && $0.interrupted }
        let destination: SiteRoute = opened.pendingRecoveryKey != nil ? .recoveryKey : waiting ? .drafts : .today
        var response = Response.redirect(to: destination)
        response.setCookie(SessionCookie.make(opened.token, secure: context.isSecureOrigin))
        return response
    }

    func session(_ context: WebContext) -> SessionSnapshot {
        // The session middleware runs before every route here.
        context.session!
    }

    func home(_ context: WebContext) async throws -> Response {
        if session(context).vault != nil { return .redirect(to: SiteRoute.today) }
        return .redirect(to: try await vaultExists() ? SiteRoute.unlock : SiteRoute.welcome)
    }

    func welcome(_ context: WebContext, notice: String? = nil) async throws -> Response {
        guard try await !vaultExists() else { return .redirect(to: SiteRoute.home) }
        return .page(WelcomePages.welcome(chrome: PageChrome(session: session(context)), helpLines: environment.helpLines, notice: notice))
    }

    func setup(_ context: WebContext) async throws -> Response {
        let current = session(context)
        guard try await !vaultExists() else { return .redirect(to: SiteRoute.home) }
        let passphrase = context.form["passphrase"]
        let chrome = PageChrome(session: current)
        let region = environment.helpLines.region(context.form["region"])
        guard passphrase == context.form["passphrase_confirm"] else {
            return .page(WelcomePages.welcome(
                chrome: chrome, error: "The two passphrases were different. Please type them again.", helpLines: environment.helpLines, region: region?.code
            ))
        }
        do {
            _ = try Passphrase.validate(passphrase)
        } catch {
            return .page(WelcomePages.welcome(chrome: chrome, error: error.description, helpLines: environment.helpLines, region: region?.code))
        }
        let store = try await environment.home.storeForNewVault()
        let made = try await Vault(store: store).create(passphrase: passphrase, kdf: environment.kdf, now: environment.now())
        var preferences = try await made.vault.document(Preferences.self)
        if let region {
            preferences.regionCode = region.code
            try await made.vault.save(preferences, now: environment.now())
        }
        // Kept sealed until the person says it is written down, so a restart or a lock before
        // then never loses it.
        try await made.vault.save(RecoveryKeyReminder(key: made.recoveryKey.formatted), now: environment.now())
        let opened = await sessions.unlock(
            replacing: current.token, vault: made.vault, preferences: preferences, now: environment.now(),
            pendingRecoveryKey: made.recoveryKey.formatted
        )
        await sessions.rememberDraftKey(try? await made.vault.draftPublicKey(now: environment.now()))
        // The key waits in the session: reloading, going back or opening "/" shows it again.
        var response = Response.redirect(to: SiteRoute.recoveryKey)
        response.setCookie(SessionCookie.make(opened.token, secure: context.isSecureOrigin))
        return response
    }

    /// The recovery key screen, for as long as the key is waiting to be written down.
    func recoveryKeyPage(_ context: WebContext) -> Response {
        let current = session(context)
        guard current.vault != nil else { return .redirect(to: SiteRoute.unlock) }
        guard let key = current.pendingRecoveryKey else { return .redirect(to: SiteRoute.today) }
        return .page(WelcomePages.recoveryKey(chrome: PageChrome(focusedOn: current), key: key))
    }

    /// "I've written it down": only with the box ticked, since the box is the whole point.
    func recoveryKeyWritten(_ context: WebContext) async -> Response {
        let current = session(context)
        guard current.vault != nil else { return .redirect(to: SiteRoute.unlock) }
        guard let key = current.pendingRecoveryKey else { return .redirect(to: SiteRoute.today) }
        guard context.form["saved"] == "yes" else {
            return .page(WelcomePages.recoveryKey(
                chrome: PageChrome(focusedOn: current), key: key,
                error: "Please tick the box once the key is written down, or choose to see it again later."
            ), status: .unprocessableContent)
        }
        if let vault = current.vault { try? await vault.save(RecoveryKeyReminder(key: nil), now: environment.now()) }
        await sessions.settleRecoveryKey(token: current.token)
        return .redirect(to: SiteRoute.today)
    }

    /// "Show me again later": the key is kept sealed in the vault, and Settings shows it until
    /// the person says it is written down.
    func recoveryKeyLater(_ context: WebContext) async throws -> Response {
        let current = session(context)
        guard let vault = current.vault else { return .redirect(to: SiteRoute.unlock) }
        guard let key = current.pendingRecoveryKey else { return .redirect(to: SiteRoute.today) }
        try await vault.save(RecoveryKeyReminder(key: key, deferred: true), now: environment.now())
        await sessions.settleRecoveryKey(token: current.token)
        return .redirect(to: SiteRoute.settings.at("recovery-key"))
    }

    func unlockPage(_ context: WebContext, kept: Bool = false) async throws -> Response {
        if session(context).vault != nil { return .redirect(to: SiteRoute.today) }
        guard try await vaultExists() else { return .redirect(to: SiteRoute.welcome) }
        return .page(WelcomePages.unlock(
            chrome: PageChrome(session: session(context)),
            notice: kept ? "Untether had locked, so what you wrote is kept, locked away. Type your passphrase to get it back." : nil
        ))
    }

    func unlock(_ context: WebContext) async throws -> Response {
        let current = session(context)
        guard let store = try await existingVaultStore() else { return .redirect(to: SiteRoute.welcome) }
        let chrome = PageChrome(session: current)
        do {
            let vault = try await Vault(store: store).unlock(passphrase: context.form["passphrase"], now: environment.now())
            return try await open(vault, replacing: current, context)
        } catch let error as VaultError {
            return .page(WelcomePages.unlock(chrome: chrome, error: error.description), status: .unauthorized)
        } catch let error as StoreError {
            if case .tryAgainLater = error {
                return .page(WelcomePages.unlock(chrome: chrome, error: error.description), status: .tooManyRequests)
            }
            throw error
        }
    }

    func recoverPage(_ context: WebContext) async throws -> Response {
        guard try await vaultExists() else { return .redirect(to: SiteRoute.welcome) }
        return .page(WelcomePages.recover(chrome: PageChrome(session: session(context))))
    }

    func recover(_ context: WebContext) async throws -> Response {
        let current = session(context)
        guard let store = try await existingVaultStore() else { return .redirect(to: SiteRoute.welcome) }
        let chrome = PageChrome(session: current)
        let newPassphrase = context.form["new_passphrase"]
        guard newPassphrase == context.form["new_passphrase_confirm"] else {
            return .page(WelcomePages.recover(chrome: chrome, error: "The two new passphrases were different. Please type them again."))
        }
        do {
            let key = try RecoveryKey(parsing: context.form["recovery_key"])
            _ = try Passphrase.validate(newPassphrase)
            let vault = try await Vault(store: store).recover(recoveryKey: key, newPassphrase: newPassphrase, now: environment.now())
            // The person has just used the key, so it was kept somewhere: no reminder is needed.
            try await vault.save(RecoveryKeyReminder(key: nil), now: environment.now())
            return try await open(vault, replacing: current, context)
        } catch let error as VaultError {
            return .page(WelcomePages.recover(chrome: chrome, error: error.description), status: .unauthorized)
        }
    }

    func lock(_ context: WebContext) async -> Response {
        await sessions.lock(token: context.session?.token)
        var response = Response.redirect(to: SiteRoute.unlock)
        SessionCookie.clearingSite(&response, secure: context.isSecureOrigin)
        return response
    }

    /// Quick exit: the one GET that changes state, and all it may do is lock.
    func exit(_ context: WebContext) async -> Response {
        await sessions.lock(token: context.session?.token)
        let destination = await sessions.preferencesForLockedPages.exitSite
        var response = Response.redirect(to: destination, type: .normal)
        SessionCookie.clearingSite(&response, secure: context.isSecureOrigin)
        return response
    }
}
