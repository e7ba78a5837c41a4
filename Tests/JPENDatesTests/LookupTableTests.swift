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
}
