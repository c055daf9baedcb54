import Foundation
import Testing
@testable import UntetherCore

/// The 90 days of content: all there for every track, short, plain, and pointing at real tools.
@Suite("The plan's 90 days of content")
struct PlanContentTests {
    static func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    @Test("90 days, numbered 1 to 90 in order, every seventh a rest day")
    func days() {
        #expect(PlanContent.days.map(\.day) == Array(1...90))
        for day in PlanContent.days where day.day % 7 == 0 { #expect(day.step == "rest", "day \(day.day)") }
    }

    @Test("every day of every track exists, is short enough for a phone, links to a tool that exists, and reads at grade 8 or lower", arguments: PlanTrack.allCases)
    func track(_ track: PlanTrack) {
        var grades: [Double] = []
        for number in 1...90 {
            guard let day = PlanContent.day(number, track: track) else {
                Issue.record("day \(number) is missing for \(track)")
                continue
            }
            #expect(!day.title.isEmpty && !day.reflection.isEmpty && !day.action.text.isEmpty)
            #expect(Self.words(day.reading) <= 125, "\(track) day \(number): \(Self.words(day.reading)) words")
            #expect(PlanContent.isTool(day.action.tool), "\(track) day \(number): \(day.action.tool)")
            for text in [day.reading, day.action.text, day.reflection] {
                let grade = ReadingGrade.fleschKincaid(text)
                grades.append(grade)
                #expect(grade <= 8, "\(track) day \(number): grade \(grade): \(text.prefix(80))")
            }
        }
        #expect(grades.count == 270)
    }

    @Test("variants exist only for the tracks there are, and a staying variant never says to leave")
    func variants() {
        for day in PlanContent.days {
            for key in (day.variants ?? [:]).keys { #expect(PlanTrack(rawValue: key) != nil, "day \(day.day): \(key)") }
            let staying = day.on(.staying)
            for pressure in ["leave now", "you must leave", "you need to leave", "get out now"] {
                #expect(!staying.reading.lowercased().contains(pressure), "day \(day.day)")
            }
        }
        #expect(PlanContent.days.contains { $0.variants?["staying"] != nil })
    }

    @Test("the extra days are written too, short and plain", arguments: [PlanToday.Kind.support, .lighter, .help, .safety, .practice])
    func extras(_ kind: PlanToday.Kind) throws {
        let card = try #require(PlanContent.extra(kind))
        #expect(PlanContent.isTool(card.action.tool))
        #expect(Self.words(card.reading) <= 120)
        #expect(ReadingGrade.fleschKincaid(card.reading) <= 8)
    }

    @Test("the grade counter agrees with known texts")
    func grade() {
        #expect(ReadingGrade.syllableCount("cat") == 1 && ReadingGrade.syllableCount("table") == 2 && ReadingGrade.syllableCount("walked") == 1)
        #expect(ReadingGrade.syllableCount("relationship") == 4 && ReadingGrade.syllableCount("wanted") == 2)
        #expect(ReadingGrade.fleschKincaid("The cat sat on the mat. It was warm.") < 2)
        #expect(ReadingGrade.fleschKincaid("Notwithstanding considerable institutional deliberation, comprehensive organisational restructuring necessitates extraordinary intergovernmental collaboration.") > 16)
    }
}
