import RareSynthSchema
import RareSynthTable

/// Runs every metric family on one real table, one synthetic table and, optionally, real rows the
/// generator never saw (the holdout), and collects the figures into an ``Evaluation``.
///
/// Nothing here throws on bad data: a metric that cannot be computed becomes an
/// ``Evaluation/Issue`` naming the metric, the columns and the reason, and the family is marked
/// partial or skipped. The caller decides whether to fail (the CLI exits non-zero only when it
/// cannot read its inputs).
public struct Evaluator: Sendable {
    public var schema: Schema
    public var options: EvaluationOptions

    public init(schema: Schema, options: EvaluationOptions = EvaluationOptions()) {
        self.schema = schema
        self.options = options
    }

    /// The figures, and the decoded columns and distances the report draws its charts from.
    public struct Run: Sendable {
        public var evaluation: Evaluation
        public var real: [MetricColumn]
        public var synthetic: [MetricColumn]
        public var holdout: [MetricColumn]?
        /// Distance from each synthetic row to its closest real (training) row.
        public var syntheticDCR: [Double]?
        /// Distance from each holdout row to its closest training row.
        public var holdoutDCR: [Double]?
    }

    /// A family reports its stage to `progress` (e.g. "privacy") as it starts.
    public func run(real: Table, synthetic: Table, holdout: Table? = nil, realFile: String? = nil,
                    syntheticFile: String? = nil, holdoutFile: String? = nil,
                    progress: (Evaluation.Family) -> Void = { _ in }) -> Run {
        let decoded = EvaluationInputs(real: real, synthetic: synthetic, holdout: holdout, schema: schema,
                                       realFile: realFile, syntheticFile: syntheticFile, holdoutFile: holdoutFile)
        var state = EvaluationState(decoded: decoded, options: options, schema: schema)
        state.checkSettings()
        for family in Evaluation.Family.allCases {
            guard options.families.contains(family) else {
                state.skip(family, .switchedOff, "switched off")
                continue
            }
            if let reason = state.emptyInputReason {
                state.skip(family, .unusableInput, reason)
                continue
            }
            progress(family)
            switch family {
            case .fidelity: state.runFidelity(realTable: real, syntheticTable: synthetic,
                                              realKeys: decoded.realKeys, syntheticKeys: decoded.syntheticKeys)
            case .utility: state.runUtility()
            case .privacy: state.runPrivacy()
            case .fairness: state.runFairness()
            case .survival: state.runSurvival()
            }
        }
        let evaluation = Evaluation(
            inputs: decoded.inputs, settings: state.settings, families: state.families, issues: state.issues,
            fidelity: state.fidelity, utility: state.utility, privacy: state.privacy, fairness: state.fairness,
            survival: state.survival, metricSpecifications: Evaluation.specifications)
        return Run(evaluation: evaluation, real: decoded.real, synthetic: decoded.synthetic, holdout: decoded.holdout,
                   syntheticDCR: state.syntheticDCR, holdoutDCR: state.holdoutDCR)
    }
}

extension Evaluation {
    /// The definition each family's figures follow.
    public static let specifications: [String: String] = [
        "quality": "SDMetrics 0.32.0 QualityReport (KSComplement, TVComplement, CorrelationSimilarity, ContingencySimilarity)",
        "diagnostic": "SDMetrics 0.32.0 DiagnosticReport (BoundaryAdherence, CategoryAdherence, KeyUniqueness, TableStructure)",
        "columnDistances": "Wasserstein-1 (scipy 1.17 wasserstein_distance; also ÷ real range), Jensen–Shannon distance (base 2, no smoothing) and KL divergence (pseudo-count 1 per bin) on numpy's 10 equal-width bins of the real range, or on the categories",
        "correlations": "Pearson, Spearman (scipy 1.17, pairwise complete), Cramér's V without bias correction (scipy.stats.contingency.association)",
        "mmd": "MMD² with an RBF kernel, median-heuristic bandwidth (Gretton et al. 2012), up to 2,000 rows per side",
        "detection": "ROC AUC of a logistic regression telling real from synthetic, 5-fold stratified CV (SDMetrics LogisticDetection form)",
        "propensity": "pMSE and S_pMSE of a main-effects logistic model (Snoke et al. 2018, synthpop utility.gen)",
        "utility": "TSTR/TRTR with logistic/linear regression and random forests (scikit-learn 1.9.1 definitions)",
        "privacy.sdmetrics": "SDMetrics 0.32.0 DCRBaselineProtection, DCROverfittingProtection, NewRowSynthesis, DisclosureProtection (CAP), all rows",
        "privacy.membershipInference": "distance-based attack: score = −DCR to the synthetic rows, ROC AUC training vs holdout",
        "privacy.kAnonymity": "exact k-anonymity and l-diversity of the synthetic rows on the quasi-identifiers",
        "privacy.synthpop": "synthpop 1.9 disclosure(): repU, DiSCO, CAP (Raab et al. 2024)",
        "fairness": "fairlearn 0.15.0 demographic parity, equal opportunity, equalized odds, disparate impact",
        "survival": "R survival 3.5: Kaplan–Meier, Greenwood log-scale 95% band, print.survfit median, survdiff log-rank",
    ]
}
