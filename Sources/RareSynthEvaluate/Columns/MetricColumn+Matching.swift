/// Pairs each real column with the synthetic column of the same name, in the order of `real`.
/// - Throws: ``MetricError/missingColumn(_:)``, ``MetricError/kindMismatch(column:)``,
///   ``MetricError/lengthMismatch(column:)``, as ``QualityReport`` does.
func matchColumns(real: [MetricColumn], synthetic: [MetricColumn]) throws(MetricError) -> [(MetricColumn, MetricColumn)] {
    var byName: [String: MetricColumn] = [:]
    for column in synthetic { byName[column.name] = column }
    var pairs: [(MetricColumn, MetricColumn)] = []
    for column in real {
        guard let other = byName[column.name] else { throw .missingColumn(column.name) }
        guard other.kind.isContinuous == column.kind.isContinuous else { throw .kindMismatch(column: column.name) }
        if let first = real.first, column.data.count != first.data.count { throw .lengthMismatch(column: column.name) }
        if let first = pairs.first?.1, other.data.count != first.data.count { throw .lengthMismatch(column: column.name) }
        pairs.append((column, other))
    }
    return pairs
}
