import ArgumentParser
import Foundation
import RareSynth

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raresynth-bench",
        abstract: "RareSynth benchmarks (the peer comparison with SDV is bench/peers.sh).",
        subcommands: [Scale.self, EvaluateScale.self, GEMMBench.self, SimulateBench.self])
}
