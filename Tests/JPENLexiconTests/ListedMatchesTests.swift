import JPENText
import Testing
@testable import JPENLexicon

/// ``LexiconScanner/listedMatches(_:in:limit:)``: listed names wherever the longest key at their
/// start is theirs, and the listed starts that tell where to look.
struct ListedMatchesTests {
    static let listed: [(name: String, type: EntityType)] = [
        ("Japan", .location), ("South Korea", .location), ("日本", .location), ("日本銀行", .organization),
        ("𠮷野家", .organization), ("菅", .person),
    ]
    static let words = ["Japan and South Korea", "日本人", "本人", "人", "𠮷", "大日本"]

    static func listedSpans(_ text: String, limit: Int = 32) throws -> [Span] {
        let scanner = LexiconScanner(lexicon: try PrefixIndexTests.compile(listed: listed, words: words))
        return scanner.listedMatches(Array(text.unicodeScalars), limit: limit).map(\.span)
    }

    @Test func listedNameAfterAKeyThatStartsBeforeIt() throws {
        let lexicon = try PrefixIndexTests.compile(listed: Self.listed, words: Self.words)
        let text = Array("Japan and South Korea met.".unicodeScalars)
        #expect(lexicon.scan(text).map(\.span) == [Span(start: 0, end: 21)], "edict's gloss is the longest key")
        let matches = LexiconScanner(lexicon: lexicon).listedMatches(text)
        #expect(matches.map(\.span) == [Span(start: 10, end: 21)], "Japan is inside the longer key at its start")
        #expect(matches.map(\.type) == [.location])
        #expect(try Self.listedSpans("大日本の日本銀行") == [Span(start: 1, end: 3), Span(start: 4, end: 8)])
    }

    @Test func aLongerKeyAtTheSameStartHidesAListedOne() throws {
        #expect(try Self.listedSpans("日本人は") == [])
        #expect(try Self.listedSpans("日本は") == [Span(start: 0, end: 2)])
        #expect(try Self.listedSpans("日本銀行券") == [Span(start: 0, end: 4)])
    }

    @Test func aScannerThatRemembersNamesFindsWhatAFreshOneFinds() throws {
        let lexicon = try PrefixIndexTests.compile(listed: Self.listed, words: Self.words)
        let scanner = LexiconScanner(lexicon: lexicon)
        // Each listed name again, before what extends it to another key, and before what does not.
        let text = Array("日本は日本人、日本銀行券と日本は日本銀行。菅、菅".unicodeScalars)
        let expected = [Span(start: 0, end: 2), Span(start: 7, end: 11), Span(start: 13, end: 15), Span(start: 16, end: 20),
                        Span(start: 21, end: 22), Span(start: 23, end: 24)]
        for _ in 0..<3 { #expect(scanner.listedMatches(text).map(\.span) == expected) }
        #expect(LexiconScanner(lexicon: lexicon).listedMatches(Array("日本人".unicodeScalars)).isEmpty)
        #expect(scanner.listedMatches(Array("日本人".unicodeScalars)).isEmpty, "日本 remembered, 人 goes on to a longer key")
    }

    @Test func edgeSizes() throws {
        #expect(try Self.listedSpans("") == [])
        #expect(try Self.listedSpans("日") == [])
        #expect(try Self.listedSpans("菅") == [Span(start: 0, end: 1)], "a listed key of one code point")
        #expect(try Self.listedSpans("𠮷") == [])
        #expect(try Self.listedSpans("あ𠮷野家") == [Span(start: 1, end: 4)], "spans count code points")
        #expect(try Self.listedSpans("日本", limit: 1) == [])
    }

    /// The listed prefix flags of `name`'s key in `layer`: of its first code point alone, or
    /// from the listed prefixes.
    static func listedPrefix(_ name: String, in layer: CompiledLexicon) -> UInt8 {
        let key = Array(LexiconKey.make(name).unicodeScalars)
        guard key.count > 1 else { return layer.listedFirst(key[0].value) }
        return layer.listedPrefix(key.reduce(0) { LexiconFormat.listedPrefixHash($0, then: $1.value) })
    }

    @Test func listedPrefixesHoldEveryPrefixOfAListedKeyAndFewOthers() throws {
        let layer = try #require(try PrefixIndexTests.compile(listed: Self.listed, words: Self.words).layers.first)
        let (prefix, key) = (LexiconFormat.ListedPrefix.isPrefix, LexiconFormat.ListedPrefix.isKey)
        for (name, _) in Self.listed {
            #expect(Self.listedPrefix(name, in: layer) == prefix | key, "\(name)")
            let scalars = Array(name.unicodeScalars)
            for end in 1..<scalars.count where !Self.listed.contains(where: { Array($0.name.unicodeScalars) == Array(scalars[..<end]) }) {
                #expect(Self.listedPrefix(String(String.UnicodeScalarView(scalars[..<end])), in: layer) == prefix, "\(name)")
            }
        }
        #expect(["大日本", "本人", "人", "Korea", "日本人", "日本銀行券", "野家", "k"].filter { Self.listedPrefix($0, in: layer) != 0 }.isEmpty)
        let empty = try #require(try PrefixIndexTests.compile(listed: [], words: Self.words).layers.first)
        #expect(Self.listedPrefix("日", in: empty) == 0)
        #expect(Self.listedPrefix("日本", in: empty) == 0)
    }
}
