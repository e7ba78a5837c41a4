import JPENNormalize
import JPENText
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

    @Test(arguments: ["", "a", "Ishiba", "U.S.", "東京", "Émile", "ＡＢ", "𝐀", "@[Z`"])
    func lowercasedWord(text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(scalars.withUnsafeBufferPointer { QuoteContext.lowercasedWord($0) } == text.lowercased())
    }

    /// Normalization that keeps each code point's offset (full-width to half-width) maps offsets
    /// to themselves; one that joins or splits code points (ｶﾞ, ㍿) does not.
    @Test(arguments: [("", true), ("a", true), ("Ishiba said", true), ("ＡＢＣ東京", true), ("𝐀b", true),
                      ("ｶﾞ", false), ("㍿", false), ("ab㍿", false)])
    func keepsOffsets(text: String, expected: Bool) {
        let document = Document(text: text)
        let normalized = TextNormalizer().normalize(document)
        #expect(QuoteContext.keepsOffsets(normalized) == expected)
        // Kept offsets are what the walk through the offset map gives.
        var offsets = NormalizedText.Offsets(normalized)
        let mapped = (0...document.count).map { offsets.nextOffset(of: $0) }
        if expected { #expect(mapped == Array(0...document.count)) }
    }

    @Test func tokenWordsAreMadeOnDemand() {
        let scalars = Array("Said Trump 東京".unicodeScalars)
        let words = TokenWords(scalars: scalars, runs: [0..<4, 5..<10, 11..<13, 13..<13])
        #expect(words[1] == "trump")
        #expect(words[1] == "trump")
        #expect(words[0] == "said")
        #expect(words[2] == "東京")
        #expect(words[3] == "")
    }
}

@Suite struct OnlyScalarTests {
    @Test(arguments: [("", nil), (".", "."), ("「", "「"), ("ab", nil), ("𝐀", "𝐀"), ("i̇", nil)] as [(String, Unicode.Scalar?)])
    func onlyScalar(word: String, expected: Unicode.Scalar?) {
        #expect(QuoteContext.onlyScalar(of: word) == expected)
    }
}

@Suite struct QuotationMarksInertTests {
    /// The table agrees with the marks and line breaks over every code point.
    @Test func inertIsNeitherMarkNorLineBreak() {
        let inert = QuotationMarks.Inert.shared
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            inert.contains($0) == (QuotationMarks.isMark($0) || QuotationMarks.isLineBreak($0))
        }
        #expect(disagreeing.isEmpty)
    }
}
