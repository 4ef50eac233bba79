/// A privacy request that cannot be honoured (a budget that is not a positive number, a δ out of
/// range, a target no amount of noise reaches), reported before any data is touched.
public struct PrivacyError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
