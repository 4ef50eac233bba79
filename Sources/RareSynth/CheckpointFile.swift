import Foundation
import RareSynthModels
import RareSynthTable

/// The checkpoint file beside a model file (`MODEL.checkpoint.json`): read to resume an
/// interrupted fit, rewritten atomically every few epochs, removed once the model is saved.
public struct CheckpointFile {
    public let path: String
    public let every: Int

    public init(modelPath: String, every: Int) {
        self.path = modelPath + ".checkpoint.json"
        self.every = every
    }

    /// The policy for the fit, resuming from the file when there is one.
    public func policy(progress: Progress) throws -> CheckpointPolicy {
        var resume: TrainingCheckpoint?
        if let data = FileManager.default.contents(atPath: path) {
            do {
                resume = try JSONDecoder().decode(TrainingCheckpoint.self, from: data)
            } catch {
                throw DataError(file: path, line: nil, "cannot read this checkpoint (\(error)); delete it to start afresh")
            }
            progress.done("resuming from \(path) after epoch \(resume!.epochsDone)")
        }
        let path = self.path
        return CheckpointPolicy(every: every, resume: resume) { checkpoint in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try FileSystem.writeAtomically(try encoder.encode(checkpoint), to: path)
        }
    }

    /// Called after the model file is written: the run is complete.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
