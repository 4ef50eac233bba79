
/// A dataset and its reference table in the form the nearest-record kernel reads: one `Double` per
/// cell, column-major, and per column the divisor of SDMetrics' per-column distance, so that every
/// column's distance is the same branch-free expression `min(|a − b| / divisor, 1)`.
///
/// How each SDMetrics rule (`single_table/privacy/dcr_utils.py: _process_dcr_chunk`, 0.32.0) becomes
/// that one expression:
/// - **numerical / datetime, reference range r > 0**: the values themselves, divisor r (taken from
///   the *reference* table's non-missing values: `reference[col].max() − reference[col].min()`).
///   Datetimes are in seconds (pandas' `Timedelta.total_seconds()`), i.e. nanoseconds / 1e9.
/// - **missing**: SDMetrics sets the distance to 1 when exactly one side is missing and to 0 when
///   both are. A missing cell becomes a sentinel M = 3B + 1, where B is the largest |value| of the
///   column in either table: |M − x| ≥ 2B + 1 > r for every present x (so the distance caps at 1)
///   and |M − M| = 0.
/// - **range 0** (every non-missing reference value equal to v): SDMetrics scores `diff > 0`,
///   i.e. 0 or 1. The column becomes codes (v → 0, any other value → 1, missing → 2) with divisor 1:
///   codes that differ are ≥ 1 apart, so the distance is exactly 0 or 1.
/// - **no reference value at all** (range NaN): only the missing rules apply; the sentinel with
///   divisor 1 gives 0 for a missing dataset cell and 1 for a present one, as SDMetrics does.
/// - **categorical / boolean**: `ref == data` or both missing → 0, else 1. Labels become codes
///   shared by both tables (missing is a code of its own), divisor 1.
///
/// The exact pass of `NearestRecordKernel` computes every distance with a true division, as numpy
/// does, so the per-column values and their sum (in column order, as pandas' `sum(axis=1)` adds
/// them) are bit-identical to SDMetrics'; that keeps exact ties exact, which
/// DCROverfittingProtection's strict `<` depends on. (Its fast first pass reads a rescaled
/// single-precision copy, `DistanceEncoding+Filter.swift`.)
struct DistanceEncoding: Sendable {
    /// The names of the columns used, in the reference table's order.
    var names: [String]
    /// Column j of the dataset is `dataset[j * datasetRows ..< (j + 1) * datasetRows]`.
    var dataset: [Double]
    /// Column j of the reference is `reference[j * referenceRows ..< (j + 1) * referenceRows]`.
    var reference: [Double]
    /// The divisor of each column's distance.
    var divisors: [Double]
    /// For a column of values (not codes): the reference minimum and the missing sentinel, which
    /// the single-precision filter needs to rescale it; `nil` for a column of codes.
    var continuousScales: [ContinuousScale?]
    var datasetRows: Int
    var referenceRows: Int

    var columnCount: Int { divisors.count }

    /// How a column of values was encoded.
    struct ContinuousScale: Sendable {
        /// The reference minimum (0 when the reference has no value).
        var minimum: Double
        /// The value standing for a missing cell, above every present value.
        var missing: Double
    }

    /// Codes must stay exact in `Float` for the filter (see `DistanceEncoding+Filter.swift`).
    static let maximumCodes = 1 << 24

    /// Encodes the columns of `reference` (in its order) that `dataset` also has, as SDMetrics
    /// keeps the metadata columns present in both tables.
    /// - Throws: `PrivacyMetricError` when no column is shared, a shared column's kinds differ
    ///   (continuous in one table, discrete in the other), a table's columns differ in length, or a
    ///   continuous value is infinite or of magnitude ≥ 1e300.
    init(dataset datasetColumns: [MetricColumn], reference referenceColumns: [MetricColumn]) throws {
        datasetRows = try Self.rowCount(datasetColumns)
        referenceRows = try Self.rowCount(referenceColumns)
        let byName = Dictionary(datasetColumns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        names = []
        divisors = []
        continuousScales = []
        dataset = []
        reference = []
        for column in referenceColumns {
            guard let other = byName[column.name] else { continue }
            guard other.kind.isContinuous == column.kind.isContinuous else {
                throw PrivacyMetricError.kindMismatch(column: column.name)
            }
            let encoded: (reference: [Double], dataset: [Double], divisor: Double, scale: ContinuousScale?)
            switch (column.data, other.data) {
            case let (.numerical(r), .numerical(d)):
                let unit = column.kind == .datetime ? 1e9 : 1
                encoded = try Self.continuous(reference: r, dataset: d, unit: unit, name: column.name)
            case let (.categorical(r), .categorical(d)):
                let codes = try Self.categorical(reference: r, dataset: d, name: column.name)
                encoded = (codes.reference, codes.dataset, 1, nil)
            default:
                throw PrivacyMetricError.kindMismatch(column: column.name)
            }
            names.append(column.name)
            divisors.append(encoded.divisor)
            continuousScales.append(encoded.scale)
            reference += encoded.reference
            dataset += encoded.dataset
        }
        if names.isEmpty { throw PrivacyMetricError.noCommonColumns }
    }

    /// The common row count of a table's columns.
    static func rowCount(_ columns: [MetricColumn]) throws -> Int {
        let n = columns.first?.data.count ?? 0
        for column in columns where column.data.count != n {
            throw PrivacyMetricError.lengthMismatch(column: column.name)
        }
        return n
    }

    /// A continuous column: values (divided by `unit`: nanoseconds → seconds), the missing
    /// sentinel, and the reference range as divisor; codes when the range is 0.
    static func continuous(reference: [Double?], dataset: [Double?], unit: Double, name: String) throws
        -> (reference: [Double], dataset: [Double], divisor: Double, scale: ContinuousScale?) {
        func convert(_ values: [Double?]) throws -> [Double] {
            try values.map { value in
                guard let value, !value.isNaN else { return .nan }
                let v = unit == 1 ? value : value / unit
                guard Swift.abs(v) < 1e300 else { throw PrivacyMetricError.nonFiniteValue(column: name) }
                return v + 0  // −0 becomes +0, so equal rows have equal bit patterns (`UniqueRows`)
            }
        }
        var r = try convert(reference)
        var d = try convert(dataset)
        var lo = Double.infinity, hi = -Double.infinity, bound = 0.0
        for v in r where !v.isNaN {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        for v in r where !v.isNaN { bound = Swift.max(bound, Swift.abs(v)) }
        for v in d where !v.isNaN { bound = Swift.max(bound, Swift.abs(v)) }
        let range = hi - lo  // -∞ when the reference has no value
        if range == 0 {
            let only = lo
            func code(_ v: Double) -> Double { v.isNaN ? 2 : (v == only ? 0 : 1) }
            return (r.map(code), d.map(code), 1, nil)
        }
        let sentinel = 3 * bound + 1
        for i in r.indices where r[i].isNaN { r[i] = sentinel }
        for i in d.indices where d[i].isNaN { d[i] = sentinel }
        let hasValues = range > 0
        return (r, d, hasValues ? range : 1, ContinuousScale(minimum: hasValues ? lo : 0, missing: sentinel))
    }

    /// A discrete column: codes shared by both tables, missing a code of its own.
    static func categorical(reference: [String?], dataset: [String?], name: String) throws
        -> (reference: [Double], dataset: [Double]) {
        var table = LabelTable()
        var missing: Double?
        func encode(_ labels: [String?]) -> [Double] {
            labels.map { label in
                if let label { return Double(table.code(for: label)) }
                if let missing { return missing }
                let code = Double(table.count)
                table.reserveMissing()
                missing = code
                return code
            }
        }
        let r = encode(reference)
        let d = encode(dataset)
        guard table.count <= maximumCodes else {
            throw PrivacyMetricError.invalidArgument("column '\(name)' has more than 2^24 distinct labels")
        }
        return (r, d)
    }
}
