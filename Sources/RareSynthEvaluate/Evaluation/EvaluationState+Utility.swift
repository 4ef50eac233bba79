extension EvaluationState {
    mutating func runUtility() {
        guard let target = options.target else { return skip(.utility, .notRequested, "needs --target: the column a model predicts") }
        guard column(target, in: real) != nil else { return skip(.utility, .unusableInput, "--target \(target) is not a scored column") }
        guard let holdout else {
            return skip(.utility, .notRequested, "needs --holdout: models are tested on real rows the generator did not see")
        }
        let before = issues.count
        let sensitive = options.sensitive.filter { column($0, in: real) != nil && $0 != target }
        let tstrOptions = TrainSyntheticTestReal.Options(seed: options.seed, threads: options.threads, sensitive: sensitive)
        do {
            let (r, s) = MetricColumn.collapsingRareCategories(real: real, synthetic: synthetic)
            let (_, h) = MetricColumn.collapsingRareCategories(real: real, synthetic: holdout)
            let result = try TrainSyntheticTestReal.compute(real: r, synthetic: s, test: h, target: target,
                                                           options: tstrOptions)
            for s in result.scores where s.error != nil {
                issue(.utility, s.model, [target], "trained on \(s.trainedOn): \(s.error!)")
            }
            utility = result
            finish(.utility, issuesBefore: before, holdoutRows: inputs.holdoutRows)
        } catch {
            skip(.utility, .unusableInput, "\(error)")
        }
    }

    mutating func runFairness() {
        let attributes = options.sensitive
        guard !attributes.isEmpty else { return skip(.fairness, .notRequested, "needs --sensitive: the attributes whose groups are compared") }
        let before = issues.count
        var section = FairnessSection(attributes: [])
        for name in attributes {
            guard let realColumn = column(name, in: real), let syntheticColumn = column(name, in: synthetic) else {
                issue(.fairness, "fairness", [name], "--sensitive \(name) is not a scored column")
                continue
            }
            guard case .categorical(let realGroups) = realColumn.data, case .categorical(let syntheticGroups) = syntheticColumn.data else {
                issue(.fairness, "fairness", [name], "--sensitive \(name) is numerical; fairness compares the groups of a categorical column")
                continue
            }
            var attribute = FairnessSection.Attribute(attribute: name, models: [], subgroups: [], notes: [])
            let distinct = Set(realGroups.compactMap { $0 })
            if distinct.count < 2 {
                let note = "the real column '\(name)' has \(distinct.count == 1 ? "a single group" : "no values"), so there is nothing to compare"
                attribute.notes.append(note)
                issue(.fairness, "fairness", [name], note)
            } else {
                outcomeFairness(&attribute, realGroups: realGroups, syntheticGroups: syntheticGroups)
            }
            if let utility {
                for s in utility.scores {
                    guard let f = s.fairness.first(where: { $0.attribute == name }) else { continue }
                    attribute.models.append(.init(model: s.model, trainedOn: s.trainedOn, result: f.result, note: f.note))
                }
            }
            attribute.subgroups = subgroupFidelity(realGroups: realGroups, syntheticGroups: syntheticGroups)
            section.attributes.append(attribute)
        }
        fairness = section
        finish(.fairness, issuesBefore: before)
    }

    /// The target's positive-outcome rate per group, real and synthetic (the positive class is the
    /// second in sorted order, as for the TSTR classifiers).
    private mutating func outcomeFairness(_ attribute: inout FairnessSection.Attribute, realGroups: [String?], syntheticGroups: [String?]) {
        guard let target = options.target, let rt = column(target, in: real), let st = column(target, in: synthetic) else {
            attribute.notes.append("no --target: outcome rates per group need an outcome column")
            return
        }
        guard case .categorical(let rl) = rt.data, case .categorical(let sl) = st.data else {
            attribute.notes.append("the target '\(target)' is numerical; outcome rates need a binary target")
            return
        }
        let classes = Set(rl.compactMap { $0 }).sorted()
        guard classes.count == 2 else {
            let note = "the target '\(target)' has \(classes.count) classes in the real data; outcome rates need exactly 2"
            attribute.notes.append(note)
            issue(.fairness, "outcome rates", [attribute.attribute, target], note)
            return
        }
        attribute.outcome = target
        attribute.positiveClass = classes[1]
        attribute.realData = GroupFairness.outcomes(rl.map { $0.map { $0 == classes[1] } }, groups: realGroups)
        attribute.syntheticData = GroupFairness.outcomes(sl.map { $0.map { $0 == classes[1] } }, groups: syntheticGroups)
        if attribute.syntheticData == nil {
            let note = "the synthetic rows of '\(attribute.attribute)' have fewer than two groups with an outcome"
            attribute.notes.append(note)
            issue(.fairness, "outcome rates", [attribute.attribute], note)
        }
    }

    /// Column Shapes of each group's real rows against its synthetic rows, every real group listed
    /// (a group the generator erased shows 0 synthetic rows), then groups only the synthetic table has.
    private func subgroupFidelity(realGroups: [String?], syntheticGroups: [String?]) -> [FairnessSection.SubgroupFidelity] {
        func indices(_ groups: [String?]) -> [String?: [Int]] {
            var out: [String?: [Int]] = [:]
            for (i, g) in groups.enumerated() { out[g, default: []].append(i) }
            return out
        }
        let r = indices(realGroups), s = indices(syntheticGroups)
        let order = r.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
            + s.keys.filter { r[$0] == nil }.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        let (real, synthetic) = (self.real, self.synthetic)
        return order.map { g in
            let ri = r[g] ?? [], si = s[g] ?? []
            var out = FairnessSection.SubgroupFidelity(
                group: g, realRows: ri.count, syntheticRows: si.count,
                realShare: Double(ri.count) / Double(max(realGroups.count, 1)),
                syntheticShare: Double(si.count) / Double(max(syntheticGroups.count, 1)))
            if si.isEmpty { out.note = "the synthetic data has no row of this group" }
            else if ri.isEmpty { out.note = "the real data has no row of this group" }
            else {
                do {
                    let q = try QualityReport.compute(real: real.map { $0.rows(ri) }, synthetic: synthetic.map { $0.rows(si) })
                    out.columnShapes = q.columnShapes
                } catch { out.note = "\(error)" }
            }
            return out
        }
    }

    mutating func runSurvival() {
        guard let s = options.survival else { return skip(.survival, .notRequested, "needs --survival TIME,EVENT") }
        // Numeric labels are held in one canonical spelling ("2" → "2.0"), so match both.
        let labels = s.eventLabels.union(s.eventLabels.compactMap { Double($0).map { String($0) } })
        // With the default event values, a categorical event column must hold 0/1 (or
        // true/false): a "2" is more likely a coding (pbc: 2 = death) than a censoring.
        if s.eventLabels == EvaluationOptions.SurvivalColumns.defaultEventLabels,
           let event = column(s.event, in: real), case .categorical(let values) = event.data {
            let allowed: Set<String> = ["0", "1", "0.0", "1.0", "true", "false"]
            if let odd = values.first(where: { $0 != nil && !allowed.contains($0!) }) {
                return skip(.survival, .unusableInput, "the event column '\(s.event)' holds '\(odd!)'; events must be 0/1 "
                            + "(or name the event values: --survival \(s.time),\(s.event)=VALUE)")
            }
        }
        do {
            survival = try SurvivalComparison.compute(real: real, synthetic: synthetic, time: s.time, event: s.event,
                                                      eventLabels: labels, group: options.group)
            let before = issues.count
            for o in survival!.omissions {
                issue(.survival, "Kaplan–Meier", [options.group].compactMap { $0 },
                      "\(o.group.map { "group \($0)" } ?? "whole table"): \(o.reason)")
            }
            finish(.survival, issuesBefore: before)
        } catch {
            skip(.survival, .unusableInput, "\(error)")
        }
    }
}
