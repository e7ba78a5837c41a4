/// The layout of a compiled lexicon file (all integers little-endian).
///
/// ```
/// header   magic "JPENLEX1", version u32, entry count u32, key count u32, pool offset u32,
///          source signature u64, index slot count u32, index offset u32              (40 bytes)
/// entries  per entry: surface, reading, glosses, id (u32 offsets into the pool), flags u32
/// keys     per key: key (u32 offset into the pool), entry index u32; sorted by the key's
///          UTF-8 bytes, then by entry index, so one binary search finds every entry of a key
///          and a run of narrowing searches finds the longest key that prefixes a text
/// pool     strings, each a u16 byte length and UTF-8 bytes; offset 0 is the empty string
/// index    (64-byte aligned) the prefix index: a trie of the keys' code points as an
///          open-addressed hash table of its nodes, a power of two of slots at most half used,
///          then one slot per code point of the BMP for the empty prefix's child for it (the
///          step of every search with the most children, so that the hot ones share cache lines);
///          per slot: parent node u32 (``emptySlot``: none), label u32 (the code point, bits
///          0–20, and the prefix's ``PrefixFlags`` above), first key row u32, end key row u32.
///          Node 0 is the empty prefix and has no slot; node n is slot n − 1. Node 0's child for
///          a BMP code point c is in first-step slot c (or none: empty); any other child of node
///          p for code point c is in the first slot from ``indexSlot(parent:scalar:slotCount:)``
///          on (wrapping around the hash table) whose parent is p and whose code point is c, or
///          none before an empty slot. The header's slot count is the hash table's
/// listed   (after the index) the listed first code points: ``listedFirstSlots`` slots of 2
///          bits, ``ListedPrefix`` flags: slot c (c modulo the slot count) has
///          ``ListedPrefix/isPrefix`` when a key of a listed entity begins with code point c, and
///          ``ListedPrefix/isKey`` when one is c. Then the listed prefixes: ``listedPrefixSlots``
///          slots of 2 bits, ``ListedPrefix`` flags: for each prefix of two or more code points of
///          each key of a listed entity (the whole key too), slot ``listedPrefixSlot(_:)`` of its
///          ``listedPrefixHash(_:then:)`` has ``ListedPrefix/isPrefix``; for each such key, that
///          slot and slot ``listedKeySlot(_:)`` have ``ListedPrefix/isKey``. So a scan for listed
///          names searches the keys only where one may start, and no further than one may reach
/// ```
/// The index lists the children of each prefix that more than ``indexedRows`` keys begin with,
/// so that narrowing a text's code points down the keys costs one probe (one cache line) per
/// code point, whether the prefix has one child or thousands (日, 大, "s"), instead of a binary
/// search of the keys; fewer rows are searched directly.
/// Flags: bits 0–15 ``NameKinds``, bits 16–17 the listed entity type (0 none, 1 person, 2 org,
/// 3 loc; ``listedTypeCode(flags:)``), bits 20–21 the ``LexiconSource``.
enum LexiconFormat {
    static let magic: [UInt8] = Array("JPENLEX1".utf8)
    /// Bumped whenever the layout or what the builder puts in it changes; old caches are rebuilt.
    static let version: UInt32 = 4
    static let headerSize = 40
    static let entrySize = 20
    static let keySize = 8
    static let maxStringBytes = Int(UInt16.max)
    /// A prefix that more than this many key rows begin with has its children in the index.
    static let indexedRows = 4
    /// The bytes of one slot of the prefix index: everything a step down it reads, within one
    /// cache line (the index is 64-byte aligned).
    static let slotSize = 16
    static let indexAlignment = 64
    /// The parent of an empty slot of the prefix index.
    static let emptySlot = UInt32.max
    /// The code points below this have the empty prefix's child for them in a slot of their own.
    static let firstStepScalars = 0x10000
    /// The slot count of the listed first code points (16 KB), a power of two: one for each code
    /// point of the BMP, where the kanji and kana that text starts with take 6 KB.
    static let listedFirstSlots = 1 << 16
    /// The slot count of the listed prefixes (64 KB), a power of two: the curated list's 18,000
    /// or so prefixes fill one slot in 14, and one prefix in 5,000 passes for a key by chance.
    static let listedPrefixSlots = 1 << 18
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
        /// type code `listedTypeCode` (nil: no listed entity; read only when that row's key is
        /// the prefix).
        static func of(length: Int, firstLength: Int, lastLength: Int, listedTypeCode: @autoclosure () -> UInt32?) -> UInt32 {
            var flags: UInt32 = lastLength == length ? isOnlyKeys : 0
            if firstLength == length {
                flags |= isKey
                if let code = listedTypeCode() { flags |= isListed | code << 3 }
            }
            return flags
        }
    }

    /// The slot of the prefix index (of `slotCount`, a power of two) where the search for the
    /// child of node `parent` for code point `scalar` begins.
    @inline(__always)
    static func indexSlot(parent: Int, scalar: UInt32, slotCount: Int) -> Int {
        let hash = (UInt64(parent) << labelScalarBits | UInt64(scalar)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> 32) & (slotCount - 1)
    }

    /// What a slot of the listed prefixes says of the prefixes whose hash falls in it.
    enum ListedPrefix {
        /// A key of a listed entity begins with one of them (or is it).
        static let isPrefix: UInt8 = 1
        /// One of them is a key of a listed entity (when the key's second slot says so too).
        static let isKey: UInt8 = 2
    }

    /// The hash of a prefix of listed keys: `hash` of the code points before (0 for none), then
    /// `scalar`.
    @inline(__always)
    static func listedPrefixHash(_ hash: UInt64, then scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The slot of the listed prefixes for a prefix's hash: its top bits, the best mixed.
    @inline(__always)
    static func listedPrefixSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - listedPrefixSlots.trailingZeroBitCount))
    }

    /// The second slot that marks a listed key with hash `hash`.
    @inline(__always)
    static func listedKeySlot(_ hash: UInt64) -> Int {
        listedPrefixSlot(hash &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// The listed entity type code (``typeCode(_:)``) in an entry's flags.
    static func listedTypeCode(flags: UInt32) -> UInt32 { flags >> 16 & 0x3 }

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
