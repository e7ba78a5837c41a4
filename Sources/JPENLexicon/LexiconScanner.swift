import JPENText

/// Finds a ``Lexicon``'s names in text, remembering what it looked up: one per task, reused
/// across documents. Not thread-safe.
///
/// Each code point read narrows each compiled file's sorted keys by a binary search of the
/// mapped index, whose probes miss the cache; text repeats its characters and names, so the
/// scanner remembers the last 65,536 or so narrowings (2 MB), and a scan mostly costs one table
/// probe per code point read.
///
/// ```swift
/// let scanner = LexiconScanner(lexicon: try Lexicon.load())
/// scanner.listedMatches(Array("外務省は".unicodeScalars))   // [(0..<3, .organization)]
/// ```
public final class LexiconScanner {
    public let lexicon: Lexicon
    private var state: ScanState

    /// A scanner over `lexicon`. Cost: a 2 MB table of narrowings, zeroed.
    public convenience init(lexicon: Lexicon) {
        self.init(lexicon: lexicon, remembering: true)
    }

    /// A scanner that remembers nothing, for one look-up or scan (``Lexicon/scan(_:in:limit:)``).
    /// Cost: O(1).
    init(lexicon: Lexicon, remembering: Bool) {
        self.lexicon = lexicon
        state = ScanState(layers: lexicon.layers, remembering: remembering)
    }

    /// As ``Lexicon/longestMatch(in:at:limit:)``.
    public func longestMatch(in text: [Unicode.Scalar], at start: Int, limit: Int = 32) -> LexiconMatch? {
        var found: LexiconMatch?
        state.scanKeys(text, in: Span(start: start, end: text.count), limit: limit, once: true) { start, end, length, best in
            found = LexiconMatch(span: Span(start: start, end: end), entries: lexicon.entries(in: best, length: length))
        }
        return found
    }

    /// As ``Lexicon/scan(_:in:limit:)``.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        var matches: [LexiconMatch] = []
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit) { start, end, length, best in
            matches.append(LexiconMatch(span: Span(start: start, end: end), entries: lexicon.entries(in: best, length: length)))
        }
        return matches
    }

    /// The matches of ``scan(_:in:limit:)`` whose first entry is a listed entity, with its type:
    /// "Foreign Ministry", 外務省. Cost: as `scan`, but no entry is decoded (a flag read per match).
    public func listedMatches(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [(span: Span, type: EntityType)] {
        var matches: [(span: Span, type: EntityType)] = []
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit) { start, end, length, best in
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
}

/// A scan's buffers and the narrowings remembered; a value, so that a scan's many steps pay no
/// reference counting or exclusivity checks.
private struct ScanState {
    let layers: [CompiledLexicon]
    var ranges: [Range<Int>]
    var best: [Range<Int>]
    var utf8: [UInt8] = []
    /// The buffer of each scanned code point's script, kept between scans.
    var scriptBuffer: [Script] = []
    /// Narrowings remembered, direct-mapped by a hash of the step: a newer step that hashes
    /// alike replaces an older one, so memory stays fixed (2 MB) and a look-up is one probe.
    /// Empty when the scanner remembers nothing.
    var narrowings: [Narrowing]

    static let narrowingBits = 16

    /// One step of a search: the keys of one file (`layer`) that begin with the prefix whose rows
    /// begin at `low` and is `depth` bytes long, narrowed to those whose next bytes are `bytes`
    /// (the UTF-8 of one folded code point, packed), `rows`, and whether one of them is exactly
    /// that long (`isKey`). A prefix's first row and length name it uniquely.
    struct Narrowing {
        var low: Int32 = -1
        var layer: Int16 = 0
        var depth: Int16 = 0
        var bytes: UInt64 = 0
        var rows: Range<Int32> = 0..<0
        var isKey = false
    }

    init(layers: [CompiledLexicon], remembering: Bool) {
        self.layers = layers
        ranges = Array(repeating: 0..<0, count: layers.count)
        best = ranges
        narrowings = remembering ? Array(repeating: Narrowing(), count: 1 << Self.narrowingBits) : []
    }

    /// Calls `found` with the start, end and key length of each longest key of a left-to-right
    /// scan of `span`, and each layer's rows whose keys begin with it; with `once`, only for
    /// a key at the span's start.
    mutating func scanKeys(_ text: [Unicode.Scalar], in span: Span, limit: Int, once: Bool = false,
                           _ found: (Int, Int, Int, [Range<Int>]) -> Void) {
        guard span.start < span.end else { return }
        let window = span.end == text.count ? text : Array(text[..<span.end])
        // Each code point's script, read several times per position: from the one before the
        // span (a name must not continue a word), and for one key only up to the one after it.
        let scriptBase = max(0, span.start - 1)
        var scripts = scriptBuffer
        scriptBuffer = []
        scripts.removeAll(keepingCapacity: true)
        for scalar in window[scriptBase..<(once ? min(window.count, span.start + limit + 1) : window.count)] {
            scripts.append(Script(scalar))
        }
        scripts.withUnsafeBufferPointer { scripts in
            var index = span.start
            while index < span.end {
                if let match = longestKey(in: window, at: index, limit: limit, scripts: scripts, scriptBase: scriptBase) {
                    found(index, match.end, match.length, best)
                    index = match.end
                } else {
                    index += 1
                }
                if once { return }
            }
        }
        scriptBuffer = scripts
    }

    /// The end and byte length of the longest key at `start` (see
    /// ``Lexicon/longestMatch(in:at:limit:)``); ``best`` then holds each layer's rows whose keys
    /// begin with it.
    private mutating func longestKey(in text: [Unicode.Scalar], at start: Int, limit: Int,
                                     scripts: UnsafeBufferPointer<Script>, scriptBase: Int) -> (end: Int, length: Int)? {
        func script(_ offset: Int) -> Script { scripts[offset - scriptBase] }
        func isWordCharacter(_ offset: Int) -> Bool { script(offset) == .latin || script(offset) == .digit }
        guard start < text.count, script(start) != .space, script(start) != .punctuation else { return nil }
        // Keys fold case, but a name in Latin letters is capitalized: "to" is not Tou, "sent a"
        // not Senta.
        let isLatin = script(start) == .latin
        if isLatin, !text[start].isUppercase { return nil }
        var lastWordStart = start
        if start > 0, isWordCharacter(start - 1), isWordCharacter(start), isLatin || script(start - 1) == .latin { return nil }
        for (layer, lexicon) in layers.enumerated() { ranges[layer] = 0..<lexicon.keyCount }
        var folder = LexiconKey.Folder()
        var depth = 0
        var found: (end: Int, length: Int)?
        var index = start
        while index < text.count, index - start < limit {
            utf8.removeAll(keepingCapacity: true)
            folder.fold(text[index]) { utf8.append(contentsOf: $0.utf8) }
            if index > start, !isWordCharacter(index - 1) { lastWordStart = index }
            index += 1
            guard !utf8.isEmpty else { continue }
            var alive = false, endsKey = false
            for layer in layers.indices where !ranges[layer].isEmpty {
                let narrowed = narrow(layer, ranges[layer], depth: depth)
                ranges[layer] = narrowed.rows
                alive = alive || !narrowed.rows.isEmpty
                endsKey = endsKey || narrowed.isKey
            }
            depth += utf8.count
            guard alive else { break }
            let cutsWord = index < text.count && isWordCharacter(index - 1) && isWordCharacter(index)
                && (script(index) == .latin || script(index - 1) == .latin)
            let endsLowercase = isLatin && text[lastWordStart].isLowercase
            if endsKey, !cutsWord, !endsLowercase {
                found = (index, depth)
                for layer in ranges.indices { best[layer] = ranges[layer] }
            }
        }
        return found
    }

    /// `range` of layer `layer` narrowed by ``utf8``, and whether a key ends there (reading that
    /// misses the cache too); remembered.
    private mutating func narrow(_ layer: Int, _ range: Range<Int>, depth: Int) -> (rows: Range<Int>, isKey: Bool) {
        let lexicon = layers[layer]
        // Steps the table cannot name (offsets past Int32, folds of more than 7 bytes) are rare:
        // they are worked out each time, as every step is without a table.
        guard !narrowings.isEmpty, utf8.count <= 7, range.upperBound <= Int32.max, depth <= Int16.max, layer <= Int16.max else {
            let rows = lexicon.narrow(range, depth: depth, bytes: utf8)
            return (rows, lexicon.hasKey(in: rows, length: depth + utf8.count))
        }
        var bytes = UInt64(utf8.count)
        for byte in utf8 { bytes = bytes << 8 | UInt64(byte) }
        let low = Int32(range.lowerBound), layerNumber = Int16(layer), depthNumber = Int16(depth)
        let hash = (UInt64(UInt32(bitPattern: low)) | UInt64(depth) << 32 | UInt64(layer) << 48) &* 0x9E37_79B9_7F4A_7C15
            ^ bytes &* 0xC2B2_AE3D_27D4_EB4F
        let slot = Int(truncatingIfNeeded: (hash ^ hash >> 29) >> (64 - UInt64(Self.narrowingBits)))
        let known = narrowings[slot]
        if known.low == low, known.bytes == bytes, known.depth == depthNumber, known.layer == layerNumber {
            return (Int(known.rows.lowerBound)..<Int(known.rows.upperBound), known.isKey)
        }
        let rows = lexicon.narrow(range, depth: depth, bytes: utf8)
        let isKey = lexicon.hasKey(in: rows, length: depth + utf8.count)
        narrowings[slot] = Narrowing(low: low, layer: layerNumber, depth: depthNumber, bytes: bytes,
                                     rows: Int32(rows.lowerBound)..<Int32(rows.upperBound), isKey: isKey)
        return (rows, isKey)
    }
}
