/// How the values on an axis are read, which decides where ticks go and how they are labelled.
public enum AxisValueFormat: Sendable, Hashable {
    /// Plain numbers: 1-2-5 ticks, thousands grouped, large values with a k/M/G suffix.
    case number
    /// Shares in [0, 1] shown as percentages (`0.25` → `25%`).
    case percent
    /// Points in time as seconds since 1970-01-01T00:00:00Z, labelled `yyyy-mm-dd` (UTC), with
    /// ticks on whole days, first days of months or January 1sts. A caller holding SDMetrics'
    /// nanoseconds divides by 1e9.
    case date
}
