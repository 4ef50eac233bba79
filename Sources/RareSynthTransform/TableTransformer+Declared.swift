import RareSynthSchema
import RareSynthTable

extension TableTransformer {
    /// A transformer built from the schema alone, for differentially private fitting: every
    /// bound and category set comes from what the schema declares, never from the data.
    ///
    /// `fit` takes bounds, category sets and their order, and the presence of missing values from
    /// the data; each of those would leak something about the rows that no privacy budget pays
    /// for (the largest value is one patient's value). Here the schema is treated as public
    /// knowledge, as it must be under DP: numerical columns need `minimum` and `maximum`,
    /// categorical columns `categories`, boolean columns `booleanTokens`. Every categorical
    /// column also gets a "missing" level, whether or not the data has missing cells, since
    /// that too would be a fact about the data.
    ///
    /// Values outside the declared bounds are not an error (that would reveal them); models that
    /// use this transformer clip them onto the bounds.
    ///
    /// - Parameter schemaFile: the schema's file name, for error messages.
    /// - Throws: `DataError` naming the first column without a declaration, or a constraint that
    ///   needs the data (column inequalities and fixed combinations are not yet supported here).
    public static func declared(schema: Schema, schemaFile: String? = nil) throws -> TableTransformer {
        func missing(_ column: ColumnSchema, _ what: String) -> DataError {
            DataError(file: schemaFile, columnName: column.name,
                      "under differential privacy every modelled column's \(what) must be declared in the schema "
                      + "(they would otherwise be read from the data, outside the privacy budget)")
        }
        var steps: [EncodingStep] = []
        var numeric: [String: Int] = [:]
        for column in schema.modelledColumns {
            switch column.type {
            case .numerical:
                guard let lo = column.minimum, let hi = column.maximum else { throw missing(column, "\"minimum\" and \"maximum\"") }
                guard lo.isFinite, hi.isFinite, lo <= hi else {
                    throw DataError(file: schemaFile, columnName: column.name,
                                    "declared bounds must be finite numbers with minimum ≤ maximum (got \(lo) and \(hi))")
                }
                let kind = NumericEncoder.Kind.number(decimals: column.integer == true ? 0 : max(0, column.decimals ?? 6))
                numeric[column.name] = steps.count
                steps.append(.numeric(NumericEncoder(column: column.name, kind: kind, minimum: lo, maximum: hi)))
            case .datetime:
                throw DataError(file: schemaFile, columnName: column.name,
                                "datetime columns are not yet supported under differential privacy: "
                                + "convert them to numbers (e.g. days since an event) with declared bounds, or mark them as identifiers")
            case .categorical:
                guard let categories = column.categories, !categories.isEmpty else { throw missing(column, "\"categories\"") }
                steps.append(.categorical(CategoricalEncoder(column: column.name, levels: categories.map { Optional($0) } + [nil])))
            case .boolean:
                guard let tokens = column.booleanTokens, tokens.count == 2 else { throw missing(column, "\"booleanTokens\"") }
                steps.append(.categorical(CategoricalEncoder(column: column.name, levels: tokens.map { Optional($0) } + [nil])))
            case .identifier, .pii:
                continue
            }
        }
        for constraint in schema.constraints {
            guard case let .valueInequality(name, op, text) = constraint else {
                throw DataError(file: schemaFile, "constraint \(constraint) is not yet supported under differential privacy; "
                                + "only bounds on one column (e.g. 'age >= 18') are")
            }
            guard let k = numeric[name], case var .numeric(encoder) = steps[k], let value = encoder.parse(text) else {
                throw DataError(file: schemaFile, columnName: name,
                                "constraint '\(name) \(op.rawValue) \(text)' needs a numerical column and a value of it")
            }
            encoder.tighten(op, value)
            guard encoder.minimum! <= encoder.maximum! else {
                throw DataError(file: schemaFile, columnName: name,
                                "constraint '\(name) \(op.rawValue) \(text)' leaves no value between the declared bounds")
            }
            steps[k] = .numeric(encoder)
        }
        return TableTransformer(steps: steps, columns: schema.modelledColumns.map(\.name))
    }
}
