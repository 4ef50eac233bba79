/// Why survival data could not be analysed: the input is rejected as a value the caller can print
/// or match, never by a trap. Row indices are 0-based positions in the arrays the caller passed.
public enum SurvivalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which input column a problem is in.
    public enum Column: String, Sendable, Equatable {
        case time, event, group
    }

    /// No rows (or none left after dropping the rows with a missing value).
    case empty
    /// The time, event and group arrays have different lengths.
    case lengthMismatch(times: Int, events: Int, groups: Int?)
    /// A missing value (`nil`) where ``SurvivalData/MissingValues/reject`` forbids one.
    case missingValue(column: Column, row: Int)
    /// A NaN time or event where ``SurvivalData/MissingValues/reject`` forbids one.
    case notANumber(column: Column, row: Int)
    /// A time below zero: survival times count from the origin of follow-up.
    case negativeTime(row: Int, value: Double)
    /// An infinite time.
    case infiniteTime(row: Int, value: Double)
    /// An event indicator other than 0 (censored) or 1 (event).
    case invalidEvent(row: Int, value: Double)
    /// A log-rank test needs at least two groups (R: "There is only 1 group").
    case fewerThanTwoGroups(Int)
    /// The log-rank variance matrix of the groups with expected events (less the first) is
    /// singular, so the chi-square statistic is undefined (R's `solve` stops with "system is
    /// exactly singular"); it happens when every death time removes all subjects at risk.
    case singularVariance
    /// A time or event column has a kind this entry point cannot read.
    case unsupportedColumn(name: String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "no rows to analyse"
        case let .lengthMismatch(times, events, groups):
            let g = groups.map { ", \($0) group labels" } ?? ""
            return "the survival columns differ in length: \(times) times, \(events) events\(g)"
        case let .missingValue(column, row):
            return "row index \(row): the \(column.rawValue) is missing"
        case let .notANumber(column, row):
            return "row index \(row): the \(column.rawValue) is NaN"
        case let .negativeTime(row, value):
            return "row index \(row): the time \(value) is negative"
        case let .infiniteTime(row, value):
            return "row index \(row): the time \(value) is not finite"
        case let .invalidEvent(row, value):
            return "row index \(row): the event indicator \(value) is neither 0 (censored) nor 1 (event)"
        case .fewerThanTwoGroups(let count):
            return "a log-rank test needs at least two groups, found \(count)"
        case .singularVariance:
            return "the log-rank variance matrix is singular: no chi-square statistic"
        case let .unsupportedColumn(name, reason):
            return "column '\(name)': \(reason)"
        }
    }
}
