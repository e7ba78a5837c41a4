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

@Suite struct NormalizedOffsetsTests {
    /// The first normalized offset whose group starts at or after each original offset, by brute force.
    static func expected(_ normalized: NormalizedText, _ original: Int) -> Int {
        (0..<normalized.count).first { normalized.originalStarts[$0] >= original } ?? normalized.count
    }

    @Test(arguments: ["", "a", "㍿ＡＢ", "ｶﾞｷﾞ x", "𝐀b", "A  B 株式 ㍻ 「ｶﾞ」", "\u{1F600}\u{1F600}"])
    func matchesEveryOffsetForwardsAndBackwards(text: String) {
        let document = Document(text: text)
        let normalized = TextNormalizer().normalize(document)
        var offsets = NormalizedOffsets(normalized)
        for original in 0...document.count {
            #expect(offsets.nextOffset(of: original) == Self.expected(normalized, original))
            #expect(offsets.offset(of: original) == Self.expected(normalized, original))
        }
        for original in (0...document.count).reversed() {
            #expect(offsets.nextOffset(of: original) == Self.expected(normalized, original))
        }
        for step in 2...3 {
            var walking = NormalizedOffsets(normalized)
            for original in stride(from: 0, through: document.count, by: step) {
                #expect(walking.nextOffset(of: original) == Self.expected(normalized, original))
            }
        }
    }
}

@Suite struct QuotationMarksInertTests {
    /// The fast comparisons agree with the marks and line breaks over the whole BMP.
    @Test func inertIsNeitherMarkNorLineBreak() {
        let disagreeing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            QuotationMarks.isInert($0) == (QuotationMarks.isMark($0) || QuotationMarks.isLineBreak($0))
        }
        #expect(disagreeing.isEmpty)
    }
}
