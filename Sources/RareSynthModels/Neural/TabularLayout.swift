import RareSynthNeural
import RareSynthNumerics
import RareSynthTransform

/// How an encoded table becomes the rows of numbers CTGAN and TVAE train on, and back.
///
/// As ctgan 0.12.1's `DataTransformer`: a continuous column becomes a scalar α ∈ (−1, 1) (tanh
/// output) and a one-hot mode of its variational Gaussian mixture (softmax output), by
/// ``ModeSpecificNormalizer``; a discrete column becomes a one-hot block (softmax output). Where
/// ctgan needs an upstream transformer for missing values, a continuous column with missing
/// values gets a third block here, a two-level one-hot "present / missing" (softmax output); a
/// missing row stores α = 0 and the column's heaviest mode, and decodes to missing whatever α
/// says. Discrete columns already carry "missing" as a level.
public struct TabularLayout: Codable, Sendable, Equatable {
    public enum ColumnCoding: Codable, Sendable, Equatable {
        /// α at `alpha`, the mode block at `modes` (width = the normaliser's mode count), and
        /// the present/missing block at `missing` when the column has missing values.
        case continuous(normalizer: ModeSpecificNormalizer, alpha: Int, modes: Int, missing: Int?)
        /// A one-hot block of `levels` columns at `start`.
        case discrete(start: Int, levels: Int)
        /// As `continuous`, with equal bins over declared bounds in place of the data's modes
        /// (differentially private training; see ``declared(_:bins:)``). Always has a
        /// present/missing block: whether the column has missing values is not public.
        case binned(normalizer: UniformBinNormalizer, alpha: Int, modes: Int, missing: Int)
    }

    /// One activation block of the generator's output.
    public typealias Span = ActivationSpan

    public var names: [String]
    public var columns: [ColumnCoding]
    public var spans: [Span]
    /// Width of an encoded row.
    public var width: Int

    /// Fits one normaliser per continuous column (seeded, so fitting is reproducible).
    public static func fit(_ table: EncodedTable, maxModes: Int = 10, weightThreshold: Double = 0.005,
                           seed: UInt64) throws -> TabularLayout {
        var columns: [ColumnCoding] = []
        var spans: [Span] = []
        var width = 0
        for (k, column) in table.columns.enumerated() {
            switch column.values {
            case let .continuous(values):
                let present = values.filter { !$0.isNaN }
                // An all-missing column still needs a (never used) mode.
                let normalizer = try ModeSpecificNormalizer.fit(present.isEmpty ? [0] : present, maxComponents: maxModes,
                                                                weightThreshold: weightThreshold,
                                                                seed: SeededRandom.streamKey(seed: seed, stream: UInt64(k)))
                let alpha = width, modes = width + 1
                spans.append(Span(start: alpha, width: 1, activation: .tanh))
                spans.append(Span(start: modes, width: normalizer.modeCount, activation: .softmax))
                width += 1 + normalizer.modeCount
                var missing: Int? = nil
                if present.count < values.count {
                    missing = width
                    spans.append(Span(start: width, width: 2, activation: .softmax))
                    width += 2
                }
                columns.append(.continuous(normalizer: normalizer, alpha: alpha, modes: modes, missing: missing))
            case let .discrete(_, levelCount):
                columns.append(.discrete(start: width, levels: levelCount))
                spans.append(Span(start: width, width: levelCount, activation: .softmax))
                width += levelCount
            }
        }
        return TabularLayout(names: table.columns.map(\.name), columns: columns, spans: spans, width: width)
    }

    /// A layout from declared facts only, for differentially private training: each continuous
    /// column's bounds (encoded units) cut into `bins` equal bins, each discrete column's level
    /// count. Nothing is read from data, so it costs no privacy budget.
    /// - Parameter columns: for each encoded column in order, its name and either its bounds
    ///   (continuous) or its level count (discrete).
    public static func declared(_ columns: [(name: String, bounds: ClosedRange<Double>?, levels: Int)], bins: Int) -> TabularLayout {
        var codings: [ColumnCoding] = []
        var spans: [Span] = []
        var width = 0
        for column in columns {
            if let bounds = column.bounds {
                let normalizer = UniformBinNormalizer(minimum: bounds.lowerBound, maximum: bounds.upperBound, count: bins)
                let alpha = width, modes = width + 1, missing = width + 1 + bins
                spans.append(Span(start: alpha, width: 1, activation: .tanh))
                spans.append(Span(start: modes, width: bins, activation: .softmax))
                spans.append(Span(start: missing, width: 2, activation: .softmax))
                width += 1 + bins + 2
                codings.append(.binned(normalizer: normalizer, alpha: alpha, modes: modes, missing: missing))
            } else {
                codings.append(.discrete(start: width, levels: column.levels))
                spans.append(Span(start: width, width: column.levels, activation: .softmax))
                width += column.levels
            }
        }
        return TabularLayout(names: columns.map(\.name), columns: codings, spans: spans, width: width)
    }

    /// The rows as an [n, width] matrix; each continuous value's mode is drawn from its posterior
    /// with the stream `(seed, row)`, so the result does not depend on threads.
    public func encode(_ table: EncodedTable, seed: UInt64) -> Tensor {
        let n = table.rowCount
        var out = [Float](repeating: 0, count: n * width)
        let heaviest: [Int] = columns.map { coding in
            guard case let .continuous(normalizer, _, _, _) = coding else { return 0 }
            let weights = normalizer.modes.map { normalizer.mixture.weights[$0] }
            return weights.indices.max { weights[$0] < weights[$1] } ?? 0
        }
        for r in 0..<n {
            var rng = SeededRandom(seed: seed, stream: UInt64(r))
            let base = r * width
            for (k, coding) in columns.enumerated() {
                switch (coding, table.columns[k].values) {
                case let (.continuous(normalizer, alpha, modes, missing), .continuous(values)):
                    let x = values[r]
                    if x.isNaN {
                        out[base + modes + heaviest[k]] = 1
                        if let missing { out[base + missing + 1] = 1 }
                    } else {
                        let (a, component) = normalizer.encode(x, using: &rng)
                        out[base + alpha] = Float(a)
                        out[base + modes + component] = 1
                        if let missing { out[base + missing] = 1 }
                    }
                case let (.discrete(start, _), .discrete(codes, _)):
                    out[base + start + Int(codes[r])] = 1
                case let (.binned(normalizer, alpha, modes, missing), .continuous(values)):
                    if values[r].isNaN {
                        out[base + modes] = 1
                        out[base + missing + 1] = 1
                    } else {
                        let (a, bin) = normalizer.encode(values[r])
                        out[base + alpha] = Float(a)
                        out[base + modes + bin] = 1
                        out[base + missing] = 1
                    }
                default:
                    preconditionFailure("column \(names[k]) changed kind since the layout was fitted")
                }
            }
        }
        return Tensor(shape: [n, width], scalars: out)
    }

    /// Encoded columns from activated rows: the arg-max of each one-hot block, and α decoded in
    /// the arg-max mode.
    public func decode(_ rows: Tensor) -> EncodedTable {
        let n = rows.rows
        let x = rows.scalars
        func argmax(_ base: Int, _ start: Int, _ count: Int) -> Int {
            var best = 0
            for j in 1..<Swift.max(1, count) where x[base + start + j] > x[base + start + best] { best = j }
            return best
        }
        var result: [EncodedColumn] = []
        for (k, coding) in columns.enumerated() {
            switch coding {
            case let .continuous(normalizer, alpha, modes, missing):
                var values = [Double](repeating: .nan, count: n)
                for r in 0..<n {
                    let base = r * width
                    if let missing, argmax(base, missing, 2) == 1 { continue }
                    values[r] = normalizer.decode(alpha: Double(x[base + alpha]), component: argmax(base, modes, normalizer.modeCount))
                }
                result.append(EncodedColumn(name: names[k], values: .continuous(values)))
            case let .binned(normalizer, alpha, modes, missing):
                var values = [Double](repeating: .nan, count: n)
                for r in 0..<n {
                    let base = r * width
                    if argmax(base, missing, 2) == 1 { continue }
                    values[r] = normalizer.decode(alpha: Double(x[base + alpha]), bin: argmax(base, modes, normalizer.count))
                }
                result.append(EncodedColumn(name: names[k], values: .continuous(values)))
            case let .discrete(start, levels):
                let codes = (0..<n).map { Int32(argmax($0 * width, start, levels)) }
                result.append(EncodedColumn(name: names[k], values: .discrete(codes: codes, levelCount: levels)))
            }
        }
        return EncodedTable(columns: result)
    }

    /// Widest encoded row the neural models accept. Every one-hot level is an input and an
    /// output unit (CTGAN: also a condition unit, times `pac` at the critic), so a 10,000-level
    /// column alone would make the critic's first layer 10,000 × 2 × 10 × 256 weights (≈ 200 MB
    /// with Adam's moments ×3) and teach it nothing about levels seen once.
    public static let maximumWidth = 4_000

    /// A clear error, naming the widest columns, when the encoded row is too wide to train on.
    public func checkWidth(for model: String) throws {
        guard width > Self.maximumWidth else { return }
        let widths = columns.enumerated().map { k, coding -> (String, Int) in
            switch coding {
            case let .discrete(_, levels): (names[k], levels)
            case let .continuous(normalizer, _, _, missing): (names[k], 1 + normalizer.modeCount + (missing == nil ? 0 : 2))
            case let .binned(normalizer, _, _, _): (names[k], 1 + normalizer.count + 2)
            }
        }.sorted { $0.1 > $1.1 }.prefix(3)
        throw NeuralModelError("\(model) would encode each row as \(width) numbers (at most \(Self.maximumWidth)): "
            + widths.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            + ". A column with thousands of categories is usually an identifier or free text: mark it as such in the schema "
            + "(it is then regenerated, not learned), group its rare categories, or use --model gaussian_copula")
    }

    /// The discrete columns' blocks and each training row's category, for training-by-sampling.
    public func discreteCategories(of table: EncodedTable) -> [(dataStart: Int, categoryCount: Int, codes: [Int32])] {
        columns.enumerated().compactMap { k, coding in
            guard case let .discrete(start, levels) = coding, case let .discrete(codes, _) = table.columns[k].values else { return nil }
            return (start, levels, codes)
        }
    }
}
