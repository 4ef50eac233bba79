/// Why a mixture could not be fitted: each case says what to change in the input.
public enum MixtureError: Error, Sendable, Equatable, CustomStringConvertible {
    case noValues
    case nonFiniteValue(index: Int)
    case invalidComponentCount(components: Int, values: Int)
    case invalidResponsibilities(String)
    case invalidOptions(BayesianGaussianMixture.Options)
    case illDefinedVariance(component: Int)

    public var description: String {
        switch self {
        case .noValues:
            "a mixture needs at least one value"
        case .nonFiniteValue(let index):
            "value \(index) is NaN or infinite; remove missing values before fitting a mixture"
        case .invalidComponentCount(let components, let values):
            "cannot fit \(components) components to \(values) values (need 1 ≤ components ≤ values)"
        case .invalidResponsibilities(let message):
            message
        case .invalidOptions(let options):
            "invalid mixture options \(options): iterations and tolerances must be ≥ 0, priors > 0 and finite"
        case .illDefinedVariance(let component):
            "component \(component) has a zero or non-finite variance (a degenerate column with no variance regularization)"
        }
    }
}
