/// A small Nelder–Mead simplex minimiser for the few-parameter likelihoods of this module
/// (the truncated normal's μ and log σ), where gradients are awkward and the objective is cheap.
///
/// Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) and one restart
/// from the best point, which guards against the simplex collapsing early; deterministic.
enum NelderMead {
    static func minimize(
        start: [Double], step: [Double], tolerance: Double = 1e-12, maxEvaluations: Int = 4000,
        _ objective: ([Double]) -> Double
    ) -> (point: [Double], value: Double) {
        var best = run(start: start, step: step, tolerance: tolerance, maxEvaluations: maxEvaluations, objective)
        let restartStep = step.map { $0 * 0.01 }
        let again = run(start: best.point, step: restartStep, tolerance: tolerance,
                        maxEvaluations: maxEvaluations, objective)
        if again.value <= best.value { best = again }
        return best
    }

    private static func run(
        start: [Double], step: [Double], tolerance: Double, maxEvaluations: Int,
        _ objective: ([Double]) -> Double
    ) -> (point: [Double], value: Double) {
        let n = start.count
        var points = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += step[i]
            points.append(vertex)
        }
        var values = points.map(objective)
        var evaluations = n + 1

        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            // a + t (b − a)
            (0..<n).map { a[$0] + t * (b[$0] - a[$0]) }
        }

        while evaluations < maxEvaluations {
            let order = (0...n).sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var size = 0.0
            for vertex in points.dropFirst() {
                for i in 0..<n { size = max(size, abs(vertex[i] - points[0][i])) }
            }
            if spread <= tolerance * (abs(values[0]) + 1e-300) && size <= 1e-10 { break }
            if size <= 1e-14 { break }

            var centroid = [Double](repeating: 0, count: n)
            for vertex in points.dropLast() {
                for i in 0..<n { centroid[i] += vertex[i] / Double(n) }
            }
            let reflected = combine(centroid, points[n], -1)
            let reflectedValue = objective(reflected)
            evaluations += 1
            if reflectedValue < values[0] {
                let expanded = combine(centroid, points[n], -2)
                let expandedValue = objective(expanded)
                evaluations += 1
                if expandedValue < reflectedValue {
                    points[n] = expanded
                    values[n] = expandedValue
                } else {
                    points[n] = reflected
                    values[n] = reflectedValue
                }
                continue
            }
            if reflectedValue < values[n - 1] {
                points[n] = reflected
                values[n] = reflectedValue
                continue
            }
            let outside = reflectedValue < values[n]
            let contracted = combine(centroid, outside ? reflected : points[n], 0.5)
            let contractedValue = objective(contracted)
            evaluations += 1
            if contractedValue < min(reflectedValue, values[n]) {
                points[n] = contracted
                values[n] = contractedValue
                continue
            }
            for j in 1...n {
                points[j] = combine(points[0], points[j], 0.5)
                values[j] = objective(points[j])
            }
            evaluations += n
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return (points[bestIndex], values[bestIndex])
    }
}
