import Foundation

/// Short readings for Steps 5 to 7 and for the common challenges of recovery, in our own words.
/// Each is a title and a few short paragraphs; the app shows them on a page of their own.
public struct Reading: Sendable, Equatable, Identifiable {
    public enum Topic: String, CaseIterable, Sendable {
        case step5, step6, step7, challenge
    }
    public let id: String
    public let topic: Topic
    public let title: String
    public let paragraphs: [String]

    public static let all: [Reading] = [
        Reading(id: "step-5", topic: .step5, title: "Calming your body and mind", paragraphs: [
            "After abuse, your body can stay on guard for a long time. It learned to watch for danger, and it has not yet learned that things have changed. A racing heart, poor sleep or a jumpy feeling can all come from this. They are not signs that something is wrong with you.",
            "You may also miss them in a way you feel in your body, a bit like giving up a habit. That pull can be strong, but it does fade. Each day gives your mind a little more room to settle.",
            "Small things can help your body calm down. Try slow breaths, with the breath out a little longer than the breath in. A walk, a stretch, time outside, music or drawing can all help. Pick the one that feels easiest today.",
            "Some of this is a lot to carry on your own. Talking with someone trained in trauma can make the load lighter. Asking for that help is a sign of strength, not failure.",
        ]),
        Reading(id: "step-6", topic: .step6, title: "Finding yourself again", paragraphs: [
            "Abuse can slowly wear away your sense of who you are. Over time, their moods and wants may have filled the space where yours used to be. If you feel unsure of yourself now, that makes sense. You are still there.",
            "Start by asking what matters to you. Think of things you loved before, and things you have always wanted to try. Then set one small goal that is just for you.",
            "Boundaries help, too. It is okay to say no without giving a long reason. Each time you do, you show yourself that your needs count.",
            "Notice your small wins, like a good night's sleep or a choice you made on your own. When your inner voice is harsh, think of what you would say to a friend. Then try saying it to yourself.",
        ]),
        Reading(id: "step-7", topic: .step7, title: "Staying free", paragraphs: [
            "As you heal, you get better at reading new people. Take care with someone who comes on very strong, very fast. Take care, too, if they try to pull you away from friends, or put you down and call it help.",
            "Good signs tend to feel calm. Their words and actions match. They respect your no, and they are glad to see you grow.",
            "Your gut is worth trusting. If something feels off, you can slow down or step back. You don't need proof first.",
            "Keep up the things that hold you steady: people you trust, your daily routines, and money of your own where you can. Even a small amount saved in your own name can help you feel free.",
            "A hard day, or even some contact, does not wipe out your progress. It is not starting over. What you have learned stays with you.",
        ]),
        Reading(id: "grief", topic: .challenge, title: "Waves of grief", paragraphs: [
            "You may grieve, even though the relationship hurt you. You may miss the good times, and the person you hoped they would be. You may grieve the future you planned, and the years you gave.",
            "This is normal. Grief does not mean you made the wrong choice. It means you cared, and you lost something that mattered to you.",
            "Grief can sit side by side with relief. You might feel lighter one hour and heavy the next. Both can be true at once.",
            "Grief tends to come in waves. A song or a date can bring one back with no warning. Over time the waves come less often, and they feel softer.",
        ]),
        Reading(id: "responsible", topic: .challenge, title: "Feeling responsible for them", paragraphs: [
            "You may worry about how they are coping. You may fear they will fall apart, or feel that their pain is yours to fix. After a long time of keeping them calm, this is a very natural way to feel.",
            "But their feelings and their choices belong to them. You are not the cause of what they do, and you cannot carry it for them. They are an adult, and they have other places to turn for help.",
            "The guilt can be strong. It may be a habit the relationship taught you, not a sign you are doing wrong. It does not mean you need to go back.",
            "You can care about someone and still keep yourself safe. Both things can be true. Wishing them well from a distance is still kind.",
        ]),
        Reading(id: "alone", topic: .challenge, title: "Fear of being alone", paragraphs: [
            "The thought of being alone can feel huge. You may fear no one else will want you, or that life will always feel this empty. These fears are common after abuse, and they make sense.",
            "Loneliness is real, and it can hurt. It also eases as your life fills up again, bit by bit.",
            "Take small steps toward people you choose. Send a short message to an old friend. Try a class, a group, or a walk with someone who feels safe. Go at your own pace.",
            "Being alone is not the same as being unloved. Time on your own can be a chance to rest and get to know yourself again. You deserve people who are kind to you, and there is room in your life for them.",
        ]),
        Reading(id: "judgment", topic: .challenge, title: "When others judge", paragraphs: [
            "People may ask, \"Why did you stay?\" or \"Why did you go back?\" Questions like these can sting. They often come from people who don't know how abuse works.",
            "Leaving is hard for many reasons. The bond can pull like a strong habit. Fear, money, children, love and hope can all keep a person there. None of this is a failing.",
            "You don't owe anyone an explanation. You can say, \"I'd rather not talk about it,\" and leave it there. Your story is yours to share or to keep.",
            "You get to choose whom you tell, and how much. Start with people who listen without judging. You can share a little now, and more later if it feels right.",
        ]),
    ]

    public static func reading(_ id: String) -> Reading? { all.first { $0.id == id } }
}
