import Foundation
import Plot
import UntetherCore
import UntetherVault

/// First run, the recovery key, unlocking and recovery: the pages a person sees before the vault is open.
enum WelcomePages {
    static func welcome(
        chrome: PageChrome, error: String? = nil, helpLines: HelpLineDirectory = .builtIn, region: String? = nil, notice: String? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("A private place for your notes")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("This is a notebook that lives on this computer. What you write is locked with a passphrase only you know, and nothing is sent anywhere.")),
            .h2(.text("What it protects")),
            .ul(
                .li(.text("Everything you write is scrambled (encrypted) before it is saved.")),
                .li(.text("Without your passphrase or recovery key, the saved file can't be read, even by someone who copies it.")),
                .li(.text("It locks itself when you haven't used it for a while."))
            ),
            .h2(.text("What it can't protect")),
            .ul(
                .li(.text("Spyware or tracking apps on this device.")),
                .li(.text("Someone watching your screen or looking over your shoulder.")),
                .li(.text("Your browser history, which can show that you opened this page."))
            ),
            .h2(.text("Ways to stay safer")),
            .ul(
                .li(.text("Use a private or incognito window, so this visit isn't kept in your history.")),
                .li(.text("If you can, use a device the other person can't get to.")),
                .li(.text("The Exit button at the top, or pressing Shift three times, leaves at once and locks everything."))
            ),
            .h2(.id("choose"), .text("Choose a passphrase")),
            .p(.userText("Pick something you'll remember and others won't guess. A few unrelated words work well, such as \"kettle orbit maple sky\". It needs at least \(Passphrase.minimumLength) characters.")),
            Layout.message(error, isError: true),
            .form(
                // The page that comes back (after a mismatch, say) opens at the passphrase part, so
                // the message is in view on a phone, and the first box has the focus.
                .id("setup-form"), .class("stack"), .safeAttribute("action", SiteRoute.setup.at("choose")), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "passphrase", label: "Passphrase", type: .password, name: "passphrase", autocomplete: "new-password",
                             extra: [.attribute(named: "minlength", value: String(Passphrase.minimumLength)), .autofocus(error != nil)]),
                Layout.field(id: "passphrase-confirm", label: "Type it again", type: .password, name: "passphrase_confirm", autocomplete: "new-password"),
                HelpPages.regionSelect(directory: helpLines, chosen: region, label: "Where are you? (optional, for help-line numbers)"),
                .div(.button(.id("create"), .class("button"), .type(.submit), .text("Set up my notes")))
            ),
            .p(.class("muted"), .text("Setting up takes a second or two while your passphrase is turned into a key."))
        ))
    }

    static func recoveryKey(chrome: PageChrome, key: String, error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Your recovery key")),
            .p(.class("lead"), .text("If you ever forget your passphrase, this key is the only other way in. Nobody else has a copy, not even us.")),
            keyBlock(key),
            .ul(
                .class("no-print"),
                .li(.text("Write it on paper, exactly as shown. Spaces, dashes and small or capital letters don't matter when you type it back.")),
                .li(.text("Keep it somewhere safe, away from this device.")),
                .li(.text("Avoid saving it in a photo or a message that someone else could see."))
            ),
            .p(.class("no-print"), .button(.id("print-key"), .class("button secondary"), .type(.button), .attribute(named: "hidden"), .text("Print it")),
               .span(.id("print-hint"), .class("hint"), .text(" You can also print this page from your browser's menu. The printout shows the key and nothing else."))),
            Layout.message(error, isError: true),
            .form(
                .class("stack no-print"), .action(SiteRoute.setupDone), .method(.post),
                Layout.csrfField(chrome.csrf),
                .label(
                    .class("check"), .for("saved-key"),
                    .input(.type(.checkbox), .id("saved-key"), .name("saved"), .value("yes"), .required(true)),
                    .span(.text("I've written down my recovery key"))
                ),
                .div(.button(.id("continue"), .class("button"), .type(.submit), .text("Continue")))
            ),
            .form(
                .class("stack no-print"), .action(SiteRoute.recoveryKeyLater), .method(.post),
                Layout.csrfField(chrome.csrf),
                .p(.class("muted"), .text("Not a good moment? Settings shows it until you say it is written down.")),
                .div(.button(.id("show-later"), .class("button secondary"), .type(.submit), .text("Show me again later")))
            )
        ))
    }

    /// The key in groups of six, large enough to copy by hand.
    static func keyBlock(_ key: String) -> Node<HTML.BodyContext> {
        .div(
            .id("recovery-key"), .class("recovery-key"), .ariaLabel("Recovery key, in groups of six characters"),
            .forEach(key.split(separator: "-").map(String.init)) { .span(.userText($0)) }
        )
    }

    static func unlock(chrome: PageChrome, error: String? = nil, notice: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Welcome back")),
            .p(.text("Type your passphrase to open your notes.")),
            Layout.message(notice, isError: false),
            Layout.message(error, isError: true),
            .form(
                .id("unlock-form"), .class("stack"), .action(SiteRoute.unlock), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "passphrase", label: "Passphrase", type: .password, name: "passphrase", autocomplete: "current-password",
                             extra: [.autofocus(true)]),
                .div(.button(.id("unlock"), .class("button"), .type(.submit), .text("Open")))
            ),
            .p(.a(.id("use-recovery-key"), .href(SiteRoute.recover), .text("Forgot your passphrase? Use your recovery key")))
        ))
    }

    static func recover(chrome: PageChrome, error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Use your recovery key")),
            .p(.text("Type the key you wrote down when you set things up, then choose a new passphrase. Dashes and spaces don't matter.")),
            Layout.message(error, isError: true),
            .form(
                .id("recover-form"), .class("stack"), .action(SiteRoute.recover), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "recovery-key", label: "Recovery key", name: "recovery_key", autocomplete: "off",
                             extra: [.attribute(named: "autocapitalize", value: "characters"), .attribute(named: "spellcheck", value: "false")]),
                Layout.field(id: "new-passphrase", label: "New passphrase", hint: "At least \(Passphrase.minimumLength) characters.",
                             type: .password, name: "new_passphrase", autocomplete: "new-password"),
                Layout.field(id: "new-passphrase-confirm", label: "Type it again", type: .password, name: "new_passphrase_confirm", autocomplete: "new-password"),
                .div(.button(.id("recover"), .class("button"), .type(.submit), .text("Open and save new passphrase")))
            ),
            .p(.a(.href(SiteRoute.unlock), .text("Back to the passphrase")))
        ))
    }
}
