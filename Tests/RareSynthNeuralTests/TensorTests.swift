@testable import RareSynthNeural
import Testing

@Suite struct TensorTests {
    @Test func shapesAndIndexing() {
        var t = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(t.shape == [2, 3] && t.rows == 2 && t.columns == 3)
        t[1, 2] = 9
        #expect(t.scalars == [1, 2, 3, 4, 5, 9])
        #expect(t.reshaped([3, 2])[2, 1] == 9)
        #expect(Tensor(4).scalar == 4)
    }
}
