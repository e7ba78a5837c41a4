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
}
