/// The layout of a compiled lexicon file (all integers little-endian).
///
/// ```
/// header   magic "JPENLEX1", version u32, entry count u32, key count u32, pool offset u32,
///          source signature u64, reserved u64                                     (40 bytes)
/// entries  per entry: surface, reading, glosses, id (u32 offsets into the pool), flags u32
/// keys     per key: key (u32 offset into the pool), entry index u32; sorted by the key's
///          UTF-8 bytes, then by entry index, so one binary search finds every entry of a key
///          and a run of narrowing searches finds the longest key that prefixes a text
/// pool     strings, each a u16 byte length and UTF-8 bytes; offset 0 is the empty string
/// ```
/// Flags: bits 0–15 ``NameKinds``, bits 16–17 the listed entity type (0 none, 1 person, 2 org,
/// 3 loc), bits 20–21 the ``LexiconSource``.
enum LexiconFormat {
    static let magic: [UInt8] = Array("JPENLEX1".utf8)
    /// Bumped whenever the layout or what the builder puts in it changes; old caches are rebuilt.
    static let version: UInt32 = 1
    static let headerSize = 40
    static let entrySize = 20
    static let keySize = 8
    static let maxStringBytes = Int(UInt16.max)

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
