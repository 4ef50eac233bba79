extension DistanceToClosestRecord {
    /// The nearest-neighbour distance ratio (NNDR) of each dataset row: the distance to its nearest
    /// reference row over the distance to its second-nearest,
    ///
    ///     NNDR(a) = d₁(a) / d₂(a) ∈ [0, 1],   1 when d₂(a) = 0 (then d₁ = d₂ = 0),
    ///                                          NaN when the reference has a single row
    ///
    /// with SDMetrics' DCR distance (see the type's documentation). A ratio near 0 means the row
    /// sits much closer to one reference record than to any other, i.e. it singles that record
    /// out; near 1, it is as close to several, which reveals less about any one. The ratio is
    /// Lowe's (2004) nearest-neighbour ratio test, used as a synthetic-data privacy metric by
    /// Zhao et al. 2021 ("CTAB-GAN", ACML; there with Euclidean distance) and Platzer & Reutterer
    /// 2021 ("Holdout-based empirical assessment of mixed-type synthetic data", Frontiers in Big
    /// Data). The 0/0 convention (ratio 1) follows Octopize's avatar paper code
    /// (`metrics/privacy_metrics/dcr_nndr.py`): two reference rows at distance 0 are equally near.
    /// Two reference rows tied at the minimum also give 1 (the second-nearest distance counts rows).
    public var distanceRatios: [Double] {
        zip(distances, secondNearestDistances).map { d1, d2 in
            d2.isNaN ? .nan : (d2 == 0 ? 1 : d1 / d2)
        }
    }
}
