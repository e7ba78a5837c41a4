import Testing
@testable import JPENEntities

@Suite struct ViterbiTests {
    /// Decoding finds the best well-formed path that an exhaustive search finds.
    @Test func decodingFindsTheBestWellFormedPath() throws {
        let model = try EntityRecognizer().japanese
        let tags = Tag.count
        var generator = SystemRandomNumberGenerator()
        for count in 1...3 {
            for _ in 0..<20 {
                let emissions = (0..<(count * tags)).map { _ in Float.random(in: -5...5, using: &generator) }
                var best: (score: Float, path: [UInt8])?
                var path = [UInt8](repeating: 0, count: count)
                func search(_ position: Int, _ score: Float) {
                    guard position < count else {
                        if Tag.canEnd(path[count - 1]), score > (best?.score ?? -.infinity) { best = (score, path) }
                        return
                    }
                    for tag in 0..<tags {
                        let previous = position == 0 ? tags : Int(path[position - 1])
                        let transition = model.transitions[previous * tags + tag]
                        guard transition > -.infinity else { continue }
                        path[position] = UInt8(tag)
                        // Summed in the order decoding sums, so that the scores are the same floats.
                        search(position + 1, score + transition + emissions[position * tags + tag])
                    }
                }
                search(0, 0)
                #expect(Viterbi.decode(emissions: emissions, count: count, transitions: model.transitions) == best?.path)
            }
        }
        #expect(Viterbi.decode(emissions: [], count: 0, transitions: model.transitions).isEmpty)
    }

    /// The path of the textbook loop over every well-formed pair, predecessors in ascending order.
    func referencePath(_ emissions: [Float], count: Int, transitions: [Float]) -> [UInt8] {
        let tags = Tag.count
        guard count > 0 else { return [] }
        var score = (0..<tags).map { transitions[tags * tags + $0] + emissions[$0] }
        var back: [[Int]] = []
        for position in 1..<count {
            var next = [Float](repeating: 0, count: tags), from = [Int](repeating: 0, count: tags)
            for t in 0..<tags {
                var best = -Float.infinity
                for p in 0..<tags where transitions[p * tags + t] > -.infinity {
                    let s = score[p] + transitions[p * tags + t]
                    if s > best { best = s; from[t] = p }
                }
                next[t] = best + emissions[position * tags + t]
            }
            back.append(from)
            score = next
        }
        var last = 0
        for t in 1..<tags where Tag.canEnd(UInt8(t)) && (score[t] > score[last] || !Tag.canEnd(UInt8(last))) { last = t }
        var path = [last]
        for from in back.reversed() { path.append(from[path.last!]) }
        return path.reversed().map { UInt8($0) }
    }

    /// Decoding (some tags as SIMD lanes) picks the same path as the textbook loop, ties included:
    /// small whole-number scores make many paths score the same.
    @Test func decodingBreaksTiesAsTheTextbookLoop() throws {
        let model = try EntityRecognizer().japanese
        let tags = Tag.count
        var generator = SystemRandomNumberGenerator()
        let whole = Viterbi.constrained((0..<((tags + 1) * tags)).map { _ in Float(Int.random(in: -2...2, using: &generator)) })
        for transitions in [model.transitions, whole] {
            for count in [1, 2, 7, 60] {
                for _ in 0..<10 {
                    let emissions = (0..<(count * tags)).map { _ in Float(Int.random(in: -3...3, using: &generator)) }
                    #expect(Viterbi.decode(emissions: emissions, count: count, transitions: transitions)
                        == referencePath(emissions, count: count, transitions: transitions))
                }
            }
        }
    }
}
