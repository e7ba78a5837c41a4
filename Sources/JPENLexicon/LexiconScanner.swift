import JPENText

/// Finds a ``Lexicon``'s names in text, remembering what it looked up: one per task, reused
/// across documents. Not thread-safe.
///
/// Each code point read narrows each compiled file's sorted keys by a binary search of the
/// mapped index, whose probes miss the cache; text repeats its characters and names, so the
/// scanner remembers the last 65,536 or so narrowings (1.5 MB), and a scan mostly costs one table
/// probe per code point read.
///
/// ```swift
/// let scanner = LexiconScanner(lexicon: try Lexicon.load())
/// scanner.listedMatches(Array("外務省は".unicodeScalars))   // [(0..<3, .organization)]
/// ```
public final class LexiconScanner {
    public let lexicon: Lexicon
    private var state: ScanState

    /// A scanner over `lexicon`. Cost: a 1.5 MB table of narrowings, filled.
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
            found = LexiconMatch(span: Span(start: start, end: end), entries: lexicon.entries(in: Array(best), length: length))
        }
        return found
    }

    /// As ``Lexicon/scan(_:in:limit:)``.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        var matches: [LexiconMatch] = []
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit) { start, end, length, best in
            matches.append(LexiconMatch(span: Span(start: start, end: end), entries: lexicon.entries(in: Array(best), length: length)))
        }
        return matches
    }

    /// The matches of ``scan(_:in:limit:)`` whose first entry is a listed entity, with its type:
    /// "Foreign Ministry", 外務省. Cost: as `scan`, but no entry is decoded (a flag read per match).
    public func listedMatches(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [(span: Span, type: EntityType)] {
        var matches: [(span: Span, type: EntityType)] = []
        let layers = lexicon.layers
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit) { start, end, length, best in
            // Every list is compiled before the dictionaries (``LexiconBuilder``), so a key's rows
            // name listed entities first: its first row tells whether a layer lists it, and the
            // first layer that does gives the first entry.
            for layer in layers.indices where layers[layer].hasKey(in: best[layer], length: length) {
                let entry = layers[layer].entryIndex(ofKey: best[layer].lowerBound)
                guard layers[layer].isListed(entry) else { continue }
                if let type = layers[layer].listedType(entry) { matches.append((Span(start: start, end: end), type)) }
                return
            }
        }
        return matches
    }
}

/// A scan's buffers and the narrowings remembered.
private struct ScanState {
    let layers: [CompiledLexicon]
    /// The buffer of each scanned code point's script, kept between scans.
    var scriptBuffer: [Script] = []
    /// Narrowings remembered; nil when the scanner remembers nothing.
    let narrowings: NarrowingTable?

    init(layers: [CompiledLexicon], remembering: Bool) {
        self.layers = layers
        narrowings = remembering ? NarrowingTable() : nil
    }

    /// Calls `found` with the start, end and key length of each longest key of a left-to-right
    /// scan of `span`, and each layer's rows whose keys begin with it; with `once`, only for
    /// a key at the span's start.
    mutating func scanKeys(_ text: [Unicode.Scalar], in span: Span, limit: Int, once: Bool = false,
                           _ found: (Int, Int, Int, UnsafeBufferPointer<Range<Int>>) -> Void) {
        guard span.start < span.end else { return }
        // Each code point's script, read several times per position: from the one before the
        // span (a name must not continue a word), and for one key only up to the one after it.
        let scriptBase = max(0, span.start - 1)
        var scripts = scriptBuffer
        scriptBuffer = []
        scripts.removeAll(keepingCapacity: true)
        for scalar in text[scriptBase..<(once ? min(span.end, span.start + limit + 1) : span.end)] {
            scripts.append(Script(scalar))
        }
        // The scan reads through buffers, so that its many steps pay no reference counting,
        // uniqueness or bounds checks.
        var ranges = [Range<Int>](repeating: 0..<0, count: layers.count), best = ranges
        text[..<span.end].withUnsafeBufferPointer { text in
            scripts.withUnsafeBufferPointer { scripts in
                ranges.withUnsafeMutableBufferPointer { ranges in
                    best.withUnsafeMutableBufferPointer { best in
                        var index = span.start
                        while index < span.end {
                            if let match = longestKey(in: text, at: index, limit: limit, scripts: scripts, scriptBase: scriptBase,
                                                      ranges: ranges, best: best) {
                                found(index, match.end, match.length, UnsafeBufferPointer(best))
                                index = match.end
                            } else {
                                index += 1
                            }
                            if once { return }
                        }
                    }
                }
            }
        }
        scriptBuffer = scripts
    }

    /// The end and byte length of the longest key at `start` (see
    /// ``Lexicon/longestMatch(in:at:limit:)``); `best` then holds each layer's rows whose keys
    /// begin with it. `ranges` is a buffer of one range per layer.
    private func longestKey(in text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, limit: Int,
                            scripts: UnsafeBufferPointer<Script>, scriptBase: Int,
                            ranges: UnsafeMutableBufferPointer<Range<Int>>,
                            best: UnsafeMutableBufferPointer<Range<Int>>) -> (end: Int, length: Int)? {
        func script(_ offset: Int) -> Script { scripts[offset - scriptBase] }
        func isWordCharacter(_ offset: Int) -> Bool { script(offset) == .latin || script(offset) == .digit }
        guard start < text.count, script(start) != .space, script(start) != .punctuation else { return nil }
        // Keys fold case, but a name in Latin letters is capitalized: "to" is not Tou, "sent a"
        // not Senta.
        let isLatin = script(start) == .latin
        if isLatin, !text[start].isUppercase { return nil }
        var lastWordStart = start
        if start > 0, isWordCharacter(start - 1), isWordCharacter(start), isLatin || script(start - 1) == .latin { return nil }
        for layer in layers.indices { ranges[layer] = 0..<layers[layer].keyCount }
        var folder = LexiconKey.Folder()
        var depth = 0
        var found: (end: Int, length: Int)?
        var index = start
        while index < text.count, index - start < limit {
            if index > start, !isWordCharacter(index - 1) { lastWordStart = index }
            let folded = folder.fold(text[index])
            index += 1
            let step: (alive: Bool, endsKey: Bool, extends: Bool)
            switch folded {
            case .none: continue
            case .one(let scalar): step = narrowLayers(ranges, depth: &depth, by: scalar)
            case .several(let scalars):
                var last = (alive: false, endsKey: false, extends: false)
                for scalar in scalars {
                    last = narrowLayers(ranges, depth: &depth, by: scalar)
                    guard last.alive else { break }
                }
                step = last
            }
            let (alive, endsKey, extends) = step
            guard alive else { break }
            let cutsWord = index < text.count && isWordCharacter(index - 1) && isWordCharacter(index)
                && (script(index) == .latin || script(index - 1) == .latin)
            let endsLowercase = isLatin && text[lastWordStart].isLowercase
            if endsKey, !cutsWord, !endsLowercase {
                found = (index, depth)
                for layer in ranges.indices { best[layer] = ranges[layer] }
            }
            // No key is longer: reading on would only narrow every layer to nothing.
            guard extends else { break }
        }
        return found
    }

    /// Each layer's `ranges` narrowed by the UTF-8 of `scalar`, read at `depth` bytes: whether
    /// rows are left, whether a key ends there, and whether a longer key is left.
    @inline(__always)
    private func narrowLayers(_ ranges: UnsafeMutableBufferPointer<Range<Int>>, depth: inout Int, by scalar: Unicode.Scalar)
        -> (alive: Bool, endsKey: Bool, extends: Bool) {
        var alive = false, endsKey = false, extends = false
        for layer in ranges.indices where !ranges[layer].isEmpty {
            let step = narrow(layer, ranges[layer], depth: depth, by: scalar)
            ranges[layer] = step.rows
            alive = alive || !step.rows.isEmpty
            endsKey = endsKey || step.isKey
            extends = extends || !step.rows.isEmpty && !step.isOnlyKeys
        }
        depth += UTF8.width(scalar)
        return (alive, endsKey, extends)
    }

    /// `range` of layer `layer` narrowed by the UTF-8 of `scalar`, whether a key ends there and
    /// whether every key left does (reading them misses the cache too); remembered.
    @inline(__always)
    private func narrow(_ layer: Int, _ range: Range<Int>, depth: Int, by scalar: Unicode.Scalar)
        -> (rows: Range<Int>, isKey: Bool, isOnlyKeys: Bool) {
        let lexicon = layers[layer]
        func workedOut() -> (rows: Range<Int>, isKey: Bool, isOnlyKeys: Bool) {
            let rows = lexicon.narrow(range, depth: depth, scalar: scalar)
            let length = depth + UTF8.width(scalar)
            return (rows, lexicon.hasKey(in: rows, length: length), lexicon.hasOnlyKeys(in: rows, length: length))
        }
        // Steps the table cannot name (offsets past Int32, keys longer than 64 KB) are rare:
        // they are worked out each time, as every step is without a table.
        guard let narrowings, range.upperBound <= Int32.max, depth <= UInt16.max, layer <= UInt16.max else {
            return workedOut()
        }
        let prefix = UInt32(range.lowerBound), shape = UInt32(depth) | UInt32(layer) << 16
        let known = narrowings.slot(prefix: prefix, shape: shape, scalar: scalar)
        if known.pointee.prefix == prefix, known.pointee.shape == shape, known.pointee.scalar == scalar.value {
            let entry = known.pointee
            return (Int(entry.low)..<Int(entry.high), entry.flags & 1 != 0, entry.flags & 2 != 0)
        }
        let step = workedOut()
        known.pointee = NarrowingTable.Narrowing(prefix: prefix, shape: shape, scalar: scalar.value,
                                                 low: Int32(step.rows.lowerBound), high: Int32(step.rows.upperBound),
                                                 flags: (step.isKey ? 1 : 0) | (step.isOnlyKeys ? 2 : 0))
        return step
    }
}

/// Narrowings remembered, direct-mapped by a hash of the step: a newer step that hashes alike
/// replaces an older one, so memory stays fixed (1.5 MB) and a look-up is one probe.
private final class NarrowingTable {
    static let bits = 16

    /// One step of a search: the keys of one file (`layer`) that begin with the prefix whose rows
    /// begin at `prefix` and is `depth` bytes long (`shape`: the depth, and the layer above it),
    /// narrowed to those whose next bytes are the UTF-8 of `scalar`: rows `low..<high`, and
    /// whether one of them is exactly that long (bit 0 of `flags`) or all are (bit 1). A prefix's
    /// first row and length name it uniquely.
    struct Narrowing {
        var prefix: UInt32 = .max
        var shape: UInt32 = .max
        var scalar: UInt32 = .max
        var low: Int32 = 0
        var high: Int32 = 0
        var flags: UInt32 = 0
    }

    private let slots: UnsafeMutablePointer<Narrowing>

    /// An empty table. Cost: 1.5 MB, filled.
    init() {
        slots = .allocate(capacity: 1 << Self.bits)
        slots.initialize(repeating: Narrowing(), count: 1 << Self.bits)
    }

    deinit {
        slots.deallocate()
    }

    /// The one slot a step may be remembered in.
    @inline(__always)
    func slot(prefix: UInt32, shape: UInt32, scalar: Unicode.Scalar) -> UnsafeMutablePointer<Narrowing> {
        let hash = (UInt64(prefix) | UInt64(shape) << 32) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(scalar.value) &* 0xC2B2_AE3D_27D4_EB4F
        return slots + Int(truncatingIfNeeded: (hash ^ hash >> 29) >> (64 - UInt64(Self.bits)))
    }
}
