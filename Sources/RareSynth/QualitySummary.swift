import Foundation
import RareSynthEvaluate
import RareSynthSchema
import RareSynthTable

/// The fidelity score of a synthetic table, in the form the CLI prints and writes.
public struct QualitySummary: Sendable, Codable, Equatable {
    /// One row per scored column, and per pair: the evaluation's mapping of the QualityReport.
    public typealias Column = QualityScores.Column
    public typealias Pair = QualityScores.Pair

    /// Names the metric specification, so figures are compared only with like figures.
    public var specification = "SDMetrics 0.32 QualityReport (KSComplement, TVComplement, CorrelationSimilarity, ContingencySimilarity)"
    public var overall: Double?
    public var columnShapes: Double?
    public var columnPairTrends: Double?
    public var columns: [Column]
    public var pairs: [Pair]

    /// Scores `synthetic` against `real`; columns are typed by `schema`.
    public static func compute(real: Table, synthetic: Table, schema: Schema,
                               realFile: String? = nil, syntheticFile: String? = nil) throws -> QualitySummary {
        let (r, s) = try MetricColumn.columns(real: real, synthetic: synthetic, schema: schema,
                                              realFile: realFile, syntheticFile: syntheticFile)
        let report: QualityReport
        do { report = try QualityReport.compute(real: r, synthetic: s) } catch {
            throw DataError(file: syntheticFile, "cannot score: \(error)")
        }
        return QualitySummary(QualityScores(report))
    }

    /// The summary of scores an evaluation already computed.
    public init(_ scores: QualityScores) {
        overall = scores.overall
        columnShapes = scores.columnShapes
        columnPairTrends = scores.columnPairTrends
        columns = scores.columns
        pairs = scores.pairs
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }

    /// Three lines for a terminal.
    public var text: String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        let counted = pairs.filter(\.counted).count
        return """
        Quality (SDMetrics 0.32 QualityReport formulas): \(f(overall))
          Column Shapes:      \(f(columnShapes))  (\(columns.count) columns; 1 = same distribution)
          Column Pair Trends: \(f(columnPairTrends))  (\(counted) of \(pairs.count) pairs with a real association above SDMetrics' thresholds)
        """
    }
}
