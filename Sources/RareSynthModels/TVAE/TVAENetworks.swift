import RareSynthNeural
import RareSynthNumerics

/// TVAE's encoder: Linear → ReLU blocks, then the mean and log-variance of the latent code.
final class TVAEEncoder: ParameterContainer {
    let layers: [Linear]
    let mean: Linear
    let logVariance: Linear

    init(input: Int, layers widths: [Int], embedding: Int, rng: inout SeededRandom) {
        let (layers, dim) = Linear.stack(input: input, widths: widths, name: "encoder", rng: &rng)
        self.layers = layers
        mean = Linear(dim, embedding, name: "encoder.mean", rng: &rng)
        logVariance = Linear(dim, embedding, name: "encoder.logvar", rng: &rng)
    }

    var parameters: [Parameter] { layers.flatMap(\.parameters) + mean.parameters + logVariance.parameters }

    func callAsFunction(_ x: Variable) -> (mean: Variable, logVariance: Variable) {
        var h = x
        for layer in layers { h = layer(h).relu() }
        return (mean(h), logVariance(h))
    }
}

/// TVAE's decoder: Linear → ReLU blocks and a linear output, plus one learned output scale σ per
/// encoded column (initialised at 0.1, kept in [0.01, 1] after each step).
final class TVAEDecoder: ParameterContainer {
    let layers: [Linear]
    let output: Linear
    let sigma: Parameter

    init(embedding: Int, layers widths: [Int], output width: Int, rng: inout SeededRandom) {
        let (layers, dim) = Linear.stack(input: embedding, widths: widths, name: "decoder", rng: &rng)
        self.layers = layers
        output = Linear(dim, width, name: "decoder.out", rng: &rng)
        sigma = Parameter("decoder.sigma", Tensor(shape: [width], repeating: 0.1))
    }

    var parameters: [Parameter] { layers.flatMap(\.parameters) + output.parameters + [sigma] }

    func callAsFunction(_ z: Variable) -> Variable {
        var h = z
        for layer in layers { h = layer(h).relu() }
        return output(h)
    }
}
