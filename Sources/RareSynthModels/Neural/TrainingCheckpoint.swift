import Foundation
import RareSynthNeural
import RareSynthNumerics

/// Everything a neural model's training loop holds at the end of an epoch, so an interrupted fit
/// can resume and finish with the same bits as an uninterrupted one: every network's weights,
/// batch-norm running statistics, the optimisers' moments and step counts, the random
/// generator's state and the losses so far.
///
/// The data encoding is not saved: it is recomputed from the data and seed, deterministically.
/// `fingerprint` ties the checkpoint to the data, options and seed it was made with, so resuming
/// with anything else is refused instead of silently mixing runs.
public struct TrainingCheckpoint: Codable, Sendable, Equatable {
    public var model: String
    public var fingerprint: UInt64
    public var epochsDone: Int
    public var networks: [[Tensor]]
    public var runningStatistics: [Tensor]
    public var optimizers: [Adam.State]
    public var random: SeededRandom
    public var losses: [[Float]]

    /// FNV-1a over the encoded training matrix, the options' JSON and the seed.
    static func fingerprint<Options: Encodable>(data: Tensor, options: Options, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for v in data.shape { withUnsafeBytes(of: UInt64(v)) { $0.forEach(mix) } }
        data.scalars.withUnsafeBytes { $0.forEach(mix) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        (try? encoder.encode(options))?.forEach(mix)
        withUnsafeBytes(of: seed) { $0.forEach(mix) }
        return h
    }

    /// Checks that this checkpoint continues the run about to start.
    func check(model: String, fingerprint: UInt64, epochs: Int) throws {
        guard self.model == model else {
            throw NeuralModelError("the checkpoint is from a \(self.model) fit, not \(model)")
        }
        guard self.fingerprint == fingerprint else {
            throw NeuralModelError("the checkpoint was made with other data, options or seed; delete it to start afresh")
        }
        guard epochsDone <= epochs else {
            throw NeuralModelError("the checkpoint has \(epochsDone) epochs, more than the \(epochs) asked for")
        }
    }
}

/// How a fit saves and resumes checkpoints (the caller owns the file).
public struct CheckpointPolicy {
    /// Save after every `every` epochs (not after the last: the model itself is the result).
    public var every: Int
    /// A checkpoint to continue from.
    public var resume: TrainingCheckpoint?
    public var save: (TrainingCheckpoint) throws -> Void

    public init(every: Int, resume: TrainingCheckpoint? = nil, save: @escaping (TrainingCheckpoint) throws -> Void) {
        self.every = every
        self.resume = resume
        self.save = save
    }

    func due(after epochsDone: Int, of epochs: Int) -> Bool {
        every > 0 && epochsDone % every == 0 && epochsDone < epochs
    }
}
