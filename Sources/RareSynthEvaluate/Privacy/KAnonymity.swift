
/// Exact k-anonymity and distinct l-diversity of a table over its quasi-identifiers.
///
/// Rows with equal values in every quasi-identifier form an equivalence class (missing is a value
/// of its own, as in pandas' `groupby(dropna=False)`; numbers compare by value, labels as exact
/// strings, so bin or round continuous quasi-identifiers first if that is what the release does).
///
/// - k-anonymity (Samarati & Sweeney 1998; Sweeney 2002, "k-anonymity: a model for protecting
///   privacy", IJUFKS 10(5)): k = the size of the smallest class. Every row is then
///   indistinguishable from at least k − 1 others on the quasi-identifiers.
/// - The share of rows in classes smaller than a threshold k₀: the rows that break k₀-anonymity.
/// - Distinct l-diversity (Machanavajjhala et al. 2007, "ℓ-diversity: privacy beyond
///   k-anonymity", ACM TKDD 1(1), §4's simplest instance): l = the smallest number of distinct
///   sensitive values (missing counted as a value) within a class.
///
/// Exact: one pass to code the classes (`RowCodes`), O(n) after hashing.
public struct KAnonymity: Sendable, Equatable {
    /// The smallest equivalence class size; 0 for an empty table.
    public var k: Int
    /// The number of equivalence classes.
    public var classCount: Int
    /// The threshold k₀ asked about.
    public var threshold: Int
    /// Rows in classes with fewer than `threshold` rows.
    public var rowsBelowThreshold: Int
    /// `rowsBelowThreshold` / the number of rows (0 for an empty table).
    public var shareBelowThreshold: Double
    /// Distinct l-diversity of the sensitive column, when one was given; 0 for an empty table.
    public var l: Int?

    /// - Parameters:
    ///   - quasiIdentifiers: the columns an attacker may know (at least one).
    ///   - sensitive: a column whose diversity within classes to measure.
    ///   - threshold: k₀ for `rowsBelowThreshold` (default 5).
    /// - Throws: `PrivacyMetricError.noColumns`, `.missingColumn`, `.lengthMismatch`.
    public init(table: [MetricColumn], quasiIdentifiers: [String], sensitive: String? = nil, threshold: Int = 5) throws {
        guard !quasiIdentifiers.isEmpty else { throw PrivacyMetricError.noColumns("quasi-identifier") }
        let classes = try RowCodes(columns: quasiIdentifiers, first: table, second: [])
        var sizes = [Int](repeating: 0, count: classes.count)
        for c in classes.first { sizes[Int(c)] += 1 }
        let n = classes.first.count
        k = sizes.min() ?? 0
        classCount = classes.count
        self.threshold = threshold
        rowsBelowThreshold = sizes.reduce(0) { $0 + ($1 < threshold ? $1 : 0) }
        shareBelowThreshold = n == 0 ? 0 : Double(rowsBelowThreshold) / Double(n)
        if let sensitive {
            let values = try RowCodes(columns: [sensitive], first: table, second: [])
            var distinct = [Set<UInt32>](repeating: [], count: classes.count)
            for (c, v) in zip(classes.first, values.first) { distinct[Int(c)].insert(v) }
            l = distinct.map(\.count).min() ?? 0
        } else {
            l = nil
        }
    }
}
