import Foundation
import RareSynthNumerics
import RareSynthTable

/// Writes a simulated cohort as one CSV row per patient, streamed: patients are drawn and
/// formatted in chunks on all threads, then written in order, so memory stays flat in N and the
/// bytes do not depend on the thread count. The file appears whole or not at all (`AtomicFile`).
///
/// Columns: person_id, sex, race, ethnicity, birth_date, onset_date, diagnosis_date,
/// death_date (empty while alive at the index date), cause_of_death (when the course ended in
/// a death event with a cause), then one column per clinical parameter (empty where not
/// measured), named as in the spec. With a course, `eventsPath` gets one row per event:
/// person_id, date, event (visit, measurement, condition, drug, procedure), name (the visit
/// kind, parameter or concept), value, unit, end_date (visits and drugs).
public enum CohortCSVWriter {
    /// Patients per chunk: large enough to keep both cores busy, small enough for flat memory with a
    /// course (hundreds of events a patient).
    static let chunk = 4096

    public static func write(_ simulator: CohortSimulator, patients count: Int, to path: String, eventsPath: String? = nil,
                             threads: Int? = nil, progress: ((Int) -> Void)? = nil) throws {
        let spec = simulator.spec
        try AtomicFile.write(to: path) { out in
            let header = ["person_id", "sex", "race", "ethnicity", "birth_date", "onset_date", "diagnosis_date", "death_date",
                          "cause_of_death"] + spec.parameters.map(\.name)
            try out.write(header.map(csvField).joined(separator: ",") + "\n")
            func body(_ writeEvents: ([UInt8]) throws -> Void) throws {
                var done = 0
                while done < count {
                    let range = done..<Swift.min(count, done + chunk)
                    let patients = try simulator.patients(range, threads: threads)
                    let lines = Parallel.mapChunks(count: patients.count, chunkSize: 1024, threads: threads) { part in
                        var bytes: [UInt8] = [], eventBytes: [UInt8] = []
                        bytes.reserveCapacity(part.count * 128)
                        for i in part {
                            append(patients[i], spec: spec, to: &bytes)
                            appendEvents(patients[i], spec: spec, to: &eventBytes)
                        }
                        return (bytes, eventBytes)
                    }
                    for (bytes, eventBytes) in lines {
                        try out.write(bytes)
                        try writeEvents(eventBytes)
                    }
                    done = range.upperBound
                    progress?(done)
                }
            }
            if let eventsPath {
                try AtomicFile.write(to: eventsPath) { events in
                    try events.write("person_id,date,event,name,value,unit,end_date\n")
                    try body { try events.write($0) }
                }
            } else {
                try body { _ in }
            }
        }
    }

    static func appendEvents(_ p: SimulatedPatient, spec: CohortSpec, to out: inout [UInt8]) {
        guard let course = spec.course else { return }
        for event in p.events {
            NumberText.appendInteger(p.personID, to: &out)
            out.append(44)
            CivilDate.appendISO(event.date, to: &out)
            out.append(44)
            var end: Int?
            switch event.kind {
            case let .visit(kind, endDate):
                out.append(contentsOf: "visit,\(kind.rawValue),,".utf8)
                end = endDate
            case let .measurement(j, value):
                let parameter = spec.parameters[j]
                out.append(contentsOf: "measurement,\(csvField(parameter.name)),".utf8)
                NumberText.appendFixed(value, decimals: parameter.decimals, to: &out)
                out.append(44)
                out.append(contentsOf: csvField(parameter.unit ?? "").utf8)
            case .condition(let c): out.append(contentsOf: "condition,\(csvField(course.concepts[c].name)),,".utf8)
            case let .drug(c, endDate):
                out.append(contentsOf: "drug,\(csvField(course.concepts[c].name)),,".utf8)
                end = endDate
            case .procedure(let c): out.append(contentsOf: "procedure,\(csvField(course.concepts[c].name)),,".utf8)
            }
            out.append(44)
            if let end { CivilDate.appendISO(end, to: &out) }
            out.append(10)
        }
    }

    static func append(_ p: SimulatedPatient, spec: CohortSpec, to out: inout [UInt8]) {
        NumberText.appendInteger(p.personID, to: &out)
        out.append(44)
        out.append(contentsOf: spec.population.sex.labels[p.sex].utf8)
        out.append(44)
        out.append(contentsOf: spec.population.race.labels[p.race].utf8)
        out.append(44)
        out.append(contentsOf: spec.population.ethnicity.labels[p.ethnicity].utf8)
        for day in [p.birthDate, p.onsetDate, p.diagnosisDate] {
            out.append(44)
            CivilDate.appendISO(day, to: &out)
        }
        out.append(44)
        if let death = p.deathDate { CivilDate.appendISO(death, to: &out) }
        out.append(44)
        if let cause = p.causeOfDeath, let course = spec.course { out.append(contentsOf: csvField(course.concepts[cause].name).utf8) }
        for (j, value) in p.parameters.enumerated() {
            out.append(44)
            if let value { NumberText.appendFixed(value, decimals: spec.parameters[j].decimals, to: &out) }
        }
        out.append(10)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
