import JPENText

/// Everything jpen knows about names: EDRDG's ENAMDICT and EDICT, the curated entity list, and
/// the user's own lists, compiled and memory-mapped.
///
/// Immutable and `Sendable`: one lexicon serves every task. ``load(_:)`` maps the compiled files
/// (compiling them first when the sources changed), so opening costs milliseconds.
///
/// ```swift
/// let lexicon = try Lexicon.load()
/// lexicon.lookup("石破茂").first?.glosses        // ["Shigeru Ishiba"] (the curated entry)
/// lexicon.lookup("Shinzou Abe").first?.surface  // "安倍晋三"
/// ```
public final class Lexicon: Sendable {
    /// The compiled files, searched in order: the user's lists first, then jpen's own lexicon.
    let layers: [CompiledLexicon]

    /// A lexicon over compiled files at `paths` (first wins). Cost: O(1) per file.
    public init(compiledFiles paths: [String]) throws(LexiconError) {
        var layers: [CompiledLexicon] = []
        for path in paths { layers.append(try CompiledLexicon(path: path)) }
        self.layers = layers
    }

    /// The number of entries over all files.
    public var entryCount: Int { layers.reduce(0) { $0 + $1.entryCount } }
    /// The number of index keys over all files.
    public var keyCount: Int { layers.reduce(0) { $0 + $1.keyCount } }

    /// Every entry found under `name`'s key, listed entities first: a Japanese surface (石破茂,
    /// トランプ, ウィルバー・ロス) or a Latin name in any case, with or without macrons, in either
    /// word order for people (Shinzō Abe = abe shinzou). Cost: O(log k) plus the entries decoded.
    public func lookup(_ name: String) -> [LexiconEntry] {
        let key = Array(LexiconKey.make(name).utf8)
        guard !key.isEmpty else { return [] }
        var listed: [LexiconEntry] = [], others: [LexiconEntry] = []
        for layer in layers {
            for row in layer.rows(matching: key) {
                let entry = layer.entry(layer.entryIndex(ofKey: row))
                if entry.isListed { listed.append(entry) } else { others.append(entry) }
            }
        }
        return listed + others
    }

    /// Whether any entry is found under `name`. Cost: O(log k).
    public func contains(_ name: String) -> Bool {
        let key = Array(LexiconKey.make(name).utf8)
        return !key.isEmpty && layers.contains { !$0.rows(matching: key).isEmpty }
    }

    /// The longest name that starts at `start` in NFKC-normalized `text` (for example
    /// ``JPENNormalize/NormalizedText/scalars``), reading at most `limit` code points. Spaces,
    /// punctuation and ・ inside the name are skipped as keys skip them (so "Shigeru  Ishiba" and
    /// ウィルバー・ロス match), and a Latin name must start and end at a word edge ("Abe" does not
    /// match inside "Abel") and start with a capital and end with a word that is not lower-case
    /// ("to" is not the name Tou, nor "Is a" Isa). Nil when no name starts there.
    /// Cost: O(limit · log k).
    public func longestMatch(in text: [Unicode.Scalar], at start: Int, limit: Int = 32) -> LexiconMatch? {
        longestKey(in: text, at: start, limit: limit).map { LexiconMatch(span: Span(start: start, end: $0.end), entries: entries(of: $0)) }
    }

    /// The names found in `span` of `text`, scanning left to right and taking the longest name at
    /// each position (a name's inside is not searched again). Candidates for recognition, not
    /// entities: every common word that is also a name is found too. Cost: O(n · log k) plus the
    /// entries decoded.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        var matches: [LexiconMatch] = []
        scanKeys(text, in: span, limit: limit) { start, match in
            matches.append(LexiconMatch(span: Span(start: start, end: match.end), entries: entries(of: match)))
        }
        return matches
    }

    /// The matches of ``scan(_:in:limit:)`` whose first entry is a listed entity, with its type:
    /// "Foreign Ministry", 外務省. Cost: as `scan`, but no entry is decoded (a flag read per match).
    public func listedMatches(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [(span: Span, type: EntityType)] {
        var matches: [(span: Span, type: EntityType)] = []
        scanKeys(text, in: span, limit: limit) { start, match in
            // Listed entries come first, so the first listed row of any layer is the first entry.
            for (layer, range) in zip(layers, match.ranges) {
                if let row = layer.rows(in: range, length: match.length).first(where: { layer.isListed(layer.entryIndex(ofKey: $0)) }) {
                    if let type = layer.listedType(layer.entryIndex(ofKey: row)) {
                        matches.append((Span(start: start, end: match.end), type))
                    }
                    return
                }
            }
        }
        return matches
    }

    /// The longest key at `start`: where it ends, its length in bytes, and each layer's rows
    /// whose keys begin with it.
    private struct KeyMatch {
        let end: Int
        let length: Int
        let ranges: [Range<Int>]
    }

    /// Calls `found` with each longest key of a left-to-right scan of `span`.
    private func scanKeys(_ text: [Unicode.Scalar], in span: Span?, limit: Int, _ found: (Int, KeyMatch) -> Void) {
        let span = span ?? Span(start: 0, end: text.count)
        var index = span.start
        let window = span.end == text.count ? text : Array(text[..<span.end])
        while index < span.end {
            if let match = longestKey(in: window, at: index, limit: limit) {
                found(index, match)
                index = match.end
            } else {
                index += 1
            }
        }
    }

    /// Every entry under a matched key, listed entities first.
    private func entries(of match: KeyMatch) -> [LexiconEntry] {
        var listed: [LexiconEntry] = [], others: [LexiconEntry] = []
        for (lexicon, range) in zip(layers, match.ranges) {
            for row in lexicon.rows(in: range, length: match.length) {
                let entry = lexicon.entry(lexicon.entryIndex(ofKey: row))
                if entry.isListed { listed.append(entry) } else { others.append(entry) }
            }
        }
        return listed + others
    }

    /// The work of ``longestMatch(in:at:limit:)`` without decoding entries.
    private func longestKey(in text: [Unicode.Scalar], at start: Int, limit: Int) -> KeyMatch? {
        guard start < text.count, !LexiconKey.isSeparator(text[start]) else { return nil }
        // Keys fold case, but a name in Latin letters is capitalized: "to" is not Tou, "sent a"
        // not Senta.
        let isLatin = Script(text[start]) == .latin
        if isLatin, !text[start].properties.isUppercase { return nil }
        var lastWordStart = start
        if start > 0, Self.isWordCharacter(text[start - 1]), Self.isWordCharacter(text[start]),
           Script(text[start]) == .latin || Script(text[start - 1]) == .latin { return nil }
        var ranges = layers.map { 0..<$0.keyCount }
        var folder = LexiconKey.Folder()
        var depth = 0
        var best: (end: Int, depth: Int, ranges: [Range<Int>])?
        var index = start
        var utf8: [UInt8] = []
        while index < text.count, index - start < limit {
            utf8.removeAll(keepingCapacity: true)
            folder.fold(text[index]) { UTF8.encode($0) { utf8.append($0) } }
            if index > start, !Self.isWordCharacter(text[index - 1]) { lastWordStart = index }
            index += 1
            guard !utf8.isEmpty else { continue }
            var alive = false
            for (layer, lexicon) in layers.enumerated() {
                var range = ranges[layer]
                for (offset, byte) in utf8.enumerated() where !range.isEmpty {
                    range = lexicon.narrow(range, depth: depth + offset, byte: byte)
                }
                ranges[layer] = range
                alive = alive || !range.isEmpty
            }
            depth += utf8.count
            guard alive else { break }
            let found = zip(layers, ranges).contains { $0.hasKey(in: $1, length: depth) }
            let cutsWord = index < text.count && Self.isWordCharacter(text[index - 1])
                && Self.isWordCharacter(text[index]) && (Script(text[index]) == .latin || Script(text[index - 1]) == .latin)
            let endsLowercase = isLatin && text[lastWordStart].properties.isLowercase
            if found, !cutsWord, !endsLowercase { best = (index, depth, ranges) }
        }
        return best.map { KeyMatch(end: $0.end, length: $0.depth, ranges: $0.ranges) }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch Script(scalar) {
        case .latin, .digit: true
        default: false
        }
    }
}

/// A name found in text: where, and every entry under its key (listed entities first).
public struct LexiconMatch: Hashable, Sendable {
    /// The matched code points of the scanned text.
    public let span: Span
    public let entries: [LexiconEntry]
}
