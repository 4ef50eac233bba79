/// A chart that renders itself as one self-contained `<svg>` element.
///
/// Charts are plain values (numbers and labels in, markup out) so a report can build them on
/// any thread and the same input always gives the same bytes. No chart ever fails: input it
/// cannot draw (no values, only NaN, mismatched lengths) renders as a ``NoDataChart`` that says
/// why, so a report is never missing a figure or showing `NaN` coordinates.
public protocol SVGChart: Sendable {
    /// The `<svg>…</svg>` markup, ready to inline into HTML or save as an `.svg` file.
    func svg() -> String
}
