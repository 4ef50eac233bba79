import RareSynthModels
import RareSynthSchema
import RareSynthTable
import RareSynthTransform

/// Options for fitting a model file.
public struct FitOptions: Sendable, Equatable {
    public var copula: GaussianCopulaOptions

    public init(copula: GaussianCopulaOptions = .init()) {
        self.copula = copula
    }
}

extension ModelFile {
    /// Checks `table` against `schema`, fits the transformer and the model, and profiles the
    /// identifier and PII columns. Deterministic: the same table and options give the same file.
    /// - Parameter file: the data file's name, for error messages.
    public static func fit(_ table: Table, schema: Schema, file: String? = nil, options: FitOptions = .init()) throws -> ModelFile {
        guard table.rowCount > 0 else {
            throw DataError(file: file, line: 2, "the table has a header but no data rows; at least one row is needed to learn from")
        }
        try schema.validate(table, file: file)
        let (transformer, encoded) = try TableTransformer.fitAndEncode(table, schema: schema, file: file)
        let model = try GaussianCopula.fit(encoded, options: options.copula)
        let regeneration = schema.columns.filter { !$0.isModelled }.map { column in
            ColumnRegeneration.profile(table[column: column.name] ?? [], schema: column)
        }
        return ModelFile(trainingRows: table.rowCount, columns: table.columnNames, schema: schema,
                         transformer: transformer, model: .gaussianCopula(model), regeneration: regeneration)
    }
}
