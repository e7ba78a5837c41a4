import JPENText

/// Finds a ``Lexicon``'s names in text, remembering what it looked up: one per task, reused
/// across documents. Not thread-safe.
///
/// ``listedMatches(_:in:limit:)`` searches the keys only where a listed name may start and no
/// further than one may reach, by a small table of the prefixes of listed names.
///
/// Each code point read narrows each compiled file's sorted keys: down the file's prefix index
/// while more than ``LexiconFormat/indexedRows`` keys are left (a probe of a hash table),
/// then by a binary search of those keys, whose probes miss the cache; text repeats its names, so
/// the scanner remembers the last 65,536 or so of these searches (2 MB), and where the search
/// stands at the end of the last 2,048 or so listed names it read (about 430 KB).
///
/// ```swift
/// let scanner = LexiconScanner(lexicon: try Lexicon.load())
/// scanner.listedMatches(Array("外務省は".unicodeScalars))   // [(0..<3, .organization)]
/// ```
public final class LexiconScanner {
    public let lexicon: Lexicon
    private var state: ScanState

    /// A scanner over `lexicon`. Cost: a 2 MB table of narrowings, filled, and a table of listed
    /// names.
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
        state.scanKeys(text, in: Span(start: start, end: text.count), limit: limit, mode: .once) { match in
            found = LexiconMatch(span: match.span, entries: lexicon.entries(in: Array(match.rows), length: match.length))
        }
        return found
    }

    /// As ``Lexicon/scan(_:in:limit:)``.
    public func scan(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [LexiconMatch] {
        var matches: [LexiconMatch] = []
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit, mode: .all) { match in
            matches.append(LexiconMatch(span: match.span, entries: lexicon.entries(in: Array(match.rows), length: match.length)))
        }
        return matches
    }

    /// The listed entities named in `span` of `text`, left to right, with their types: at each
    /// position not inside the name found before, the ``longestMatch(in:at:limit:)`` when its
    /// first entry is a listed entity ("Foreign Ministry", 外務省). A longer key of any kind at the
    /// same position hides a listed one (日本人 is no 日本), but a key that starts before a
    /// listed name does not ("South Korea" in edict's "Japan and South Korea").
    /// Cost: a test or two of the lexicon's listed prefixes (``LexiconFormat``) per code point,
    /// and a search of the keys only where a listed key may start; nothing is decoded (the
    /// listed type is in the prefix index's flags and remembered with each narrowing).
    public func listedMatches(_ text: [Unicode.Scalar], in span: Span? = nil, limit: Int = 32) -> [(span: Span, type: EntityType)] {
        var matches: [(span: Span, type: EntityType)] = []
        state.scanKeys(text, in: span ?? Span(start: 0, end: text.count), limit: limit, mode: .listed) { match in
            if let type = match.listedType { matches.append((match.span, type)) }
        }
        return matches
    }
}

private typealias PrefixFlags = LexiconFormat.PrefixFlags
private typealias ListedPrefix = LexiconFormat.ListedPrefix

/// Where a scan looks for keys.
private enum ScanMode {
    /// At each position not inside the key found before.
    case all
    /// At the span's start only.
    case once
    /// Where a key of a listed entity may start, not inside the listed key found before; only
    /// keys whose first entry is listed are found.
    case listed
}

/// A longest key of a scan.
private struct KeyMatch {
    let span: Span
    /// The key's length in bytes.
    let length: Int
    /// Each layer's rows whose keys begin with the key.
    let rows: UnsafeBufferPointer<Range<Int>>
    /// The type of the key's first entry when that is a listed entity.
    let listedType: EntityType?
}

/// A scan's buffers and the narrowings remembered.
private struct ScanState {
    let layers: [CompiledLexicon]
    /// The buffer of each scanned code point's script, kept between scans.
    var scriptBuffer: [Script] = []
    /// Narrowings remembered; nil when the scanner remembers nothing.
    let narrowings: NarrowingTable?
    /// The searches' state at the end of listed names; nil when the scanner remembers nothing.
    let listedNames: ListedNameTable?

    init(layers: [CompiledLexicon], remembering: Bool) {
        self.layers = layers
        narrowings = remembering ? NarrowingTable() : nil
        listedNames = remembering ? ListedNameTable(layerCount: layers.count) : nil
    }

    /// Calls `found` with each longest key of a left-to-right scan of `span` that `mode` looks for.
    mutating func scanKeys(_ text: [Unicode.Scalar], in span: Span, limit: Int, mode: ScanMode, _ found: (KeyMatch) -> Void) {
        guard span.start < span.end else { return }
        // Each code point's script, read several times per position: from the one before the
        // span (a name must not continue a word), and for one key only up to the one after it.
        let scriptBase = max(0, span.start - 1)
        var scripts = scriptBuffer
        scriptBuffer = []
        scripts.removeAll(keepingCapacity: true)
        for scalar in text[scriptBase..<(mode == .once ? min(span.end, span.start + limit + 1) : span.end)] {
            scripts.append(Script(scalar))
        }
        // The scan reads through buffers, so that its many steps pay no reference counting,
        // uniqueness or bounds checks.
        var ranges = [Range<Int>](repeating: 0..<0, count: layers.count), best = ranges
        var flags = [UInt32](repeating: 0, count: layers.count), continuations = [UInt64](repeating: 0, count: layers.count)
        var nodes = [Int](repeating: 0, count: layers.count)
        let keyCounts = layers.map(\.keyCount)
        text[..<span.end].withUnsafeBufferPointer { text in
            scripts.withUnsafeBufferPointer { scripts in
                ranges.withUnsafeMutableBufferPointer { ranges in
                    best.withUnsafeMutableBufferPointer { best in
                        flags.withUnsafeMutableBufferPointer { flags in
                            continuations.withUnsafeMutableBufferPointer { continuations in
                            nodes.withUnsafeMutableBufferPointer { nodes in
                            keyCounts.withUnsafeBufferPointer { keyCounts in
                                let scan = Scan(layers: layers, keyCounts: keyCounts, narrowings: narrowings?.slots,
                                                listedNames: listedNames, text: text, scripts: scripts, scriptBase: scriptBase, limit: limit,
                                                ranges: ranges, best: best, flags: flags, continuations: continuations, nodes: nodes)
                                var index = span.start
                                while index < span.end {
                                    var next = index + 1
                                    if mode == .all { scan.prefetchSecondStep(at: index + 1) }
                                    // Where a listed key may start, the first that may end there.
                                    let listedName = mode == .listed && scan.mayStartKey(at: index) ? scan.listedName(at: index) : nil
                                    if mode == .listed ? listedName != nil : scan.mayStartKey(at: index),
                                       let match = scan.longestKey(at: index, after: listedName) {
                                        let listedType = LexiconFormat.type(code: match.listedTypeCode)
                                        // A listed name may start inside a key of no listed entity.
                                        if mode != .listed || listedType != nil {
                                            found(KeyMatch(span: Span(start: index, end: match.end), length: match.length,
                                                           rows: UnsafeBufferPointer(best), listedType: listedType))
                                            next = match.end
                                        }
                                    }
                                    if mode == .once { return }
                                    index = next
                                }
                            }
                            }
                            }
                        }
                    }
                }
            }
        }
        scriptBuffer = scripts
    }
}

/// The code points of a prefix read, as the listed prefixes (``LexiconFormat``) look it up.
private struct ListedPrefixRead {
    private(set) var hash: UInt64 = 0
    private(set) var count = 0
    private(set) var first: UInt32 = 0

    @inline(__always)
    mutating func read(_ scalar: Unicode.Scalar) {
        if count == 0 { first = scalar.value }
        count += 1
        hash = LexiconFormat.listedPrefixHash(hash, then: scalar.value)
    }
}

/// A key of a listed entity that may start at a position (``Scan/listedName(at:)``): where it
/// ends, and the folder, listed prefix and last word's start at its end.
private struct ListedName {
    let end: Int
    let folder: LexiconKey.Folder
    let prefix: ListedPrefixRead
    let lastWordStart: Int
}

/// One scan's view of the text and buffers.
private struct Scan {
    let layers: [CompiledLexicon]
    let keyCounts: UnsafeBufferPointer<Int>
    let narrowings: UnsafeMutablePointer<NarrowingTable.Narrowing>?
    let listedNames: ListedNameTable?
    let text: UnsafeBufferPointer<Unicode.Scalar>
    let scripts: UnsafeBufferPointer<Script>
    /// The offset in `text` of `scripts`' first code point.
    let scriptBase: Int
    let limit: Int
    /// Each layer's rows whose keys begin with what was read.
    let ranges: UnsafeMutableBufferPointer<Range<Int>>
    /// ``ranges`` at the longest key found.
    let best: UnsafeMutableBufferPointer<Range<Int>>
    /// Each layer's ``NarrowingTable/Narrowing`` flags of the last code point read.
    let flags: UnsafeMutableBufferPointer<UInt32>
    /// Each layer's ``NarrowingTable/Narrowing`` continuations of what was read.
    let continuations: UnsafeMutableBufferPointer<UInt64>
    /// Each layer's prefix index node of what was read, while its rows are indexed.
    let nodes: UnsafeMutableBufferPointer<Int>

    private func script(_ offset: Int) -> Script { scripts[offset - scriptBase] }
    private func isWordCharacter(_ offset: Int) -> Bool { script(offset) == .latin || script(offset) == .digit }

    /// Whether a key may start at `start`: not at a space or punctuation, nor inside a word
    /// where a Latin name cannot start. Keys fold case, but a name in Latin letters is
    /// capitalized: "to" is not Tou, "sent a" not Senta. Inlined into the scan's loop, as it
    /// rules out most positions of English text.
    @inline(__always)
    func mayStartKey(at start: Int) -> Bool {
        guard start < text.count, script(start) != .space, script(start) != .punctuation else { return false }
        let isLatin = script(start) == .latin
        if isLatin, !text[start].isUppercase { return false }
        return !(start > 0 && isWordCharacter(start - 1) && isWordCharacter(start) && (isLatin || script(start - 1) == .latin))
    }

    /// The first key of a listed entity that may start at `start`, where ``mayStartKey(at:)``:
    /// whether the layers' listed prefixes (``LexiconFormat``) hold the code points the text
    /// folds to there, as ``longestKey(at:after:)`` reads them, up to a listed key that may end
    /// where it does (``mayEndKey(at:from:lastWordStart:)``); nil when none may. Most positions
    /// fail at the first or second code point, and are searched no further.
    @inline(__always)
    func listedName(at start: Int) -> ListedName? {
        var folder = LexiconKey.Folder()
        var prefix = ListedPrefixRead()
        var lastWordStart = start
        var index = start
        while index < text.count, index - start < limit {
            if index > start, !isWordCharacter(index - 1) { lastWordStart = index }
            let folded = folder.fold(text[index])
            index += 1
            var flags: UInt8
            switch folded {
            case .none: continue
            case .one(let scalar):
                prefix.read(scalar)
                flags = listedFlags(of: prefix)
            case .several(let scalars):
                flags = ListedPrefix.isPrefix
                for scalar in scalars where flags & ListedPrefix.isPrefix != 0 {
                    prefix.read(scalar)
                    flags = listedFlags(of: prefix)
                }
            }
            if flags & ListedPrefix.isKey != 0, mayEndKey(at: index, from: start, lastWordStart: lastWordStart) {
                return ListedName(end: index, folder: folder, prefix: prefix, lastWordStart: lastWordStart)
            }
            guard flags & ListedPrefix.isPrefix != 0 else { return nil }
        }
        return nil
    }

    /// The ``LexiconFormat/ListedPrefix`` flags of a prefix over every layer: of its first code
    /// point from the small table of those, which stays in the cache and rules out most
    /// positions; of a longer one from the listed prefixes.
    @inline(__always)
    private func listedFlags(of prefix: ListedPrefixRead) -> UInt8 {
        var flags: UInt8 = 0
        if prefix.count == 1 {
            for layer in layers.indices { flags |= layers[layer].listedFirst(prefix.first) }
        } else {
            for layer in layers.indices { flags |= layers[layer].listedPrefix(prefix.hash) }
        }
        return flags
    }

    /// Whether a key read from `start` may end at `end`, where the word `lastWordStart` begins:
    /// it cuts no word of Latin letters or digits, and a Latin name's last word is not
    /// lower-case ("to" is not Tou, nor "Is a" Isa).
    @inline(__always)
    private func mayEndKey(at end: Int, from start: Int, lastWordStart: Int) -> Bool {
        let cutsWord = end < text.count && isWordCharacter(end - 1) && isWordCharacter(end)
            && (script(end) == .latin || script(end - 1) == .latin)
        return !cutsWord && !(script(start) == .latin && text[lastWordStart].isLowercase)
    }

    /// Asks for the index slot of the second step of a key at `start`, so that its cache miss
    /// overlaps the search of the key before it: most searches end within two steps, each a miss.
    @inline(__always)
    func prefetchSecondStep(at start: Int) {
        guard start + 1 < text.count, mayStartKey(at: start) else { return }
        var folder = LexiconKey.Folder()
        guard case .one(let first) = folder.fold(text[start]), case .one(let second) = folder.fold(text[start + 1]) else { return }
        for layer in layers { layer.prefetchChild(of: first.value, then: second.value) }
    }

    /// The end, the byte length and the listed type code (0: the first entry is no listed
    /// entity) of the longest key at `start`, where ``mayStartKey(at:)`` (see
    /// ``Lexicon/longestMatch(in:at:limit:)``); ``best`` then holds each layer's rows whose keys
    /// begin with it. With `listedName` (``listedName(at:)``), only a listed key is looked for:
    /// when the longest key is not listed, a shorter key may be returned, as the search stops
    /// where no listed key was found and none is left.
    func longestKey(at start: Int, after listedName: ListedName? = nil) -> (end: Int, length: Int, listedTypeCode: UInt32)? {
        let onlyListed = listedName != nil
        var lastWordStart = start
        for layer in ranges.indices {
            ranges[layer] = 0..<keyCounts[layer]
            continuations[layer] = ~0
            nodes[layer] = 0
        }
        var folder = LexiconKey.Folder()
        var depth = 0
        var found: (end: Int, length: Int, listedTypeCode: UInt32)?
        // What was read, for the listed prefixes (see ``listedName(at:)``).
        var prefix = ListedPrefixRead()
        var index = start
        let name = listedName.map { UnsafeBufferPointer(rebasing: text[start..<$0.end]) }
        // A listed name searched before: the search goes on from the state at its end, which
        // depends on its code points only (its several steps each miss the cache).
        if let listedName, let name, let listedNames,
           let remembered = listedNames.state(after: name, hash: listedName.prefix.hash, ranges: ranges, flags: flags,
                                              continuations: continuations, nodes: nodes) {
            (index, folder, prefix, lastWordStart) = (listedName.end, listedName.folder, listedName.prefix, listedName.lastWordStart)
            depth = remembered.depth
            found = (index, depth, remembered.listedTypeCode)
            for layer in ranges.indices { best[layer] = ranges[layer] }
            guard readsOn(extends: remembered.extends, found: found, prefix: prefix, onlyListed: true),
                  index == text.count || !remembered.endsSearch(text[index]) else { return found }
        }
        while index < text.count, index - start < limit {
            if index > start, !isWordCharacter(index - 1) { lastWordStart = index }
            let folded = folder.fold(text[index])
            index += 1
            let step: (alive: Bool, endsKey: Bool, extends: Bool)
            switch folded {
            case .none: continue
            case .one(let scalar):
                step = narrowLayers(depth: &depth, by: scalar)
                if onlyListed { prefix.read(scalar) }
            case .several(let scalars):
                var last = (alive: false, endsKey: false, extends: false)
                for scalar in scalars {
                    last = narrowLayers(depth: &depth, by: scalar)
                    if onlyListed { prefix.read(scalar) }
                    guard last.alive else { break }
                }
                step = last
            }
            let (alive, endsKey, extends) = step
            guard alive else {
                if let listedName, let name, index == listedName.end + 1, let listedNames {
                    listedNames.remember(text[listedName.end], endingSearchAfter: name, hash: listedName.prefix.hash)
                }
                break
            }
            if endsKey, mayEndKey(at: index, from: start, lastWordStart: lastWordStart) {
                // The first entry is the first listed one of the first layer that lists the key.
                let listed = flags.first { $0 & PrefixFlags.isKey != 0 && $0 & PrefixFlags.isListed != 0 }
                found = (index, depth, listed.map(PrefixFlags.typeCode) ?? 0)
                for layer in ranges.indices { best[layer] = ranges[layer] }
                if let listedName, let name, index == listedName.end, let listedNames {
                    listedNames.remember(name, hash: listedName.prefix.hash, depth: depth, listedTypeCode: found!.listedTypeCode,
                                         extends: extends, ranges: ranges, flags: flags, continuations: continuations, nodes: nodes)
                }
            }
            guard readsOn(extends: extends, found: found, prefix: prefix, onlyListed: onlyListed) else { break }
        }
        return found
    }

    /// Whether the search for the longest key goes on after a step.
    @inline(__always)
    private func readsOn(extends: Bool, found: (end: Int, length: Int, listedTypeCode: UInt32)?, prefix: ListedPrefixRead,
                         onlyListed: Bool) -> Bool {
        // No key is longer: reading on would only narrow every layer to nothing.
        guard extends else { return false }
        // No listed key was found, or a longer key hid it, and none begins with what was
        // read: the longest key is not listed, whichever it is.
        guard onlyListed, found.map({ $0.listedTypeCode == 0 }) ?? true else { return true }
        return listedFlags(of: prefix) & ListedPrefix.isPrefix != 0
    }

    /// Each layer's ``ranges`` narrowed by the UTF-8 of `scalar`, read at `depth` bytes, with
    /// ``flags`` set: whether rows are left, whether a key ends there, and whether a longer key
    /// is left.
    @inline(__always)
    private func narrowLayers(depth: inout Int, by scalar: Unicode.Scalar) -> (alive: Bool, endsKey: Bool, extends: Bool) {
        var alive = false, endsKey = false, extends = false
        for layer in ranges.indices {
            guard !ranges[layer].isEmpty else { flags[layer] = 0; continue }
            // No key of the layer goes on with `scalar`: its rows run out without a probe. This
            // rules out half of the steps that end every key, an eighth of all steps, on news.
            guard continuations[layer] & NarrowingTable.bit(scalar.value) != 0 else {
                ranges[layer] = ranges[layer].lowerBound..<ranges[layer].lowerBound
                flags[layer] = 0
                continue
            }
            let step = narrow(layer, depth: depth, by: scalar)
            ranges[layer] = step.rows
            flags[layer] = step.flags
            continuations[layer] = step.continuations
            alive = alive || !step.rows.isEmpty
            endsKey = endsKey || step.flags & PrefixFlags.isKey != 0
            extends = extends || !step.rows.isEmpty && step.flags & PrefixFlags.isOnlyKeys == 0
        }
        depth += UTF8.width(scalar)
        return (alive, endsKey, extends)
    }

    /// The rows of layer `layer` narrowed by the UTF-8 of `scalar`, and their
    /// ``NarrowingTable/Narrowing`` flags: from the prefix index while it lists the rows'
    /// children, else worked out (reading the flags misses the cache too); remembered but for
    /// the first step, whose index slots the hot code points share.
    @inline(__always)
    private func narrow(_ layer: Int, depth: Int, by scalar: Unicode.Scalar) -> (rows: Range<Int>, flags: UInt32, continuations: UInt64) {
        let range = ranges[layer]
        let isIndexed = range.count > LexiconFormat.indexedRows
        // Steps the table cannot name (offsets past Int32, keys longer than 64 KB) are rare:
        // they are taken each time, as every step is without a table.
        guard let narrowings, depth > 0 || !isIndexed, range.upperBound <= Int32.max, depth <= UInt16.max, layer <= UInt16.max else {
            return isIndexed ? indexStep(layer, by: scalar) : NarrowingTable.workedOut(layers[layer], range, depth: depth, by: scalar)
        }
        let prefix = UInt32(range.lowerBound), shape = UInt32(depth) | UInt32(layer) << 16
        let slot = narrowings + NarrowingTable.slot(prefix: prefix, shape: shape, scalar: scalar)
        if slot.pointee.prefix == prefix, slot.pointee.shape == shape, slot.pointee.scalar == scalar.value {
            let rows = Int(slot.pointee.low)..<Int(slot.pointee.high)
            guard isIndexed else { return (rows, slot.pointee.flags, slot.pointee.continuations) }
            // An index step keeps the child's node where the continuations would be.
            nodes[layer] = Int(slot.pointee.continuations)
            return (rows, slot.pointee.flags, ~0)
        }
        let step = isIndexed ? indexStep(layer, by: scalar) : NarrowingTable.workedOut(layers[layer], range, depth: depth, by: scalar)
        slot.pointee = NarrowingTable.Narrowing(prefix: prefix, shape: shape, scalar: scalar.value, low: Int32(step.rows.lowerBound),
                                                high: Int32(step.rows.upperBound), flags: step.flags,
                                                continuations: isIndexed ? UInt64(nodes[layer]) : step.continuations)
        return step
    }

    /// ``narrow(_:depth:by:)`` down the prefix index, with ``nodes`` set to the child's node.
    @inline(__always)
    private func indexStep(_ layer: Int, by scalar: Unicode.Scalar) -> (rows: Range<Int>, flags: UInt32, continuations: UInt64) {
        guard let child = layers[layer].child(of: nodes[layer], scalar: scalar.value) else {
            nodes[layer] = 0
            return (ranges[layer].lowerBound..<ranges[layer].lowerBound, 0, 0)
        }
        nodes[layer] = child.node
        // Every bit: the index's next probe is as cheap as the continuations' test.
        return (child.rows, child.flags, ~0)
    }
}

/// Narrowings remembered, direct-mapped by a hash of the step: a newer step that hashes alike
/// replaces an older one, so memory stays fixed (2 MB) and a look-up is one probe.
private final class NarrowingTable {
    static let bits = 16

    /// One step of a search: the keys of one file (`layer`) that begin with the prefix whose rows
    /// begin at `prefix` and is `depth` bytes long (`shape`: the depth, and the layer above it),
    /// narrowed to those whose next bytes are the UTF-8 of `scalar`: rows `low..<high`, and
    /// `flags` (``LexiconFormat/PrefixFlags``), and the
    /// ``bit(_:)`` of each code point that follows in their keys (`continuations`); for a step
    /// down the prefix index (more than ``LexiconFormat/indexedRows`` rows before it), the
    /// child's index node instead, as every bit is set there. A prefix's first row and length
    /// name it uniquely.
    struct Narrowing {
        var prefix: UInt32 = .max
        var shape: UInt32 = .max
        var scalar: UInt32 = .max
        var low: Int32 = 0
        var high: Int32 = 0
        var flags: UInt32 = 0
        var continuations: UInt64 = 0
    }

    let slots: UnsafeMutablePointer<Narrowing>

    /// An empty table. Cost: 2 MB, filled.
    init() {
        slots = .allocate(capacity: 1 << Self.bits)
        slots.initialize(repeating: Narrowing(), count: 1 << Self.bits)
    }

    deinit {
        slots.deallocate()
    }

    /// The index of the one slot a step may be remembered in.
    @inline(__always)
    static func slot(prefix: UInt32, shape: UInt32, scalar: Unicode.Scalar) -> Int {
        let hash = (UInt64(prefix) | UInt64(shape) << 32) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(scalar.value) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: (hash ^ hash >> 29) >> (64 - UInt64(bits)))
    }

    /// `range` of `lexicon` (its keys share `depth` bytes) narrowed by the UTF-8 of `scalar`, and
    /// its flags. Cost: a binary search of the mapped keys, and a few reads of the first row.
    static func workedOut(_ lexicon: CompiledLexicon, _ range: Range<Int>, depth: Int,
                          by scalar: Unicode.Scalar) -> (rows: Range<Int>, flags: UInt32, continuations: UInt64) {
        let rows = lexicon.narrow(range, depth: depth, scalar: scalar)
        let length = depth + UTF8.width(scalar)
        guard !rows.isEmpty else { return (rows, 0, 0) }
        let flags = PrefixFlags.of(length: length, firstLength: lexicon.key(at: rows.lowerBound).count,
                                   lastLength: lexicon.key(at: rows.upperBound - 1).count,
                                   listedTypeCode: lexicon.listedTypeCode(ofEntry: lexicon.entryIndex(ofKey: rows.lowerBound)))
        return (rows, flags, continuations(of: lexicon, rows, length: length))
    }

    /// The most rows whose next code points ``continuations(of:_:length:)`` reads.
    static let continuationRows = 32

    /// The ``bit(_:)`` of each code point that follows the first `length` bytes of the keys of
    /// `rows`; every bit when there are more than ``continuationRows`` rows to read.
    static func continuations(of lexicon: CompiledLexicon, _ rows: Range<Int>, length: Int) -> UInt64 {
        guard rows.count <= continuationRows else { return ~0 }
        var bits: UInt64 = 0
        for row in rows {
            let key = lexicon.key(at: row)
            guard key.count > length else { continue }
            // The UTF-8 code point at `length`, a boundary: keys are whole code points.
            bits |= bit(LexiconFormat.codePoint(at: key.baseAddress! + length).value)
        }
        return bits
    }

    /// One of 64 bits for code point `value`, by a hash.
    @inline(__always)
    static func bit(_ value: UInt32) -> UInt64 {
        1 << ((UInt64(value) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }
}

/// The state of the search for the longest key at the end of a listed name's code points as
/// written (``Scan/listedName(at:)``), remembered: it depends on those code points only, and
/// news names the same ministries, parties and places again and again, each a step per code
/// point that misses the cache. Direct-mapped by the name's listed prefix hash: a newer name
/// that hashes alike replaces an older one, so memory stays fixed (about 430 KB for one layer).
private final class ListedNameTable {
    static let bits = 11
    /// The most code points of a name remembered.
    static let longestName = 32

    /// What a search knows at the end of a name, and the last few code points after it that
    /// ended the search (no key goes on with them).
    struct End {
        var depth = 0
        var listedTypeCode: UInt32 = 0
        var extends = false
        var endings: (UInt32, UInt32, UInt32, UInt32) = (.max, .max, .max, .max)
        /// The ending replaced next.
        var nextEnding = 0

        /// Whether `scalar` read after the name ends the search.
        @inline(__always)
        func endsSearch(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return endings.0 == value || endings.1 == value || endings.2 == value || endings.3 == value
        }

        mutating func addEnding(_ scalar: Unicode.Scalar) {
            switch nextEnding {
            case 0: endings.0 = scalar.value
            case 1: endings.1 = scalar.value
            case 2: endings.2 = scalar.value
            default: endings.3 = scalar.value
            }
            nextEnding = (nextEnding + 1) % 4
        }
    }

    /// A layer's rows, flags, continuations and index node at the end of a name.
    struct LayerState {
        var rows: Range<Int> = 0..<0
        var flags: UInt32 = 0
        var continuations: UInt64 = 0
        var node = 0
    }

    let layerCount: Int
    /// Per slot, the name's length in code points (0: empty slot), then its code points.
    private let names: UnsafeMutablePointer<UInt32>
    private let ends: UnsafeMutablePointer<End>
    /// Per slot, `layerCount` states.
    private let layers: UnsafeMutablePointer<LayerState>

    /// An empty table. Cost: about 170 bytes per slot and 40 per slot and layer, zeroed.
    init(layerCount: Int) {
        self.layerCount = layerCount
        let slots = 1 << Self.bits
        names = .allocate(capacity: slots * (Self.longestName + 1))
        names.initialize(repeating: 0, count: slots * (Self.longestName + 1))
        ends = .allocate(capacity: slots)
        ends.initialize(repeating: End(), count: slots)
        layers = .allocate(capacity: slots * layerCount)
        layers.initialize(repeating: LayerState(), count: slots * layerCount)
    }

    deinit {
        names.deallocate()
        ends.deallocate()
        layers.deallocate()
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((hash ^ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - bits))
    }

    /// The end of `name` (listed prefix hash `hash`) as remembered, with the layers' state
    /// written to the buffers; nil when it is not remembered.
    @inline(__always)
    func state(after name: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, ranges: UnsafeMutableBufferPointer<Range<Int>>,
               flags: UnsafeMutableBufferPointer<UInt32>, continuations: UnsafeMutableBufferPointer<UInt64>,
               nodes: UnsafeMutableBufferPointer<Int>) -> End? {
        guard let slot = slot(of: name, hash: hash) else { return nil }
        for layer in 0..<layerCount {
            let state = layers[slot * layerCount + layer]
            (ranges[layer], flags[layer], continuations[layer], nodes[layer]) = (state.rows, state.flags, state.continuations, state.node)
        }
        return ends[slot]
    }

    /// Remembers that `scalar` read after `name` (listed prefix hash `hash`) ends the search,
    /// when the end of `name` is remembered.
    func remember(_ scalar: Unicode.Scalar, endingSearchAfter name: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) {
        if let slot = slot(of: name, hash: hash) { ends[slot].addEnding(scalar) }
    }

    /// The slot that holds `name` (listed prefix hash `hash`); nil when none does.
    @inline(__always)
    private func slot(of name: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) -> Int? {
        guard name.count <= Self.longestName else { return nil }
        let slot = Self.slot(hash, count: name.count)
        let stored = names + slot * (Self.longestName + 1)
        guard stored[0] == UInt32(name.count) else { return nil }
        for (offset, scalar) in name.enumerated() where stored[1 + offset] != scalar.value { return nil }
        return slot
    }

    /// Remembers the end of `name` (listed prefix hash `hash`): the search's depth, the listed
    /// type code of the key it is and whether a longer key begins with it, and the layers' state.
    func remember(_ name: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, depth: Int, listedTypeCode: UInt32, extends: Bool,
                  ranges: UnsafeMutableBufferPointer<Range<Int>>, flags: UnsafeMutableBufferPointer<UInt32>,
                  continuations: UnsafeMutableBufferPointer<UInt64>, nodes: UnsafeMutableBufferPointer<Int>) {
        guard name.count <= Self.longestName else { return }
        let slot = Self.slot(hash, count: name.count)
        let stored = names + slot * (Self.longestName + 1)
        stored[0] = UInt32(name.count)
        for (offset, scalar) in name.enumerated() { stored[1 + offset] = scalar.value }
        ends[slot] = End(depth: depth, listedTypeCode: listedTypeCode, extends: extends)
        for layer in 0..<layerCount {
            layers[slot * layerCount + layer] = LayerState(rows: ranges[layer], flags: flags[layer], continuations: continuations[layer],
                                                           node: nodes[layer])
        }
    }
}
