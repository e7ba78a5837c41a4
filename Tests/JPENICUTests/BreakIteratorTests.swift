import JPENICU
import Testing

@Suite struct BreakIteratorTests {
    @Test func japaneseWordsComeFromTheDictionary() throws {
        let words = try BreakIterator(.word, locale: "ja")
        let text = Array("石破茂首相は".utf16)
        let ends = words.boundaries(in: text).map(\.end)
        #expect(ends.last == text.count)
        #expect(ends.count >= 3)
    }

    @Test func suppressionsKeepAbbreviations() throws {
        let sentences = try BreakIterator(.sentence, locale: "en@ss=standard")
        let text = Array("Mr. Suga met U.S. officials on Nov. 7. They talked.".utf16)
        #expect(sentences.boundaries(in: text).map(\.end) == [39, text.count])
    }

    @Test func emptyTextHasNoBoundaries() throws {
        let words = try BreakIterator(.word, locale: "en")
        #expect(words.boundaries(in: []).isEmpty)
    }

    @Test func copiesWorkIndependently() throws {
        let words = try BreakIterator(.word, locale: "en")
        let copy = try words.copy()
        #expect(copy.boundaries(in: Array("a b".utf16)).map(\.end) == [1, 2, 3])
    }
}

@Suite struct NormalizerTests {
    @Test func nfkcFoldsWidthsAndSquaredWords() {
        #expect(Normalizer.nfkc.normalize("ｶﾀｶﾅ ＡＢＣ１２３㍿") == "カタカナ ABC123株式会社")
    }

    @Test func boundariesAndInertness() {
        #expect(Normalizer.nfkc.isInert("石"))
        #expect(!Normalizer.nfkc.isInert("a"))  // a combining mark after it would compose
        #expect(!Normalizer.nfkc.isInert("Ａ"))
        #expect(!Normalizer.nfkc.hasBoundary(before: "\u{FF9E}"))  // half-width voiced mark joins the kana before it
    }
}

@Suite struct TransliteratorAndConverterTests {
    @Test func katakanaToLatin() throws {
        #expect(try Transliterator("Katakana-Latin").transform("トランプ") == "toranpu")
    }

    @Test func unknownTransformIsAnError() {
        #expect(throws: ICUError.self) { try Transliterator("No-Such-Transform") }
    }

    @Test func eucJPDecodes() throws {
        // 石破 in EUC-JP
        #expect(try Converter.decode([0xC0, 0xD0, 0xC7, 0xCB], charset: "EUC-JP") == "石破")
    }
}
