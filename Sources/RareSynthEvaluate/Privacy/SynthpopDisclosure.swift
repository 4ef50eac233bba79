
/// synthpop's identity and attribute disclosure measures for one target: replicated uniques
/// (repU), DiSCO and their companions, as synthpop's `disclosure()` computes them.
///
/// Source: R package synthpop 1.9-2, `R/disclosure.R` (`disclosure.synds`), with its defaults
/// (missing values are a category, `"Missing"`, in keys and target; no exclusions; no grouping of
/// numeric variables); `multi.disclosure()` (`R/multi.disclosure.R`) runs it once per target with
/// the same keys. Definitions in Raab, Nowok & Dibben 2024, "Practical privacy metrics for
/// synthetic data" (arXiv:2406.16826). With q the combination of key (quasi-identifier) values of
/// a row, t its target value, N_d / N_s the original / synthetic row counts, d(q), s(q) the rows
/// with key q in each table and d(q,t), s(q,t) those that also have target t, all in percent:
///
///     UiO    = Σ_{q: d(q)=1} d(q) / N_d                  original rows unique on the keys
///     UiS    = Σ_{q: s(q)=1} s(q) / N_s                  synthetic rows unique on the keys
///     UiOiS  = Σ_{q: d(q)=1, s(q)>0} d(q) / N_d          original uniques whose keys the synthetic data has
///     repU   = Σ_{q: d(q)=1, s(q)=1} d(q) / N_d          replicated uniques: unique in both
///     Dorig  = Σ_{q,t: d(q,t)=d(q)} d(q,t) / N_d         original rows whose key fixes the target in the original
///     Dsyn   = Σ_{q,t: s(q,t)=s(q)} s(q,t) / N_s         the same within the synthetic data
///     iS     = Σ_{q: s(q)>0} d(q) / N_d                  original rows whose key is in the synthetic data
///     DiS    = Σ_{q: ∃t s(q,t)=s(q)>0} d(q) / N_d        … and is disclosive there (one target value)
///     DiSCO  = Σ_{q,t: s(q,t)=s(q)>0} d(q,t) / N_d       … and that value is the row's own: disclosive in
///                                                        synthetic, correct in original
///     DiSDiO = Σ_{q,t: s(q,t)=s(q)>0, d(q,t)=d(q)} d(q,t) / N_d
///
/// and the CAP family: baseCAPd = Σ_t (d(t)/N_d)², CAPd = Σ_q d(q) Σ_t (d(q,t)/d(q))² / N_d,
/// CAPs likewise on the synthetic data, DCAP = Σ_{q,t} d(q,t) · s(q,t)/s(q) / N_d, and
/// TCAP = DiSCO / iS (NaN, `nil`, when iS = 0).
///
/// Agreement: within 1e−12 of synthpop's values on the fixtures (R's `disclosure.synds` run on the
/// same files; R sums tables in another order). One difference: R turns numeric keys into factors
/// through their 15-significant-digit text, so two numbers equal to 15 digits are one level there;
/// here numbers compare exactly.
public struct SynthpopDisclosure: Sendable, Equatable {
    /// The target column.
    public var target: String
    /// Identity measures (percent): UiO, UiS, UiOiS, repU.
    public var uiO: Double, uiS: Double, uiOiS: Double, repU: Double
    /// Attribute measures (percent): Dorig, Dsyn, iS, DiS, DiSCO, DiSDiO.
    public var dOrig: Double, dSyn: Double, iS: Double, diS: Double, diSCO: Double, diSDiO: Double
    /// CAP measures (percent): baseCAPd, CAPd, CAPs, DCAP, and TCAP (`nil` when iS = 0).
    public var baseCAPd: Double, capD: Double, capS: Double, dcap: Double, tcap: Double?

    /// The measures for one target, with `keys` as the quasi-identifiers.
    /// - Throws: `PrivacyMetricError` when `keys` is empty, contains the target, or names a missing
    ///   column, or when the original table is empty.
    public init(original: [MetricColumn], synthetic: [MetricColumn], keys: [String], target: String) throws {
        guard !keys.isEmpty else { throw PrivacyMetricError.noColumns("key") }
        guard !keys.contains(target) else { throw PrivacyMetricError.overlappingColumns(target) }
        let q = try RowCodes(columns: keys, first: original, second: synthetic)
        let t = try RowCodes(columns: [target], first: original, second: synthetic)
        let nd = q.first.count, ns = q.second.count
        guard nd > 0 else { throw PrivacyMetricError.emptyTable("original") }
        self.target = target

        var dq = [Int](repeating: 0, count: q.count), sq = dq
        var dqt: [UInt64: Int] = [:], sqt: [UInt64: Int] = [:]
        var dt = [Int](repeating: 0, count: t.count)
        func pair(_ k: UInt32, _ v: UInt32) -> UInt64 { UInt64(k) << 32 | UInt64(v) }
        for (k, v) in zip(q.first, t.first) {
            dq[Int(k)] += 1
            dqt[pair(k, v), default: 0] += 1
            dt[Int(v)] += 1
        }
        for (k, v) in zip(q.second, t.second) {
            sq[Int(k)] += 1
            sqt[pair(k, v), default: 0] += 1
        }
        // Keys whose synthetic rows all share one target value.
        var disclosiveInSynthetic = [Bool](repeating: false, count: q.count)
        for (key, count) in sqt where count == sq[Int(key >> 32)] { disclosiveInSynthetic[Int(key >> 32)] = true }

        var uniqueO = 0, uniqueS = 0, uniqueOInS = 0, replicated = 0, inS = 0, disclosive = 0
        for k in 0..<q.count {
            if dq[k] == 1 { uniqueO += 1 }
            if sq[k] == 1 { uniqueS += 1 }
            if dq[k] == 1 && sq[k] > 0 { uniqueOInS += 1 }
            if dq[k] == 1 && sq[k] == 1 { replicated += 1 }
            if sq[k] > 0 { inS += dq[k] }
            if disclosiveInSynthetic[k] { disclosive += dq[k] }
        }
        var fixedInOriginal = 0, fixedInSynthetic = 0, correct = 0, correctBoth = 0
        var capDSum = 0.0, dcapSum = 0.0
        // Sorted keys: a fixed summation order (dictionary order changes between runs).
        for key in dqt.keys.sorted() {
            let count = dqt[key]!
            let k = Int(key >> 32)
            if count == dq[k] { fixedInOriginal += count }
            let share = Double(count) / Double(dq[k])
            capDSum += share * share * Double(dq[k])
            if let synthetic = sqt[key] {
                dcapSum += Double(count) * Double(synthetic) / Double(sq[k])
                if synthetic == sq[k] {
                    correct += count
                    if count == dq[k] { correctBoth += count }
                }
            }
        }
        var capSSum = 0.0
        for key in sqt.keys.sorted() {
            let count = sqt[key]!
            let k = Int(key >> 32)
            if count == sq[k] { fixedInSynthetic += count }
            let share = Double(count) / Double(sq[k])
            capSSum += share * share * Double(sq[k])
        }
        let pd = 100 / Double(nd), ps = ns > 0 ? 100 / Double(ns) : .nan
        uiO = Double(uniqueO) * pd
        uiS = Double(uniqueS) * ps
        uiOiS = Double(uniqueOInS) * pd
        repU = Double(replicated) * pd
        dOrig = Double(fixedInOriginal) * pd
        dSyn = Double(fixedInSynthetic) * ps
        iS = Double(inS) * pd
        diS = Double(disclosive) * pd
        diSCO = Double(correct) * pd
        diSDiO = Double(correctBoth) * pd
        baseCAPd = dt.reduce(0.0) { $0 + (Double($1) / Double(nd)) * (Double($1) / Double(nd)) } * 100
        capD = capDSum * pd
        capS = capSSum * ps
        dcap = dcapSum * pd
        tcap = inS == 0 ? nil : Double(correct) / Double(inS) * 100
    }

    /// `multi.disclosure()`: the measures for each target with the same keys; `targets` defaults to
    /// every synthetic column that is not a key, in the synthetic table's order (synthpop's default).
    /// repU and UiO do not depend on the target; DiSCO and Dorig are the per-target attribute risks.
    public static func multiple(original: [MetricColumn], synthetic: [MetricColumn], keys: [String],
                                targets: [String]? = nil) throws -> [SynthpopDisclosure] {
        let chosen = targets ?? synthetic.map(\.name).filter { !keys.contains($0) }
        return try chosen.map { try SynthpopDisclosure(original: original, synthetic: synthetic, keys: keys, target: $0) }
    }
}
