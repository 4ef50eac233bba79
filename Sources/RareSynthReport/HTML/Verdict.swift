/// How a headline figure reads against its threshold, in one word a clinician can act on.
///
/// The word is always printed with the threshold it came from, and the colour only repeats the
/// word (never the sole carrier of meaning, so it survives greyscale printing and colour-vision
/// deficiency).
enum Verdict: Int, Sendable, Comparable {
    /// Within the threshold.
    case good
    /// Between the thresholds: look at the details before relying on the data.
    case check
    /// Beyond the threshold.
    case concern
    /// The figure is missing (family skipped, metric not computable).
    case notAssessed

    var word: String {
        switch self {
        case .good: "good"
        case .check: "check"
        case .concern: "concern"
        case .notAssessed: "not assessed"
        }
    }

    var cssClass: String {
        switch self {
        case .good: "v-good"
        case .check: "v-check"
        case .concern: "v-concern"
        case .notAssessed: "v-na"
        }
    }

    static func < (a: Verdict, b: Verdict) -> Bool { a.rawValue < b.rawValue }

    /// The worst of several verdicts, ignoring figures that were not assessed; not assessed when
    /// none was.
    static func worst(_ verdicts: [Verdict]) -> Verdict {
        verdicts.filter { $0 != .notAssessed }.max() ?? .notAssessed
    }

    var markup: Markup { "<span class=\"verdict \(cssClass)\">\(word)</span>" }
}
