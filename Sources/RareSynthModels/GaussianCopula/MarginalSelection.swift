import Foundation
import RareSynthNumerics

/// Picks each continuous column's marginal: a parametric family or the empirical distribution.
///
/// The rule in `auto` mode: fit every family (`Marginal.candidates`), take the one with the
/// smallest Kolmogorov–Smirnov statistic `D`, and keep it only if `D·√n ≤ 0.83` — the median of
/// the Kolmogorov distribution, i.e. the family is as close to the data as a sample of the
/// family itself would typically be. Otherwise the data is not of any family and the empirical
/// distribution is used. Columns with many ties (stepped empirical marginals, e.g. small
/// integer counts) always use the empirical distribution: no continuous family fits them.
enum MarginalSelection {
    static let medianKolmogorov = 0.83

    static func choose(_ present: [Double], choice: GaussianCopulaOptions.MarginalChoice) -> (ColumnMarginal?, String) {
        guard let empirical = EmpiricalMarginal.fit(present) else { return (nil, "no values") }
        if choice == .empirical || !empirical.interpolated {
            return (.empirical(empirical), empirical.interpolated ? "empirical" : "empirical (discrete values)")
        }
        guard let best = Marginal.bestFit(present) else {
            return (.empirical(empirical), "empirical (no family could be fitted)")
        }
        let scaled = best.ksStatistic * Double(present.count).squareRoot()
        let family = best.marginal.family.rawValue
        let ks = String(format: "%.4f", best.ksStatistic)
        if choice == .parametric || scaled <= medianKolmogorov {
            return (.parametric(best.marginal), "\(family) (KS \(ks))")
        }
        return (.empirical(empirical), "empirical (best family \(family), KS \(ks) > \(String(format: "%.4f", medianKolmogorov / Double(present.count).squareRoot())))")
    }
}
