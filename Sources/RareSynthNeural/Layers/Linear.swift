import RareSynthNumerics

/// y = x·Wᵀ + b, with W stored [out, in] as PyTorch stores it (so weights and fixtures carry over).
///
/// Initialised as `torch.nn.Linear`: W and b uniform on ±1/√in (kaiming_uniform with a = √5),
/// drawn from our seeded generator.
public final class Linear: ParameterContainer {
    public let weight: Parameter
    public let bias: Parameter

    public init(_ inputs: Int, _ outputs: Int, name: String = "linear", rng: inout SeededRandom) {
        let bound = 1 / Float(Swift.max(1, inputs)).squareRoot()
        weight = Parameter("\(name).weight", .uniform([outputs, inputs], lower: -bound, upper: bound, using: &rng))
        bias = Parameter("\(name).bias", .uniform([outputs], lower: -bound, upper: bound, using: &rng))
    }

    public var parameters: [Parameter] { [weight, bias] }
    public var inputCount: Int { weight.value.shape[1] }
    public var outputCount: Int { weight.value.shape[0] }

    public func callAsFunction(_ x: Variable) -> Variable {
        RareSynthNeural.linear(x, weight: x.tape.use(weight), bias: x.tape.use(bias))
    }

    /// Layers of the given widths, each fed by the previous one (initialised in order from
    /// `rng`), and the width of the last output.
    public static func stack(input: Int, widths: [Int], name: String, rng: inout SeededRandom) -> (layers: [Linear], output: Int) {
        var dim = input
        var layers: [Linear] = []
        for (i, w) in widths.enumerated() {
            layers.append(Linear(dim, w, name: "\(name).\(i)", rng: &rng))
            dim = w
        }
        return (layers, dim)
    }
}
