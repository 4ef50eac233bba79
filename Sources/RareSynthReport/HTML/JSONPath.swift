/// Where a figure sits in `report.json`: the dotted path from the document's root, keys as
/// `JSONEncoder` writes them (the Swift property names) and array elements as their index
/// (`evaluation.fidelity.columns.2.jensenShannon`).
///
/// Every number on the page carries its path (``NumberSpan``), so a reader, a script or a test can
/// look the printed figure up in the JSON and see that the two agree.
struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    private(set) var components: [String]

    init(_ components: String...) { self.components = components }

    /// The root of an ``EvaluationReport``.
    static let report = JSONPath()
    static let evaluation = JSONPath("evaluation")
    static let figures = JSONPath("figures")
    static let provenance = JSONPath("provenance")

    /// The member `key` of the object at this path.
    subscript(key: String) -> JSONPath {
        var p = self
        p.components.append(key)
        return p
    }

    /// Element `index` of the array at this path.
    subscript(index: Int) -> JSONPath {
        var p = self
        p.components.append(String(index))
        return p
    }

    /// Whether the dotted form names one place: a dictionary key holding a dot (a synthesizer
    /// parameter named `a.b`) would be read as two steps.
    var isUnambiguous: Bool { !components.contains { $0.contains(".") || $0.isEmpty } }

    var description: String { components.joined(separator: ".") }
}
