import JPENText

/// Finds a ``Lexicon``'s names in text, remembering what it looked up: one per task, reused
/// across documents. Not thread-safe.
///
/// Each code point read narrows each compiled file's sorted keys by a binary search of the
/// mapped index, whose probes miss the cache; text repeats its characters and names, so the
/// scanner remembers every narrowing it did (a few hundred thousand at most, then it starts
/// over), and a scan then costs a hash look-up per code point read.
///
/// ```swift
/// let scanner = LexiconScanner(lexicon: try Lexicon.load())
/// scanner.listedMatches(Array("外務省は".unicodeScalars))   // [(0..<3, .organization)]
/// ```
public final class LexiconScanner {
    public let lexicon: Lexicon
    private var ranges: [Range<Int>]
    private var best: [Range<Int>]
    private var utf8: [UInt8] = []
    private var narrowings: [Narrowing: Range<Int>] = [:]

    /// The most narrowings remembered (about 40 bytes each) before the memory starts over.
    static let narrowingLimit = 300_000

    /// One step of a search: the keys of one file that begin with the prefix whose rows begin at
    /// `low` and is `depth` bytes long, narrowed to those whose next bytes are `bytes` (the UTF-8
    /// of one folded code point, packed). A prefix's first row and length name it uniquely.
    private struct Narrowing: Hashable {
        let layer: Int32
        let depth: Int32
        let low: Int
        let bytes: UInt64
    }

    /// A scanner over `lexicon`. Cost: O(1).
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        ranges = Array(repeating: 0..<0, count: lexicon.layers.count)
        best = ranges
    }

    /// As ``Lexicon/longestMatch(in:at:limit:)``.
    public func longestMatch(in text: [Unicode.Scalar], at start: Int, limit: Int = 32) -> LexiconMatch? {
        longestKey(in: text, at: start, limit: limit).map {
            LexiconMatch(span: Span(start: start, end: $0.end), entries: lexicon.entries(in: best, length: $0.length))
        }
    }

    /// As ``Lexicon/scan(_:in:limit:)``.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        var matches: [LexiconMatch] = []
        scanKeys(text, in: span, limit: limit) { start, end, length in
            matches.append(LexiconMatch(span: Span(start: start, end: end), entries: lexicon.entries(in: best, length: length)))
        }
        return matches
    }

    /// The matches of ``scan(_:in:limit:)`` whose first entry is a listed entity, with its type:
    /// "Foreign Ministry", 外務省. Cost: as `scan`, but no entry is decoded (a flag read per match).
    public func listedMatches(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [(span: Span, type: EntityType)] {
        var matches: [(span: Span, type: EntityType)] = []
        scanKeys(text, in: span, limit: limit) { start, end, length in
            // Listed entries come first, so the first listed row of any layer is the first entry.
            for (layer, range) in zip(lexicon.layers, best) {
                if let row = layer.rows(in: range, length: length).first(where: { layer.isListed(layer.entryIndex(ofKey: $0)) }) {
                    if let type = layer.listedType(layer.entryIndex(ofKey: row)) {
                        matches.append((Span(start: start, end: end), type))
                    }
                    return
                }
            }
        }
        return matches
    }

    /// Calls `found` with the start, end and key length of each longest key of a left-to-right
    /// scan of `span`; ``best`` then holds the key's rows.
    private func scanKeys(_ text: [Unicode.Scalar], in span: Span?, limit: Int, _ found: (Int, Int, Int) -> Void) {
        let span = span ?? Span(start: 0, end: text.count)
        var index = span.start
        let window = span.end == text.count ? text : Array(text[..<span.end])
        while index < span.end {
            if let match = longestKey(in: window, at: index, limit: limit) {
                found(index, match.end, match.length)
                index = match.end
            } else {
                index += 1
            }
        }
    }

    /// The end and byte length of the longest key at `start` (see
    /// ``Lexicon/longestMatch(in:at:limit:)``); ``best`` then holds each layer's rows whose keys
    /// begin with it.
    private func longestKey(in text: [Unicode.Scalar], at start: Int, limit: Int) -> (end: Int, length: Int)? {
        guard start < text.count, !LexiconKey.isSeparator(text[start]) else { return nil }
        // Keys fold case, but a name in Latin letters is capitalized: "to" is not Tou, "sent a"
        // not Senta.
        let isLatin = Script(text[start]) == .latin
        if isLatin, !Lexicon.isUppercase(text[start]) { return nil }
        var lastWordStart = start
        if start > 0, Lexicon.isWordCharacter(text[start - 1]), Lexicon.isWordCharacter(text[start]),
           Script(text[start]) == .latin || Script(text[start - 1]) == .latin { return nil }
        let layers = lexicon.layers
        for (layer, lexicon) in layers.enumerated() { ranges[layer] = 0..<lexicon.keyCount }
        var folder = LexiconKey.Folder()
        var depth = 0
        var found: (end: Int, length: Int)?
        var index = start
        while index < text.count, index - start < limit {
            utf8.removeAll(keepingCapacity: true)
            folder.fold(text[index]) { UTF8.encode($0) { utf8.append($0) } }
            if index > start, !Lexicon.isWordCharacter(text[index - 1]) { lastWordStart = index }
            index += 1
            guard !utf8.isEmpty else { continue }
            var alive = false
            for layer in layers.indices where !ranges[layer].isEmpty {
                ranges[layer] = narrow(layer, ranges[layer], depth: depth)
                alive = alive || !ranges[layer].isEmpty
            }
            depth += utf8.count
            guard alive else { break }
            let isKey = zip(layers, ranges).contains { $0.hasKey(in: $1, length: depth) }
            let cutsWord = index < text.count && Lexicon.isWordCharacter(text[index - 1])
                && Lexicon.isWordCharacter(text[index]) && (Script(text[index]) == .latin || Script(text[index - 1]) == .latin)
            let endsLowercase = isLatin && Lexicon.isLowercase(text[lastWordStart])
            if isKey, !cutsWord, !endsLowercase {
                found = (index, depth)
                for layer in ranges.indices { best[layer] = ranges[layer] }
            }
        }
        return found
    }

    /// `range` of layer `layer` narrowed by ``utf8``, remembered.
    private func narrow(_ layer: Int, _ range: Range<Int>, depth: Int) -> Range<Int> {
        guard utf8.count <= 7 else { return lexicon.layers[layer].narrow(range, depth: depth, bytes: utf8) }
        var packed = UInt64(utf8.count)
        for byte in utf8 { packed = packed << 8 | UInt64(byte) }
        let step = Narrowing(layer: Int32(layer), depth: Int32(depth), low: range.lowerBound, bytes: packed)
        if let known = narrowings[step] { return known }
        let narrowed = lexicon.layers[layer].narrow(range, depth: depth, bytes: utf8)
        if narrowings.count >= Self.narrowingLimit { narrowings.removeAll(keepingCapacity: true) }
        narrowings[step] = narrowed
        return narrowed
    }
}
