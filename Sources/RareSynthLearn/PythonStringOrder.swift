/// Python's `sorted()` order for strings: lexicographic by Unicode code point. scikit-learn
/// sorts class labels and one-hot categories this way (`np.unique`), so using it keeps column
/// and class order identical. Swift's `<` on `String` compares canonical equivalents as equal
/// and may order differently outside ASCII, hence this explicit comparison.
enum PythonStringOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// The distinct strings of `values`, sorted.
    static func sortedUnique<S: Sequence>(_ values: S) -> [String] where S.Element == String {
        Set(values).sorted(by: precedes)
    }
}
