import Foundation

// The safety plan guide: the parts of a plan, the questions that help fill each one in,
// and the words around it. Written for this app, in plain words. The list of topics
// follows what good safety plans cover; every line here is our own.

/// Where the person is, so the plan shows the sections that fit.
public enum SafetyPlanSituation: String, CaseIterable, Codable, Sendable {
    /// Still living with them, or still seeing them.
    case stayingForNow = "staying"
    /// Thinking about leaving, or getting ready to.
    case planningToLeave = "planning"
    /// Has left, or the two of them have split up.
    case left

    /// A gentle, first-person label for choosing this situation.
    public var label: String {
        switch self {
        case .stayingForNow: return "I'm still with them for now"
        case .planningToLeave: return "I'm thinking about leaving"
        case .left: return "I've left, or we've split up"
        }
    }
}

/// One part of a safety plan.
public enum SafetyPlanSection: String, CaseIterable, Codable, Sendable {
    /// Signs that things may be about to get worse.
    case warningSigns = "warning_signs"
    /// Safe places, ways out, and rooms to stay out of.
    case safePlaces = "safe_places"
    /// People to call, and code words.
    case people
    /// A bag ready to go, and the papers to put in it.
    case goBag = "go_bag"
    /// What children can do, a safe adult, and handovers.
    case children
    /// Safety at work and on the way there.
    case work
    /// A safer device, location sharing, accounts and passwords.
    case technology
    /// Staying as safe as possible while still with them.
    case stayingForNow = "staying"
    /// Getting ready to leave.
    case planningToLeave = "leaving"
    /// Staying safer once they have left.
    case afterLeaving = "after_leaving"
    /// A plan for pets.
    case pets
    /// Looking after your mind: what helps, who to talk to, the pull to go back.
    case emotionalSafety = "emotional"

    /// A short heading for this part.
    public var title: String {
        switch self {
        case .warningSigns: return "Warning signs"
        case .safePlaces: return "Safe places and ways out"
        case .people: return "People who can help"
        case .goBag: return "A bag ready to go"
        case .children: return "Children"
        case .work: return "Work"
        case .technology: return "Phone and online safety"
        case .stayingForNow: return "While you're still there"
        case .planningToLeave: return "Getting ready to leave"
        case .afterLeaving: return "After you've left"
        case .pets: return "Pets"
        case .emotionalSafety: return "Looking after your mind"
        }
    }

    /// One or two sentences on what this part is for.
    public var intro: String {
        switch self {
        case .warningSigns:
            return "Some signs can show that things may get worse soon. Not every bad time comes with a sign, and that is never your fault."
        case .safePlaces:
            return "Where you could go, and how you could get out, if you need to leave fast. Rooms with one door or hard, sharp things, like the kitchen, bathroom or garage, can be riskier."
        case .people:
            return "People you could reach out to, and ways to ask for help without saying it out loud."
        case .goBag:
            return "A small bag with what you'd need if you had to leave in a hurry. You could keep it with someone you trust, so it can't be found."
        case .children:
            return "Ways to keep your children as safe as you can. You could share a simple part of it with them, in words that fit their age."
        case .work:
            return "Ways to feel safer at work, and on the way there and back."
        case .technology:
            return "Phones and accounts can show where you are and who you talk to. If they check your phone, they may notice sudden changes, so you could use a safer device for private things."
        case .stayingForNow:
            return "Ways to stay as safe as you can while you're still with them. You know your own life best."
        case .planningToLeave:
            return "Leaving takes planning. The time around leaving can be the riskiest, so it may help to plan it with someone you trust."
        case .afterLeaving:
            return "Ways to stay safer once you've left. The first months can still be risky, so it's okay to keep your guard up."
        case .pets:
            return "Worry about a pet can make leaving feel harder. A plan for them can help."
        case .emotionalSafety:
            return "This part is about your feelings, not just your safety. Hard days and the pull to go back are common, and they don't mean you've failed."
        }
    }

    /// Short questions that help the person fill in this part in their own words.
    public var prompts: [String] {
        switch self {
        case .warningSigns:
            return [
                "What do they say or do before things get worse?",
                "Are there times or days that feel more risky?",
                "What does your body tell you when something feels wrong?",
                "What could you do as soon as you notice a sign?",
            ]
        case .safePlaces:
            return [
                "Which rooms have a way out and a phone nearby?",
                "Which rooms could you try to stay out of when things get tense?",
                "Where could you go, day or night, if you had to leave fast?",
                "How would you get there?",
                "Where could you keep a spare key or some money?",
            ]
        case .people:
            return [
                "Who could you call or text if you were in danger?",
                "What code word could mean \"please get help\"?",
                "What should that person do when they get your code word?",
                "Who could you talk to when you just need to be heard?",
                "Is there a neighbour who could call for help if they heard something?",
            ]
        case .goBag:
            return [
                "Where could you keep the bag so it stays hidden?",
                "Who could keep copies of your papers for you?",
                "What can't be replaced that you'd want to take?",
            ]
        case .children:
            return [
                "Where in the home could your children go if things get scary?",
                "How could they get help, and who would they call?",
                "Which safe adult could they go to?",
                "Who is allowed to pick them up from school or care?",
                "How could handovers happen with little or no contact between you?",
            ]
        case .work:
            return [
                "Who at work could you tell, if it feels safe?",
                "Could someone else answer your calls or greet visitors?",
                "Could you change your route or hours for a while?",
                "Could someone walk with you to your car or bus?",
            ]
        case .technology:
            return [
                "Could they see your phone, messages or location?",
                "Is there a safer phone or computer you could use?",
                "Which accounts do you share with them, or have they logged into?",
                "Who could help you check your phone in a safe way?",
            ]
        case .stayingForNow:
            return [
                "What has helped you stay safe before?",
                "Where could you keep your phone so you can always reach it?",
                "What reason could you give to get out of the house for a while?",
                "When is it safest to make a call or make plans?",
                "Could you save a little money, slowly, somewhere safe?",
            ]
        case .planningToLeave:
            return [
                "When might be the safest time to go?",
                "Where could you stay, even just for the first night?",
                "Who could help you move, or keep your things for you?",
                "What will you take, and what can you leave behind?",
                "Who will you tell, and who should not know yet?",
            ]
        case .afterLeaving:
            return [
                "Who knows where you live now, and who shouldn't?",
                "Could you change locks, routes or routines for a while?",
                "Who could you call if they turn up?",
                "Who could tell you about a protection order, if you want one?",
                "How will you keep a record of any contact from them?",
            ]
        case .pets:
            return [
                "Who could look after your pet if you had to leave?",
                "Where are your pet's papers and vet records?",
                "Is there a shelter or vet that could help in a hurry?",
            ]
        case .emotionalSafety:
            return [
                "What helps you feel calmer, even a little?",
                "Who could you talk to on a hard day?",
                "What could you do when the pull to go back is strong?",
                "What would you like to remind yourself on a bad day?",
                "Would a counsellor or support group help you?",
            ]
        }
    }

    /// The situations this part fits.
    public var situations: Set<SafetyPlanSituation> {
        switch self {
        case .stayingForNow: return [.stayingForNow]
        case .planningToLeave: return [.stayingForNow, .planningToLeave]
        case .afterLeaving: return [.left]
        default: return Set(SafetyPlanSituation.allCases)
        }
    }

    /// Things to tick off; empty except for the go-bag and technology parts.
    public var checklist: [SafetyChecklistItem] {
        switch self {
        case .goBag: return Self.goBagItems
        case .technology: return Self.technologyItems
        default: return []
        }
    }

    /// True when answers here are likely to name people or places; the discreet print leaves these parts out.
    public var mayHoldNames: Bool {
        switch self {
        case .people, .children, .safePlaces, .work, .afterLeaving, .stayingForNow, .planningToLeave, .technology: return true
        default: return false
        }
    }

    /// A plain heading for the discreet print that doesn't say what the plan is for.
    public var discreetTitle: String {
        switch self {
        case .warningSigns: return "Things to notice"
        case .safePlaces: return "Places"
        case .people: return "Contacts"
        case .goBag: return "Packing list"
        case .children: return "Family notes"
        case .work: return "Work notes"
        case .technology: return "Phone to-do"
        case .stayingForNow: return "Day to day"
        case .planningToLeave: return "To do"
        case .afterLeaving: return "New routines"
        case .pets: return "Pet care"
        case .emotionalSafety: return "Looking after me"
        }
    }

    /// The go-bag checklist.
    private static let goBagItems: [SafetyChecklistItem] = [
        SafetyChecklistItem(id: "photo_id", label: "Photo ID, like a passport or driving licence"),
        SafetyChecklistItem(id: "birth_certificates", label: "Birth certificates, yours and your children's"),
        SafetyChecklistItem(id: "bank_cards", label: "Bank cards"),
        SafetyChecklistItem(id: "cash", label: "Some cash, in small notes"),
        SafetyChecklistItem(id: "keys", label: "Spare keys for the home and car"),
        SafetyChecklistItem(id: "phone_charger", label: "Phone and charger"),
        SafetyChecklistItem(id: "medicines", label: "Medicines you or your children take"),
        SafetyChecklistItem(id: "prescriptions", label: "Prescriptions, or a list of them"),
        SafetyChecklistItem(id: "court_police_papers", label: "Court or police papers, like a protection order"),
        SafetyChecklistItem(id: "children_things", label: "Something for each child, like a favourite toy"),
        SafetyChecklistItem(id: "clothes", label: "A change of clothes"),
        SafetyChecklistItem(id: "numbers_on_paper", label: "Important phone numbers, written on paper"),
        SafetyChecklistItem(id: "health_benefit_cards", label: "Health cards and benefit papers"),
        SafetyChecklistItem(id: "home_papers", label: "Rent, lease or mortgage papers"),
        SafetyChecklistItem(id: "insurance_papers", label: "Insurance papers"),
        SafetyChecklistItem(id: "children_records", label: "The children's school and health records"),
        SafetyChecklistItem(id: "records_kept", label: "A copy of any record you've kept of what happened"),
        SafetyChecklistItem(id: "daily_aids", label: "Glasses, hearing aids or other things you use every day"),
        SafetyChecklistItem(id: "wash_things", label: "A few things to wash with"),
    ]

    /// The technology checklist.
    private static let technologyItems: [SafetyChecklistItem] = [
        SafetyChecklistItem(id: "safer_device", label: "Use a safer device, like a friend's phone or a library computer"),
        SafetyChecklistItem(id: "location_sharing", label: "Check which apps and people can see your location"),
        SafetyChecklistItem(id: "new_passwords", label: "Change passwords, on a device they can't get into"),
        SafetyChecklistItem(id: "two_step_sign_in", label: "Turn on two-step sign-in for email and banking"),
        SafetyChecklistItem(id: "shared_accounts", label: "Check shared accounts, like cloud storage or family plans"),
        SafetyChecklistItem(id: "recovery_details", label: "Check the backup email and phone number on your accounts"),
        SafetyChecklistItem(id: "private_browsing", label: "Learn how to clear your history or browse in private"),
        SafetyChecklistItem(id: "hidden_trackers", label: "If it feels safe, check your bag and car for small trackers"),
    ]
}

/// One item on a checklist, with a stable id.
public struct SafetyChecklistItem: Sendable, Equatable, Identifiable {
    /// A stable id in lower_snake_case, unique within its list.
    public let id: String
    /// What the item says.
    public let label: String
}

/// Signs that someone is a safe person to lean on, as a gentle checklist.
public enum SafePersonSigns {
    /// Each sign, with a stable id.
    public static let all: [SafetyChecklistItem] = [
        SafetyChecklistItem(id: "listens", label: "Listens without judging you"),
        SafetyChecklistItem(id: "keeps_private", label: "Keeps what you tell them to themselves"),
        SafetyChecklistItem(id: "no_pushing", label: "Doesn't push you to decide or act"),
        SafetyChecklistItem(id: "respects_choices", label: "Respects your choices, even ones they wouldn't make"),
        SafetyChecklistItem(id: "accepts_no", label: "Accepts a no without arguing"),
        SafetyChecklistItem(id: "not_passing_on", label: "Doesn't pass things on to the person who hurts you"),
        SafetyChecklistItem(id: "keeps_word", label: "Does what they say they will"),
        SafetyChecklistItem(id: "not_fixing", label: "Supports you without trying to fix you"),
    ]

    /// A line above the list: these are things to notice, not a test anyone must pass.
    public static let intro: String =
        "These are things you might notice in the people around you. No one has to be perfect, and it's not a test anyone must pass."
}

/// Words around the plan.
public enum SafetyPlanText {
    /// What a safety plan is, and that nothing in it is required.
    public static let intro: String =
        "A safety plan is a few notes on how to stay safer, made for your own life. Nothing here is required. You could fill in only what fits, and change it any time."

    /// A warning that a printed plan could put the person at risk if found.
    public static let printWarning: String =
        "If they found a printed plan, it could put you at risk. If you print it, you could keep it well hidden, or use the discreet print."

    /// What the discreet print leaves out.
    public static let discreetExplained: String =
        "The discreet print leaves out the parts most likely to hold names and places, every phone number, your safe people, and what the plan is for. Read it through before you print it."

    /// A gentle nudge toward planning with a help line.
    public static let helpLineNudge: String =
        "A trained adviser at a help line can make this plan with you. It's free, and you can talk in confidence."
}
