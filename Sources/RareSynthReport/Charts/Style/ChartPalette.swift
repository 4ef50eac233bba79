/// Colours shared by every chart, chosen to be told apart by readers with colour-vision deficiency.
///
/// Categorical colours are Okabe & Ito's palette ("Color Universal Design", 2008), distinguishable
/// under protanopia, deuteranopia and tritanopia: real data is always blue and synthetic data
/// always orange, in every chart of a report. Lines for synthetic data are also dashed where two
/// lines overlap, so the distinction survives greyscale printing.
public enum ChartPalette {
    /// Okabe–Ito blue: the real data.
    public static let real = "#0072B2"
    /// Okabe–Ito orange: the synthetic data.
    public static let synthetic = "#E69F00"
    /// Okabe–Ito vermillion: markers and reference lines (a median, a threshold).
    public static let marker = "#D55E00"
    /// Okabe–Ito in their published order without black (blue and orange first), for charts with
    /// more than two series; the index wraps around.
    public static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    /// Text.
    public static let ink = "#222222"
    /// Secondary text: tick labels, notes.
    public static let mutedInk = "#555555"
    /// Axis lines and tick marks.
    public static let axis = "#888888"
    /// Grid lines, behind the data.
    public static let grid = "#e6e6e6"
    /// A cell with no value (an undefined correlation).
    public static let missing = "#d9d9d9"

    /// The colour of series `index` (wrapping).
    public static func seriesColor(_ index: Int) -> String { series[((index % series.count) + series.count) % series.count] }
}
