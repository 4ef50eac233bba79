
/// Distance to closest record (DCR) of every row of a dataset to a reference table, exactly as
/// SDMetrics 0.32 defines it (`sdmetrics/single_table/privacy/dcr_utils.py: calculate_dcr`), on
/// every row (no subsampling).
///
/// The distance between a dataset row a and a reference row b is the mean over the columns both
/// tables have (numerical, datetime, categorical, boolean) of a per-column distance in [0, 1]:
///
///     d(a, b) = (1/k) Σⱼ dⱼ(aⱼ, bⱼ)
///     dⱼ = min(|aⱼ − bⱼ| / rⱼ, 1)        numerical, datetime (in seconds); rⱼ = max − min of the
///                                        reference column's non-missing values
///     dⱼ = [aⱼ ≠ bⱼ]                     numerical/datetime with rⱼ = 0; categorical, boolean
///     dⱼ = 0 if both missing, 1 if exactly one is
///
/// and DCR(a) = min over reference rows b of d(a, b). Quirks kept from SDMetrics: the ranges come
/// from the *reference* table only (so DCR to a holdout uses the holdout's ranges), a value
/// outside that range still caps at 1, missing equals missing, and the sum runs in column order
/// before the division by k (pandas' `sum(axis=1) / len(cols)`). SDMetrics drops `ordinal`
/// columns from the DCR; `MetricColumn` has no ordinal kind, so a caller who maps ordinal to
/// categorical should leave such columns out to match.
///
/// Agreement: bit-identical to SDMetrics on the fixtures (`Tests/…/Fixtures/privacy`, max |Δ| = 0), since
/// every per-column distance is a correctly rounded division and the sums add in the same order.
///
/// Beyond SDMetrics, each row also gets the index of its nearest reference row (the first one on
/// ties) and the distance to the second-nearest row, for the nearest-neighbour distance ratio.
/// Cost: O(n·m·k) time in a SIMD kernel (see `NearestRecordKernel`), O((n + m)·k) memory.
public struct DistanceToClosestRecord: Sendable, Equatable {
    /// The columns the distance used, in the reference table's order.
    public var columns: [String]
    /// DCR of each dataset row, in [0, 1].
    public var distances: [Double]
    /// The reference row nearest to each dataset row (the first at the minimum distance).
    public var nearestIndices: [Int]
    /// The distance from each dataset row to its second-nearest reference row (equal to
    /// `distances[i]` when two reference rows tie at the minimum); NaN when the reference has a
    /// single row.
    public var secondNearestDistances: [Double]

    /// DCR of every row of `dataset` to `reference`, using the columns of `reference` (in its
    /// order) that `dataset` also has.
    /// - Parameter threads: worker threads (default `Parallel.threadCount`); the result does not
    ///   depend on it.
    /// - Throws: `PrivacyMetricError` when the tables share no column, a shared column is
    ///   continuous in one and discrete in the other, a table's columns differ in length, the
    ///   reference is empty, or a continuous value is infinite.
    public init(dataset: [MetricColumn], reference: [MetricColumn], threads: Int? = nil) throws {
        let encoding = try DistanceEncoding(dataset: dataset, reference: reference)
        guard encoding.referenceRows > 0 else { throw PrivacyMetricError.emptyTable("reference") }
        let output = NearestRecordKernel.run(encoding, threads: threads)
        let k = Double(encoding.columnCount)
        columns = encoding.names
        distances = output.best.map { $0 / k }
        nearestIndices = output.index
        secondNearestDistances = output.second.map { $0.isInfinite ? .nan : $0 / k }
    }

    /// The median DCR (pandas' `Series.median()`: the mean of the two middle values for an even
    /// count); NaN when there are no rows.
    public var median: Double { Median.of(distances) }
}
