import RareSynthNumerics

extension EvaluationState {
    mutating func runPrivacy() {
        let before = issues.count
        let (real, synthetic, threads, seed) = (self.real, self.synthetic, options.threads, options.seed)
        var section = PrivacySection()
        let dcr = attempt(.privacy, "DCR") { try DistanceToClosestRecord(dataset: synthetic, reference: real, threads: threads) }
        if let dcr {
            syntheticDCR = dcr.distances
            section.dcr = DistanceSummary(dcr.distances)
            section.nndr = DistanceSummary(dcr.distanceRatios.filter { !$0.isNaN })
        }
        section.dcrBaselineProtection = attempt(.privacy, "DCRBaselineProtection") {
            let b = try DCRBaselineProtection(real: real, synthetic: synthetic, seed: seed, threads: threads)
            if b.score == nil { throw EvaluationNote("the random baseline's median distance is 0, so the ratio is undefined") }
            return DCRBaselineScore(score: b.score, medianSyntheticDCR: b.medianSyntheticDCR, medianRandomDCR: b.medianRandomDCR)
        }
        section.newRowSynthesis = attempt(.privacy, "NewRowSynthesis") {
            let n = try NewRowSynthesis(real: real, synthetic: synthetic)
            return NewRowScore(score: n.score, newRows: n.newRows, matchedRows: n.matchedRows)
        }
        if let holdout {
            section.dcrOverfittingProtection = attempt(.privacy, "DCROverfittingProtection") {
                let o = try dcr.map { try DCROverfittingProtection(trainingDistances: $0, synthetic: synthetic, holdout: holdout, threads: threads) }
                    ?? DCROverfittingProtection(training: real, synthetic: synthetic, holdout: holdout, threads: threads)
                var score = DCROverfittingScore(score: o.score, closerToTraining: o.closerToTraining,
                                                closerToHoldout: o.closerToHoldout)
                let counts = [real, synthetic, holdout].map { $0.first?.data.count ?? 0 }
                if counts[2] > 0 && counts.max()! > counts[2] {
                    let b = try DCROverfittingProtection.subsampled(training: real, synthetic: synthetic, holdout: holdout,
                                                                    rows: counts[2], iterations: DCROverfittingScore.balancedIterations,
                                                                    seed: seed, threads: threads)
                    score.balancedScore = b.score
                    score.balancedRows = b.rows
                    score.balancedIterations = b.iterations
                }
                return score
            }
            if let h = attempt(.privacy, "holdout DCR", { try DistanceToClosestRecord(dataset: holdout, reference: real, threads: threads) }) {
                holdoutDCR = h.distances
                section.holdoutDCR = DistanceSummary(h.distances)
            }
            section.membershipInference = attempt(.privacy, "membership inference") {
                let m = try DistanceMembershipInference(training: real, holdout: holdout, synthetic: synthetic, threads: threads)
                return MembershipInferenceScore(auc: m.auc, trainingRows: m.trainingDistances.count,
                                                holdoutRows: m.holdoutDistances.count,
                                                attack: "distance to the closest synthetic row (Chen et al. 2020, full black-box)")
            }
        } else {
            for metric in ["DCROverfittingProtection", "membership inference"] {
                issue(.privacy, metric, [], "needs --holdout: real rows the generator did not see")
            }
        }
        let qis = options.quasiIdentifiers.filter { column($0, in: real) != nil }
        let target = options.target.flatMap { column($0, in: real) }?.name
        if qis.isEmpty {
            for metric in ["k-anonymity", "DisclosureProtection", "repU/DiSCO"] {
                issue(.privacy, metric, [], "needs --quasi-identifiers: the columns an attacker may know")
            }
        } else {
            let threshold = options.kThreshold
            section.kAnonymity = attempt(.privacy, "k-anonymity", columns: qis) {
                let k = try KAnonymity(table: synthetic, quasiIdentifiers: qis, sensitive: target, threshold: threshold)
                return KAnonymityScore(quasiIdentifiers: qis, k: k.k, equivalenceClasses: k.classCount, threshold: k.threshold,
                                       rowsBelowThreshold: k.rowsBelowThreshold, shareBelowThreshold: k.shareBelowThreshold,
                                       sensitive: target, l: k.l)
            }
            if let target, !qis.contains(target) {
                section.disclosureProtection = attempt(.privacy, "DisclosureProtection", columns: qis + [target]) {
                    let d = try DisclosureProtection(real: real, synthetic: synthetic, knownColumns: qis, sensitiveColumns: [target])
                    if d.score == nil { throw EvaluationNote("no synthetic row shares its quasi-identifiers with a real row, so CAP is undefined") }
                    return DisclosureScore(knownColumns: qis, sensitiveColumns: [target], score: d.score,
                                           capProtection: d.capProtection, baselineProtection: d.baselineProtection)
                }
                section.synthpop = attempt(.privacy, "repU/DiSCO", columns: qis + [target]) {
                    try SynthpopDisclosure.multiple(original: real, synthetic: synthetic, keys: qis, targets: [target]).map {
                        SynthpopScore(keys: qis, target: $0.target, repU: $0.repU, diSCO: $0.diSCO, diSDiO: $0.diSDiO,
                                      capD: $0.capD, capS: $0.capS, dcap: $0.dcap, tcap: $0.tcap)
                    }
                }
            } else {
                for metric in ["DisclosureProtection", "repU/DiSCO"] {
                    issue(.privacy, metric, [], "needs --target: the attribute an attacker tries to infer (not one of the quasi-identifiers)")
                }
            }
        }
        privacy = section
        finish(.privacy, issuesBefore: before, holdoutRows: holdout.map { _ in inputs.holdoutRows ?? 0 })
    }
}

/// A figure that is undefined on these data (not a failure of the code), with the reason shown.
struct EvaluationNote: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
