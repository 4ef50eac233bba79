import Foundation
import RareSynthModels

/// Stage-by-stage progress on standard error, so a long job on a large table shows where it is.
public struct Progress: Sendable {
    let enabled: Bool
    let start: Date

    public init(enabled: Bool) {
        self.enabled = enabled
        self.start = Date()
    }

    public static var silent: Progress { Progress(enabled: false) }

    public func stage(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[\(elapsed)] \(text)…\n".utf8))
    }

    public func done(_ detail: String?) {
        guard enabled, let detail else { return }
        FileHandle.standardError.write(Data("[\(elapsed)]   \(detail)\n".utf8))
    }

    /// One line per training epoch: losses, seconds per epoch and the time left at the mean pace.
    /// Long fits print every epoch for the first ten, then every tenth, so a 300-epoch run shows
    /// 39 lines rather than 300.
    public func epoch(_ report: EpochReport, meanSeconds: Double) {
        guard enabled, report.epoch <= 10 || report.epoch % 10 == 0 || report.epoch == report.epochs else { return }
        let left = meanSeconds * Double(report.epochs - report.epoch)
        let losses = report.discriminatorLoss == 0
            ? String(format: "loss %.4f", report.generatorLoss)
            : String(format: "generator %.4f, critic %.4f", report.generatorLoss, report.discriminatorLoss)
        FileHandle.standardError.write(Data(String(format: "[%@]   epoch %d/%d: %@, %.4f s/epoch, ETA %.0f s\n",
                                                   elapsed, report.epoch, report.epochs, losses, report.seconds, left).utf8))
    }

    /// A callback for `ModelFile.fit` that prints epochs with the running mean pace.
    public func epochPrinter() -> (EpochReport) -> Void {
        var total = 0.0
        return { report in
            total += report.seconds
            self.epoch(report, meanSeconds: total / Double(report.epoch))
        }
    }

    private var elapsed: String { String(format: "%6.2fs", Date().timeIntervalSince(start)) }
}
