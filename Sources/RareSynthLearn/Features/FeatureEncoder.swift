import RareSynthNumerics

/// Turns table columns into the numeric matrix the learners take, with every statistic taken
/// from the training table so that the same encoding is applied to the test table.
///
/// The scikit-learn pipeline it reproduces (`/work/shared/peers/score.py`, `tstr`; scikit-learn
/// 1.9.1), output blocks in this order:
/// 1. numeric columns: `SimpleImputer(strategy=mean|median)` then `StandardScaler()`, i.e.
///    zᵢ = (xᵢ − μ) / σ with μ and the divisor-n σ of the *imputed* training column (σ = 1 for
///    a constant column, as `_handle_zeros_in_scale`); a column with no observed training value
///    is dropped (`keep_empty_features=False`);
/// 2. with `missingIndicators`, `MissingIndicator(features='missing-only')`: an unscaled 0/1
///    column for each numeric column that has a missing value in the training table;
/// 3. categorical columns: `OneHotEncoder(handle_unknown='ignore')`, categories sorted in
///    Python order (missing values form their own category, placed last; score.py spells it
///    'NA'), a label unseen in training encodes as all zeros.
///
/// `.peerScorer` is exactly score.py's choice (median, no indicators); the default (mean plus
/// indicators) keeps the information that a value was missing, which matters when missingness
/// itself differs between real and synthetic data. Agreement with scikit-learn's transformed
/// matrix: ≤ 1e-12 per cell (`Tests/RareSynthLearnTests`, pbc/cgd/lung holdouts). Labels are
/// compared with Swift string equality (canonically equivalent Unicode spellings are one
/// category, where Python would keep two).
public struct FeatureEncoder: Sendable {
    /// The statistic that replaces a missing numeric value.
    public enum Imputation: Sendable, Equatable {
        /// The training mean (`SimpleImputer(strategy='mean')`).
        case mean
        /// The training median, numpy's (mean of the middle two for an even count).
        case median
    }

    public struct Options: Sendable, Equatable {
        public var imputation: Imputation
        /// Add a 0/1 column per numeric column that is missing somewhere in the training data.
        public var missingIndicators: Bool

        public init(imputation: Imputation = .mean, missingIndicators: Bool = true) {
            self.imputation = imputation
            self.missingIndicators = missingIndicators
        }

        /// `peers/score.py`'s TSTR preprocessing: median imputation, no indicators.
        public static let peerScorer = Options(imputation: .median, missingIndicators: false)
    }

    /// The fitted recipe of one input column.
    enum ColumnEncoding: Sendable {
        /// Missing → `fill`, then (x − center) / scale. `indicator` adds a missingness column.
        case numeric(fill: Double, center: Double, scale: Double, indicator: Bool)
        /// Every training value was missing: no output.
        case dropped
        /// One output column per training category; `missingCategory` adds one for `nil`.
        case categorical(index: [String: Int], count: Int, missingCategory: Bool)
    }

    public let options: Options
    /// The fitted columns' names and kinds, which `transform` checks.
    let inputs: [(name: String, numeric: Bool)]
    let encodings: [ColumnEncoding]
    /// What each output column holds, in output order.
    public let features: [FeatureDescriptor]

    /// Learns the encoding from the training columns.
    /// - Throws: `LearnError.columnLengthMismatch` when the columns differ in length.
    public init(fitting columns: [FeatureColumn], options: Options = Options()) throws {
        try Self.checkLengths(columns)
        self.options = options
        inputs = columns.map { ($0.name, $0.isNumeric) }
        var encodings: [ColumnEncoding] = []
        var numericFeatures: [FeatureDescriptor] = []
        var indicatorFeatures: [FeatureDescriptor] = []
        var categoryFeatures: [FeatureDescriptor] = []
        for column in columns {
            switch column {
            case .numeric(let name, let values):
                let observed = values.compactMap { v -> Double? in
                    guard let v, !v.isNaN else { return nil }
                    return v
                }
                guard !observed.isEmpty else {
                    encodings.append(.dropped)
                    continue
                }
                let fill = options.imputation == .mean ? Statistics.mean(observed) : Self.median(observed)
                let missing = values.count - observed.count
                let imputed = observed + [Double](repeating: fill, count: missing)
                let (center, variance) = Statistics.meanAndVariance(imputed)
                let constant = imputed.min() == imputed.max()
                let scale = constant || variance == 0 ? 1 : variance.squareRoot()
                let indicator = options.missingIndicators && missing > 0
                encodings.append(.numeric(fill: fill, center: center, scale: scale, indicator: indicator))
                numericFeatures.append(.numeric(column: name))
                if indicator { indicatorFeatures.append(.missingIndicator(column: name)) }
            case .categorical(let name, let labels):
                let categories = PythonStringOrder.sortedUnique(labels.compactMap { $0 })
                let hasMissing = labels.contains(nil)
                var index: [String: Int] = [:]
                for (i, label) in categories.enumerated() { index[label] = i }
                encodings.append(.categorical(index: index, count: categories.count, missingCategory: hasMissing))
                categoryFeatures += categories.map { .category(column: name, label: $0) }
                if hasMissing { categoryFeatures.append(.category(column: name, label: nil)) }
            }
        }
        self.encodings = encodings
        features = numericFeatures + indicatorFeatures + categoryFeatures
    }

    /// The encoded matrix (rows × `features.count`) of columns with the fitted names and kinds.
    /// - Throws: `LearnError.columnsDiffer` or `.columnLengthMismatch`.
    public func transform(_ columns: [FeatureColumn]) throws -> Matrix {
        guard columns.count == inputs.count,
              zip(columns, inputs).allSatisfy({ $0.name == $1.name && $0.isNumeric == $1.numeric }) else {
            throw LearnError.columnsDiffer(expected: inputs.map(\.name), got: columns.map(\.name))
        }
        try Self.checkLengths(columns)
        let rows = columns.first?.count ?? 0
        let width = features.count
        var out = Matrix(rows: rows, columns: width)
        let numericCount = encodings.reduce(0) { n, e in if case .numeric = e { n + 1 } else { n } }
        let indicatorCount = encodings.reduce(0) { n, e in
            if case .numeric(_, _, _, true) = e { n + 1 } else { n }
        }
        var numericColumn = 0
        var indicatorColumn = numericCount
        var categoryColumn = numericCount + indicatorCount
        for (column, encoding) in zip(columns, encodings) {
            switch (column, encoding) {
            case (.numeric(_, let values), .numeric(let fill, let center, let scale, let indicator)):
                for (i, v) in values.enumerated() {
                    let isMissing = v == nil || v!.isNaN
                    out.elements[i * width + numericColumn] = ((isMissing ? fill : v!) - center) / scale
                    if indicator, isMissing { out.elements[i * width + indicatorColumn] = 1 }
                }
                numericColumn += 1
                if indicator { indicatorColumn += 1 }
            case (.categorical(_, let labels), .categorical(let index, let count, let missingCategory)):
                for (i, label) in labels.enumerated() {
                    if let label {
                        if let k = index[label] { out.elements[i * width + categoryColumn + k] = 1 }
                    } else if missingCategory {
                        out.elements[i * width + categoryColumn + count] = 1
                    }
                }
                categoryColumn += count + (missingCategory ? 1 : 0)
            default:
                break // .dropped
            }
        }
        return out
    }

    /// numpy's median: the middle value, or the mean of the two middle values.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func checkLengths(_ columns: [FeatureColumn]) throws {
        guard let expected = columns.first?.count else { return }
        for column in columns where column.count != expected {
            throw LearnError.columnLengthMismatch(column: column.name, count: column.count, expected: expected)
        }
    }
}
