/// The layout of a compiled lexicon file (all integers little-endian).
///
/// ```
/// header   magic "JPENLEX1", version u32, entry count u32, key count u32, pool offset u32,
///          source signature u64, index node count u32, index offset u32           (40 bytes)
/// entries  per entry: surface, reading, glosses, id (u32 offsets into the pool), flags u32
/// keys     per key: key (u32 offset into the pool), entry index u32; sorted by the key's
///          UTF-8 bytes, then by entry index, so one binary search finds every entry of a key
///          and a run of narrowing searches finds the longest key that prefixes a text
/// pool     strings, each a u16 byte length and UTF-8 bytes; offset 0 is the empty string
/// index    (4-byte aligned) the prefix index: a trie of the keys' code points, its nodes in
///          breadth-first order, node 0 the empty prefix; per node: label u32 (the code point,
///          bits 0–20, and the prefix's ``PrefixFlags`` above), first key row u32, first child
///          u32 (a node's children are the nodes from its first child to the next node's); then
///          one more node whose first child ends the last node's children; then per code point
///          of the BMP, node 0's child for it u32 (0: none), so that the first step of every
///          search, the one over the most children, is one look-up
/// ```
/// The index lists the children of each prefix that more than ``indexedRows`` keys begin with,
/// so that narrowing a text's code points down the keys costs a search of a few cached labels
/// per code point instead of a binary search of the keys; fewer rows are searched directly.
/// Flags: bits 0–15 ``NameKinds``, bits 16–17 the listed entity type (0 none, 1 person, 2 org,
/// 3 loc), bits 20–21 the ``LexiconSource``.
enum LexiconFormat {
    static let magic: [UInt8] = Array("JPENLEX1".utf8)
    /// Bumped whenever the layout or what the builder puts in it changes; old caches are rebuilt.
    static let version: UInt32 = 2
    static let headerSize = 40
    static let entrySize = 20
    static let keySize = 8
    static let maxStringBytes = Int(UInt16.max)
    /// A prefix that more than this many key rows begin with has its children in the index.
    static let indexedRows = 4
    /// The bytes of one node of the prefix index: label, first row and first child together, so
    /// that a step down the index reads few cache lines.
    static let nodeSize = 12
    /// The code points below this have their child of node 0 in the index's first-step table.
    static let firstStepScalars = 0x10000
    /// The bits of an index label that hold the code point.
    static let labelScalarBits: UInt32 = 21
    static let labelScalarMask: UInt32 = 1 << labelScalarBits - 1

    /// What the key rows that begin with one prefix say about it.
    enum PrefixFlags {
        /// A key ends here: the first row's key is exactly the prefix.
        static let isKey: UInt32 = 1
        /// Every row's key is exactly the prefix: no longer key begins with it.
        static let isOnlyKeys: UInt32 = 2
        /// The first row's entry is a listed entity, whose type code is in the two bits above.
        /// Every list is compiled before the dictionaries (``LexiconBuilder``), so a key's rows
        /// name listed entities first.
        static let isListed: UInt32 = 4

        static func typeCode(_ flags: UInt32) -> UInt32 { flags >> 3 & 0x3 }

        /// The flags of a prefix `length` bytes long whose first row's key is `firstLength` bytes
        /// long, whose last row's is `lastLength`, and whose first row names an entity of listed
        /// type code `listedTypeCode` (nil: no listed entity).
        static func of(length: Int, firstLength: Int, lastLength: Int, listedTypeCode: UInt32?) -> UInt32 {
            var flags: UInt32 = lastLength == length ? isOnlyKeys : 0
            if firstLength == length {
                flags |= isKey
                if let listedTypeCode { flags |= isListed | listedTypeCode << 3 }
            }
            return flags
        }
    }

    /// The code point whose UTF-8 begins at `bytes`, and its width in bytes.
    @inline(__always)
    static func codePoint(at bytes: UnsafeRawPointer) -> (value: UInt32, width: Int) {
        let lead = bytes.load(as: UInt8.self)
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (width == 1 ? 0x7F : 0xFF >> (width + 1))
        for offset in 1..<width { value = value << 6 | UInt32(bytes.load(fromByteOffset: offset, as: UInt8.self) & 0x3F) }
        return (value, width)
    }

    static func typeCode(_ type: EntityType?) -> UInt32 {
        switch type {
        case nil: 0
        case .person: 1
        case .organization: 2
        case .location: 3
        }
    }

    static func type(code: UInt32) -> EntityType? {
        switch code {
        case 1: .person
        case 2: .organization
        case 3: .location
        default: nil
        }
    }
}
