import ArgumentParser
import RareSynth

/// How input CSV files are read.
struct CSVInputOptions: ParsableArguments {
    @Option(help: "Field delimiter: ',', ';' or 'tab' (default: detected from the file).")
    var delimiter: String?

    @Option(help: "Comma-separated cell values that mean missing (default: empty, NA, NaN, NULL, .).")
    var missing: String?

    func csvOptions() throws -> CSVOptions {
        var options = CSVOptions()
        if let delimiter {
            switch delimiter {
            case ",", "comma": options.delimiter = .comma
            case ";", "semicolon": options.delimiter = .semicolon
            case "\t", "tab", "\\t": options.delimiter = .tab
            default: throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'")
            }
        }
        if let missing {
            options.missingTokens = Set(missing.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        return options
    }
}

/// Options shared by every command that runs work.
struct RunOptions: ParsableArguments {
    @Option(help: "Worker threads (default: all cores, or RARESYNTH_THREADS). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func apply() throws {
        if let threads {
            guard threads > 0 else { throw ValidationError("--threads must be at least 1") }
            Parallel.threadCount = threads
        }
    }

    var progress: Progress { Progress(enabled: !quiet) }
}

/// What to sample.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Random seed: the same data, options and seed give byte-identical output.")
    var seed: UInt64 = 0

    @Option(name: .customLong("condition"), help: ArgumentHelp(
        "Fix a column for every row: 'sex=f', 'age>=60', 'copper=NA'. Repeatable.", valueName: "COLUMN OP VALUE"))
    var conditions: [String] = []

    @Option(name: .customLong("conditions"), help: ArgumentHelp(
        "A CSV whose rows are conditions: one synthetic row per row, its non-empty cells fixed.", valueName: "CSV"))
    var conditionsFile: String?

    @Option(help: ArgumentHelp("Give every category of this column the same number of rows.", valueName: "COLUMN"))
    var rebalance: String?

    func parsedConditions() throws -> [Condition] {
        try conditions.map { try Condition.parse($0) }
    }

    func validate() throws {
        if conditionsFile != nil && rebalance != nil {
            throw ValidationError("--conditions and --rebalance cannot be combined")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension GaussianCopulaOptions.MarginalChoice: ExpressibleByArgument {}
