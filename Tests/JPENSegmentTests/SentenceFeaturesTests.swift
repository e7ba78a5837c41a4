@testable import JPENSegment
import JPENText
import Testing

@Suite struct SentenceFeaturesTests {
    /// The rows of `part` for the gap after `left` of `text`'s tokens.
    func rows(_ part: SentenceBoundaryFeatures.Part, gapAfter left: Int, of text: String) -> [Int] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        EnglishTokenizer.tokens(in: Span(start: 0, end: scalars.count), of: scalars, into: &tokens)
        var rows: [Int] = []
        SentenceBoundaryFeatures.forEachFeature(
            gapAfter: left, tokenCount: tokens.count, insideBrackets: true, tokensInSentence: 9, bits: 20, part: part,
            description: { SentenceBoundaryFeatures.describe(tokens[$0], scalars) }) { rows.append($0) }
        return rows
    }

    @Test func tokenAndSentencePartsMakeUpAllFeatures() {
        // The first gap (no token before it) and a middle one.
        for left in [0, 2] {
            let all = rows(.all, gapAfter: left, of: "He met Mr. Smith in the U.S. today.")
            let tokens = rows(.tokens, gapAfter: left, of: "He met Mr. Smith in the U.S. today.")
            let sentence = rows(.sentence, gapAfter: left, of: "He met Mr. Smith in the U.S. today.")
            #expect(tokens.count == SentenceBoundaryFeatures.tokenFeatureCount)
            #expect(all.count == tokens.count + sentence.count)
            #expect(all.sorted() == (tokens + sentence).sorted())
        }
    }

    @Test func lastGapHasNoNextToken() {
        let all = rows(.all, gapAfter: 0, of: "Hello world")
        #expect(all.count == 20 && all.allSatisfy { (0..<(1 << 20)).contains($0) })
    }
}
