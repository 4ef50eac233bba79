import Foundation
import Testing

/// The reference values written by `Fixtures/make_fixtures.py` (scipy/numpy/mpmath; provenance in
/// the file's "provenance" object), decoded once and shared by all tests.
let reference: JSONValue = {
    // JSONDecoder parses numbers with correct rounding (JSONSerialization on Linux does not,
    // which would corrupt reference values in the last digits).
    guard let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures"),
          let data = try? Data(contentsOf: url),
          let value = try? JSONDecoder().decode(JSONValue.self, from: data)
    else { fatalError("Fixtures/reference.json is missing or unreadable; run Fixtures/make_fixtures.py") }
    return value
}()

/// A decoded JSON tree with just the accessors the tests need.
enum JSONValue: Decodable, Sendable {
    case number(Double)
    case numbers([Double])
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most of the file is arrays of numbers: try those first, they decode in one go.
        if let numbers = try? container.decode([Double].self) {
            self = .numbers(numbers)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? container.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            self = .other
        }
    }

    subscript(key: String) -> JSONValue {
        guard case .object(let object) = self, let value = object[key] else {
            fatalError("reference.json has no key \(key)")
        }
        return value
    }

    var double: Double {
        guard case .number(let value) = self else { fatalError("not a number: \(self)") }
        return value
    }

    var doubles: [Double] {
        switch self {
        case .numbers(let values): return values
        case .array(let values) where values.isEmpty: return []
        default: fatalError("not an array of numbers")
        }
    }

    var ints: [Int] { doubles.map { Int($0) } }

    var unsigned: [UInt64] {
        guard case .array(let values) = self else { fatalError("not an array") }
        return values.map { value in
            guard case .string(let text) = value, let number = UInt64(text) else { fatalError("not a UInt64 string") }
            return number
        }
    }

    var matrix: [[Double]] {
        guard case .array(let rows) = self else { fatalError("not an array of arrays") }
        return rows.map(\.doubles)
    }
}

/// |a − b| / |b|, or |a − b| when b is 0: the error measure every comparison below reports.
func relativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// The largest relative error over paired arrays, with the index where it occurs.
func maxRelativeError(_ actual: [Double], _ expected: [Double]) -> (error: Double, index: Int) {
    precondition(actual.count == expected.count)
    var worst = (error: 0.0, index: -1)
    for i in actual.indices {
        let e = relativeError(actual[i], expected[i])
        if e > worst.error || e.isNaN { worst = (e.isNaN ? .infinity : e, i) }
    }
    return worst
}
