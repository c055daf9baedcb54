import Foundation
import Testing
import UntetherCore

@Suite("Safety net in Core: the help-line list, phone numbers in text, when to offer help, the safety plan")
struct SafetyNetTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/UntetherCore/HelpLines/help-lines.json").standardized

    @Test("the help-line file: every region has a name, a national line and an emergency number; every number is dialable, sourced and dated")
    func helpLineFile() throws {
        let data = try Data(contentsOf: Self.file)
        let directory = try HelpLineDirectory.load(data)
        #expect(directory == HelpLineDirectory.builtIn, "run scripts/embed-assets after changing help-lines.json")
        #expect(directory.regions.count >= 15)
        for region in directory.regions {
            #expect(!region.name.isEmpty && !region.domesticAbuse.isEmpty, "\(region.code)")
            #expect(HelpLine.isDialable(region.emergency.dial) && region.emergency.source.hasPrefix("http"), "\(region.code)")
            for line in region.domesticAbuse + region.crisis {
                #expect(HelpLine.isDialable(line.dial), "\(region.code) \(line.name)")
                #expect(line.source.hasPrefix("http"), "\(region.code) \(line.name)")
                #expect(line.checked <= "2026-11-29" && line.checked >= "2026-01-01", "\(region.code) \(line.name)")
                // The digits shown and the digits dialled agree.
                #expect(line.number.filter(\.isNumber) == line.dial.filter(\.isNumber) || line.number.contains(where: \.isLetter), "\(region.code) \(line.name)")
            }
        }
        let england = try #require(directory.region("gb-eng"))
        #expect(england.emergency.number == "999" && england.domesticAbuse.first?.number == "0808 2000 247")
        #expect(england.emergency.note?.contains("55") == true)
        #expect(directory.regions(matching: "GB").map(\.code).sorted() == ["GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS"])
        #expect(directory.region("US")?.domesticAbuse.first?.text?.smsLink == "sms:88788?body=START")
    }

    @Test("a broken list is refused with a message that says what is wrong", arguments: [
        (#"{"version":1,"checked":"2026-11-29","regions":[{"code":"XX","name":"X","domesticAbuse":[],"emergency":{"number":"1","dial":"112","source":"s","checked":"2026-11-29"}}]}"#, "no domestic-abuse line"),
        (#"{"version":1,"checked":"2026-11-29","regions":[{"code":"XX","name":"X","domesticAbuse":[{"name":"L","number":"call us","dial":"call","source":"s","checked":"2026-11-29"}],"emergency":{"number":"112","dial":"112","source":"s","checked":"2026-11-29"}}]}"#, "dialled"),
        (#"{"version":1,"checked":"2026-11-29","regions":[{"code":"XX","name":"X","domesticAbuse":[{"name":"L","number":"123","dial":"123","source":"","checked":"2026-11-29"}],"emergency":{"number":"112","dial":"112","source":"s","checked":"2026-11-29"}}]}"#, "confirmed"),
        (#"{"regions": 3}"#, "not valid JSON"),
    ])
    func brokenLists(json: String, message: String) {
        #expect {
            _ = try HelpLineDirectory.load(Data(json.utf8))
        } throws: { error in
            (error as? HelpLinesError)?.description.contains(message) == true
        }
    }

    @Test("an operator's list adds regions and replaces ones with the same code")
    func extended() throws {
        let extra = HelpLineDirectory(checked: "2026-11-29", regions: [
            HelpRegion(code: "us", name: "Test US", domesticAbuse: [HelpLine(name: "Local", number: "555 0100", dial: "5550100", source: "s", checked: "2026-11-29")],
                       emergency: EmergencyNumber(number: "911", dial: "911", source: "s", checked: "2026-11-29")),
        ])
        let merged = HelpLineDirectory.builtIn.extended(by: extra)
        #expect(merged.regions.count == HelpLineDirectory.builtIn.regions.count)
        #expect(merged.region("US")?.name == "Test US")
    }

    @Test("phone numbers in typed text become their own parts; other numbers do not", arguments: [
        ("Call 07700 900123 after six", [PhoneText.Part.text("Call "), .phone(shown: "07700 900123", dial: "07700900123"), .text(" after six")]),
        ("+44 (0)20 7946 0958", [.phone(shown: "+44 (0)20 7946 0958", dial: "+4402079460958")]),
        ("1-800-799-7233 or text", [.phone(shown: "1-800-799-7233", dial: "18007997233"), .text(" or text")]),
        ("Flat 12, 2026 bus", [.text("Flat 12, 2026 bus")]),
        ("code abc1234567", [.text("code abc1234567")]),
        ("", []),
    ])
    func phoneText(text: String, expected: [PhoneText.Part]) {
        #expect(PhoneText.parts(text) == expected)
    }

    @Test("help is offered after hopelessness at 3 or 4, an urge at 10, or severity 5, and not otherwise")
    func distress() throws {
        let now = Date()
        #expect(Distress.needsCare(try CheckIn.validated(id: UUID(), at: now, ratings: ["low": 3])))
        #expect(!Distress.needsCare(try CheckIn.validated(id: UUID(), at: now, ratings: ["low": 2, "panic": 4])))
        #expect(Distress.needsCare(try Urge.validated(id: UUID(), at: now, before: 10, after: 2)))
        #expect(!Distress.needsCare(try Urge.validated(id: UUID(), at: now, before: 9, after: nil)))
        let draft = IncidentDraft(occurredOn: "2026-11-20", description: "x", severity: .five)
        #expect(Distress.needsCare(try draft.makeIncident(id: UUID(), recordedAt: now, today: "2026-11-25")))
        #expect(!Distress.needsCare(try IncidentDraft(occurredOn: "2026-11-20", description: "x", severity: .four).makeIncident(id: UUID(), recordedAt: now, today: "2026-11-25")))
    }

    @Test("the safety plan: sections follow the situation; unknown ticks are dropped; every part of the guide is written")
    func plan() throws {
        var plan = SafetyPlan()
        #expect(plan.sections == SafetyPlanSection.allCases)
        plan.situation = .left
        #expect(plan.sections.contains(.afterLeaving) && !plan.sections.contains(.stayingForNow))
        plan.situation = .stayingForNow
        #expect(plan.sections.contains(.stayingForNow) && plan.sections.contains(.planningToLeave) && !plan.sections.contains(.afterLeaving))
        try plan.update(.technology, answer: "  old phone in the drawer  ", ticked: ["nope"])
        #expect(plan.answer(.technology) == "old phone in the drawer")
        #expect(plan.ticked(.technology).isEmpty)
        #expect(throws: SafetyPlanError.tooLong) { try plan.update(.work, answer: String(repeating: "x", count: SafetyPlan.maxAnswerLength + 1), ticked: []) }
        for section in SafetyPlanSection.allCases {
            #expect(!section.title.isEmpty && !section.intro.isEmpty && (2...5).contains(section.prompts.count), "\(section)")
            #expect(Set(section.checklist.map(\.id)).count == section.checklist.count, "\(section)")
        }
        #expect(SafetyPlanSection.goBag.checklist.count >= 10)
        let jo = try SafePerson.validated(id: UUID(), name: "Jo", reach: "Text 07700 900789 after 6pm, jo@example.org", helpsWith: "", addedAt: Date())
        let hidden = SafetyPlan.discreet("Ring Jo on 07700-900789 or 07700900789, email jo@example.org. Enjoy the joke.", hiding: [jo])
        #expect(hidden == "Ring … on … or …, email …. Enjoy the joke.")
        #expect(!SafePersonSigns.all.isEmpty)
    }
}
