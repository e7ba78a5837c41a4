@testable import JPENDates
import Testing

@Suite struct LookupTableTests {
    @Test func scalarFlagsJoinTheFlagsOfEachCodePoint() {
        let flags = ScalarFlags([("年", 1), ("a", 2), ("年", 4), ("😀", 8), ("\u{10FFFF}", 16)])
        #expect(flags["年"] == 5)
        #expect(flags["a"] == 2)
        #expect(flags["😀"] == 8)
        #expect(flags["\u{10FFFF}"] == 16)
        #expect(flags["b"] == 0)
        #expect(flags["\u{1F601}"] == 0)
        #expect(ScalarFlags([])["\u{0}"] == 0)
    }

    @Test func literalTableGroupsByFirstCodePointInOrder() {
        let table = LiteralTable(["にがつ", "いちがつ", "に", "😀x", "😀"])
        #expect(table[startingWith: "に"] == ["にがつ", "に"])
        #expect(table[startingWith: "い"] == ["いちがつ"])
        #expect(table[startingWith: "😀"] == ["😀x", "😀"])
        // U+346B shares its low ten bits with に (U+306B): the bit lets it through, the group turns it away.
        #expect(table[startingWith: "\u{346B}"] == [])
        #expect(table[startingWith: "a"] == [])
        #expect(LiteralTable([])[startingWith: "a"] == [])
    }

    @Test func wordTableSetsAnswerEveryWordAsTheirKeys() {
        let words: WordTable<Void> = ["about", "a", "approximately", ""]
        for word in ["about", "a", "approximately", ""] { #expect(words.contains(word)) }
        for word in ["abut", "b", "approximatelx", "aboutx", "A"] { #expect(!words.contains(word)) }
        let empty: WordTable<Void> = []
        #expect(!empty.contains(""))
    }

    @Test func wordTableKeysWithoutACodeAreFoundByTheirString() {
        // 13 letters have a code, 14 letters, a space or a capital none.
        let table: WordTable<Int> = ["abcdefghijklm": 13, "abcdefghijklmn": 14, "new year": 2, "z": 1, "May": 5]
        #expect(WordTable<Int>.code("abcdefghijklm") != 0)
        for word in ["abcdefghijklmn", "new year", "May", "", "é"] { #expect(WordTable<Int>.code(word) == 0) }
        #expect(table["abcdefghijklm"] == 13)
        #expect(table["abcdefghijklmn"] == 14)
        #expect(table["new year"] == 2)
        #expect(table["z"] == 1)
        #expect(table["May"] == 5)
        #expect(table["may"] == nil)
        #expect(table[code: WordTable<Int>.code("z"), word: "unused"] == 1)
        #expect(table[code: 0, word: "new year"] == 2)
        #expect(Set(table.keys) == ["abcdefghijklm", "abcdefghijklmn", "new year", "z", "May"])
    }

    @Test func theLexerCodesWordsAsTheTableDoes() {
        let tokens = DateLexer.tokens(Array("Nov NOVEMBER abcdefghijklmnopq z".unicodeScalars))
        #expect(tokens.words == ["nov", "november", "abcdefghijklmnopq", "z"])
        #expect(tokens.wordCodes == tokens.words.map(WordTable<Void>.code))
        #expect(tokens.wordCodes[2] == 0)
        #expect(DateLexer.tokens([]).wordCodes.isEmpty)
    }
}
