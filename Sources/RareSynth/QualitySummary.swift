import Foundation
import RareSynthEvaluate
import RareSynthSchema
import RareSynthTable

/// The fidelity score of a synthetic table, in the form the CLI prints and writes.
public struct QualitySummary: Sendable, Codable, Equatable {
    public struct Column: Sendable, Codable, Equatable {
        public var column: String
        public var metric: String
        public var score: Double?
    }

    public struct Pair: Sendable, Codable, Equatable {
        public var columns: [String]
        public var metric: String
        public var score: Double?
        public var realCorrelation: Double?
        public var syntheticCorrelation: Double?
        public var realAssociation: Double?
        /// Whether the pair counts towards Column Pair Trends (SDMetrics 0.32's thresholds).
        public var counted: Bool
    }

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
        return QualitySummary(
            overall: report.overall, columnShapes: report.columnShapes, columnPairTrends: report.columnPairTrends,
            columns: report.columnShapeDetails.map { Column(column: $0.column, metric: $0.metric.rawValue, score: $0.score) },
            pairs: report.columnPairDetails.map {
                Pair(columns: [$0.column1, $0.column2], metric: $0.metric.rawValue, score: $0.score,
                     realCorrelation: $0.realCorrelation, syntheticCorrelation: $0.syntheticCorrelation,
                     realAssociation: $0.realAssociation, counted: $0.meetsThreshold)
            })
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
