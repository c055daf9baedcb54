import Foundation
import Plot
import UntetherCore
import UntetherVault

/// Settings and the privacy centre.
enum SettingsPages {
    /// What the settings page shows: the saved settings, or what was typed when a save was refused.
    struct Form {
        var displayName: String
        var exitSite: String
        var idleMinutes: String
        var contactMode: ContactMode?
        var lowContactReasons: [LowContactReason] = []
        var noContactSince = ""

        init(_ preferences: Preferences) {
            displayName = preferences.displayName
            exitSite = preferences.exitSite
            idleMinutes = String(preferences.idleMinutes)
            contactMode = preferences.contactMode
            lowContactReasons = preferences.lowContactReasons ?? []
            noContactSince = preferences.noContactSince?.description ?? ""
        }

        init(displayName: String, exitSite: String, idleMinutes: String) {
            self.displayName = displayName
            self.exitSite = exitSite
            self.idleMinutes = idleMinutes
        }
    }

    static func render(
        chrome: PageChrome, form: Form, notice: String? = nil,
        preferencesError: String? = nil, passphraseError: String? = nil, situationError: String? = nil,
        helpLines: HelpLineDirectory = .builtIn, region: String? = nil, recoveryKey: String? = nil, tlsFingerprint: String? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Settings")),
            Layout.message(notice, isError: false),
            .unwrap(recoveryKey) { key in
                .section(
                    .id("recovery-key-card"), .class("card"), .attribute(named: "aria-labelledby", value: "recovery-key-heading"),
                    .h2(.id("recovery-key-heading"), .text("Your recovery key")),
                    .p(.text("You asked to see this again. If you forget your passphrase, it is the only other way in.")),
                    WelcomePages.keyBlock(key),
                    .form(
                        .class("stack no-print"), .action(SiteRoute.recoveryKeyKept), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        .div(.button(.id("key-written"), .class("button"), .type(.submit), .text("I've written it down")))
                    )
                )
            },

            .h2(.id("look"), .text("Name and locking")),
            Layout.message(preferencesError, isError: true),
            .form(
                .id("preferences-form"), .class("stack"), .action(SiteRoute.preferences), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "display-name", label: "Name in the title bar",
                             hint: "A plain name draws less attention.", name: "display_name", value: form.displayName,
                             autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Preferences.maxDisplayNameLength))]),
                Layout.field(id: "exit-site", label: "Exit goes to", hint: "An everyday website. It must start with https://",
                             type: .url, name: "exit_site", value: form.exitSite, autocomplete: "off"),
                Layout.field(id: "idle-minutes", label: "Lock after this many minutes without use",
                             hint: "Between \(SessionPolicy.idleMinutesRange.lowerBound) and \(SessionPolicy.idleMinutesRange.upperBound).",
                             type: .number, name: "idle_minutes", value: form.idleMinutes, autocomplete: "off",
                             extra: [
                                .attribute(named: "min", value: String(SessionPolicy.idleMinutesRange.lowerBound)),
                                .attribute(named: "max", value: String(SessionPolicy.idleMinutesRange.upperBound)),
                                .attribute(named: "inputmode", value: "numeric"),
                             ]),
                .div(.button(.id("save-preferences"), .class("button"), .type(.submit), .text("Save")))
            ),

            .unwrap(tlsFingerprint) { fingerprint in
                .section(
                    .id("connection"), .class("card"), .attribute(named: "aria-labelledby", value: "connection-heading"),
                    .h2(.id("connection-heading"), .text("Using it from your phone")),
                    .p(.text("This page comes to you encrypted (HTTPS). Your phone may warn that it does not know the certificate. Before you go on, open the certificate details there and check that its SHA-256 fingerprint is this one:")),
                    .p(.code(.id("tls-fingerprint"), .class("hash"), .userText(fingerprint))),
                    .p(.class("muted"), .text("If they differ, stop: something between your phone and this computer is not what it seems."))
                )
            },
            .h2(.id("situation"), .text("Your situation")),
            .p(.text("This decides what Today shows first: your no-contact streak, or your rules for the contact you can't avoid.")),
            Layout.message(situationError, isError: true),
            ContactPages.situationForm(chrome: chrome, mode: form.contactMode, reasons: form.lowContactReasons, since: form.noContactSince, returnTo: "settings"),
            .section(
                .id("settings-region"), .class("card"),
                .h2(.text("Where you are")),
                .p(.class("muted"), .text("Get help shows the numbers for this place. Nothing here works it out for itself.")),
                .form(
                    .class("stack"), .action(SiteRoute.helpRegion), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .input(.type(.hidden), .name("return"), .value("settings")),
                    HelpPages.regionSelect(directory: helpLines, chosen: region, label: "Country or region"),
                    .div(.class("actions"), .button(.id("save-region"), .class("button secondary"), .type(.submit), .text("Save")))
                )
            ),

            .h2(.id("passphrase"), .text("Passphrase")),
            .p(.text("Changing it doesn't change your recovery key, which keeps working.")),
            Layout.message(passphraseError, isError: true),
            .form(
                .id("passphrase-form"), .class("stack"), .action(SiteRoute.passphrase), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "current-passphrase", label: "Current passphrase", type: .password, name: "current", autocomplete: "current-password"),
                Layout.field(id: "new-passphrase", label: "New passphrase", hint: "At least \(Passphrase.minimumLength) characters.",
                             type: .password, name: "new_passphrase", autocomplete: "new-password"),
                Layout.field(id: "new-passphrase-confirm", label: "Type the new one again", type: .password,
                             name: "new_passphrase_confirm", autocomplete: "new-password"),
                .div(.button(.id("change-passphrase"), .class("button"), .type(.submit), .text("Change passphrase")))
            ),

            .h2(.id("backup"), .text("Backup")),
            .p(.text("Download one encrypted file with everything in it. It opens only with the passphrase you have now, so keep both safe.")),
            .form(
                .id("backup-form"), .action(SiteRoute.backup), .method(.post),
                Layout.csrfField(chrome.csrf),
                .button(.id("download-backup"), .class("button secondary"), .type(.submit), .text("Download a backup"))
            ),

            .h2(.id("access"), .text("Who opened this")),
            .p(.a(.id("access-log-link"), .href(SiteRoute.accessLog), .text("See when your notes were opened, and when a wrong passphrase was tried"))),

            .h2(.id("delete"), .text("Delete everything")),
            .p(.text("Removes all your notes and settings from this computer for good.")),
            .p(.a(.id("delete-everything-link"), .href(SiteRoute.deleteEverything), .text("Delete everything…")))
        ))
    }

    static func accessLog(chrome: PageChrome, events: [AccessEvent]) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.settings), .text("← Settings"))),
            .h1(.text("When your notes were opened")),
            .p(.text("Every opening, wrong passphrase, passphrase change and backup is listed here, newest first. If you see something you didn't do, someone else may know your passphrase; changing it is a good next step.")),
            .table(
                .class("log"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("When")), .th(.attribute(named: "scope", value: "col"), .text("What")))),
                .tbody(.forEach(events) { event in
                    .tr(
                        .td(.element(named: "time", nodes: [
                            .safeAttribute("datetime", DisplayDate.machine(event.at)),
                            .userText(DisplayDate.string(event.at)),
                        ])),
                        .td(.userText(event.kind.label))
                    )
                })
            )
        ))
    }

    static func confirmDeleteEverything(chrome: PageChrome, error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Delete everything?")),
            .p(.text("This removes every note, your settings and the access log from this computer. It can't be undone, and the recovery key won't bring anything back. Backup files you downloaded are not touched.")),
            .section(
                .id("before-deleting"), .class("card"),
                .h2(.text("Keep a copy first?")),
                .p(.text("A backup keeps everything, locked with your passphrase. An export of the log is a file you can give to a lawyer or an advocate.")),
                .div(
                    .class("actions"),
                    .form(.action(SiteRoute.backup), .method(.post), Layout.csrfField(chrome.csrf),
                          .button(.id("backup-first"), .class("button secondary"), .type(.submit), .text("Download a backup"))),
                    .a(.id("export-first"), .class("button secondary"), .href(SiteRoute.export), .text("Export the log"))
                )
            ),
            Layout.message(error, isError: true),
            .form(
                .id("delete-form"), .class("stack"), .action(SiteRoute.deleteEverything), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "confirm-word", label: "To confirm, type the word delete", name: "confirm", autocomplete: "off",
                             extra: [.attribute(named: "autocapitalize", value: "none"), .attribute(named: "spellcheck", value: "false")]),
                Layout.field(id: "delete-passphrase", label: "Your passphrase", hint: "So that only you can do this.", type: .password,
                             name: "passphrase", autocomplete: "current-password"),
                .div(
                    .class("actions"),
                    .button(.id("delete-everything"), .class("button danger"), .type(.submit), .text("Delete everything")),
                    .a(.href(SiteRoute.settings), .text("Keep my notes"))
                )
            )
        ))
    }
}
