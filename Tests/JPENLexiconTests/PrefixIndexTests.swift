import Foundation
import JPENText
import Testing
@testable import JPENLexicon

/// The prefix index of a compiled lexicon (``LexiconFormat``) against binary searches of its keys
/// and a brute-force scan.
struct PrefixIndexTests {
    /// Listed names: keys that are prefixes of each other, and a non-BMP one.
    static let listed: [(name: String, type: EntityType)] = [("日本", .location), ("日本銀行", .organization), ("𠮷野家", .organization)]
    /// Enough words under 日, 日本 and 𠮷 that the index lists their children, and words that
    /// are prefixes of each other and of listed names.
    static let words: [String] = {
        let next = Array("一二三四五六七八九十上下中大小山川田本人月火水木金土曜").map(String.init)
        return next.map { "日" + $0 } + next.map { "日本" + $0 } + next.map { "𠮷" + $0 }
            + ["日", "日本人", "日本銀", "日本銀行券", "𠮷", "𠮷野", "の"]
    }()

    /// A lexicon compiled from `listed` entities and dictionary `words`, the lists first.
    static func compile(listed: [(name: String, type: EntityType)], words: [String]) throws -> Lexicon {
        var builder = LexiconBuilder()
        for (number, entity) in listed.enumerated() {
            builder.add(CuratedEntity(id: "test:\(number)", type: entity.type, englishName: "", japaneseName: entity.name),
                        source: .curated)
        }
        for word in words { builder.add(DictionaryRecord(surface: word, reading: "", kinds: .word, glosses: []), source: .edict) }
        let path = NSTemporaryDirectory() + "jpen-prefix-index-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try builder.write(to: path, signature: 0)
        return try Lexicon(compiledFiles: [path])
    }

    /// Names that are keys, and some that are not.
    static let probes = listed.map(\.name) + words + ["日本銀", "日亜", "月", "𠮷亜", "日本銀行券面"]

    @Test func indexNarrowsAsBinarySearchesDo() throws {
        let layer = try #require(try Self.compile(listed: Self.listed, words: Self.words).layers.first)
        var indexedSteps = 0
        for probe in Self.probes {
            var node = 0, rows = 0..<layer.keyCount, depth = 0
            for scalar in probe.unicodeScalars where rows.count > LexiconFormat.indexedRows {
                let expected = layer.narrow(rows, depth: depth, scalar: scalar)
                depth += UTF8.width(scalar)
                guard let child = layer.child(of: node, scalar: scalar.value) else {
                    #expect(expected.isEmpty, "\(probe)")
                    break
                }
                indexedSteps += 1
                #expect(child.rows == expected, "\(probe)")
                #expect((child.flags & LexiconFormat.PrefixFlags.isKey != 0) == (layer.key(at: expected.lowerBound).count == depth))
                #expect((child.flags & LexiconFormat.PrefixFlags.isOnlyKeys != 0)
                    == (layer.key(at: expected.upperBound - 1).count == depth))
                (node, rows) = (child.node, child.rows)
            }
        }
        #expect(indexedSteps > Self.probes.count, "the index is searched below its root")
    }

    @Test func rowsMatchingFindsExactlyTheKey() throws {
        let layer = try #require(try Self.compile(listed: Self.listed, words: Self.words).layers.first)
        for probe in Self.probes {
            let key = Array(probe.utf8)
            let expected = (0..<layer.keyCount).filter { Array(layer.key(at: $0)) == key }
            #expect(Array(layer.rows(matching: key)) == expected, "\(probe)")
        }
    }

    @Test func emptyAndOneKeyLexicons() throws {
        let empty = try Self.compile(listed: [], words: [])
        #expect(empty.keyCount == 0)
        #expect(empty.lookup("日本").isEmpty)
        #expect(empty.scan(Array("日本".unicodeScalars)).isEmpty)
        let one = try Self.compile(listed: [("日本", .location)], words: [])
        #expect(one.lookup("日本").first?.listedType == .location)
        #expect(LexiconScanner(lexicon: one).listedMatches(Array("あ日本".unicodeScalars)).map(\.span) == [Span(start: 1, end: 3)])
        #expect(one.scan(Array("日".unicodeScalars)).isEmpty)
    }

    @Test func scanTakesTheLongestKeyAtEachPosition() throws {
        let lexicon = try Self.compile(listed: Self.listed, words: Self.words)
        let keys = Set((Self.listed.map(\.name) + Self.words).map { Array($0.unicodeScalars) })
        let listed = Set(Self.listed.map { Array($0.name.unicodeScalars) })
        let pieces = Self.probes + ["あ", "い", "中", "𠮷"]
        var random = SeededGenerator(state: 7)
        let scanner = LexiconScanner(lexicon: lexicon)
        for length in 0..<200 {
            var text: [Unicode.Scalar] = []
            for _ in 0..<(length % 12) { text += pieces[random.next(below: pieces.count)].unicodeScalars }
            // Greedy longest keys, left to right: a brute force of what the scan does on text
            // without Latin letters or punctuation. The listed scan passes over a key of no
            // listed entity, but not over a listed one.
            func longestKey(at start: Int) -> Int? {
                (start + 1...min(text.count, start + 32)).last { keys.contains(Array(text[start..<$0])) }
            }
            var expected: [Span] = [], expectedListed: [Span] = [], start = 0
            while start < text.count {
                let end = longestKey(at: start)
                if let end { expected.append(Span(start: start, end: end)) }
                start = end ?? start + 1
            }
            start = 0
            while start < text.count {
                if let end = longestKey(at: start), listed.contains(Array(text[start..<end])) {
                    expectedListed.append(Span(start: start, end: end))
                    start = end
                } else {
                    start += 1
                }
            }
            #expect(lexicon.scan(text).map(\.span) == expected)
            #expect(scanner.listedMatches(text).map(\.span) == expectedListed)
        }
    }
}

/// A small deterministic generator (an LCG), so that a failing text comes back.
private struct SeededGenerator {
    var state: UInt64

    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
}
