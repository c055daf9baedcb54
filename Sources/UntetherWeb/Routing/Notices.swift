/// The done-notices of each section. The raw values are what appears after `?done=`.

enum NoteNotice: String, DoneNotice {
    case saved, deleted

    var message: String {
        switch self {
        case .saved: "Saved."
        case .deleted: "The note was deleted."
        }
    }
}

enum TodayNotice: String, DoneNotice {
    case situation
    case situationMissing = "situation-missing"

    var message: String {
        switch self {
        case .situation: "Thanks. The pages now fit your situation. You can change it any time in Settings."
        case .situationMissing: ContactPages.situationMissing
        }
    }

    var isError: Bool { self == .situationMissing }
}

enum LogNotice: String, DoneNotice {
    case saved, amended, removed, attached
    /// Saved, and it sounded very hard: the page offers help too.
    case savedHard = "saved-hard"

    var offersCare: Bool { self == .savedHard }

    var message: String {
        switch self {
        case .saved, .savedHard: "Saved. You can add more detail any time."
        case .amended: "Added. The original entry is unchanged above it."
        case .removed: "The entry was removed. The log keeps a note that it was."
        case .attached: "The file was attached. It is kept exactly as it was, encrypted."
        }
    }
}

enum ContactNotice: String, DoneNotice {
    case saved, deleted
    /// Saved, and they started it: the page offers to check a reply.
    case savedTheirs = "saved-theirs"

    var message: String {
        switch self {
        case .saved, .savedTheirs: "Saved."
        case .deleted: "The contact was deleted."
        }
    }
}

/// Kept answers to the danger check and to the questions about the relationship.
enum CheckNotice: String, DoneNotice {
    case removed

    var message: String {
        switch self {
        case .removed: "Those answers were removed."
        }
    }
}

/// The no-contact plan, the low-contact rules and the prepared answers.
enum PlanNotice: String, DoneNotice {
    case saved, added, removed

    var message: String {
        switch self {
        case .saved: "Saved."
        case .added: "Added to your plan."
        case .removed: "Removed."
        }
    }
}

/// Pause, its set-up, and check-ins.
enum PauseNotice: String, DoneNotice {
    case saved, setup, checkin
    /// Saved, and it sounded very hard: the page offers help too.
    case savedHard = "saved-hard"
    case checkinHard = "checkin-hard"

    var offersCare: Bool { self == .savedHard || self == .checkinHard }

    var message: String {
        switch self {
        case .saved, .savedHard: "Saved. Pausing took strength, whatever happened next."
        case .setup: "Saved. The Pause screen now shows your words."
        case .checkin, .checkinHard: "Saved. Thank you for checking in."
        }
    }
}

enum JournalNotice: String, DoneNotice {
    case saved, deleted

    var message: String {
        switch self {
        case .saved: "Saved. You can come back and change it any time."
        case .deleted: "The entry was deleted."
        }
    }
}

/// Decisions and the relationship timeline.
enum SelfTrustNotice: String, DoneNotice {
    case saved, reviewed, added, removed

    var message: String {
        switch self {
        case .saved: "Saved. You'll be asked how it went on the day you chose."
        case .reviewed: "Saved. Noticing how things turn out is how trust in yourself grows."
        case .added: "Added to your timeline."
        case .removed: "Removed from your timeline."
        }
    }
}

enum FlagNotice: String, DoneNotice {
    case saved, removed

    var message: String {
        switch self {
        case .saved: "Saved. Over time, these notes show the pattern."
        case .removed: "That note was removed."
        }
    }
}

enum GrowthNotice: String, DoneNotice {
    case values, top, statement, swap, tried, win, winRemoved = "win-removed", kinder, ahead, boundaries, held, goal, progress, removed, interest, did, toolkit, planStarted = "plan-started", planDone = "plan-done", planSaved = "plan-saved"

    var message: String {
        switch self {
        case .values: "Your values were saved."
        case .top: "Your top five were saved."
        case .statement: "Your statement was saved."
        case .swap: "Your swap was saved."
        case .tried: "Saved. Each try counts, whatever happened."
        case .win: "Kept. Well done."
        case .winRemoved: "That win was removed."
        case .kinder: "Saved. Questioning a harsh thought takes courage."
        case .ahead: "Saved."
        case .boundaries: "Your boundaries were saved."
        case .held: "Saved. Holding a line is hard, and you did it."
        case .goal: "Your goal was added."
        case .progress: "Your progress was saved."
        case .removed: "Removed."
        case .interest: "Added."
        case .did: "Noted. Doing things you enjoy is part of healing."
        case .toolkit: "Your toolkit was saved."
        case .planStarted: "Your plan has started. Here is the first day."
        case .planDone: "Done. Well done for today."
        case .planSaved: "Saved."
        }
    }
}

enum SettingsNotice: String, DoneNotice {
    case preferences, passphrase, situation, region
    case recoveryKey = "recovery-key"
    case situationMissing = "situation-missing"

    var message: String {
        switch self {
        case .preferences: "Your settings were saved."
        case .passphrase: "Your passphrase was changed. Your recovery key still works."
        case .situation: "Your situation was saved."
        case .region: "Saved. Help now shows the numbers for where you are."
        case .recoveryKey: "Good. The key is no longer kept here, so keep your copy safe."
        case .situationMissing: ContactPages.situationMissing
        }
    }

    var isError: Bool { self == .situationMissing }
}

enum PeopleNotice: String, DoneNotice {
    case added, removed

    var message: String {
        switch self {
        case .added: "Added. They now show on Pause, on Help and in your safety plan."
        case .removed: "Removed."
        }
    }
}

enum SafetyPlanNotice: String, DoneNotice {
    case saved

    var message: String {
        switch self {
        case .saved: "Saved. Change it whenever things change."
        }
    }
}

/// After everything was deleted: said plainly on the first page.
enum WelcomeNotice: String, DoneNotice {
    case erased

    var message: String {
        switch self {
        case .erased: "Everything was deleted from this computer: notes, records, settings and the access log. Backup files you downloaded were not touched."
        }
    }
}
