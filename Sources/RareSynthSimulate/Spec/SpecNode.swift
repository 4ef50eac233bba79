import RareSynthTable
import Foundation
import Yams

/// A value of a spec with the place it came from, so that every reading error can name the file,
/// line, column and key path. YAML and JSON are read by the same YAML 1.2 parser (JSON is a
/// subset), which keeps each value's position.
///
/// Mappings are read through ``fields(_:required:)``, which rejects unknown and repeated keys: a
/// misspelt key (`mortalty:`) is an error, not a silently ignored section.
struct SpecNode {
    let node: Node
    let file: String
    let keyPath: String

    /// Parses `text` (YAML or JSON) into its root node.
    static func root(_ text: String, file: String) throws -> SpecNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.parseError(error, file: file)
        }
        guard let node else { throw CohortSpecError(file: file, keyPath: "", "the spec is empty") }
        return SpecNode(node: node, file: file, keyPath: "")
    }

    private static func parseError(_ error: YamlError, file: String) -> CohortSpecError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return CohortSpecError(file: file, line: mark.line, column: mark.column, keyPath: "", "not valid YAML or JSON: \(what)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return CohortSpecError(file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                                   "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))")
        default:
            return CohortSpecError(file: file, keyPath: "", "not valid YAML or JSON: \(error)")
        }
    }

    func error(_ message: String) -> CohortSpecError {
        CohortSpecError(file: file, line: node.mark?.line, column: node.mark?.column, keyPath: keyPath, message)
    }

    func child(_ key: String, _ node: Node) -> SpecNode {
        SpecNode(node: node, file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
    }

    /// A short rendering of the value for messages.
    var shown: String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Structure

    /// The mapping's values by key, after checking that every key is one of `allowed` (required
    /// ones included) and appears once, and that every `required` key is present.
    func fields(_ allowed: [String], required: [String] = []) throws -> [String: SpecNode] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping with keys \(allowed.joined(separator: ", ")), got \(shown)") }
        var out: [String: SpecNode] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error("keys must be text") }
            let keyed = SpecNode(node: keyNode, file: file, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
            guard allowed.contains(key) else {
                throw keyed.error("unknown key (expected one of: \(allowed.joined(separator: ", ")))")
            }
            guard out[key] == nil else { throw keyed.error("the key appears twice") }
            out[key] = child(key, value)
        }
        for key in required where out[key] == nil {
            throw error("missing required key '\(key)'")
        }
        return out
    }

    /// A mapping whose keys are free labels (categories, reference ids), in the spec's order.
    func entries() throws -> [(key: String, value: SpecNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping, got \(shown)") }
        var seen = Set<String>()
        var out: [(String, SpecNode)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, !key.isEmpty else { throw error("keys must be non-empty text") }
            guard seen.insert(key).inserted else {
                throw SpecNode(node: keyNode, file: file, keyPath: "\(keyPath).\(key)").error("the key appears twice")
            }
            out.append((key, child(key, value)))
        }
        return out
    }

    func list() throws -> [SpecNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, got \(shown)") }
        return sequence.enumerated().map { i, element in
            SpecNode(node: element, file: file, keyPath: "\(keyPath)[\(i)]")
        }
    }

    var isMapping: Bool { if case .mapping = node { return true } else { return false } }

    // MARK: Scalars

    func text() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected text, got \(shown)") }
        return scalar.string
    }

    /// A finite number: a plain number, or a fraction such as `1/3300` (prevalences are
    /// published that way).
    func number() throws -> Double {
        guard case .scalar(let scalar) = node else { throw error("expected a number, got \(shown)") }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if let value = Double(text), value.isFinite { return value }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let a = Double(parts[0].trimmingCharacters(in: .whitespaces)),
           let b = Double(parts[1].trimmingCharacters(in: .whitespaces)), b != 0, (a / b).isFinite {
            return a / b
        }
        throw error("expected a number, got \(shown)")
    }

    func integer() throws -> Int {
        let value = try number()
        guard value == value.rounded(), abs(value) < 1e15 else { throw error("expected a whole number, got \(shown)") }
        return Int(value)
    }

    func probability() throws -> Double {
        let value = try number()
        guard (0...1).contains(value) else { throw error("expected a probability between 0 and 1, got \(shown)") }
        return value
    }

    /// A calendar date written YYYY-MM-DD, as days since 1970-01-01.
    func date() throws -> Int {
        guard case .scalar(let scalar) = node, let day = CivilDate.day(iso: scalar.string) else {
            throw error("expected a date YYYY-MM-DD, got \(shown)")
        }
        return day
    }
}
