/// What a column holds, which decides how it is transformed, modelled and written back.
public enum ColumnType: String, Codable, Sendable, CaseIterable {
    /// Numbers: integers or decimals with an observed precision.
    case numerical
    /// A finite set of labels (text or numeric codes such as `0/1/2`).
    case categorical
    /// Two values spelled by `ColumnSchema.booleanTokens`.
    case boolean
    /// Dates or timestamps in `ColumnSchema.format`.
    case datetime
    /// A key that identifies a row or a subject. Never learned from; regenerated or dropped on output.
    case identifier
    /// Personal data (names, e-mail, phone, addresses, record numbers, free text).
    /// Never learned from; replaced by fake values of the same shape or dropped on output.
    case pii
}

/// What happens to an identifier or PII column in synthetic output.
public enum OutputPolicy: String, Codable, Sendable, CaseIterable {
    /// Fresh values of the same shape (same length, letters and digits in the same places).
    case regenerate
    /// The column is left out of the output.
    case drop
}

/// The kind of personal data a `pii` column holds, which picks the fake-value generator.
public enum PIIKind: String, Codable, Sendable, CaseIterable {
    case name, email, phone, address, recordNumber = "record_number", freeText = "free_text"
}
