import FixtureSupport
import Foundation
import RareSynthEvaluate

/// Turns a fixture case into the DiagnosticReport's inputs the way `peers/score.py` hands the
/// CSVs to SDMetrics: `read_csv` infers each column's dtype, `align` coerces the synthetic column
/// to the real one's, datetimes stay text for SDMetrics to parse. Values are decoded as in
/// ``FixtureTables`` (identifier columns as labels, for KeyUniqueness).
enum DiagnosticFixture {
    struct Case {
        var real: DiagnosticTable
        var synthetic: DiagnosticTable
        var metadata: DiagnosticMetadata
    }

    static func load(case name: String) throws -> Case {
        let dir = try FixtureTables.directory(name)
        let metaJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("meta.json"))) as! [String: Any]
        let columnsJSON = metaJSON["columns"] as! [String: [String: Any]]
        let real = FixtureCSV.parse(try FixtureTables.read(dir.appendingPathComponent("real.csv")))
        let synthetic = FixtureCSV.parse(try FixtureTables.read(dir.appendingPathComponent("synthetic.csv")))
        let syntheticRows = synthetic.columns.first?.count ?? 0

        var metaColumns: [DiagnosticMetadata.Column] = []
        var realColumns: [MetricColumn] = [], syntheticColumns: [MetricColumn] = []
        var realStorage: [DiagnosticTable.StorageColumn] = [], syntheticStorage: [DiagnosticTable.StorageColumn] = []
        var realText: [String: [String?]] = [:], syntheticText: [String: [String?]] = [:]
        // The metadata lists the columns in the real file's order (peers/split.py).
        for (j, name) in real.header.enumerated() {
            let info = columnsJSON[name] ?? [:]
            let sdtype = DiagnosticMetadata.SDType((info["sdtype"] as? String) ?? "unknown")
            let format = info["datetime_format"] as? String
            if columnsJSON[name] != nil {
                metaColumns.append(DiagnosticMetadata.Column(name: name, sdtype: sdtype, datetimeFormat: format))
            }
            let realCells = real.columns[j]
            let syntheticCells = synthetic.header.firstIndex(of: name).map { synthetic.columns[$0] }
                ?? [String?](repeating: nil, count: syntheticRows)
            let realType = PandasDType.inferred(fromCSVCells: realCells)
            realStorage.append(.init(name: name, dtype: realType))
            syntheticStorage.append(.init(name: name, dtype: aligned(syntheticCells, realType: realType, sdtype: sdtype)))
            let kind: MetricColumnKind
            switch sdtype {
            case .datetime:
                realText[name] = realCells
                syntheticText[name] = syntheticCells
                continue
            case .numerical: kind = .numerical
            case .boolean: kind = .boolean
            default: kind = .categorical
            }
            let (r, s) = FixtureTables.convert(realCells, syntheticCells, kind: kind, format: format)
            realColumns.append(MetricColumn(name: name, kind: kind, data: r))
            syntheticColumns.append(MetricColumn(name: name, kind: kind, data: s))
        }
        let key: [String]
        if let k = metaJSON["primary_key"] as? String { key = [k] } else { key = (metaJSON["primary_key"] as? [String]) ?? [] }
        return Case(real: DiagnosticTable(columns: realColumns, storage: realStorage, datetimeText: realText),
                    synthetic: DiagnosticTable(columns: syntheticColumns, storage: syntheticStorage, datetimeText: syntheticText),
                    metadata: DiagnosticMetadata(columns: metaColumns, primaryKey: key))
    }

    /// The synthetic column's dtype after `score.py`'s `align`: datetimes untouched; a bool real
    /// column maps the synthetic one to booleans (object when a value is missing); a numeric one
    /// applies `pd.to_numeric(errors='coerce')` (text becomes float64); any other turns present
    /// values into `str` (object, unless every value is missing).
    static func aligned(_ cells: [String?], realType: PandasDType, sdtype: DiagnosticMetadata.SDType) -> PandasDType {
        let read = PandasDType.inferred(fromCSVCells: cells)
        if sdtype == .datetime { return read }
        switch realType {
        case .bool: return cells.contains(nil) ? .object : .bool
        case .int64, .float64:
            switch read {
            case .int64, .float64, .bool: return read
            default: return .float64
            }
        case .object: return cells.allSatisfy { $0 == nil } ? read : .object
        default: return read
        }
    }
}
