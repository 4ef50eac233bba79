import RareSynthNeural
import RareSynthNumerics
import RareSynthPrivacy

/// A fitted PATE-GAN: the generator (CTGAN's residual blocks, no condition vector) and the
/// layout it writes rows in. Teachers and student are needed only for training.
public struct PATEGAN: Codable, Sendable, Equatable {
    public var options: PATEGANOptions
    public var layout: TabularLayout
    public var generatorWeights: [Tensor]
    public var generatorRunningMeans: [Tensor]
    public var generatorRunningVariances: [Tensor]
    /// Generator iterations run (training stops when the budget is spent).
    public var iterations: Int
    /// Teacher votes answered (each a query against the budget).
    public var queries: Int
    public var privacy: PrivacyStatement?

    func generator() throws -> CTGANGenerator {
        try .restored(input: options.latentDimension, layers: options.generatorLayers, output: layout.width,
                      weights: generatorWeights, runningMeans: generatorRunningMeans, runningVariances: generatorRunningVariances)
    }
}

/// A teacher or the student: Linear → LeakyReLU(0.2) blocks and a linear score (a logit).
final class PATEGANDiscriminator: ParameterContainer {
    let layers: [Linear]
    let output: Linear

    init(input: Int, layers widths: [Int], name: String, rng: inout SeededRandom) {
        let (layers, dim) = Linear.stack(input: input, widths: widths, name: name, rng: &rng)
        self.layers = layers
        output = Linear(dim, 1, name: "\(name).out", rng: &rng)
    }

    var parameters: [Parameter] { layers.flatMap(\.parameters) + output.parameters }

    func callAsFunction(_ x: Variable) -> Variable {
        var h = x
        for layer in layers { h = layer(h).leakyReLU(0.2) }
        return output(h)
    }
}
