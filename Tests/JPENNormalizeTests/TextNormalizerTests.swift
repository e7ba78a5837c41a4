import JPENNormalize
import JPENText
import Testing

@Suite struct TextNormalizerTests {
    @Test func squaredWordMapsBackToOneCharacter() {
        let normalized = TextNormalizer().normalize(Document(text: "㍿ＡＢＣ"))
        #expect(normalized.string == "株式会社ABC")
        #expect(normalized.originalSpan(of: Span(start: 0, end: 4)) == Span(start: 0, end: 1))
        #expect(normalized.originalSpan(of: Span(start: 1, end: 2)) == Span(start: 0, end: 1))
        #expect(normalized.originalSpan(of: Span(start: 4, end: 7)) == Span(start: 1, end: 4))
    }

    @Test func halfWidthVoicedKanaJoin() {
        let normalized = TextNormalizer().normalize(Document(text: "ｶﾞｽ"))
        #expect(normalized.string == "ガス")
        #expect(normalized.originalSpan(of: Span(start: 0, end: 1)) == Span(start: 0, end: 2))
        #expect(normalized.originalSpan(of: Span(start: 1, end: 2)) == Span(start: 2, end: 3))
    }

    @Test func emptyText() {
        let normalized = TextNormalizer().normalize(Document(text: ""))
        #expect(normalized.count == 0)
        #expect(normalized.originalSpan(of: Span(start: 0, end: 0)) == Span(start: 0, end: 0))
    }
}
