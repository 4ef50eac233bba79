import Foundation
import Testing
@testable import RareSynthNeural

/// A fixture written by Fixtures/make_torch_fixtures.py (PyTorch 2.13, float32): named tensors
/// per case, with flat dotted names ("seq.0.fc.weight").
struct TorchFixture: Decodable {
    struct Values: Decodable {
        var shape: [Int]
        var data: [Double]
        var tensor: Tensor { Tensor(shape: shape, scalars: data.map { Float($0) }) }
    }

    struct Case: Decodable {
        var inputs: [String: Values] = [:]
        var params: [String: Values] = [:]
        var intermediates: [String: Values] = [:]
        var outputs: [String: Values] = [:]
        var grads: [String: Values] = [:]

        enum CodingKeys: String, CodingKey { case inputs, params, intermediates, outputs, grads }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func tensors(_ key: CodingKeys) throws -> [String: Values] {
                // Some groups mix tensors and plain settings; keep the tensors.
                guard c.contains(key) else { return [:] }
                let raw = try c.decode([String: Lenient].self, forKey: key)
                return raw.compactMapValues(\.values)
            }
            inputs = try tensors(.inputs)
            params = try tensors(.params)
            intermediates = try tensors(.intermediates)
            outputs = try tensors(.outputs)
            grads = try tensors(.grads)
        }

        func input(_ name: String) -> Tensor { TorchFixture.tensor(inputs, name, "inputs") }
        func param(_ name: String) -> Tensor { TorchFixture.tensor(params, name, "params") }
        func output(_ name: String) -> Tensor { TorchFixture.tensor(outputs, name, "outputs") }
        func grad(_ name: String) -> Tensor { TorchFixture.tensor(grads, name, "grads") }
        func intermediate(_ name: String) -> Tensor { TorchFixture.tensor(intermediates, name, "intermediates") }
    }

    static func tensor(_ group: [String: Values], _ name: String, _ groupName: String) -> Tensor {
        guard let v = group[name] else { preconditionFailure("fixture has no \(groupName).\(name); it has \(group.keys.sorted())") }
        return v.tensor
    }

    /// A tensor, or anything else (skipped).
    struct Lenient: Decodable {
        var values: Values?
        init(from decoder: any Decoder) throws { values = try? Values(from: decoder) }
    }

    var cases: [String: Case]

    static func load(_ name: String) throws -> TorchFixture {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(TorchFixture.self, from: Data(contentsOf: url))
    }
}

/// max |a − b| / max(1, |b|) over the elements, or infinity when the shapes differ.
func worstDeviation(_ a: Tensor, _ b: Tensor) -> Float {
    guard a.count == b.count else { return .infinity }
    return zip(a.scalars, b.scalars).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? 0
}
