import Plot

/// Short readings that go with each step. Written for this app, in plain words.
enum LearnPages {
    static func step1(chrome: PageChrome) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.log), .text("← Log"))),
            .h1(.text("Step 1: Seeing it clearly")),
            .p(.class("lead"), .text("This step is about putting what happened into words, at your own pace. There is nothing to get right.")),

            .h2(.text("Why write things down")),
            .p(.text("Fear and stress change how memory works. Days blur together, details slip away, and later you may start to doubt what you remember. A few lines written soon after give you something steady to come back to.")),
            .p(.text("Over weeks and months, the entries can show a pattern: tense spells, a hurtful moment, then sorry and a good stretch, then tension again. A pattern is often easier to see on a page than in your head. That's why kind moments belong in the log too.")),
            .p(.a(.id("learn-patterns"), .href(SiteRoute.patterns), .text("See what your log shows")), .text(", or "),
               .a(.id("learn-self-check"), .href(SiteRoute.selfCheck), .text("answer a few questions about the relationship")), .text(".")),
            .p(.text("A record may also help later, for example if you speak to a support worker, a doctor, a lawyer or the police. You decide if and when to share it. This log is tamper-evident: it can show that nothing was changed or removed after it was written.")),

            .h2(.text("Saying it plainly")),
            .p(.text("It can help to practise saying what happened in plain words, even if only to yourself. “They pushed me.” “They took my phone.” “This is abuse.”")),
            .p(.text("Those words can feel big. There is no rush and no test. If they don't feel right today, that's fine. You can come back to them when you're ready.")),

            .h2(.text("Noticing the softening words")),
            .p(.text("Many people notice phrases creeping in that make things sound smaller: “they were just stressed”, “it wasn't that bad”, “I set them off”. This is very common. Those words often grow from hoping things will get better, or from years of keeping the peace. They are not a sign that you did anything wrong.")),
            .p(.text("When you spot one, you don't have to fight it. You could simply write down what happened and leave the excuse out. Noticing these words is part of healing.")),

            .h2(.text("You don't have to do this alone")),
            .p(.text("A domestic abuse help line, a counsellor or your doctor can listen, help you make sense of things and help you plan to stay safe. Talking it through with someone may be worth it, whenever you feel ready.")),

            .div(
                .class("actions"),
                .a(.id("learn-write-now"), .class("button"), .href(SiteRoute.newLogEntry), .text("Write it down now")),
                .a(.href(SiteRoute.log), .text("Back to the log"))
            )
        ))
    }

    static func step2(chrome: PageChrome) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.contacts), .text("← Contact"))),
            .h1(.text("Step 2: Making distance")),
            .p(.class("lead"), .text("This step is about giving yourself room to heal, as far as your life allows right now.")),

            .h2(.text("Why contact pulls you back")),
            .p(.text("A bond built through ups and downs works a bit like a habit your body has learned. A message from them, even an unkind one, can bring back the longing and the hope. That pull is real, and it isn't weakness. It is one of the reasons so many people go back.")),
            .p(.text("Every day without contact gives that pull less to feed on. For many people, this is the hardest step, and the one that helps the most.")),

            .h2(.text("Making a plan")),
            .p(.text("It's easier to stay away when the ways back are closed ahead of time: their number blocked, their posts out of sight, new routines, answers ready for friends who ask. Your plan lists these, and you can add your own.")),
            .p(.text("If you fear how they might react, talk to a domestic abuse help line before you block or move. They can help you do it safely.")),

            .h2(.text("When you can't cut contact")),
            .p(.text("Children, work, money, a home or a court case can mean you still have to be in touch. Then the aim is to keep contact as small and as calm as you can: written messages rather than calls, short replies about practical things only, no talk about feelings or the past, and someone you trust with you if you must meet.")),
            .p(.text("Some people call this emotional no contact. You may have to answer them, but you don't have to let them back into your inner life. Their words can stay on the page.")),

            .h2(.text("If you reach out")),
            .p(.text("Many people contact the other person again at some point. If it happens, it's not the end of your progress. It's a moment to learn from: what was going on just before, and what might help next time. Then you start again from today.")),

            .div(
                .class("actions"),
                .a(.class("button"), .href(SiteRoute.plan), .text("Open your plan")),
                .a(.href(SiteRoute.rules), .text("Low-contact rules")),
                .a(.href(SiteRoute.contacts), .text("Back to contact"))
            )
        ))
    }

    static func step3(chrome: PageChrome) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.trends), .text("← Trends"))),
            .h1(.text("Step 3: Getting through withdrawal")),
            .p(.class("lead"), .text("Feeling worse after leaving doesn't mean leaving was wrong. It is part of getting free.")),

            .h2(.text("Why it happens")),
            .p(.text("A bond formed through highs and lows gets into the body's reward system. When the contact stops, the body misses it, much as it would miss a habit. That is why you may feel sick, sleep badly, ache, panic, or find it hard to think.")),
            .p(.text("The longing can feel like proof that you belong together. It isn't. It's the bond wearing off, and it says nothing about whether going back would be safe or good for you.")),

            .h2(.text("It fades")),
            .p(.text("Withdrawal comes in waves. Some days are bad for no clear reason, and that's normal. Over weeks and months the waves usually get smaller and further apart. Checking in for a minute a day lets you see that change for yourself, even when it doesn't feel like it.")),

            .h2(.text("When a craving hits")),
            .p(.text("A craving rises, peaks and falls, often within minutes. You don't have to act on it, and you don't have to make it go away. You only have to let it pass.")),
            .ul(
                .li(.text("Press Pause at the top of any page. Your reasons, your plan and a timer are there.")),
                .li(.text("Slow your breathing, or ground yourself in what you can see and hear.")),
                .li(.text("Move your body, even for a few minutes.")),
                .li(.text("Watch the thought come and go without doing what it asks.")),
                .li(.text("Afterwards, note what helped. Over time you'll see what works best for you."))
            ),
            .p(.text("If you feel unsafe, or the feelings are too much to carry alone, a help line, your doctor or a counsellor can help. Reaching out to them is always a good use of the urge to reach out.")),

            .div(
                .class("actions"),
                .a(.class("button"), .href(SiteRoute.checkIn), .text("Check in now")),
                .a(.href(SiteRoute.tools), .text("Tools for a hard moment"))
            )
        ))
    }

    static func step4(chrome: PageChrome) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.journal), .text("← Journal"))),
            .h1(.text("Step 4: Trusting yourself again")),
            .p(.class("lead"), .text("If you often doubt what you saw, heard or felt, there is a reason. It can be undone, a little at a time.")),

            .h2(.text("When someone rewrites what happened")),
            .p(.text("Being told again and again that something didn't happen, or that you're too sensitive, or that you remember it wrong, wears away at your trust in your own mind. This is often called gaslighting. Over time you may start checking your memory against theirs instead of your own.")),

            .h2(.text("Why memory feels shaky")),
            .p(.text("Stress makes memories patchy, and fear makes it hard to hold onto details. That's how minds work under pressure, not a sign that something is wrong with you. Add someone insisting on their version, and it's natural to feel unsure.")),

            .h2(.text("How the journal helps")),
            .p(.text("Writing soon after, in your own words, gives you a record that doesn't change. Keeping what happened apart from what you felt makes both clearer: the facts stand on their own, and your feelings are allowed to be there too.")),
            .p(.userText("When doubt creeps in, \"Check my memory\" shows what you wrote about that day before. You don't need anyone else to confirm it.")),

            .h2(.text("Small decisions, noticed")),
            .p(.text("Trust grows by practice. Make small choices on your own, write down what your gut said, and later notice how it went. Each time you see that your judgement held up, you have a little more to stand on.")),
            .p(.text("If this feels heavy, a counsellor who knows about abusive relationships can help you untangle it, whenever you're ready.")),

            .div(
                .class("actions"),
                .a(.class("button"), .href(SiteRoute.newJournalEntry), .text("Write in your journal")),
                .a(.href(SiteRoute.decisions), .text("Decisions"))
            )
        ))
    }
}
