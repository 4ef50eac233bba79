import Foundation
@testable import RareSynthModels
@testable import RareSynthSample
import RareSynthSchema
import RareSynthTable
import Testing

/// Neural samples redraw rows that overshoot a column's bounds instead of clamping them, which
/// would pile rows onto the minimum or maximum.
@Suite struct BoundRedrawTests {
    /// A CTGAN trained for 3 epochs on pbc overshoots its numeric columns' observed ranges often.
    /// Clamped (no redraws), many values sit exactly on a bound; redrawn, far fewer do, and every
    /// encoded value of the sample lies within its bounds.
    @Test func overshootingRowsAreDrawnAgain() throws {
        let table = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        let schema = try SchemaInference().infer(table).schema
        var options = FitOptions(kind: .ctgan, seed: 4)
        options.ctgan.epochs = 3
        let model = try ModelFile.fit(table, schema: schema, options: options)
        let requests = [SampleRequest(count: 400)]
        let clamped = try model.decodedSample(requests, seed: 5, maxBoundRedraws: 0)
        let redrawn = try model.decodedSample(requests, seed: 5, maxBoundRedraws: 20)
        func onBounds(_ sample: Table) -> Int {
            var count = 0
            for step in model.transformer.steps {
                guard case let .numeric(e) = step, let cells = sample[column: e.column] else { continue }
                for cell in cells.compactMap({ $0 }).compactMap(Double.init) where cell == e.minimum || cell == e.maximum { count += 1 }
            }
            return count
        }
        let before = onBounds(clamped), after = onBounds(redrawn)
        #expect(before > 100, "the short-trained generator should overshoot (\(before) values on a bound)")
        #expect(after * 5 < before, "\(after) values on a bound after redrawing, \(before) clamped")
        #expect(redrawn.rowCount == 400)
        // Deterministic, and only the first draw's overshooting rows changed.
        #expect(try model.decodedSample(requests, seed: 5, maxBoundRedraws: 20) == redrawn)
        let overshooting = Set(model.transformer.rowsOutOfBounds(try model.model.sample(requests, seed: 5)))
        #expect(!overshooting.isEmpty)
        for r in 0..<400 where !overshooting.contains(r) {
            #expect(clamped.columnNames.allSatisfy { clamped[column: $0]![r] == redrawn[column: $0]![r] })
        }
    }
}
