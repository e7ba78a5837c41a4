import JPENNormalize
import JPENText
import Testing

@Suite struct NormalizedOffsetsTests {
    /// The first normalized offset whose group starts at or after each original offset, by brute force.
    static func expected(_ normalized: NormalizedText, _ original: Int) -> Int {
        (0..<normalized.count).first { normalized.originalStarts[$0] >= original } ?? normalized.count
    }

    @Test(arguments: ["", "a", "㍿ＡＢ", "ｶﾞｷﾞ x", "𝐀b", "A  B 株式 ㍻ 「ｶﾞ」", "\u{1F600}\u{1F600}"])
    func matchesEveryOffsetForwardsAndBackwards(text: String) {
        let document = Document(text: text)
        let normalized = TextNormalizer().normalize(document)
        var offsets = NormalizedText.Offsets(normalized)
        for original in 0...document.count {
            #expect(offsets.nextOffset(of: original) == Self.expected(normalized, original))
            #expect(offsets.offset(of: original) == Self.expected(normalized, original))
        }
        for original in (0...document.count).reversed() {
            #expect(offsets.nextOffset(of: original) == Self.expected(normalized, original))
        }
        for step in 2...3 {
            var walking = NormalizedText.Offsets(normalized)
            for original in stride(from: 0, through: document.count, by: step) {
                #expect(walking.nextOffset(of: original) == Self.expected(normalized, original))
            }
        }
    }
}
