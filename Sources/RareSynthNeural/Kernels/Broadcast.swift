/// How the right operand of a binary elementwise operation lines up with the left one.
///
/// Only the forms the models use: equal shapes, a row vector repeated down the rows of a matrix
/// (a bias), a column repeated across the columns (a per-row scale), and a single number. The
/// left operand always has the result's shape; the backward pass reduces the right operand's
/// gradient along the repeated axis.
enum Broadcast: Equatable {
    case same
    /// Right operand [n] or [1, n] against a left [m, n].
    case rows
    /// Right operand [m, 1] against a left [m, n].
    case columns
    /// Right operand with one element.
    case scalar

    init(_ left: [Int], _ right: [Int]) {
        if left == right {
            self = .same
        } else if right.reduce(1, *) == 1 {
            self = .scalar
        } else if left.count == 2, (right == [left[1]] || right == [1, left[1]]) {
            self = .rows
        } else if left.count == 2, right == [left[0], 1] {
            self = .columns
        } else {
            preconditionFailure("cannot broadcast shape \(right) against \(left)")
        }
    }
}
