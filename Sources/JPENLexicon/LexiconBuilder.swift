#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Compiles dictionary records and listed entities into the binary form ``Lexicon`` maps.
///
/// The one writer of ``LexiconFormat``. Entries keep the order they were added in, and a key's
/// entries come out in that order, so add lists before dictionaries.
///
/// ```swift
/// var builder = LexiconBuilder()
/// builder.add(CuratedEntity(id: "person:donald-trump", type: .person, englishName: "Donald Trump",
///                           japaneseName: "ドナルド・トランプ", japaneseAliases: ["トランプ"]), source: .curated)
/// try builder.write(to: "/tmp/lexicon.bin", signature: 0)
/// ```
public struct LexiconBuilder {
    private var pool: [UInt8] = [0, 0]
    // Keyed by UTF-8 bytes: hashing and comparing bytes is several times faster than Swift's
    // Unicode-aware String equality, and the pool stores bytes anyway.
    private var interned: [[UInt8]: UInt32] = [[]: 0]
    private var entries: [UInt32] = []
    private var postings: [(key: UInt32, entry: UInt32)] = []
    private var keyOffsets = Set<UInt32>()

    public init() {}

    /// The number of entries added so far.
    public var entryCount: Int { entries.count / 5 }

    /// Adds a dictionary sense, found by its headword and by each gloss; a person's two-word or
    /// longer gloss is also found with its words reversed ("Shigeru Ishiba"). Cost: O(text).
    public mutating func add(_ record: DictionaryRecord, source: LexiconSource) {
        let entry = appendEntry(surface: record.surface, reading: record.reading,
                                glosses: record.glosses.joined(separator: "/"), id: "",
                                flags: UInt32(record.kinds.rawValue) | UInt32(source.rawValue) << 20)
        addKey(record.surface, entry)
        let reversible = !record.kinds.isDisjoint(with: .person)
        for gloss in record.glosses {
            addKey(gloss, entry)
            if reversible { addKey(Self.reversedWords(gloss), entry) }
        }
    }

    /// Adds a listed entity, found by its names and aliases in both languages (a person's English
    /// names in either word order). Cost: O(text).
    public mutating func add(_ entity: CuratedEntity, source: LexiconSource) {
        let entry = appendEntry(surface: entity.japaneseName, reading: entity.reading, glosses: entity.englishName,
                                id: entity.id,
                                flags: LexiconFormat.typeCode(entity.type) << 16 | UInt32(source.rawValue) << 20)
        for name in [entity.japaneseName] + entity.japaneseAliases { addKey(name, entry) }
        for name in [entity.englishName] + entity.englishAliases {
            addKey(name, entry)
            if entity.type == .person { addKey(Self.reversedWords(name), entry) }
        }
    }

    /// The compiled file's bytes. Cost: O(k log k) in keys.
    public func serialized(signature: UInt64) -> [UInt8] {
        let sortedKeys = pool.withUnsafeBufferPointer { pool in
            keyOffsets.sorted { Self.compare(pool, $0, $1) < 0 }
        }
        var rank: [UInt32: UInt32] = [:]
        rank.reserveCapacity(sortedKeys.count)
        for (index, offset) in sortedKeys.enumerated() { rank[offset] = UInt32(index) }
        var ranked = postings.map { (rank: UInt64(rank[$0.key]!) << 32 | UInt64($0.entry), key: $0.key) }
        ranked.sort { $0.rank < $1.rank }

        let entryCount = entries.count / 5
        var unique: [(key: UInt32, entry: UInt32)] = []
        unique.reserveCapacity(ranked.count)
        var previous = UInt64.max
        for item in ranked where item.rank != previous {
            previous = item.rank
            unique.append((item.key, UInt32(truncatingIfNeeded: item.rank)))
        }
        let index = pool.withUnsafeBufferPointer { Self.prefixIndex(of: unique, pool: $0, entries: entries) }
        let listed = pool.withUnsafeBufferPointer { Self.listedSection(of: unique, pool: $0, entries: entries) }
        let poolOffset = LexiconFormat.headerSize + entryCount * LexiconFormat.entrySize
            + unique.count * LexiconFormat.keySize
        let indexOffset = (poolOffset + pool.count + LexiconFormat.indexAlignment - 1) & ~(LexiconFormat.indexAlignment - 1)
        var out: [UInt8] = []
        out.reserveCapacity(indexOffset + index.count * 4 + listed.count * 8)
        out += LexiconFormat.magic
        Self.append(LexiconFormat.version, to: &out)
        Self.append(UInt32(entryCount), to: &out)
        Self.append(UInt32(unique.count), to: &out)
        Self.append(UInt32(poolOffset), to: &out)
        Self.append(signature, to: &out)
        Self.append(UInt32(index.count * 4 / LexiconFormat.slotSize - LexiconFormat.firstStepScalars), to: &out)
        Self.append(UInt32(indexOffset), to: &out)
        for value in entries { Self.append(value, to: &out) }
        for posting in unique {
            Self.append(posting.key, to: &out)
            Self.append(posting.entry, to: &out)
        }
        out += pool
        out += [UInt8](repeating: 0, count: indexOffset - out.count)
        for value in index { Self.append(value, to: &out) }
        for word in listed { Self.append(word, to: &out) }
        return out
    }

    /// The prefix index (``LexiconFormat``) of the sorted key rows `rows` (pool offset of the key,
    /// entry index): per slot of the hash table and then of the first-step slots, the parent
    /// node, label, first row and end row of the node in it.
    /// Cost: O(rows · depth of the index).
    static func prefixIndex(of rows: [(key: UInt32, entry: UInt32)], pool: UnsafeBufferPointer<UInt8>,
                            entries: [UInt32]) -> [UInt32] {
        let base = UnsafeRawPointer(pool.baseAddress!)
        func keyLength(_ row: Int) -> Int { Int(pool[Int(rows[row].key)]) | Int(pool[Int(rows[row].key) + 1]) << 8 }
        func codePoint(_ row: Int, at offset: Int) -> (value: UInt32, width: Int) {
            LexiconFormat.codePoint(at: base + Int(rows[row].key) + 2 + offset)
        }
        // The trie breadth-first, parents before children: each node's parent (its place in this
        // list), label, rows and prefix length in bytes.
        var nodes: [(parent: Int, label: UInt32, rows: Range<Int>, length: Int)] = [(0, 0, 0..<rows.count, 0)]
        var node = 0
        while node < nodes.count {
            let (_, _, range, length) = nodes[node]
            node += 1
            guard range.count > LexiconFormat.indexedRows else { continue }
            // Keys that end with the prefix come first; the others group by their next code point.
            var row = range.lowerBound
            while row < range.upperBound, keyLength(row) == length { row += 1 }
            while row < range.upperBound {
                let (scalar, width) = codePoint(row, at: length)
                var end = row + 1
                while end < range.upperBound, codePoint(end, at: length).value == scalar { end += 1 }
                let entry = Int(rows[row].entry) * 5
                let flags = LexiconFormat.PrefixFlags.of(
                    length: length + width, firstLength: keyLength(row), lastLength: keyLength(end - 1),
                    listedTypeCode: entries[entry + 3] != 0 ? LexiconFormat.listedTypeCode(flags: entries[entry + 4]) : nil)
                nodes.append((node - 1, scalar | flags << LexiconFormat.labelScalarBits, row..<end, length + width))
                row = end
            }
        }
        // Each child of the root for a BMP code point in its first-step slot, after the hash
        // table; each other node in the first free slot of the table from its own on. Node n is
        // slot n − 1, the root node 0.
        let firstSteps = nodes.dropFirst().prefix { $0.parent == 0 && $0.label & LexiconFormat.labelScalarMask < LexiconFormat.firstStepScalars }.count
        var slotCount = 1
        while slotCount < 2 * (nodes.count - 1 - firstSteps) { slotCount *= 2 }
        var index = [UInt32](repeating: 0, count: (slotCount + LexiconFormat.firstStepScalars) * LexiconFormat.slotSize / 4)
        for slot in 0..<slotCount + LexiconFormat.firstStepScalars { index[4 * slot] = LexiconFormat.emptySlot }
        var ids = [Int](repeating: 0, count: nodes.count)
        for (place, node) in nodes.enumerated().dropFirst() {
            let parent = ids[node.parent], scalar = node.label & LexiconFormat.labelScalarMask
            var slot: Int
            if place <= firstSteps {
                slot = slotCount + Int(scalar)
            } else {
                slot = LexiconFormat.indexSlot(parent: parent, scalar: scalar, slotCount: slotCount)
                while index[4 * slot] != LexiconFormat.emptySlot { slot = (slot + 1) & (slotCount - 1) }
            }
            index.replaceSubrange(4 * slot..<4 * slot + 4,
                                  with: [UInt32(parent), node.label, UInt32(node.rows.lowerBound), UInt32(node.rows.upperBound)])
            ids[place] = slot + 1
        }
        return index
    }

    /// The listed first code points and prefixes (``LexiconFormat``) of key rows `rows`, of each
    /// key that names a listed entity (its entry has an id), in 64-bit words.
    /// Cost: O(bytes of the listed keys).
    static func listedSection(of rows: [(key: UInt32, entry: UInt32)], pool: UnsafeBufferPointer<UInt8>,
                              entries: [UInt32]) -> [UInt64] {
        var firsts = [UInt64](repeating: 0, count: LexiconFormat.listedFirstSlots / 32)
        var prefixes = [UInt64](repeating: 0, count: LexiconFormat.listedPrefixSlots / 32)
        func mark(_ words: inout [UInt64], _ slot: Int, _ flags: UInt8) {
            words[slot / 32] |= UInt64(flags) << (2 * (slot % 32))
        }
        for row in rows where entries[Int(row.entry) * 5 + 3] != 0 {
            let key = UnsafeRawPointer(pool.baseAddress!) + Int(row.key) + 2
            let length = Int(pool[Int(row.key)]) | Int(pool[Int(row.key) + 1]) << 8
            let (first, width) = LexiconFormat.codePoint(at: key)
            var hash = LexiconFormat.listedPrefixHash(0, then: first), offset = width
            guard offset < length else {
                mark(&firsts, Int(first) % LexiconFormat.listedFirstSlots, LexiconFormat.ListedPrefix.isPrefix | LexiconFormat.ListedPrefix.isKey)
                continue
            }
            mark(&firsts, Int(first) % LexiconFormat.listedFirstSlots, LexiconFormat.ListedPrefix.isPrefix)
            while offset < length {
                let (scalar, width) = LexiconFormat.codePoint(at: key + offset)
                hash = LexiconFormat.listedPrefixHash(hash, then: scalar)
                offset += width
                mark(&prefixes, LexiconFormat.listedPrefixSlot(hash), LexiconFormat.ListedPrefix.isPrefix)
            }
            mark(&prefixes, LexiconFormat.listedPrefixSlot(hash), LexiconFormat.ListedPrefix.isKey)
            mark(&prefixes, LexiconFormat.listedKeySlot(hash), LexiconFormat.ListedPrefix.isKey)
        }
        return firsts + prefixes
    }

    /// Writes the compiled file to `path` atomically: a temporary file beside it, then a rename,
    /// so a reader never maps half a file. Cost: O(file size).
    public func write(to path: String, signature: UInt64) throws(LexiconError) {
        try Self.writeAtomically(serialized(signature: signature), to: path)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(LexiconError) {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw LexiconError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; return errno }
                offset += written
            }
            return nil
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw LexiconError("cannot write \(temporary): \(String(cString: strerror(failure)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LexiconError("cannot move \(temporary) to \(path): \(reason)")
        }
    }

    private mutating func appendEntry(surface: String, reading: String, glosses: String, id: String,
                                      flags: UInt32) -> UInt32 {
        let index = UInt32(entries.count / 5)
        entries += [intern(surface), intern(reading), intern(glosses), intern(id), flags]
        return index
    }

    private mutating func addKey(_ name: String, _ entry: UInt32) {
        let key = LexiconKey.make(name)
        guard !key.isEmpty else { return }
        let offset = intern(key)
        keyOffsets.insert(offset)
        postings.append((offset, entry))
    }

    private mutating func intern(_ string: String) -> UInt32 {
        var bytes = Array(string.utf8)
        if bytes.count > LexiconFormat.maxStringBytes {
            // Cut at a character boundary: continuation bytes are 10xxxxxx.
            var end = LexiconFormat.maxStringBytes
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            bytes.removeSubrange(end...)
        }
        if let offset = interned[bytes] { return offset }
        let offset = UInt32(pool.count)
        pool.append(UInt8(bytes.count & 0xFF))
        pool.append(UInt8(bytes.count >> 8))
        pool += bytes
        interned[bytes] = offset
        return offset
    }

    static func reversedWords(_ name: String) -> String {
        name.split(separator: " ").reversed().joined(separator: " ")
    }

    /// Byte order of two pooled strings.
    static func compare(_ pool: UnsafeBufferPointer<UInt8>, _ a: UInt32, _ b: UInt32) -> Int32 {
        let a = Int(a), b = Int(b)
        let lengthA = Int(pool[a]) | Int(pool[a + 1]) << 8
        let lengthB = Int(pool[b]) | Int(pool[b + 1]) << 8
        let common = memcmp(pool.baseAddress! + a + 2, pool.baseAddress! + b + 2, min(lengthA, lengthB))
        if common != 0 { return common }
        return lengthA < lengthB ? -1 : (lengthA > lengthB ? 1 : 0)
    }

    static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }
}
