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
        lookup(key: LexiconKey.make(name))
    }

    /// Every entry under `key` (a ``LexiconKey/make(_:)``), listed entities first: for a caller
    /// that has the key already. Cost: O(log k) plus the entries decoded.
    func lookup(key: String) -> [LexiconEntry] {
        let key = Array(key.utf8)
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

    /// The ``NameKinds`` of each entry under `key` (a ``LexiconKey/make(_:)``) whose glosses
    /// romanize a Japanese name (``LexiconEntry/isRomanization``), in no set order. Cost: O(log k)
    /// plus a few fixed-size reads per entry; nothing decoded.
    func romanizationKinds(key: String) -> [NameKinds] {
        let key = Array(key.utf8)
        guard !key.isEmpty else { return [] }
        var kinds: [NameKinds] = []
        for layer in layers {
            for row in layer.rows(matching: key) {
                if let found = layer.romanizationKinds(ofEntry: layer.entryIndex(ofKey: row)) { kinds.append(found) }
            }
        }
        return kinds
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
        LexiconScanner(lexicon: self, remembering: false).longestMatch(in: text, at: start, limit: limit)
    }

    /// The names found in `span` of `text`, scanning left to right and taking the longest name at
    /// each position (a name's inside is not searched again). Candidates for recognition, not
    /// entities: every common word that is also a name is found too. Cost: O(n · log k) plus the
    /// entries decoded; a ``LexiconScanner`` kept across texts is faster.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        LexiconScanner(lexicon: self, remembering: false).scan(text, in: span, limit: limit)
    }

    /// Every entry under `ranges` (each layer's rows whose keys begin with a matched key) whose key
    /// is `length` bytes long, listed entities first.
    func entries(in ranges: [Range<Int>], length: Int) -> [LexiconEntry] {
        var listed: [LexiconEntry] = [], others: [LexiconEntry] = []
        for (lexicon, range) in zip(layers, ranges) {
            for row in lexicon.rows(in: range, length: length) {
                let entry = lexicon.entry(lexicon.entryIndex(ofKey: row))
                if entry.isListed { listed.append(entry) } else { others.append(entry) }
            }
        }
        return listed + others
    }
}

/// A name found in text: where, and every entry under its key (listed entities first).
public struct LexiconMatch: Hashable, Sendable {
    /// The matched code points of the scanned text.
    public let span: Span
    public let entries: [LexiconEntry]
}
