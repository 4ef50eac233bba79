import RareSynthTable
import RareSynthNumerics

/// A rare-disease cohort described by published statistics: who the patients are, when the
/// disease starts and is diagnosed, how they die, and the clinical values measured at diagnosis
/// with their correlations. Read with ``CohortSpec/load(path:)`` or ``CohortSpec/parse(_:file:)``
/// from YAML or JSON; every value has been checked by then (see the format in specs/README.md).
///
/// Each number may carry `refs`, ids of the spec's `references`, so a cohort can be traced back
/// to its sources; the ids are checked, the citations kept for reports.
public struct CohortSpec: Sendable {
    public var name: String
    public var description: String?
    /// Reference id → citation, in the spec's order.
    public var references: [(id: String, citation: String)]
    public var population: Population
    public var disease: Disease
    public var mortality: Mortality
    public var parameters: [ClinicalParameter]
    /// The Gaussian copula's correlation matrix over `parameters` (identity when none given);
    /// positive definite, checked on reading.
    public var correlation: Matrix
    /// The course after diagnosis; nil: the cohort is static (diagnosis and death only).
    public var course: Course?

    public struct Population: Sendable {
        /// Patients to simulate when the command line does not say.
        public var size: Int
        public var country: String?
        /// The day the cohort is observed (days since 1970-01-01): patients are those diagnosed by
        /// then, and deaths after it are not yet known.
        public var indexDate: Int
        /// Birth as a calendar year with fraction (1990.5 is early July 1990), for a prevalent
        /// cohort: everyone born so and diagnosed by the index date. Nil when `diagnosisYear` is given.
        public var birthYear: ValueDistribution?
        /// Diagnosis as a calendar year with fraction, for an incident cohort (a registry's or a
        /// trial's recruitment years): birth is then the diagnosis less the age at diagnosis, so
        /// the ages keep their published distribution and every diagnosis falls in the window
        /// (treatments of one era, a trial arm). Exactly one of this and `birthYear` is given.
        public var diagnosisYear: ValueDistribution?
        public var sex: Categories
        public var race: Categories
        public var ethnicity: Categories
    }

    public struct Disease: Sendable {
        public var name: String
        public var codes: Codes
        /// Informative (cases per person); the simulator draws patients, not a population.
        public var prevalence: Double?
        /// Age at onset, in years.
        public var onsetAge: ValueDistribution
        /// Onset to diagnosis, in years.
        public var diagnosisDelay: ValueDistribution
    }

    public struct Codes: Sendable, Equatable {
        public var orphanet: String?
        /// WHO ICD-10.
        public var icd10: String?
        /// ICD-10-CM, the US clinical modification (codes such as G71.01 exist only there).
        public var icd10cm: String?
        public var snomed: String?
        public var loinc: String?
        public var rxnorm: String?
        public var omopConceptID: Int?
    }

    /// A clinical value measured once, at diagnosis.
    public struct ClinicalParameter: Sendable {
        public var name: String
        public var label: String?
        /// UCUM unit.
        public var unit: String?
        public var codes: Codes
        public var distribution: ValueDistribution
        /// Digits after the decimal point the value is rounded to.
        public var decimals: Int
        /// Share of patients with no measurement.
        public var missing: Double
        /// The correlation of a patient's successive values (of their normal scores) when the
        /// course measures the parameter again: 0 draws each value afresh, 1 repeats it.
        public var autocorrelation: Double
    }

    /// Named categories with probabilities summing to 1, in the spec's order.
    public struct Categories: Sendable, Equatable {
        public let labels: [String]
        public let probabilities: [Double]
        let cumulative: [Double]

        init(labels: [String], probabilities: [Double]) {
            self.labels = labels
            self.probabilities = probabilities
            var c: [Double] = []
            var total = 0.0
            for p in probabilities { total += p; c.append(total) }
            c[c.count - 1] = 1
            cumulative = c
        }

        /// The category whose cumulative interval holds `u`.
        public func index(forUniform u: Double) -> Int {
            var k = 0
            while k < cumulative.count - 1 && u >= cumulative[k] { k += 1 }
            return k
        }
    }
}
