import JPENText

/// What a gazetteer knows a string to be; a string can be several (渋谷: a place and a surname).
public struct NameClasses: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let surname = NameClasses(rawValue: 1 << 0)
    public static let givenName = NameClasses(rawValue: 1 << 1)
    public static let fullName = NameClasses(rawValue: 1 << 2)
    public static let place = NameClasses(rawValue: 1 << 3)
    public static let organization = NameClasses(rawValue: 1 << 4)
    /// A title or honorific that stands next to a person's name: "President", 首相, 氏.
    public static let title = NameClasses(rawValue: 1 << 5)
    /// A name of unknown kind.
    public static let name = NameClasses(rawValue: 1 << 6)
    /// An ordinary word of a general dictionary: evidence against a name.
    public static let word = NameClasses(rawValue: 1 << 7)

    /// The classes that say a string names something: a person, a place, an organization.
    static let names: NameClasses = [.surname, .givenName, .fullName, .name, .place, .organization]

    /// Whether a string of these classes is known only as an ordinary word (テニス, サッカー), no name.
    var isOrdinaryWordOnly: Bool { contains(.word) && isDisjoint(with: Self.names) }

    /// The position of ``title`` in ``all``.
    static let titleIndex = 5
    /// The number of classes: one bit of ``rawValue`` each.
    static let count = 8

    /// Every class, in bit order: one tagger feature each.
    public static let all: [NameClasses] = (0..<count).map { NameClasses(rawValue: 1 << $0) }
}

/// The names the taggers read as features: a set of strings, each with its ``NameClasses``.
///
/// Only fingerprints are stored (an open-addressing table of 32-bit slots: 24 bits of the
/// string's hash, 8 bits of classes), so the table is small and a lookup is one or two memory
/// reads; a false hit is about one in a million lookups. Most strings the taggers ask about are
/// no name, and one bit per possible fingerprint, set where a slot holds it (2 MB), answers most
/// of them without walking the 8 MB of slots: a fingerprint no slot holds is in no probe
/// sequence, so the answers are the slots'. Japanese keys are surfaces as written, Latin keys
/// lowercase with single spaces between words. The taggers' weights are trained with one table,
/// so the table ships beside them (`names.bin`, built by `jpen train-entities`).
///
/// Layout, little-endian: magic `JPENGAZ` + 0, UInt32 version (2), UInt32 slot bits, UInt32 key
/// count, then 2^bits UInt32 slots (0: empty), then 2^19 UInt32 words of fingerprint bits (bit
/// f % 32 of word f / 32 set when a slot holds fingerprint f).
///
/// ```swift
/// let names = try NameGazetteer(path: "names.bin")
/// names.classes(of: NameGazetteer.key("渋谷".unicodeScalars))   // [.surname, .place]
/// ```
public struct NameGazetteer: @unchecked Sendable {
    // Read-only mapped memory that nobody writes: safe to share across threads.
    public static let magic: [UInt8] = Array("JPENGAZ".utf8) + [0]
    public static let version: UInt32 = 2
    static let headerSize = 20
    /// The longest key, in code points (Japanese) or tokens (Latin), that lookups try.
    public static let longestJapaneseKey = 12
    public static let longestLatinKey = 4

    let file: MappedFile?
    // The slots and fingerprint bits inside the mapping `file` keeps alive: lookups then retain nothing.
    private let slots: UnsafePointer<UInt32>?
    private let heldBits: UnsafePointer<UInt32>?
    /// The number of 32-bit words of fingerprint bits: one bit for each of 2^24 fingerprints.
    static let fingerprintWords = 1 << 19
    private let slotMask: UInt64
    public let keyCount: Int

    /// Why a gazetteer file cannot be used.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let problem: String
        public var description: String { "\(path): not a usable jpen name table: \(problem)" }
    }

    /// Maps the table at `path`. Cost: O(1).
    public init(path: String) throws {
        let file = try MappedFile(path: path)
        guard file.bytes.count >= Self.headerSize, Array(file.bytes.prefix(8)) == Self.magic else {
            throw FormatError(path: path, problem: "no JPENGAZ header")
        }
        let version: UInt32 = file.load(at: 8)
        guard version == Self.version else { throw FormatError(path: path, problem: "format version \(version), expected \(Self.version)") }
        let bits = Int(file.load(UInt32.self, at: 12))
        guard (1...30).contains(bits), file.bytes.count == Self.headerSize + 4 << bits + 4 * Self.fingerprintWords else {
            throw FormatError(path: path, problem: "size does not match its header")
        }
        self.file = file
        slots = UnsafeRawPointer(file.bytes.baseAddress!).advanced(by: Self.headerSize).assumingMemoryBound(to: UInt32.self)
        heldBits = slots! + (1 << bits)
        slotMask = (1 << UInt64(bits)) - 1
        keyCount = Int(file.load(UInt32.self, at: 16))
    }

    /// A table that knows no name: every feature reads "none".
    public init() {
        file = nil
        slots = nil
        heldBits = nil
        slotMask = 0
        keyCount = 0
    }

    /// The hash a key is stored under. Latin keys must already be lowercase.
    public static func key(_ scalars: [Unicode.Scalar]) -> UInt64 {
        var hash = keyStart
        for scalar in scalars { hash.add(scalar.value) }
        return hash.mixed
    }

    /// The start of a key built a code point at a time: `add` each, then read `mixed`.
    static var keyStart: FeatureHash { FeatureHash(template: -2) }

    static func fingerprint(_ key: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: key >> 40) % 0xFF_FFFF + 1
    }

    /// Starts loading the fingerprint bit ``classes(of:fingerprint:)`` reads first for a key
    /// with `fingerprint` into the cache, so that several lookups' cache misses overlap.
    /// Cost: an instruction.
    @inline(__always)
    func prefetch(fingerprint: UInt32) {
        guard let heldBits else { return }
        prefetchForReading(heldBits + Int(fingerprint >> 5))
    }

    /// Starts loading the slot ``classes(of:fingerprint:)`` would read first for `key`, without
    /// reading the fingerprint bit: reading the bit first would put its cache miss in front of the
    /// slot's. Cost: an instruction.
    @inline(__always)
    func prefetchSlot(_ key: UInt64) {
        guard let slots else { return }
        prefetchForReading(slots + Int(key & slotMask))
    }

    /// Whether a slot holds `fingerprint`.
    @inline(__always)
    private func holds(_ fingerprint: UInt32) -> Bool {
        UInt32(littleEndian: heldBits.unsafelyUnwrapped[Int(fingerprint >> 5)]) & (1 << (fingerprint & 31)) != 0
    }

    /// The classes of the string with hash `key`; empty when the table does not hold it. Cost: O(1).
    public func classes(of key: UInt64) -> NameClasses {
        classes(of: key, fingerprint: Self.fingerprint(key))
    }

    /// ``classes(of:)`` for a caller that has computed the key's ``fingerprint(_:)`` already.
    @inline(__always)
    func classes(of key: UInt64, fingerprint wanted: UInt32) -> NameClasses {
        guard let slots, holds(wanted) else { return [] }
        var slot = key & slotMask
        while true {
            let value = UInt32(littleEndian: slots[Int(slot)])
            if value == 0 { return [] }
            if value >> 8 == wanted { return NameClasses(rawValue: UInt8(value & 0xFF)) }
            slot = (slot + 1) & slotMask
        }
    }
}

/// Builds a ``NameGazetteer`` file. Memory: a dictionary entry per distinct key.
public struct NameGazetteerBuilder {
    private var entries: [UInt64: UInt8] = [:]

    public init() {}

    /// The number of distinct keys added.
    public var count: Int { entries.count }

    /// Records that `name` (already lowercase when Latin) is of `classes`.
    public mutating func add(_ name: [Unicode.Scalar], _ classes: NameClasses) {
        entries[NameGazetteer.key(name), default: 0] |= classes.rawValue
    }

    /// The table file, at most 70% full (a miss then reads about four neighbouring slots), and its
    /// fingerprint bits. Cost: O(keys).
    public func tableBytes() -> [UInt8] {
        var bits = 10
        while Double(entries.count) > 0.7 * Double(1 << bits) { bits += 1 }
        let mask = UInt64((1 << bits) - 1)
        var slots = [UInt32](repeating: 0, count: 1 << bits)
        for (key, classes) in entries {
            var slot = key & mask
            while slots[Int(slot)] != 0 { slot = (slot + 1) & mask }
            slots[Int(slot)] = NameGazetteer.fingerprint(key) << 8 | UInt32(classes)
        }
        var held = [UInt32](repeating: 0, count: NameGazetteer.fingerprintWords)
        for value in slots where value != 0 { held[Int(value >> 13)] |= 1 << (value >> 8 & 31) }
        var bytes = NameGazetteer.magic
        for value in [NameGazetteer.version, UInt32(bits), UInt32(entries.count)] + slots + held {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
