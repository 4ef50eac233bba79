/// What one column of an encoded feature matrix holds.
public enum FeatureDescriptor: Sendable, Hashable {
    /// A standardised numeric column (missing values imputed before standardising).
    case numeric(column: String)
    /// 1 where the numeric column was missing, else 0 (not standardised).
    case missingIndicator(column: String)
    /// 1 where the categorical column equals `label`, else 0; `label == nil` is the category of
    /// missing values.
    case category(column: String, label: String?)

    /// `age`, `age (missing)`, `sex=f`, `sex (missing)`: the names the fixtures use.
    public var name: String {
        switch self {
        case .numeric(let column): column
        case .missingIndicator(let column): "\(column) (missing)"
        case .category(let column, let label?): "\(column)=\(label)"
        case .category(let column, nil): "\(column) (missing)"
        }
    }
}
