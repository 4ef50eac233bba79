
/// SDMetrics 0.32's DisclosureProtection: how well the synthetic data resists an attacker who knows
/// some columns of a real person (the quasi-identifiers) and wants to infer a sensitive column.
///
/// Source: `sdmetrics/single_table/privacy/disclosure_protection.py` and `cap.py` (0.32.0), with
/// its defaults (`computation_method='cap'`, `num_discrete_bins=10`). Steps:
/// 1. Columns named continuous are cut into 10 equal-width bins on the real data's range (see
///    `binned(real:synthetic:bins:name:)`); in every known and sensitive column a missing value
///    becomes a category of its own (`fillna('__NULL_VALUE__')`).
/// 2. CAP (correct attribution probability, Taub et al. 2018, "Differential correct attribution
///    probability for synthetic data", PSD 2018): the attacker looks up every synthetic row whose
///    known values equal the real row's. For real row i with known values kᵢ and sensitive values
///    sᵢ, with Syn(kᵢ) the synthetic rows holding kᵢ,
///
///        CAPᵢ = #{r ∈ Syn(kᵢ) : sensitive(r) = sᵢ} / #Syn(kᵢ)
///
///    The `.cap` method averages CAPᵢ over the real rows whose kᵢ occurs in the synthetic data
///    (NaN, `nil`, if none does); `.zeroCAP` counts the others as 0; `.generalizedCAP` replaces
///    Syn(kᵢ) by the synthetic rows whose known values are nearest in Hamming distance (all ties).
///    capProtection = 1 − mean CAPᵢ.
/// 3. baselineProtection = 1 − 1 / Πⱼ (number of distinct values of sensitive column j in the real
///    data, missing counted as a value): the protection against guessing uniformly.
/// 4. score = min(capProtection / baselineProtection, 1); NaN (`nil`) when the baseline is 0.
///
/// SDMetrics' default `continuous_column_names=None` bins nothing, so a continuous known column
/// matches only on exact values; pass `continuousColumns: []` to reproduce that. RareSynth's
/// default bins every numerical or datetime column among the known and sensitive ones.
///
/// Agreement: bit-identical to SDMetrics on the fixtures (same sums in the same order).
public struct DisclosureProtection: Sendable, Equatable {
    /// SDMetrics' `computation_method`.
    public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
        /// The CAP attack: real rows whose known values no synthetic row has are skipped.
        case cap = "CAP"
        /// Those rows count as a failed attack (probability 0).
        case zeroCAP = "ZERO_CAP"
        /// The attacker uses the synthetic rows nearest in Hamming distance on the known columns.
        case generalizedCAP = "GENERALIZED_CAP"
    }

    /// min(capProtection / baselineProtection, 1); `nil` where SDMetrics has NaN.
    public var score: Double?
    /// 1 − the mean correct attribution probability; `nil` when no real row could be attacked.
    public var capProtection: Double?
    /// 1 − 1 / (the number of possible sensitive value combinations in the real data).
    public var baselineProtection: Double

    /// - Parameters:
    ///   - knownColumns: the quasi-identifiers the attacker knows (at least one).
    ///   - sensitiveColumns: the columns the attacker wants to infer (at least one).
    ///   - continuousColumns: columns to bin first; `nil` means every numerical or datetime column
    ///     among the known and sensitive ones.
    ///   - bins: SDMetrics' `num_discrete_bins` (default 10).
    /// - Throws: `PrivacyMetricError` for an empty list of columns, a column missing from a table,
    ///   a non-numeric continuous column, or one with no real value.
    public init(real: [MetricColumn], synthetic: [MetricColumn], knownColumns: [String],
                sensitiveColumns: [String], continuousColumns: Set<String>? = nil, bins: Int = 10,
                method: Method = .cap) throws {
        guard !knownColumns.isEmpty else { throw PrivacyMetricError.noColumns("known") }
        guard !sensitiveColumns.isEmpty else { throw PrivacyMetricError.noColumns("sensitive") }
        guard bins > 0 else { throw PrivacyMetricError.invalidArgument("bins must be positive") }
        let used = knownColumns + sensitiveColumns
        let continuous = continuousColumns ?? Set(used.filter { name in
            real.first { $0.name == name }?.kind.isContinuous ?? false
        })
        // The used columns, binned where asked.
        var realColumns: [MetricColumn] = [], syntheticColumns: [MetricColumn] = []
        for name in Set(used).union(continuous).sorted() {
            guard let r = real.first(where: { $0.name == name }) else { throw PrivacyMetricError.missingColumn(name) }
            guard let s = synthetic.first(where: { $0.name == name }) else { throw PrivacyMetricError.missingColumn(name) }
            if continuous.contains(name) {
                guard case .numerical(let rv) = r.data, case .numerical(let sv) = s.data else {
                    throw PrivacyMetricError.kindMismatch(column: name)
                }
                let cut = try Self.binned(real: rv, synthetic: sv, bins: bins, name: name)
                realColumns.append(.categorical(name, cut.real))
                syntheticColumns.append(.categorical(name, cut.synthetic))
            } else {
                realColumns.append(r)
                syntheticColumns.append(s)
            }
        }
        let known = try RowCodes(columns: knownColumns, first: realColumns, second: syntheticColumns)
        let sensitive = try RowCodes(columns: sensitiveColumns, first: realColumns, second: syntheticColumns)
        var combinations = 1.0
        for name in sensitiveColumns {
            let codes = try RowCodes(columns: [name], first: realColumns, second: [])
            combinations *= Double(Set(codes.first).count)
        }
        baselineProtection = 1 - 1 / combinations
        capProtection = try Self.capProtection(known: known, sensitive: sensitive, method: method,
                                               knownColumns: knownColumns, real: realColumns, synthetic: syntheticColumns)
        if let cap = capProtection, baselineProtection != 0 {
            score = Swift.min(cap / baselineProtection, 1)
        } else {
            score = nil
        }
    }
}
