import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

/// `untether demo`: a made-up vault of any age, for trying Untether and for the load benchmark.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Make a new vault filled with made-up records, as if used daily for some years.",
        discussion: """
            Every kind of record, in the proportions of daily use (per year: 400 journal entries, 100 log entries, 360 check-ins, \
            180 urges, 60 contacts, 40 notes, 30 decisions). The text is invented and the same for the same seed. Nothing real \
            goes in: use it to try the app or to measure it, never for your own notes.
            """
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "How many years of daily use to make (1 to 30).") var years: Int = 1
    @Option(help: "A number that picks the made-up text; the same seed makes the same vault.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...30).contains(years) else { throw ValidationError("--years must be from 1 to 30.") }
    }

    func run() async throws {
        try await reportingFailures {
            let passphrase = try vault.passphrase(prompt: "Passphrase for the demo vault: ")
            let store = try SQLiteVaultStore(directory: vault.directory)
            guard try await !Vault(store: store).exists() else {
                throw CLIError("There is already a vault in \(vault.directory.path). A demo needs an empty folder, so nothing was changed.")
            }
            let started = Date()
            let unlocked = try await Vault(store: store).create(passphrase: passphrase, now: started).vault
            var preferences = Preferences()
            preferences.timeZoneID = "UTC"
            preferences.contactMode = .noContact
            let now = Date()
            let today = CalendarDay(now, in: TimeZone(identifier: "UTC")!)
            preferences.noContactSince = today.adding(days: -200)
            try await unlocked.save(preferences, now: now)
            var batch = VaultBatch(vault: unlocked)
            var generator = DemoData(seed: seed, today: today, now: now)
            try generator.fill(&batch, years: years)
            Terminal.out("Saving \(batch.counts.values.reduce(0, +)) made-up records…")
            try await batch.commit()
            try store.checkpoint()
            let seconds = Date().timeIntervalSince(started)
            let summary = batch.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            Terminal.out("Made a demo vault of \(years) \(years == 1 ? "year" : "years") in \(String(format: "%.1f", seconds)) s: \(summary).")
        }
    }
}

/// Made-up records from a fixed seed: plausible, varied, and never real.
struct DemoData {
    private var random: SplitMix
    let today: CalendarDay
    let now: Date

    init(seed: UInt64, today: CalendarDay, now: Date) {
        random = SplitMix(seed: seed &* 0x9E37_79B9_7F4A_7C15 | 1)
        self.today = today
        self.now = now
    }

    mutating func next() -> UInt64 {
        random.next()
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func sentences(_ bank: [String], _ count: ClosedRange<Int>) -> String {
        (0..<int(count)).map { _ in pick(bank) }.joined(separator: " ")
    }

    /// A moment on `daysAgo` days before today, at a plausible hour.
    mutating func moment(daysAgo: Int) -> Date {
        let start = today.adding(days: -daysAgo).startUTC
        let moment = start.addingTimeInterval(TimeInterval(int(7 * 3600...22 * 3600)))
        return min(moment, now.addingTimeInterval(-60))
    }

    mutating func fill(_ batch: inout VaultBatch, years: Int) throws {
        let days = years * 365
        func spread(_ perYear: Int) -> [Int] {
            let count = perYear * years
            return (0..<count).map { days - 1 - ($0 * days / count) }
        }
        for daysAgo in spread(400) {
            let at = moment(daysAgo: daysAgo)
            try batch.add(JournalEntry.validated(
                id: UUID(), date: today.adding(days: -daysAgo).description, facts: sentences(Self.facts, 2...7),
                feelings: sentences(Self.feelings, 1...4), truths: sentences(Self.truths, 0...2), mood: int(1...5),
                tags: chance(40) ? [pick(Self.tags)] : [], createdAt: at, updatedAt: at, today: today
            ))
        }
        for daysAgo in spread(100) {
            let at = moment(daysAgo: daysAgo)
            let kind = chance(15)
            var draft = IncidentDraft(
                kindMoment: kind ? pick(KindMoment.allCases) : nil, occurredOn: today.adding(days: -daysAgo).description,
                occurredAt: chance(60) ? String(format: "%02d:%02d", int(8...22), int(0...59)) : "", approximate: chance(20),
                location: pick(Self.places), description: sentences(kind ? Self.kindMoments : Self.incidents, 2...6),
                categories: kind ? [] : [pick(IncidentCategory.allCases)], severity: kind ? nil : Severity(rawValue: int(1...4)),
                phase: nil, injuries: "", witnesses: chance(20) ? "A neighbour was there." : "", childrenPresent: nil, reports: []
            )
            // A few entries of harm carry a danger sign, as some real logs do.
            if !kind && chance(6) { draft.dangerSigns = [pick(DangerSign.allCases)] }
            let incident = try batch.record(draft, recordedAt: at, today: today)
            if chance(10) {
                try batch.amend(incident.id, change: "I remembered it was later in the evening than I wrote.", reason: "Memory came back", at: at.addingTimeInterval(3600))
            }
        }
        let symptoms = Symptoms.all.map(\.id)
        for daysAgo in spread(360) {
            var ratings: [String: Int] = [:]
            for _ in 0..<5 { ratings[pick(symptoms)] = int(0...4) }
            try batch.add(CheckIn.validated(
                id: UUID(), at: moment(daysAgo: daysAgo), ratings: ratings, sleepHours: Double(int(4...9)), note: chance(30) ? pick(Self.feelings) : ""
            ))
        }
        for daysAgo in spread(180) {
            let before = int(4...10)
            try batch.add(Urge.validated(
                id: UUID(), at: moment(daysAgo: daysAgo), before: before, after: max(0, before - int(0...6)),
                triggers: [pick(UrgeTrigger.allCases)], triggerNote: chance(50) ? pick(Self.triggers) : "",
                helped: [pick(CopingAction.allCases)], note: chance(40) ? pick(Self.feelings) : "", contacted: chance(10)
            ))
        }
        for daysAgo in spread(60) {
            try batch.add(ContactEvent(
                id: UUID(), at: moment(daysAgo: daysAgo), channel: pick(ContactChannel.allCases), initiatedBy: chance(80) ? .them : .me,
                necessary: chance(60), about: chance(70) ? pick(Self.contacts) : "", feelingBefore: int(2...8), feelingAfter: int(1...8)
            ))
        }
        for daysAgo in spread(40) {
            let at = moment(daysAgo: daysAgo)
            try batch.add(Note(id: UUID(), title: pick(Self.noteTitles), body: sentences(Self.facts + Self.truths, 2...10), createdAt: at, updatedAt: at))
        }
        for daysAgo in spread(30) {
            let made = today.adding(days: -daysAgo)
            var decision = try Decision.validated(
                id: UUID(), madeOn: made.description, decision: pick(Self.decisions), gut: pick(Self.guts), chose: "I went with my gut.",
                reviewOn: made.adding(days: 7).description
            )
            if daysAgo > 7 {
                decision.outcome = pick(Self.outcomes)
                decision.wentWell = chance(75)
                decision.gutCheck = chance(70) ? .right : .partly
            }
            try batch.add(decision)
        }
    }

    static let facts = [
        "I walked to the shop before work and bought bread.", "Work was busy and I stayed late to finish the report.",
        "My sister called in the evening and we talked for an hour.", "I cooked pasta and ate at the table, not on the sofa.",
        "The bus was late again, so I listened to music while I waited.", "I cleaned the kitchen and opened the windows.",
        "A friend from work asked me to lunch and I said yes.", "I went to the library and borrowed two books.",
        "The children's school sent a note about the trip next week.", "I paid the gas bill and sorted the post.",
        "I took the long way home through the park.", "My manager said the project went well.",
        "It rained all day and I stayed inside with a film.", "I went to the doctor about my sleep.",
        "I met Sam for coffee near the station.", "I fixed the shelf in the hall on my own.",
    ]
    static let feelings = [
        "I felt tired but calm.", "I missed them this evening and it hurt.", "I felt proud of myself.",
        "I was anxious for no clear reason.", "I felt lighter than last week.", "I was angry, then sad.",
        "I felt lonely after dinner.", "I felt safe at home tonight.", "Part of me wanted to check their page.",
        "I laughed properly for the first time in a while.",
    ]
    static let truths = [
        "I know what happened, even when they say it did not.", "Missing someone is not a reason to go back.",
        "I am allowed to rest.", "My memory is good enough to trust.", "Feeling low is not the same as being wrong.",
        "I did not cause the way they treated me.",
    ]
    static let tags = ["work", "family", "sleep", "friends", "money", "health", "kids", "home"]
    static let places = ["At home", "In the kitchen", "In the car", "At my mother's", "Outside the school", "On the phone"]
    static let incidents = [
        "They shouted at me about money and called me useless.", "They read my messages without asking and got angry.",
        "They said I was imagining things when I brought it up.", "They blocked the door when I wanted to leave the room.",
        "They said nobody else would put up with me.", "They went quiet for two days and would not say why.",
        "They took my keys so I could not go out.", "They criticised my friends and said I should stop seeing them.",
    ]
    static let kindMoments = [
        "They brought me flowers and said sorry.", "They cooked dinner and were gentle all evening.",
        "They said they would change and get help.", "They were warm and funny, like at the start.",
    ]
    static let triggers = ["A song in the shop", "Their birthday", "Seeing our old café", "A photo came up on my phone", "A message from a friend of theirs"]
    static let contacts = [
        "About picking up the children on Saturday.", "They asked for a box of their things back.", "A short message about the bills.",
        "They tried to start an argument about the past.", "Arranging the school holiday dates.",
    ]
    static let noteTitles = ["Things to ask the lawyer", "Money plan", "Ideas for the weekend", "Books to read", "Questions for the doctor", "What I want"]
    static let decisions = ["Whether to go to the party", "Which flat to look at", "Whether to take the new shift", "What to cook for friends", "Whether to start a class"]
    static let guts = ["Go, it will be good for me.", "Say no this time.", "Try it for a month.", "Ask for more time."]
    static let outcomes = ["It went better than I feared.", "It was fine.", "I learned something.", "Not great, but I coped."]
}
