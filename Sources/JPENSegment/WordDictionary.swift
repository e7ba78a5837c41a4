import JPENText

/// A set of dictionary words with coarse categories, stored as a hash table of fingerprints:
/// what tells the word model that 会談 or 石破 is a word although training never saw it.
///
/// Each slot is a `UInt32`: a 23-bit fingerprint of a word or word prefix (never 0), a bit that
/// says longer words start with it, and 8 category bits (``Category``, none for a prefix that is
/// no word); 0 is an empty slot. Words are looked up by a running hash over their scalar values,
/// so a featurizer tries ever longer words at one start for one step each, and stops as soon as
/// no longer word exists. A lookup may, with odds of about 2^-20, report a word that is not in
/// the set; the model is trained with the same lookups, so that costs nothing measurable.
package struct WordDictionary {
    /// Coarse categories from EDICT part-of-speech tags and ENAMDICT name types.
    package enum Category: Int, CaseIterable {
        case noun, verb, modifier, function, expression, surname, givenName, fullName
    }

    /// A looked-up entry: the word's categories, and whether longer words start with it.
    struct Entry {
        let bits: UInt32
        /// The category bits, 0 when the scalars are no word.
        var categories: UInt32 { bits & 0xFF }
        /// Whether some longer word starts with these scalars.
        var isPrefix: Bool { bits & 0x100 != 0 }
    }

    /// Words longer than this many scalars are left out, and never looked up.
    static let maxLength = 8

    /// The table; its count is a power of two.
    let slots: UnsafeBufferPointer<UInt32>
    /// `slots.count` is `1 << slotBits`.
    private let slotBits: Int

    /// The dictionary in `slots` (a power of two of them, made by ``build(_:)``).
    package init(slots: UnsafeBufferPointer<UInt32>) {
        precondition(slots.count > 0 && slots.count & (slots.count - 1) == 0, "dictionary slots must be a power of two")
        self.slots = slots
        slotBits = slots.count.trailingZeroBitCount
    }

    /// The running hash before a word's first scalar.
    static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The running hash after one more scalar.
    @inline(__always)
    static func hash(_ running: UInt64, _ scalar: UInt32) -> UInt64 {
        (running ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    /// Where the entry of some scalars is looked for: the slot its search starts at, and the
    /// fingerprint it looks for.
    struct Probe {
        let slot: Int
        let fingerprint: UInt32
    }

    /// The probe for the scalars with running hash `running` and `length` scalars. Cost: O(1),
    /// no memory read.
    @inline(__always)
    func probe(running: UInt64, length: Int) -> Probe {
        let (slot, fingerprint) = Self.place(running, length, bits: slotBits)
        return Probe(slot: slot, fingerprint: fingerprint)
    }

    /// Asks for the slots `probe` reads to be loaded, without waiting for them: its first slot
    /// and the start of the next cache line, where a search that misses (the table is
    /// three-quarters full) often goes on. A caller that looks up many words asks for all of
    /// them before resolving any, so that the misses overlap. Cost: two instructions.
    @inline(__always)
    func prefetch(_ probe: Probe) {
        prefetchForReading(slots.baseAddress! + probe.slot)
        prefetchForReading(slots.baseAddress! + (((probe.slot | 15) &+ 1) & (slots.count - 1)))
    }

    /// The entry `probe` finds. Cost: O(1) expected, about one cache miss unless prefetched.
    @inline(__always)
    func entry(_ probe: Probe) -> Entry {
        var slot = probe.slot, value = slots[slot]
        while value != 0 {
            if value >> 9 == probe.fingerprint { return Entry(bits: value & 0x1FF) }
            slot = (slot + 1) & (slots.count - 1)
            value = slots[slot]
        }
        return Entry(bits: 0)
    }

    /// The entry of the scalars with running hash `running` and `length` scalars; its bits are
    /// 0 when neither a word nor a word's prefix. Cost: O(1) expected, about one cache miss.
    @inline(__always)
    func entry(running: UInt64, length: Int) -> Entry {
        entry(probe(running: running, length: length))
    }

    @inline(__always)
    private static func place(_ running: UInt64, _ length: Int, bits: Int) -> (index: Int, fingerprint: UInt32) {
        var h = (running ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        let fingerprint = UInt32(truncatingIfNeeded: h & 0x7F_FFFF)
        return (Int(truncatingIfNeeded: h >> UInt64(64 - bits)), fingerprint == 0 ? 1 : fingerprint)
    }

    /// The table for `words` (normalized scalars and their category bits) and their prefixes,
    /// at most 80% full (linear probing stays within a cache line or two). The one builder of
    /// the table. Cost: O(words × length).
    package static func build(_ words: [(scalars: [Unicode.Scalar], categories: UInt32)]) -> [UInt32] {
        var entries: [[UInt32]: UInt32] = [:]
        // Insertion in first-seen order, not the dictionary's (seeded per process), so that the
        // same words always give the same file.
        var order: [[UInt32]] = []
        func add(_ values: [UInt32], _ bits: UInt32) {
            if entries.updateValue(entries[values, default: 0] | bits, forKey: values) == nil { order.append(values) }
        }
        for word in words where (1...maxLength).contains(word.scalars.count) {
            let values = word.scalars.map(\.value)
            add(values, word.categories)
            for length in 1..<values.count { add(Array(values[..<length]), 0x100) }
        }
        var bits = 4
        while 1 << bits < entries.count * 5 / 4 { bits += 1 }
        var slots = [UInt32](repeating: 0, count: 1 << bits)
        for scalars in order {
            let value = entries[scalars]!
            let running = scalars.reduce(emptyHash, hash)
            let (index, fingerprint) = place(running, scalars.count, bits: bits)
            var slot = index
            while slots[slot] != 0, slots[slot] >> 9 != fingerprint { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = fingerprint << 9 | (slots[slot] & 0x1FF) | value
        }
        return slots
    }

    /// The category an EDICT part-of-speech tag (`n`, `v5k`, `prt`) or ENAMDICT name type (`s`,
    /// `g`, `h`) gives a word, if any used here.
    package static func category(ofTag tag: Substring) -> Category? {
        switch tag {
        case "n", "n-adv", "n-t", "n-suf", "n-pref", "pn", "adj-no", "adj-na", "adj-f", "vs", "num": .noun
        case "adj-i", "adj-ix", "adj-t", "adj-pn", "adv", "adv-to": .modifier
        case "prt", "conj", "int", "suf", "pref", "ctr", "aux", "aux-v", "aux-adj", "cop", "cop-da": .function
        case "exp": .expression
        case "s": .surname
        case "g", "f", "m": .givenName
        case "h": .fullName
        default: tag.hasPrefix("v") && tag != "vs" ? .verb : nil
        }
    }
}
