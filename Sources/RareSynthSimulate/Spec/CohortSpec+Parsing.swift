import RareSynthTable
import Foundation
import RareSynthNumerics

extension CohortSpec {
    /// The labels each demographic may use: the ones OMOP CDM and FHIR have codes for.
    public static let sexLabels = ["female", "male", "unknown"]
    public static let raceLabels = ["white", "black", "asian", "american_indian_or_alaska_native",
                                    "native_hawaiian_or_other_pacific_islander", "other", "unknown"]
    public static let ethnicityLabels = ["hispanic", "not_hispanic", "unknown"]

    /// Reads and checks a spec file (YAML or JSON).
    /// - Throws: ``CohortSpecError`` naming the file, line, column and key path of the first problem.
    public static func load(path: String) throws -> CohortSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CohortSpecError(file: path, keyPath: "", "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CohortSpecError(file: path, keyPath: "", "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Reads and checks a spec from its text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "spec") throws -> CohortSpec {
        let root = try SpecNode.root(text, file: file)
        let top = try root.fields(["version", "name", "description", "references", "population", "disease", "mortality",
                                   "parameters", "correlations", "course"], required: ["name", "population", "disease"])
        if let version = top["version"], try version.integer() != 1 {
            throw version.error("this RareSynth reads cohort spec version 1")
        }
        var references: [(id: String, citation: String)] = []
        if let node = top["references"] {
            for (id, citation) in try node.entries() { references.append((id, try citation.text())) }
        }
        let reader = SpecReader(references: Set(references.map(\.id)))
        let parameters = try top["parameters"].map { try reader.parameters($0) } ?? []
        let correlation = try top["correlations"].map { try reader.correlation($0, parameters: parameters) }
            ?? Matrix.identity(parameters.count)
        let population = try reader.population(top["population"]!)
        return CohortSpec(
            name: try top["name"]!.text(),
            description: try top["description"]?.text(),
            references: references,
            population: population,
            disease: try reader.disease(top["disease"]!),
            mortality: try top["mortality"].map { try reader.mortality($0) } ?? .none,
            parameters: parameters,
            correlation: correlation,
            course: try top["course"].map { try reader.course($0, parameters: parameters, sexLabels: population.sex.labels) })
    }
}

/// Turns spec nodes into checked values. Knows the reference ids, so every `refs` list is
/// checked where it is read.
struct SpecReader {
    let references: Set<String>

    /// A number written plainly or as `{value: x, refs: [...]}`.
    func quantity(_ node: SpecNode) throws -> Double {
        guard node.isMapping else { return try node.number() }
        let fields = try node.fields(["value", "refs", "note"], required: ["value"])
        try checkRefs(fields["refs"])
        return try fields["value"]!.number()
    }

    func probability(_ node: SpecNode) throws -> Double {
        let value = try quantity(node)
        guard (0...1).contains(value) else { throw node.error("expected a probability between 0 and 1, got \(value)") }
        return value
    }

    func checkRefs(_ node: SpecNode?) throws {
        guard let node else { return }
        for item in try node.list() {
            let id = try item.text()
            guard references.contains(id) else {
                throw item.error("unknown reference '\(id)' (not among the spec's references)")
            }
        }
    }

    // MARK: Sections

    func population(_ node: SpecNode) throws -> CohortSpec.Population {
        let f = try node.fields(["size", "country", "index_date", "birth_year", "diagnosis_year", "sex", "race", "ethnicity", "refs"],
                                required: ["index_date", "sex"])
        try checkRefs(f["refs"])
        let size = try f["size"].map { try $0.integer() } ?? 1000
        guard size >= 1 else { throw f["size"]!.error("expected at least 1 patient") }
        let indexDate = try f["index_date"]!.date()
        switch (f["birth_year"], f["diagnosis_year"]) {
        case (nil, nil): throw node.error("expected birth_year (a prevalent cohort) or diagnosis_year (an incident one)")
        case (_?, let both?): throw both.error("give birth_year or diagnosis_year, not both")
        default: break
        }
        var years: [String: ValueDistribution] = [:]
        for key in ["birth_year", "diagnosis_year"] {
            guard let field = f[key] else { continue }
            let d = try distribution(field, unitAllowed: false)
            if d.value(forUniform: 0) > Self.year(of: indexDate) {
                throw field.error("every \(key == "birth_year" ? "birth" : "diagnosis") falls after the index date")
            }
            years[key] = d
        }
        return CohortSpec.Population(
            size: size,
            country: try f["country"]?.text(),
            indexDate: indexDate,
            birthYear: years["birth_year"],
            diagnosisYear: years["diagnosis_year"],
            sex: try categories(f["sex"]!, allowed: CohortSpec.sexLabels),
            race: try f["race"].map { try categories($0, allowed: CohortSpec.raceLabels) }
                ?? CohortSpec.Categories(labels: ["unknown"], probabilities: [1]),
            ethnicity: try f["ethnicity"].map { try categories($0, allowed: CohortSpec.ethnicityLabels) }
                ?? CohortSpec.Categories(labels: ["unknown"], probabilities: [1]))
    }

    /// A day as a calendar year with fraction, the inverse of the simulator's `day(ofYear:)`.
    static func year(of day: Int) -> Double {
        let year = CivilDate.civil(day).year
        let start = CivilDate.day(year: year, month: 1, day: 1)!, next = CivilDate.day(year: year + 1, month: 1, day: 1)!
        return Double(year) + Double(day - start) / Double(next - start)
    }

    func disease(_ node: SpecNode) throws -> CohortSpec.Disease {
        let f = try node.fields(["name", "codes", "prevalence", "onset_age", "diagnosis_delay", "refs"],
                                required: ["name", "onset_age"])
        try checkRefs(f["refs"])
        let prevalence = try f["prevalence"].map { try probability($0) }
        return CohortSpec.Disease(
            name: try f["name"]!.text(),
            codes: try f["codes"].map { try codes($0) } ?? CohortSpec.Codes(),
            prevalence: prevalence,
            onsetAge: try duration(f["onset_age"]!),
            diagnosisDelay: try f["diagnosis_delay"].map { try duration($0) } ?? ValueDistribution(.constant(0))!)
    }

    func codes(_ node: SpecNode) throws -> CohortSpec.Codes {
        let f = try node.fields(["orphanet", "icd10", "icd10cm", "snomed", "loinc", "rxnorm", "omop_concept_id", "refs"])
        try checkRefs(f["refs"])
        var codes = CohortSpec.Codes()
        codes.orphanet = try f["orphanet"]?.text()
        codes.icd10 = try f["icd10"]?.text()
        codes.icd10cm = try f["icd10cm"]?.text()
        codes.snomed = try f["snomed"]?.text()
        codes.loinc = try f["loinc"]?.text()
        codes.rxnorm = try f["rxnorm"]?.text()
        if let node = f["omop_concept_id"] {
            let id = try node.integer()
            guard id > 0 else { throw node.error("expected a positive OMOP concept id") }
            codes.omopConceptID = id
        }
        return codes
    }

    func mortality(_ node: SpecNode) throws -> Mortality {
        let f = try node.fields(["annual_hazard_by_age", "survival_by_age", "refs"])
        try checkRefs(f["refs"])
        switch (f["annual_hazard_by_age"], f["survival_by_age"]) {
        case (let bands?, nil):
            var starts: [Double] = [], hazards: [Double] = []
            let items = try bands.list()
            guard !items.isEmpty else { throw bands.error("expected at least one age band") }
            var previousEnd = 0.0
            for (k, item) in items.enumerated() {
                let b = try item.fields(["from", "to", "value", "refs"], required: ["from", "value"])
                try checkRefs(b["refs"])
                let from = try quantity(b["from"]!)
                if k == 0, from != 0 { throw b["from"]!.error("the first band must start at age 0") }
                if k > 0, from != previousEnd {
                    throw b["from"]!.error("bands must be contiguous: this one starts at \(from), the previous one ends at \(previousEnd)")
                }
                if let to = b["to"] {
                    let end = try quantity(to)
                    guard end > from else { throw to.error("'to' (\(end)) must be above 'from' (\(from))") }
                    if k == items.count - 1 {
                        throw to.error("the last band must be open-ended (no 'to'), so that every age has a hazard")
                    }
                    previousEnd = end
                } else if k < items.count - 1 {
                    throw item.error("only the last band may be open-ended; give 'to'")
                }
                let hazard = try quantity(b["value"]!)
                guard hazard >= 0 else { throw b["value"]!.error("expected a death rate per year ≥ 0, got \(hazard)") }
                starts.append(from)
                hazards.append(hazard)
            }
            return Mortality(starts: starts, hazards: hazards)
        case (nil, let curve?):
            var points: [(age: Double, survival: Double)] = []
            for item in try curve.list() {
                let p = try item.fields(["age", "value", "refs"], required: ["age", "value"])
                try checkRefs(p["refs"])
                let age = try quantity(p["age"]!), survival = try quantity(p["value"]!)
                guard age > (points.last?.age ?? 0) else { throw p["age"]!.error("ages must increase from above 0") }
                guard survival > 0, survival <= (points.last?.survival ?? 1) else {
                    throw p["value"]!.error("survival must be in (0, 1] and not increase with age, got \(survival)")
                }
                points.append((age, survival))
            }
            guard let mortality = Mortality(survival: points) else { throw curve.error("expected at least one survival point") }
            return mortality
        case (nil, nil):
            throw node.error("give either annual_hazard_by_age or survival_by_age")
        default:
            throw node.error("give either annual_hazard_by_age or survival_by_age, not both")
        }
    }

    func parameters(_ node: SpecNode) throws -> [CohortSpec.ClinicalParameter] {
        var seen = Set<String>()
        return try node.list().map { item in
            let f = try item.fields(["name", "label", "unit", "codes", "distribution", "decimals", "missing", "autocorrelation", "refs"]
                                    + Self.distributionKeys, required: ["name", "distribution"])
            let name = try f["name"]!.text()
            guard seen.insert(name).inserted else { throw f["name"]!.error("a parameter named '\(name)' is already defined") }
            let decimals = try f["decimals"].map { try $0.integer() } ?? 2
            guard (0...9).contains(decimals) else { throw f["decimals"]!.error("expected 0 to 9 decimals") }
            return CohortSpec.ClinicalParameter(
                name: name, label: try f["label"]?.text(), unit: try f["unit"]?.text(),
                codes: try f["codes"].map { try codes($0) } ?? CohortSpec.Codes(),
                distribution: try distribution(item, fields: f),
                decimals: decimals,
                missing: try f["missing"].map { try probability($0) } ?? 0,
                autocorrelation: try f["autocorrelation"].map { node in
                    let r = try quantity(node)
                    guard (0...1).contains(r) else { throw node.error("expected a correlation between 0 and 1, got \(r)") }
                    return r
                } ?? 0)
        }
    }

    /// The correlation matrix from `- {between: [a, b], value: r}` items; it must be positive
    /// definite (a Cholesky factor exists), or the copula cannot draw from it.
    func correlation(_ node: SpecNode, parameters: [CohortSpec.ClinicalParameter]) throws -> Matrix {
        let index = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1.name, $0) })
        var r = Matrix.identity(parameters.count)
        var given = Set<[Int]>()
        for item in try node.list() {
            let f = try item.fields(["between", "value", "refs"], required: ["between", "value"])
            try checkRefs(f["refs"])
            let names = try f["between"]!.list()
            guard names.count == 2 else { throw f["between"]!.error("expected two parameter names") }
            let ij = try names.map { n -> Int in
                let name = try n.text()
                guard let i = index[name] else { throw n.error("no parameter named '\(name)'") }
                return i
            }
            guard ij[0] != ij[1] else { throw f["between"]!.error("a parameter's correlation with itself is 1") }
            guard given.insert(ij.sorted()).inserted else { throw f["between"]!.error("this pair is given twice") }
            let value = try quantity(f["value"]!)
            guard value > -1, value < 1 else { throw f["value"]!.error("expected a correlation strictly between −1 and 1, got \(value)") }
            r[ij[0], ij[1]] = value
            r[ij[1], ij[0]] = value
        }
        do {
            _ = try Cholesky(r)
        } catch {
            throw node.error("the correlations do not form a positive definite matrix (no joint distribution has them); weaken some")
        }
        return r
    }

    // MARK: Distributions

    static let distributionKeys = ["mean", "sd", "median", "gsd", "meanlog", "sdlog", "shape", "scale", "mode", "value", "min", "max"]

    /// A duration: a distribution with `unit` years (default), months, weeks or days; in years.
    func duration(_ node: SpecNode) throws -> ValueDistribution {
        try distribution(node, unitAllowed: true)
    }

    func distribution(_ node: SpecNode, unitAllowed: Bool) throws -> ValueDistribution {
        let f = try node.fields(["distribution", "refs"] + Self.distributionKeys + (unitAllowed ? ["unit"] : []),
                                required: ["distribution"])
        try checkRefs(f["refs"])
        var scale = 1.0
        if let unit = f["unit"] {
            switch try unit.text() {
            case "years", "year", "a": scale = 1
            case "months", "month", "mo": scale = 1 / 12
            case "weeks", "week", "wk": scale = 7 / CivilDate.daysPerYear
            case "days", "day", "d": scale = 1 / CivilDate.daysPerYear
            default: throw unit.error("expected years, months, weeks or days")
            }
        }
        let d = try distribution(node, fields: f)
        if unitAllowed && d.value(forUniform: 0) < 0 {
            throw node.error("a duration cannot be negative; bound it with min: 0")
        }
        guard scale != 1 else { return d }
        return try Self.rescaled(d, by: scale, node: node)
    }

    /// The family named by `distribution` and the keys it needs (others are errors).
    func distribution(_ node: SpecNode, fields f: [String: SpecNode]) throws -> ValueDistribution {
        let familyNode = f["distribution"]!
        let familyName = try familyNode.text()
        let needs: [String: [[String]]] = [
            "normal": [["mean", "sd"]], "lognormal": [["median", "gsd"], ["meanlog", "sdlog"]], "gamma": [["shape", "scale"]],
            "weibull": [["shape", "scale"]], "exponential": [["mean"]], "uniform": [["min", "max"]],
            "triangular": [["min", "mode", "max"]], "constant": [["value"]],
        ]
        guard let forms = needs[familyName] else {
            throw familyNode.error("unknown distribution (expected one of: \(needs.keys.sorted().joined(separator: ", ")))")
        }
        let present = Set(Self.distributionKeys.filter { f[$0] != nil })
        let bounds: Set<String> = familyName == "uniform" || familyName == "triangular" ? [] : ["min", "max"]
        guard let form = forms.first(where: { Set($0).isSubset(of: present) && present.subtracting($0).isSubset(of: bounds) }) else {
            let described = forms.map { $0.joined(separator: ", ") }.joined(separator: "' or '")
            throw node.error("a \(familyName) distribution takes '\(described)'\(bounds.isEmpty ? "" : ", and optionally min and max")")
        }
        func value(_ key: String) throws -> Double { try quantity(f[key]!) }
        func positive(_ key: String) throws -> Double {
            let v = try value(key)
            guard v > 0 else { throw f[key]!.error("expected a positive number, got \(v)") }
            return v
        }
        let family: ValueDistribution.Family
        switch (familyName, form.first!) {
        case ("normal", _): family = .normal(mean: try value("mean"), standardDeviation: try positive("sd"))
        case ("lognormal", "median"):
            let gsd = try positive("gsd")
            guard gsd > 1 else { throw f["gsd"]!.error("a geometric standard deviation is above 1, got \(gsd)") }
            family = .logNormal(logMean: Foundation.log(try positive("median")), logStandardDeviation: Foundation.log(gsd))
        case ("lognormal", _): family = .logNormal(logMean: try value("meanlog"), logStandardDeviation: try positive("sdlog"))
        case ("gamma", _): family = .gamma(shape: try positive("shape"), scale: try positive("scale"))
        case ("weibull", _): family = .weibull(shape: try positive("shape"), scale: try positive("scale"))
        case ("exponential", _): family = .exponential(mean: try positive("mean"))
        case ("uniform", _):
            let a = try value("min"), b = try value("max")
            guard a < b else { throw node.error("min (\(a)) must be below max (\(b))") }
            family = .uniform(lower: a, upper: b)
        case ("triangular", _):
            let a = try value("min"), c = try value("mode"), b = try value("max")
            guard a < b, (a...b).contains(c) else { throw node.error("expected min < max and min ≤ mode ≤ max, got \(a), \(c), \(b)") }
            family = .triangular(lower: a, mode: c, upper: b)
        default: family = .constant(try value("value"))
        }
        let lower = bounds.isEmpty ? nil : try f["min"].map { try quantity($0) }
        let upper = bounds.isEmpty ? nil : try f["max"].map { try quantity($0) }
        if let lower, let upper, lower >= upper { throw node.error("min (\(lower)) must be below max (\(upper))") }
        guard let d = ValueDistribution(family, lower: lower, upper: upper) else {
            throw node.error("min and max leave no probability for this distribution")
        }
        return d
    }

    /// `d` in other units: X·scale. Every family here is closed under scaling.
    static func rescaled(_ d: ValueDistribution, by s: Double, node: SpecNode) throws -> ValueDistribution {
        let family: ValueDistribution.Family
        switch d.family {
        case let .normal(m, sd): family = .normal(mean: m * s, standardDeviation: sd * s)
        case let .logNormal(mu, sigma): family = .logNormal(logMean: mu + Foundation.log(s), logStandardDeviation: sigma)
        case let .gamma(k, theta): family = .gamma(shape: k, scale: theta * s)
        case let .weibull(k, lambda): family = .weibull(shape: k, scale: lambda * s)
        case let .exponential(m): family = .exponential(mean: m * s)
        case let .uniform(a, b): family = .uniform(lower: a * s, upper: b * s)
        case let .triangular(a, c, b): family = .triangular(lower: a * s, mode: c * s, upper: b * s)
        case let .constant(v): family = .constant(v * s)
        }
        guard let out = ValueDistribution(family, lower: d.lower.map { $0 * s }, upper: d.upper.map { $0 * s }) else {
            throw node.error("min and max leave no probability for this distribution")
        }
        return out
    }

    // MARK: Categories

    func categories(_ node: SpecNode, allowed: [String]) throws -> CohortSpec.Categories {
        var labels: [String] = [], probabilities: [Double] = []
        for (label, value) in try node.entries() {
            if label == "refs" {
                try checkRefs(value)
                continue
            }
            guard allowed.contains(label) else {
                throw value.error("unknown category (expected one of: \(allowed.joined(separator: ", ")))")
            }
            labels.append(label)
            probabilities.append(try probability(value))
        }
        guard !labels.isEmpty else { throw node.error("expected at least one category") }
        let total = probabilities.reduce(0, +)
        guard abs(total - 1) <= 1e-6 else {
            throw node.error("the probabilities sum to \(total), not 1")
        }
        return CohortSpec.Categories(labels: labels, probabilities: probabilities)
    }
}
