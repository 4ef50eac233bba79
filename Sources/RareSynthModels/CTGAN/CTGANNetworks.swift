import RareSynthNeural
import RareSynthNumerics

/// CTGAN's generator: residual blocks `cat(relu(bn(fc(h))), h)` that widen the row as they go,
/// then a linear map to the data width (ctgan 0.12.1 `Generator`/`Residual`).
final class CTGANGenerator: ParameterContainer {
    let blocks: [(Linear, BatchNorm1d)]
    let output: Linear

    init(input: Int, layers: [Int], output width: Int, rng: inout SeededRandom) {
        var dim = input
        var blocks: [(Linear, BatchNorm1d)] = []
        for (i, w) in layers.enumerated() {
            blocks.append((Linear(dim, w, name: "generator.\(i).fc", rng: &rng), BatchNorm1d(w, name: "generator.\(i).bn")))
            dim += w
        }
        self.blocks = blocks
        output = Linear(dim, width, name: "generator.out", rng: &rng)
    }

    var parameters: [Parameter] { blocks.flatMap { $0.0.parameters + $0.1.parameters } + output.parameters }

    /// A trained generator from its saved weights and batch-norm running statistics (CTGAN and
    /// PATE-GAN keep the same three lists).
    static func restored(input: Int, layers: [Int], output: Int, weights: [Tensor], runningMeans: [Tensor],
                         runningVariances: [Tensor]) throws -> CTGANGenerator {
        var rng = SeededRandom(seed: 0)
        let g = CTGANGenerator(input: input, layers: layers, output: output, rng: &rng)
        try g.load(weights)
        for (k, block) in g.blocks.enumerated() {
            block.1.runningMean = runningMeans[k]
            block.1.runningVariance = runningVariances[k]
        }
        return g
    }

    func callAsFunction(_ x: Variable, training: Bool) -> Variable {
        var h = x
        for (fc, bn) in blocks { h = bn.residual(fc(h), skip: h, training: training) }
        return output(h)
    }
}

/// CTGAN's critic: `pac` rows reshaped into one, then Linear → LeakyReLU(0.2) → Dropout(0.5)
/// blocks and a linear score (ctgan 0.12.1 `Discriminator`).
final class CTGANDiscriminator: ParameterContainer {
    let layers: [Linear]
    let output: Linear
    let pac: Int
    let dropout = Dropout(0.5)

    init(input: Int, layers widths: [Int], pac: Int, rng: inout SeededRandom) {
        let (layers, dim) = Linear.stack(input: input * pac, widths: widths, name: "discriminator", rng: &rng)
        self.layers = layers
        output = Linear(dim, 1, name: "discriminator.out", rng: &rng)
        self.pac = pac
    }

    var parameters: [Parameter] { layers.flatMap(\.parameters) + output.parameters }

    func callAsFunction(_ x: Variable, rng: inout SeededRandom) -> Variable {
        precondition(x.rows % pac == 0, "critic input rows \(x.rows) not a multiple of pac \(pac)")
        var h = x.reshaped([x.rows / pac, x.columns * pac])
        for layer in layers { h = dropout(layer(h).leakyReLU(0.2), training: true, rng: &rng) }
        return output(h)
    }

    /// WGAN-GP (Gulrajani et al. 2017) as ctgan computes it: one α per pac group, the critic's
    /// gradient at `α·real + (1 − α)·fake`, its norm over each pac group's row, and
    /// λ · mean((‖∇‖ − 1)²). The gradient is recorded (second order), so the penalty's own gradient
    /// reaches the critic's weights.
    func gradientPenalty(real: Tensor, fake: Tensor, tape: Tape, lambda: Float, rng: inout SeededRandom) -> Variable {
        let (m, n) = (real.rows, real.columns)
        var mixed = [Float](repeating: 0, count: m * n)
        for g in 0..<(m / pac) {
            let alpha = Float(rng.nextUniform())
            for r in (g * pac)..<((g + 1) * pac) {
                for c in 0..<n { mixed[r * n + c] = alpha * real[r, c] + (1 - alpha) * fake[r, c] }
            }
        }
        let x = tape.variable(Tensor(shape: [m, n], scalars: mixed))
        let score = self(x, rng: &rng)
        let gradient = tape.gradients(of: score, withRespectTo: [x], createGraph: true)[0]
        let norms = gradient.reshaped([m / pac, pac * n]).rowNorms()
        return (norms - 1).square().mean() * lambda
    }
}
