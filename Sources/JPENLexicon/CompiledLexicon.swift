#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JPENText

/// The reader of one compiled lexicon file (``LexiconFormat``), over a memory map.
///
/// Opening checks the header and costs microseconds; every lookup reads the mapped pages directly,
/// descending the prefix index (``LexiconFormat``) and then binary-searching the few keys left.
final class CompiledLexicon: Sendable {
    let file: MappedFile
    let signature: UInt64
    let entryCount: Int
    let keyCount: Int
    private let entriesOffset: Int
    private let keysOffset: Int
    private let poolOffset: Int
    /// Where the prefix index begins, and its hash table's slot count (a power of two).
    private let indexOffset: Int
    private let slotCount: Int
    /// Where the listed first code points and the listed prefixes (``LexiconFormat``) begin.
    private let listedFirstsOffset: Int
    private let listedPrefixesOffset: Int
    // The mapping's first byte, which `file` keeps alive: key probes read through it without
    // slicing `file.bytes` (a binary search probes a key a few dozen times per character scanned).
    nonisolated(unsafe) private let base: UnsafeRawPointer

    /// Maps `path` and checks its header. Cost: O(1).
    init(path: String) throws(LexiconError) {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw LexiconError(error.description) }
        let bytes = file.bytes
        guard bytes.count >= LexiconFormat.headerSize, Array(bytes[0..<8]) == LexiconFormat.magic else {
            throw LexiconError("\(path) is not a compiled jpen lexicon")
        }
        let version = file.load(UInt32.self, at: 8)
        guard version == LexiconFormat.version else {
            throw LexiconError("\(path) has lexicon format \(version); this jpen reads \(LexiconFormat.version)")
        }
        entryCount = Int(file.load(UInt32.self, at: 12))
        keyCount = Int(file.load(UInt32.self, at: 16))
        poolOffset = Int(file.load(UInt32.self, at: 20))
        signature = file.load(UInt64.self, at: 24)
        entriesOffset = LexiconFormat.headerSize
        keysOffset = entriesOffset + entryCount * LexiconFormat.entrySize
        slotCount = Int(file.load(UInt32.self, at: 32))
        indexOffset = Int(file.load(UInt32.self, at: 36))
        listedFirstsOffset = indexOffset + (slotCount + LexiconFormat.firstStepScalars) * LexiconFormat.slotSize
        listedPrefixesOffset = listedFirstsOffset + LexiconFormat.listedFirstSlots / 4
        guard keysOffset + keyCount * LexiconFormat.keySize == poolOffset, poolOffset + 2 <= indexOffset,
              slotCount > 0, slotCount & (slotCount - 1) == 0,
              listedPrefixesOffset + LexiconFormat.listedPrefixSlots / 4 == bytes.count else {
            throw LexiconError("\(path) is truncated or damaged; rebuild it with `jpen lexicon build`")
        }
        self.file = file
        base = bytes.baseAddress!
    }

    /// The UTF-8 bytes of the pooled string at `offset`.
    @inline(__always)
    private func pooled(_ offset: Int) -> UnsafeRawBufferPointer {
        let start = poolOffset + offset
        let length = Int(file.load(UInt16.self, at: start))
        return UnsafeRawBufferPointer(rebasing: file.bytes[(start + 2)..<(start + 2 + length)])
    }

    private func string(_ offset: UInt32) -> String {
        String(decoding: pooled(Int(offset)), as: UTF8.self)
    }

    /// The key bytes of key row `index`.
    @inline(__always)
    func key(at index: Int) -> UnsafeRawBufferPointer {
        pooled(Int(file.load(UInt32.self, at: keysOffset + index * LexiconFormat.keySize)))
    }

    /// The entry index key row `index` points to.
    @inline(__always)
    func entryIndex(ofKey index: Int) -> Int {
        Int(file.load(UInt32.self, at: keysOffset + index * LexiconFormat.keySize + 4))
    }

    /// The key rows whose key is exactly `key`. Cost: a descent of the prefix index, then
    /// O(log ``LexiconFormat/indexedRows``) key comparisons, or none when the index read the
    /// whole key and its flags tell that no longer key begins with it.
    func rows(matching key: [UInt8]) -> Range<Int> {
        key.withUnsafeBytes { key in
            var node = 0, rows = 0..<keyCount, depth = 0, flags: UInt32?
            while rows.count > LexiconFormat.indexedRows, depth < key.count {
                let (scalar, width) = LexiconFormat.codePoint(at: key.baseAddress! + depth)
                guard let next = child(of: node, scalar: scalar) else { return 0..<0 }
                (node, rows, depth, flags) = (next.node, next.rows, depth + width, next.flags)
            }
            // The index read the whole key: its rows, if any, are the first ones of the prefix's,
            // as a shorter key sorts first.
            if depth == key.count, let flags {
                guard flags & LexiconFormat.PrefixFlags.isKey != 0 else { return 0..<0 }
                if flags & LexiconFormat.PrefixFlags.isOnlyKeys != 0 { return rows }
                return rows.lowerBound..<partition(rows) { compare(self.key(at: $0), key) > 0 }
            }
            let low = partition(rows) { compare(self.key(at: $0), key) >= 0 }
            let high = partition(low..<rows.upperBound) { compare(self.key(at: $0), key) > 0 }
            return low..<high
        }
    }

    /// The child of prefix index node `node`, whose key rows are more than
    /// ``LexiconFormat/indexedRows`` (so that its children are listed), for code point `scalar`:
    /// its node, its rows and its ``LexiconFormat/PrefixFlags``; nil when no key goes on with
    /// `scalar`. Cost: one read of the first-step slots from node 0, else a probe of the hash
    /// table, one cache line as a rule (it is at most half full).
    @inline(__always)
    func child(of node: Int, scalar: UInt32) -> (node: Int, rows: Range<Int>, flags: UInt32)? {
        var slot: Int
        if node == 0, scalar < LexiconFormat.firstStepScalars {
            slot = firstStepSlot(scalar)
            guard index(slot, field: 0) != LexiconFormat.emptySlot else { return nil }
        } else {
            slot = LexiconFormat.indexSlot(parent: node, scalar: scalar, slotCount: slotCount)
            while index(slot, field: 0) != UInt32(truncatingIfNeeded: node)
                    || index(slot, field: 4) & LexiconFormat.labelScalarMask != scalar {
                guard index(slot, field: 0) != LexiconFormat.emptySlot else { return nil }
                slot = (slot + 1) & (slotCount - 1)
            }
        }
        return (slot + 1, Int(index(slot, field: 8))..<Int(index(slot, field: 12)),
                index(slot, field: 4) >> LexiconFormat.labelScalarBits)
    }

    /// Asks for the cache line of the index slot where the child of the prefix `first`, `second`
    /// is searched (when `first` is in the BMP), without waiting for it. Cost: an instruction;
    /// nothing is read, since the node of `first` is its first-step slot.
    @inline(__always)
    func prefetchChild(of first: UInt32, then second: UInt32) {
        guard first < LexiconFormat.firstStepScalars else { return }
        let slot = LexiconFormat.indexSlot(parent: firstStepSlot(first) + 1, scalar: second, slotCount: slotCount)
        prefetchForReading(base + indexOffset + slot * LexiconFormat.slotSize)
    }

    /// The ``LexiconFormat/ListedPrefix`` flags of code point `scalar` as a prefix: no
    /// ``LexiconFormat/ListedPrefix/isPrefix`` only when no key of a listed entity begins with
    /// it, no ``LexiconFormat/ListedPrefix/isKey`` only when none is it. Cost: one read of the
    /// 16 KB listed first code points, whose kanji and kana stay in the cache.
    @inline(__always)
    func listedFirst(_ scalar: UInt32) -> UInt8 {
        listedFlags(at: listedFirstsOffset, slot: Int(scalar) % LexiconFormat.listedFirstSlots)
    }

    /// The ``LexiconFormat/ListedPrefix`` flags of the prefix of two or more code points whose
    /// ``LexiconFormat/listedPrefixHash(_:then:)`` is `hash`: no ``LexiconFormat/ListedPrefix/isPrefix``
    /// only when no key of a listed entity begins with it, no ``LexiconFormat/ListedPrefix/isKey``
    /// only when it is none; a flag set may be another prefix's. Cost: one read of the 64 KB
    /// listed prefixes, which stay in the cache; two for a key.
    @inline(__always)
    func listedPrefix(_ hash: UInt64) -> UInt8 {
        let flags = listedFlags(at: listedPrefixesOffset, slot: LexiconFormat.listedPrefixSlot(hash))
        guard flags & LexiconFormat.ListedPrefix.isKey != 0 else { return flags }
        return listedFlags(at: listedPrefixesOffset, slot: LexiconFormat.listedKeySlot(hash)) & LexiconFormat.ListedPrefix.isKey != 0
            ? flags : flags & LexiconFormat.ListedPrefix.isPrefix
    }

    /// The 2-bit flags of slot `slot` of the table at `offset`.
    @inline(__always)
    private func listedFlags(at offset: Int, slot: Int) -> UInt8 {
        base.load(fromByteOffset: offset + slot / 4, as: UInt8.self) >> (2 * (slot % 4)) & 0x3
    }

    /// The slot of the root's child for BMP code point `scalar`, after the hash table's.
    @inline(__always)
    private func firstStepSlot(_ scalar: UInt32) -> Int { slotCount + Int(scalar) }

    /// The u32 at byte `field` of prefix index slot `slot`.
    @inline(__always)
    private func index(_ slot: Int, field: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: indexOffset + slot * LexiconFormat.slotSize + field, as: UInt32.self))
    }

    /// Byte order, shorter first on a common prefix.
    @inline(__always)
    private func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// The rows of `range` (whose keys share their first `depth` bytes) whose next bytes are the
    /// UTF-8 of `scalar`. Cost: O(log |range|) probes, two per halving.
    func narrow(_ range: Range<Int>, depth: Int, scalar: Unicode.Scalar) -> Range<Int> {
        // The code point's UTF-8, first byte lowest.
        var bytes: UInt32 = 0, count = 0
        for byte in scalar.utf8 {
            bytes |= UInt32(byte) << (8 * count)
            count += 1
        }
        let low = partition(range) { self.compare(key: $0, at: depth, with: bytes, count: count) >= 0 }
        let high = partition(low..<range.upperBound) { self.compare(key: $0, at: depth, with: bytes, count: count) > 0 }
        return low..<high
    }

    /// The order of key row `index`'s bytes from `depth` (at most `count` of them) and the `count`
    /// bytes packed in `bytes` (first byte lowest): negative, zero or positive; a key that ends
    /// first is smaller, as keys sort.
    @inline(__always)
    private func compare(key index: Int, at depth: Int, with bytes: UInt32, count: Int) -> Int {
        let key = poolOffset + Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: keysOffset + index * LexiconFormat.keySize,
                                                                         as: UInt32.self)))
        let length = Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: key, as: UInt16.self)))
        let common = min(max(0, length - depth), count)
        for offset in 0..<common {
            let byte = base.load(fromByteOffset: key + 2 + depth + offset, as: UInt8.self)
            let expected = UInt8(truncatingIfNeeded: bytes >> (8 * offset))
            if byte != expected { return Int(byte) - Int(expected) }
        }
        return common - count
    }

    /// The row range of `range` whose keys are exactly `length` bytes long.
    func rows(in range: Range<Int>, length: Int) -> Range<Int> {
        range.lowerBound..<partition(range) { self.key(at: $0).count > length }
    }

    /// The first index of `range` for which `isAbove` holds; `isAbove` must be monotonic.
    @inline(__always)
    private func partition(_ range: Range<Int>, _ isAbove: (Int) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if isAbove(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The ``LexiconFormat`` code of the entity type a list gives entry `index`; nil when it is no
    /// listed entity (it has no id). Cost: O(1), nothing decoded.
    func listedTypeCode(ofEntry index: Int) -> UInt32? {
        let row = entriesOffset + index * LexiconFormat.entrySize
        guard file.load(UInt16.self, at: poolOffset + Int(file.load(UInt32.self, at: row + 12))) > 0 else { return nil }
        return LexiconFormat.listedTypeCode(flags: file.load(UInt32.self, at: row + 16))
    }

    /// The ``NameKinds`` of entry `index` when its glosses romanize a Japanese name
    /// (``LexiconEntry/isRomanization``), else nil. Cost: O(the headword), read only when its
    /// kinds and id leave it open; nothing decoded.
    func romanizationKinds(ofEntry index: Int) -> NameKinds? {
        let row = entriesOffset + index * LexiconFormat.entrySize
        let kinds = NameKinds(rawValue: UInt16(file.load(UInt32.self, at: row + 16) & 0xFFFF))
        let isListed = file.load(UInt16.self, at: poolOffset + Int(file.load(UInt32.self, at: row + 12))) > 0
        return LexiconEntry.isRomanization(isListed: isListed, kinds: kinds,
                                           surfaceIsKatakana: isKatakana(pooled(Int(file.load(UInt32.self, at: row))))) ? kinds : nil
    }

    /// ``NameLinker/isKatakana(_:)`` of the UTF-8 `bytes`, without a String.
    private func isKatakana(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var at = bytes.baseAddress, !bytes.isEmpty else { return false }
        let end = at + bytes.count
        while at < end {
            let (value, width) = LexiconFormat.codePoint(at: at)
            guard let scalar = Unicode.Scalar(value), Script(scalar) == .katakana else { return false }
            at += width
        }
        return true
    }

    /// The glosses of the pooled UTF-8 `bytes`, which separate them with "/".
    private func glosses(_ bytes: UnsafeRawBufferPointer) -> [String] {
        // On ASCII, cutting the bytes is cutting the Characters, for a tenth of the cost (no
        // grapheme breaking); elsewhere a "/" and a combining mark after it are one Character.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).split(separator: "/").map(String.init)
        }
        return bytes.split(separator: UInt8(ascii: "/")).map { String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self) }
    }

    /// Entry `index`, decoded. Cost: O(its text).
    func entry(_ index: Int) -> LexiconEntry {
        let row = entriesOffset + index * LexiconFormat.entrySize
        let flags = file.load(UInt32.self, at: row + 16)
        let id = string(file.load(UInt32.self, at: row + 12))
        return LexiconEntry(
            surface: string(file.load(UInt32.self, at: row)),
            reading: string(file.load(UInt32.self, at: row + 4)),
            glosses: glosses(pooled(Int(file.load(UInt32.self, at: row + 8)))),
            kinds: NameKinds(rawValue: UInt16(flags & 0xFFFF)),
            source: LexiconSource(rawValue: UInt8(flags >> 20 & 0x3)) ?? .enamdict,
            listedID: id.isEmpty ? nil : id,
            listedType: LexiconFormat.type(code: LexiconFormat.listedTypeCode(flags: flags)))
    }
}
