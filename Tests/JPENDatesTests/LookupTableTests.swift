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
        func words(_ scalar: Unicode.Scalar) -> [String] {
            table.group(startingWith: scalar).map { table.words[table.order[$0]] }
        }
        #expect(words("に") == ["にがつ", "に"])
        #expect(words("い") == ["いちがつ"])
        #expect(words("😀") == ["😀x", "😀"])
        #expect(table.bounds.map(\.count) == [3, 4, 1, 2, 1])
        #expect(table.bounds[3].map { table.codePoints[$0] } == ["😀", "x"])
        // U+346B shares its low bits with に (U+306B): the slot's code point turns it away.
        #expect(words("\u{346B}") == [])
        #expect(words("a") == [])
        #expect(LiteralTable([]).group(startingWith: "a").isEmpty)
    }

    @Test func literalMatchesTheLongestWordOfATable() {
        let scalars = Array("今月末に".unicodeScalars)
        let scanner = DateScanner(scalars: scalars, reference: nil)
        let table = LiteralTable(["今", "今月", "今月末まで", "月"])
        #expect(scanner.literal(0, table)?.word == "今月")
        #expect(scanner.literal(0, table)?.next == 2)
        #expect(scanner.literal(1, table)?.word == "月")
        #expect(scanner.literal(3, table) == nil)
        #expect(scanner.literal(4, table) == nil)
        #expect(DateScanner(scalars: [], reference: nil).literal(0, table) == nil)
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
