import RareSynthSchema
import RareSynthTable

/// Encodes a categorical or boolean column as level codes, with "missing" as a level of its own.
///
/// Levels are ordered by descending frequency (ties by first appearance), which is deterministic
/// and puts the common labels first; models may reorder them internally for their own reasons.
public struct CategoricalEncoder: Codable, Sendable, Equatable {
    public var column: String
    /// The labels; `nil` stands for a missing value and appears only if the data had one.
    public var levels: [String?]

    public init(column: String, levels: [String?]) {
        self.column = column
        self.levels = levels
    }

    /// Levels observed in `cells`, most frequent first.
    public static func fit(_ cells: [String?], column: String) -> CategoricalEncoder {
        var counts: [String?: (count: Int, first: Int)] = [:]
        for (i, cell) in cells.enumerated() {
            if let existing = counts[cell] { counts[cell] = (existing.count + 1, existing.first) } else { counts[cell] = (1, i) }
        }
        let levels = counts.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.value.first < b.value.first
        }.map(\.key)
        return CategoricalEncoder(column: column, levels: levels)
    }

    /// The code of each cell. A label the encoder has not seen is a `DataError`.
    public func encode(_ cells: [String?], file: String?, fieldNumber: Int?, lines: [Int]? = nil) throws -> [Int32] {
        var index: [String?: Int32] = [:]
        for (k, level) in levels.enumerated() { index[level] = Int32(k) }
        return try cells.enumerated().map { i, cell in
            guard let code = index[cell] else {
                throw DataError(file: file, line: lines?[i] ?? i + 2, column: fieldNumber, columnName: column,
                                cell == nil ? "found a missing value, but the column had none when it was fitted"
                                    : "found '\(cell!)', which is not one of the column's \(levels.count) categories")
            }
            return code
        }
    }

    /// The code of one label, or `nil` when it is not a level.
    public func code(of label: String?) -> Int? { levels.firstIndex(of: label) }

    public func decode(_ codes: [Int32]) -> [String?] { codes.map { levels[Int($0)] } }
}
