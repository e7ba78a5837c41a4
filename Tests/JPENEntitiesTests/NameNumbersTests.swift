import JPENText
import Testing
@testable import JPENEntities

@Suite struct NameNumbersTests {
    /// The spans of `words` in a text that holds them one after another, each followed by a space.
    static func text(_ words: [String]) -> (scalars: [Unicode.Scalar], spans: [Span]) {
        var scalars: [Unicode.Scalar] = [], spans: [Span] = []
        for word in words {
            spans.append(Span(start: scalars.count, end: scalars.count + word.unicodeScalars.count))
            scalars += word.unicodeScalars + [" "]
        }
        return (scalars, spans)
    }

    @Test func equalCodePointsShareANumberInOrderOfFirstSight() {
        let (scalars, spans) = Self.text(["トランプ", "Trump", "𠮷", "", "Trump", "ト", "トランプ", "", "𠮷", "Trum"])
        var numbers = NameNumbers(scalars: scalars, expecting: 0)
        #expect(numbers.count == 0)
        #expect(numbers.existingNumber(spans[0]) == nil)
        #expect(spans.map { numbers.number($0) } == [0, 1, 2, 3, 1, 4, 0, 3, 2, 5])
        #expect(numbers.count == 6)
        #expect(numbers.spans == [spans[0], spans[1], spans[2], spans[3], spans[5], spans[9]])
        #expect(spans.map { numbers.existingNumber($0) } == [0, 1, 2, 3, 1, 4, 0, 3, 2, 5])
    }

    @Test func growsPastItsRoomAndMatchesADictionary() {
        let words = (0..<500).map { "名\($0 % 173)" }
        let (scalars, spans) = Self.text(words)
        var numbers = NameNumbers(scalars: scalars, expecting: 1)
        var expected: [String: Int] = [:]
        for (word, span) in zip(words, spans) {
            let number = numbers.number(span)
            #expect(number == expected[word, default: expected.count])
            expected[word] = number
        }
        #expect(numbers.count == 173)
        #expect(numbers.existingNumber(Span(start: 0, end: 1)) == nil, "名 alone was never numbered")
    }
}
