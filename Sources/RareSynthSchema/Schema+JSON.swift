#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RareSynthTable

/// Reading and writing the schema file. Writing the file (atomically) is the IO layer's job; this
/// only turns a schema into text and back.
///
/// The text is stable and diff-friendly: keys in a fixed order (`name`, `type` first), one column
/// per line when it fits in 120 characters, `/` not escaped (date formats stay readable).
extension Schema {
    /// The schema as JSON text, ending in a newline.
    /// - Throws: when a bound is not finite (JSON has no spelling for it).
    public func jsonText() throws(DataError) -> String {
        do {
            return OrderedJSON.text(try OrderedJSON.node(self))
        } catch let EncodingError.invalidValue(value, context) {
            let at = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw DataError("cannot write schema: \(value) at \(at.drop { $0 == "." }) is not a finite number")
        } catch {
            throw DataError("cannot write schema: \(error)")
        }
    }

    /// The schema as UTF-8 JSON.
    public func jsonData() throws(DataError) -> Data { Data(try jsonText().utf8) }

    /// Reads a schema from JSON, checks it (`check()`), and reports problems with the JSON path
    /// (`columns[3].type: expected one of ...`).
    public init(json data: Data, file: String? = nil) throws(DataError) {
        do {
            self = try JSONDecoder().decode(Schema.self, from: data)
        } catch let error as DecodingError {
            throw DataError(decoding: error, file: file)
        } catch {
            throw DataError(file: file, "cannot read schema: \(error)")
        }
        try check(file: file)
    }

    /// Reads and checks the schema file at `path`.
    public static func load(path: String) throws(DataError) -> Schema {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw DataError(file: path, "no such schema file")
        } catch {
            throw DataError(file: path, "cannot read schema file: \(error)")
        }
        return try Schema(json: data, file: path)
    }
}

extension DataError {
    /// A decoding failure as "`path`: what was expected".
    init(decoding error: DecodingError, file: String?) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "schema" : text
        }
        func describe(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Bool.Type: "true or false"
            case is Int.Type: "a whole number"
            case is Double.Type: "a number"
            case _ where String(describing: type).hasPrefix("Array"): "a list"
            default: "an object"
            }
        }
        switch error {
        case let .typeMismatch(type, context):
            self.init(file: file, "\(path(context.codingPath)): expected \(describe(type))")
        case let .valueNotFound(type, context):
            self.init(file: file, "\(path(context.codingPath)): expected \(describe(type)), found null")
        case let .keyNotFound(key, context):
            self.init(file: file, "\(path(context.codingPath)): missing key '\(key.stringValue)'")
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            self.init(file: file, "not valid JSON" + (context.underlyingError.map { ": \($0)" } ?? ""))
        case let .dataCorrupted(context):
            self.init(file: file, "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            self.init(file: file, "cannot read schema: \(error)")
        }
    }
}
