import Foundation
@testable import RareSynthModels
import RareSynthPrivacy
@testable import RareSynthSample
import RareSynthSchema
import RareSynthTable
import RareSynthTransform
import Testing

/// Differentially private fitting (DP-TVAE): the budget is spent as stated, nothing reaches the
/// model from the data outside DP-SGD, and bad requests fail before training.
@Suite struct PrivateFitTests {
    /// pbc with a schema a data steward has declared public: the inferred bounds, and each
    /// categorical column's categories written out.
    static func declaredPBC() throws -> (Table, Schema) {
        let table = try CSVReader.readTable(path: TestSupport.example("pbc.csv"))
        var schema = try SchemaInference().infer(table).schema
        for k in schema.columns.indices where schema.columns[k].type == .categorical {
            let cells = table[column: schema.columns[k].name]!.compactMap { $0 }
            schema.columns[k].categories = Array(Set(cells)).sorted()
        }
        return (table, schema)
    }

    static func options(epsilon: Double, delta: Double = 1e-5, epochs: Int = 2, batch: Int = 64) throws -> FitOptions {
        var options = FitOptions(kind: .tvae, seed: 3)
        options.tvae.epochs = epochs
        options.tvae.batchSize = batch
        options.tvae.privacy = DPSGDOptions(budget: try PrivacyBudget(epsilon: epsilon, delta: delta))
        return options
    }

    @Test func privateTVAESpendsItsBudgetAndReadsOnlyTheSchema() throws {
        let (table, schema) = try Self.declaredPBC()
        let model = try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 2))
        let privacy = try #require(model.privacy)
        // Calibrated to within Opacus' tolerance (0.01) below the budget.
        #expect(privacy.epsilon <= 2 && privacy.epsilon > 1.98)
        #expect(privacy.charges.count == 1)
        guard case let .subsampledGaussian(m) = privacy.charges[0].mechanism else { Issue.record("not DP-SGD"); return }
        // 418 rows, batch 64: 7 steps an epoch at q = 1/7, 2 epochs.
        #expect(m.steps == 14 && abs(m.sampleRate - 1.0 / 7) < 1e-12)
        // Its ε is the accountant's, recomputed independently of the fit.
        var accountant = RenyiAccountant()
        accountant.record(m)
        #expect(accountant.epsilon(delta: 1e-5).epsilon == privacy.epsilon)
        // Nothing data-derived: the transformer is the schema's, the encoding bins the declared ranges,
        // identifiers are dropped instead of profiled.
        #expect(model.transformer == (try TableTransformer.declared(schema: schema)))
        guard case let .tvae(tvae) = model.model else { Issue.record("not a TVAE"); return }
        #expect(tvae.layout.columns.allSatisfy { if case .continuous = $0 { false } else { true } })
        #expect(model.regeneration.allSatisfy { $0.policy == .drop })
        // Deterministic for a seed.
        #expect(try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 2)) == model)
        // And it samples within the declared bounds.
        let sample = try model.sample(SampleOptions(rows: 200, seed: 1))
        #expect(sample.rowCount == 200)
        for step in model.transformer.steps {
            guard case let .numeric(e) = step else { continue }
            for v in sample[column: e.column]!.compactMap({ $0 }).compactMap(Double.init) {
                #expect(v >= e.minimum! && v <= e.maximum!)
            }
        }
    }

    /// DP-CTGAN: the critic's DP-SGD and the Laplace category counts share the budget; pac 1 is
    /// required; the frequencies the generator is conditioned on are the noisy ones.
    @Test func privateCTGANSharesItsBudgetWithTheCategoryCounts() throws {
        let (table, schema) = try Self.declaredPBC()
        var options = FitOptions(kind: .ctgan, seed: 2)
        options.ctgan.epochs = 2
        options.ctgan.batchSize = 100
        // Small networks keep the debug-build test quick; the accounting does not depend on them.
        (options.ctgan.generatorLayers, options.ctgan.discriminatorLayers, options.ctgan.embeddingDimension) = ([32], [32], 16)
        options.ctgan.privacy = DPSGDOptions(budget: try PrivacyBudget(epsilon: 3, delta: 1e-5))
        #expect { try ModelFile.fit(table, schema: schema, options: options) } throws: { "\($0)".contains("pac 1") }
        options.ctgan.pac = 1
        let model = try ModelFile.fit(table, schema: schema, options: options)
        let privacy = try #require(model.privacy)
        #expect(privacy.epsilon <= 3 && privacy.epsilon > 2.98)
        #expect(privacy.charges.count == 2)
        guard case let .laplace(counts, uses) = privacy.charges[0].mechanism,
              case let .subsampledGaussian(sgd) = privacy.charges[1].mechanism else { Issue.record("charges"); return }
        // 8 discrete columns (status, trt, sex, ascites, hepato, spiders, edema, stage) share 10 % of ε.
        #expect(uses == 8 && abs(counts.epsilon * 8 - 0.3) < 1e-12)
        // 418 rows in batches of 100: 5 steps an epoch at q = 1/5.
        #expect(sgd.steps == 10 && sgd.sampleRate == 0.2)
        guard case let .ctgan(ctgan) = model.model else { Issue.record("not a CTGAN"); return }
        #expect(ctgan.options.pac == 1 && ctgan.conditions.columns.count == 8)
        #expect(try ModelFile.fit(table, schema: schema, options: options) == model)
        #expect(try model.sample(SampleOptions(rows: 50, seed: 1)).rowCount == 50)
    }

    /// PATE-GAN stops when its data-dependent ledger would pass the budget, and its statement is
    /// the ledger of the queries it answered; λ is planned for `plannedIterations` worst-case
    /// iterations, so at least that many run.
    @Test func pateGANStopsWithinItsBudget() throws {
        let (table, schema) = try Self.declaredPBC()
        var options = FitOptions(kind: .pateGAN, seed: 4)
        options.pateGAN = PATEGANOptions(budget: try PrivacyBudget(epsilon: 1, delta: 1e-5))
        (options.pateGAN.generatorLayers, options.pateGAN.discriminatorLayers, options.pateGAN.latentDimension) = ([16], [8], 8)
        (options.pateGAN.plannedIterations, options.pateGAN.maximumIterations, options.pateGAN.batchSize) = (4, 12, 16)
        let model = try ModelFile.fit(table, schema: schema, options: options)
        let privacy = try #require(model.privacy)
        guard case let .pateGAN(gan) = model.model, case let .pate(accountant) = privacy.charges[0].mechanism else {
            Issue.record("not a PATE-GAN with a PATE charge"); return
        }
        #expect(privacy.epsilon <= 1)
        #expect(accountant.queries == gan.queries && gan.queries % 16 == 0)
        #expect(gan.iterations >= 4 && gan.iterations <= 12)
        #expect(accountant.teachers == 418 / 25)
        if gan.iterations < 12 {
            // It stopped because one more batch would not fit.
            var next = accountant
            next.record(votes: [Int](repeating: accountant.teachers / 2, count: 16))
            var ledger = RenyiAccountant()
            ledger.charge("PATE", .pate(next))
            #expect(ledger.epsilon(delta: 1e-5).epsilon > 1 || privacy.epsilon > 0.9)
        }
        #expect(try ModelFile.fit(table, schema: schema, options: options) == model)
        #expect(try model.sample(SampleOptions(rows: 30, seed: 1)).rowCount == 30)
    }

    @Test func undeclaredBoundsAndCategoriesFailBeforeTheData() throws {
        var (table, schema) = try Self.declaredPBC()
        let bili = schema.columns.firstIndex { $0.name == "bili" }!
        schema.columns[bili].maximum = nil
        #expect { try ModelFile.fit(table, schema: schema, schemaFile: "pbc.schema.json", options: Self.options(epsilon: 1)) }
            throws: { error in
                let text = "\(error)"
                return text.contains("pbc.schema.json") && text.contains("'bili'") && text.contains("\"minimum\" and \"maximum\"")
            }
        (table, schema) = try Self.declaredPBC()
        let sex = schema.columns.firstIndex { $0.name == "sex" }!
        schema.columns[sex].categories = nil
        #expect { try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 1)) }
            throws: { "\($0)".contains("'sex'") && "\($0)".contains("\"categories\"") }
    }

    @Test func impossibleRequestsFailBeforeTraining() throws {
        let (table, schema) = try Self.declaredPBC()
        var epochs = 0
        // No noise reaches ε = 0.001 at δ = 1e-5 (with orders up to 1,024 the floor is about 0.0035).
        #expect { try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 0.001), epochs: { _ in epochs += 1 }) }
            throws: { "\($0)".contains("cannot be reached") }
        // δ = 0.01 ≥ 1/418.
        #expect { try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 1, delta: 0.01), epochs: { _ in epochs += 1 }) }
            throws: { "\($0)".contains("1/418") }
        #expect(epochs == 0)
        #expect(throws: PrivacyError.self) { try PrivacyBudget(epsilon: 0, delta: 1e-5) }
        #expect(throws: PrivacyError.self) { try PrivacyBudget(epsilon: -1, delta: 1e-5) }
        #expect(throws: PrivacyError.self) { try PrivacyBudget(epsilon: .nan, delta: 1e-5) }
        #expect(throws: PrivacyError.self) { try PrivacyBudget(epsilon: 1, delta: 1) }
        #expect(try PrivacyBudget(epsilon: .infinity, delta: 1e-5).isUnlimited)
    }

    /// Values beyond the declared bounds are clipped into the encoding, not reported (an error
    /// would reveal that some patient lies outside).
    @Test func valuesOutsideTheDeclaredRangeAreClipped() throws {
        let n = UniformBinNormalizer(minimum: 0, maximum: 10, count: 5)
        for x in stride(from: 0.0, through: 10, by: 0.37) {
            let (alpha, bin) = n.encode(x)
            #expect(abs(n.decode(alpha: alpha, bin: bin) - x) <= 0.01 * 1 + 1e-12)   // α clipped at ±0.99 of a half-bin (1)
            #expect(bin == min(4, Int(x / 2)))
        }
        #expect(n.decode(alpha: n.encode(-5).alpha, bin: n.encode(-5).bin) < 0.02)
        #expect(n.decode(alpha: n.encode(50).alpha, bin: n.encode(50).bin) > 9.98)
        #expect(n.decode(alpha: 3, bin: 9) == 10)
        let constant = UniformBinNormalizer(minimum: 4, maximum: 4, count: 3)
        #expect(constant.decode(alpha: constant.encode(4).alpha, bin: constant.encode(4).bin) == 4)

        var (table, schema) = try Self.declaredPBC()
        let bili = schema.columns.firstIndex { $0.name == "bili" }!
        schema.columns[bili].maximum = 5   // the data goes to 28
        let model = try ModelFile.fit(table, schema: schema, options: Self.options(epsilon: 5, epochs: 1))
        let sample = try model.sample(SampleOptions(rows: 100, seed: 2))
        #expect(sample[column: "bili"]!.compactMap { $0 }.compactMap(Double.init).allSatisfy { $0 <= 5 })
    }
}
