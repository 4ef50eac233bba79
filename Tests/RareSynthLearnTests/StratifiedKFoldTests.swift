import RareSynthLearn
import Testing

struct StratifiedKFoldTests {
    @Test func foldsAreBalancedDisjointAndSeeded() throws {
        let labels = (0..<103).map { $0 % 10 < 3 ? "minority" : "majority" }
        let folds = try StratifiedKFold(labels: labels, folds: 5, seed: 11)
        let all = folds.testFolds.flatMap { $0 }
        #expect(all.sorted() == Array(0..<103))  // every row tested exactly once
        let sizes = folds.testFolds.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        let minority = labels.filter { $0 == "minority" }.count
        for fold in folds.testFolds {
            let m = fold.filter { labels[$0] == "minority" }.count
            #expect(m == minority / 5 || m == minority / 5 + 1)
        }
        let (train, test) = folds.split(2)
        #expect(Set(train).isDisjoint(with: test) && train.count + test.count == 103)
        #expect(try StratifiedKFold(labels: labels, folds: 5, seed: 11) == folds)
        #expect(try StratifiedKFold(labels: labels, folds: 5, seed: 12) != folds)
        #expect(throws: LearnError.tooFewRows(rows: 3, folds: 5)) {
            try StratifiedKFold(labels: ["a", "b", "a"], folds: 5, seed: 0)
        }
    }
}
