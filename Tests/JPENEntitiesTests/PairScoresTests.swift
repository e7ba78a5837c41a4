import Testing
@testable import JPENEntities

@Suite struct PairScoresTests {
    @Test func emptyTableKnowsNothing() {
        let scores = PairScores(capacity: 0)
        #expect(scores[0, 0] == nil)
        #expect(scores[Int(Int32.max), Int(Int32.max)] == nil)
    }

    @Test func pairsAreOrderedAndKeepTheirLastScore() {
        var scores = PairScores()
        scores[0, 0] = 0.25
        scores[3, 7] = 0.9
        #expect(scores[0, 0] == 0.25)
        #expect(scores[3, 7] == 0.9)
        #expect(scores[7, 3] == nil)
        scores[3, 7] = 0.5
        #expect(scores[3, 7] == 0.5)
        scores[3, 7] = nil
        #expect(scores[3, 7] == 0.5, "nil stores nothing")
    }

    @Test func growsPastItsCapacityAndMatchesADictionary() {
        var scores = PairScores(capacity: 1)
        var expected: [Int: Double] = [:]
        for first in 0..<60 {
            for second in stride(from: 0, to: 300, by: 7) {
                let score = Double(first * 1000 + second) / 1e6
                scores[first, second] = score
                expected[first << 32 | second] = score
            }
        }
        for first in 0..<61 {
            for second in 0..<301 {
                #expect(scores[first, second] == expected[first << 32 | second])
            }
        }
        scores[Int(Int32.max), Int(Int32.max)] = 1
        #expect(scores[Int(Int32.max), Int(Int32.max)] == 1)
    }
}
