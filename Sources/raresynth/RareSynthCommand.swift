import ArgumentParser
import RareSynth

@main
struct RareSynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raresynth",
        abstract: "Synthetic patients from a small clinical table, with the numbers that show how faithful they are.",
        version: RareSynthVersion.string,
        subcommands: [Synthesize.self, Inspect.self, Fit.self, Sample.self, Score.self, Evaluate.self, Simulate.self, Export.self])
}
