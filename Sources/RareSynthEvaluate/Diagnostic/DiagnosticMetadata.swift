/// The parts of SDMetrics' single-table metadata that the DiagnosticReport reads.
///
/// Mirrors the metadata dictionary (`{"columns": {name: {"sdtype": …, "datetime_format": …}},
/// "primary_key": …, "alternate_keys": […], "sequence_index": …}`), with the columns in the
/// dictionary's order, which is the order of the report's details.
public struct DiagnosticMetadata: Sendable, Equatable {
    /// An sdtype as SDMetrics dispatches on it.
    public enum SDType: Hashable, Sendable {
        case numerical, datetime, categorical, ordinal, boolean, id
        /// Any other sdtype (PII types such as `email`, `unknown`, …), by name.
        case other(String)

        /// The sdtype named `name` in SDMetrics metadata.
        public init(_ name: String) {
            switch name {
            case "numerical": self = .numerical
            case "datetime": self = .datetime
            case "categorical": self = .categorical
            case "ordinal": self = .ordinal
            case "boolean": self = .boolean
            case "id": self = .id
            default: self = .other(name)
            }
        }
    }

    /// One column's metadata.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var sdtype: SDType
        /// `datetime_format` (strftime). Needed to parse a datetime column given as text, and the
        /// condition for DatetimeFormatAdherence.
        public var datetimeFormat: String?
        /// `range_min` / `range_max`: BoundaryAdherence's bounds instead of the real min/max, in the
        /// column's numbers (nanoseconds since 1970 for datetimes).
        public var rangeMin: Double?
        public var rangeMax: Double?
        /// `range_is_nullable`: whether missing synthetic values are valid; by default, whether the
        /// real column has a missing value.
        public var rangeIsNullable: Bool?
        /// `range_values`: CategoryAdherence's valid labels instead of the real ones (`nil` entry:
        /// missing is valid).
        public var rangeValues: [String?]?

        public init(name: String, sdtype: SDType, datetimeFormat: String? = nil, rangeMin: Double? = nil,
                    rangeMax: Double? = nil, rangeIsNullable: Bool? = nil, rangeValues: [String?]? = nil) {
            self.name = name
            self.sdtype = sdtype
            self.datetimeFormat = datetimeFormat
            self.rangeMin = rangeMin
            self.rangeMax = rangeMax
            self.rangeIsNullable = rangeIsNullable
            self.rangeValues = rangeValues
        }
    }

    public var columns: [Column]
    /// `primary_key`: empty for none, one name, or several for a composite key.
    public var primaryKey: [String]
    /// `alternate_keys` that name a single column (SDMetrics matches column names against the
    /// list, so a composite alternate key is never checked).
    public var alternateKeys: [String]
    /// `sequence_index`: this column gets no BoundaryAdherence (nor DatetimeFormatAdherence).
    public var sequenceIndex: String?

    public init(columns: [Column], primaryKey: [String] = [], alternateKeys: [String] = [], sequenceIndex: String? = nil) {
        self.columns = columns
        self.primaryKey = primaryKey
        self.alternateKeys = alternateKeys
        self.sequenceIndex = sequenceIndex
    }
}
