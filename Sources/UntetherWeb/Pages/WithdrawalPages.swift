import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 3: the check-in, the trends, and the urge log.
enum WithdrawalPages {
    /// What the check-in form holds, as typed.
    struct CheckInForm {
        var ratings: [String: String] = [:]
        var sleepHours = ""
        var note = ""

        init() {}

        init(_ form: FormFields) {
            for symptom in Symptoms.all where !form[name(symptom)].isEmpty {
                ratings[symptom.id] = form[name(symptom)]
            }
            sleepHours = form["sleep_hours"]
            note = form["note"]
        }

        func name(_ symptom: Symptom) -> String { "s_\(symptom.id)" }

        func checkIn(id: UUID, at: Date) throws(CheckInError) -> CheckIn {
            var numbers: [String: Int] = [:]
            for (id, text) in ratings {
                guard let value = Int(text) else { throw .ratingOutOfRange }
                numbers[id] = value
            }
            let hours = sleepHours.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            var sleep: Double?
            if !hours.isEmpty {
                guard let value = Double(hours), value.isFinite else { throw .sleepOutOfRange }
                sleep = value
            }
            return try CheckIn.validated(id: id, at: at, ratings: numbers, sleepHours: sleep, note: note)
        }
    }
}
