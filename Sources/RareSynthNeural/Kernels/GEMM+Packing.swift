extension GEMM {
    /// B's rows p0..<p0+depth as panels of `nr` columns, each panel `depth × nr` contiguous
    /// (row p of the panel holds B[p0 + p, column..<column + nr]), zero-padded past `columns`.
    static func packB(_ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, from p0: Int, depth: Int, columns n: Int,
                      into out: UnsafeMutablePointer<Float>) {
        let panels = (n + nr - 1) / nr
        for panel in 0..<panels {
            let column = panel * nr
            let width = Swift.min(nr, n - column)
            let dst = out + panel * nr * depth
            if transposed {
                // B stored n×k: element (p, j) at b[j * ldb + p].
                for j in 0..<width {
                    let src = b + (column + j) * ldb + p0
                    for p in 0..<depth { dst[p * nr + j] = src[p] }
                }
                if width < nr { for p in 0..<depth { for j in width..<nr { dst[p * nr + j] = 0 } } }
            } else {
                for p in 0..<depth {
                    let src = b + (p0 + p) * ldb + column
                    let row = dst + p * nr
                    for j in 0..<width { row[j] = src[j] }
                    for j in width..<nr { row[j] = 0 }
                }
            }
        }
    }

    /// A's rows row..<row+rows over k p0..<p0+depth as one strip, `depth × mr` contiguous
    /// (position p holds A[row..<row + mr, p0 + p]), zero-padded past `rows`.
    static func packA(_ a: UnsafePointer<Float>, lda: Int, transposed: Bool, row: Int, rows: Int, from p0: Int, depth: Int,
                      into out: UnsafeMutablePointer<Float>) {
        if transposed {
            // A stored k×m: element (i, p) at a[p * lda + i].
            for p in 0..<depth {
                let src = a + (p0 + p) * lda + row
                let dst = out + p * mr
                for i in 0..<rows { dst[i] = src[i] }
                for i in rows..<mr { dst[i] = 0 }
            }
        } else {
            for i in 0..<rows {
                let src = a + (row + i) * lda + p0
                for p in 0..<depth { out[p * mr + i] = src[p] }
            }
            if rows < mr { for p in 0..<depth { for i in rows..<mr { out[p * mr + i] = 0 } } }
        }
    }
}
