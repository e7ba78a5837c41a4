import Testing
@testable import JPENQuotes

@Suite struct QuoteContextTests {
    @Test(arguments: [
        ("", false), ("A", true), ("a", false), ("Ishiba", true), ("東京", false), ("「", false),
        ("Émile", true), ("élan", false), ("Ωmega", true), ("𝐀", true), ("𝐚", false), ("ー", false),
    ])
    func startsUppercase(word: String, expected: Bool) {
        #expect(QuoteContext.startsUppercase(word.unicodeScalars) == expected)
    }

    /// The fast path's premise: nothing in the CJK and kana blocks has case.
    @Test func cjkAndKanaBlocksHaveNoUppercase() {
        let uppercase = (0x3000...0x9FFF).compactMap(Unicode.Scalar.init).filter { $0.properties.isUppercase }
        #expect(uppercase.isEmpty)
    }
}

@Suite struct OnlyScalarTests {
    @Test(arguments: [("", nil), (".", "."), ("「", "「"), ("ab", nil), ("𝐀", "𝐀"), ("i̇", nil)] as [(String, Unicode.Scalar?)])
    func onlyScalar(word: String, expected: Unicode.Scalar?) {
        #expect(QuoteContext.onlyScalar(of: word) == expected)
    }
}
