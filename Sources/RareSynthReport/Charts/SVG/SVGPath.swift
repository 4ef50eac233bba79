/// The `d` attribute of a `<path>`, built from commands with deterministically formatted numbers.
///
/// Polylines and step functions (survival curves, band outlines) have thousands of points; one
/// path per series keeps the SVG small. Only absolute commands are used, so each point can be
/// read back from the text in tests.
public struct SVGPath: Sendable, Equatable {
    public private(set) var d: String = ""

    public init() {}

    public var isEmpty: Bool { d.isEmpty }

    public mutating func move(_ x: Double, _ y: Double) { command("M", x, y) }
    public mutating func line(_ x: Double, _ y: Double) { command("L", x, y) }
    public mutating func close() { d += "Z" }

    private mutating func command(_ letter: String, _ x: Double, _ y: Double) {
        d += letter + FixedDecimal.format(x) + " " + FixedDecimal.format(y)
    }
}
