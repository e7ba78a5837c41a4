/// Where each position of a sequence sits in the longest gazetteer match of each class covering
/// it: 0 none, 1 begins, 2 inside, 3 ends, 4 the whole match. One code per class and position,
/// read by the taggers as features.
///
/// Lookups are queued in batches (``queue(atMost:_:)``) and made as the caller reaches their positions
/// (``markQueued(startingBefore:in:)``), the table slots of the next ones already loading: the
/// table's cache misses then overlap each other and the caller's own work.
struct NameMatches {
    private(set) var codes: [UInt8] = []
    private var lengths: [UInt8] = []
    /// A queued lookup: the string's gazetteer hash, its fingerprint (computed once for the
    /// lookup's three steps) and the positions it covers.
    struct Lookup {
        var key: UInt64
        var fingerprint: UInt32
        var start: Int32
        var end: Int32
    }
    /// The queued lookups are the first `queued`; the array only grows, so that a batch of
    /// lookups is written without a capacity or uniqueness check per lookup.
    private var lookups: [Lookup] = []
    private var queued = 0
    /// Queued lookups made, queued lookups whose table slot was prefetched, and queued lookups
    /// whose fingerprint bit was prefetched.
    private var made = 0, slotsPrefetched = 0, prefetched = 0

    /// Clears the marks and the queue for a sequence of `count` positions.
    mutating func reset(count: Int) {
        let cells = count * NameClasses.count
        codes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(0, count: cells))
        lengths.removeAll(keepingCapacity: true)
        lengths.append(contentsOf: repeatElement(0, count: cells))
        queued = 0
        made = 0
        slotsPrefetched = 0
        prefetched = 0
    }

    /// Queues the lookups that `body` writes through its writer, at most `limit` of them; lookups
    /// must be queued by ascending start. The writer points into the queue's storage: it must not
    /// escape `body`.
    @inline(__always)
    mutating func queue(atMost limit: Int, _ body: (inout Writer) -> Void) {
        guard limit > 0 else { return }
        let first = queued
        if lookups.count < first + limit {
            lookups.append(contentsOf: repeatElement(Lookup(key: 0, fingerprint: 0, start: 0, end: 0),
                                                     count: first + limit - lookups.count))
        }
        queued = lookups.withUnsafeMutableBufferPointer { lookups in
            var writer = Writer(next: lookups.baseAddress! + first, room: limit)
            body(&writer)
            return first + limit - writer.room
        }
    }

    /// Writes queued lookups into room set aside by ``queue(atMost:_:)``.
    struct Writer {
        fileprivate var next: UnsafeMutablePointer<Lookup>
        fileprivate var room: Int

        /// Queues a lookup of the string with gazetteer hash `key`, which covers positions `range`.
        @inline(__always)
        mutating func callAsFunction(_ key: UInt64, covering range: Range<Int>) {
            precondition(room > 0, "more lookups than the batch's limit")
            next.pointee = Lookup(key: key, fingerprint: NameGazetteer.fingerprint(key),
                                  start: Int32(truncatingIfNeeded: range.lowerBound),
                                  end: Int32(truncatingIfNeeded: range.upperBound))
            next += 1
            room -= 1
        }
    }

    /// Looks up in `names` the queued strings that start before `position` and marks each match,
    /// in the order they were queued (among matches of one class and length the first marked
    /// wins). Codes are final at a position once every string starting at or before it is looked
    /// up. Cost: a table probe per string; the fingerprint bits of the next ``lookAhead`` are
    /// prefetched, and the table slots of the next ``slotLookAhead``.
    /// With `position` 0, only starts loading the first ones.
    mutating func markQueued(startingBefore position: Int, in names: NameGazetteer) {
        let count = queued
        var made = self.made, slotsPrefetched = self.slotsPrefetched, prefetched = self.prefetched
        while true {
            // Lookups run until a match, which is marked outside: marking mutates `self`, so it
            // cannot happen while `lookups` is borrowed.
            let match = lookups.withUnsafeBufferPointer { lookups -> (range: Range<Int>, classes: NameClasses)? in
                // The first lookups of a sequence, and any queued since the last call.
                while prefetched < min(count, made &+ Self.lookAhead) {
                    names.prefetch(fingerprint: lookups[prefetched].fingerprint)
                    prefetched &+= 1
                }
                while slotsPrefetched < min(count, made &+ Self.slotLookAhead) {
                    names.prefetchSlot(lookups[slotsPrefetched].key)
                    slotsPrefetched &+= 1
                }
                while made < count, Int(lookups[made].start) < position {
                    // Keep the prefetches as far ahead.
                    if prefetched < count {
                        names.prefetch(fingerprint: lookups[prefetched].fingerprint)
                        prefetched &+= 1
                    }
                    if slotsPrefetched < count {
                        names.prefetchSlot(lookups[slotsPrefetched].key)
                        slotsPrefetched &+= 1
                    }
                    let lookup = lookups[made]
                    made &+= 1
                    let classes = names.classes(of: lookup.key, fingerprint: lookup.fingerprint)
                    if !classes.isEmpty { return (Int(lookup.start)..<Int(lookup.end), classes) }
                }
                return nil
            }
            guard let match else { break }
            mark(match.range, match.classes)
        }
        self.made = made
        self.slotsPrefetched = slotsPrefetched
        self.prefetched = prefetched
    }

    /// Lookups whose fingerprint bits are in flight ahead of the one being made: about three
    /// Japanese characters' worth.
    static let lookAhead = 32
    /// Lookups whose table slots are in flight ahead of the one being made.
    static let slotLookAhead = 16

    /// Marks positions `range` as a match of `classes`, where no longer match of a class covers them.
    mutating func mark(_ range: Range<Int>, _ classes: NameClasses) {
        precondition(range.upperBound * NameClasses.count <= codes.count, "\(range) outside the sequence")
        let length = UInt8(min(range.count, 255))
        codes.withUnsafeMutableBufferPointer { codes in
            lengths.withUnsafeMutableBufferPointer { lengths in
                var bits = classes.rawValue
                while bits != 0 {
                    let k = bits.trailingZeroBitCount
                    bits &= bits - 1
                    for position in range {
                        let cell = position * NameClasses.count + k
                        guard length > lengths[cell] else { continue }
                        lengths[cell] = length
                        codes[cell] = range.count == 1 ? 4 : position == range.lowerBound ? 1 : position == range.upperBound - 1 ? 3 : 2
                    }
                }
            }
        }
    }

    /// All classes' codes at `position`. Cost: one load.
    @inline(__always)
    func marks(at position: Int) -> Marks {
        // One 8-byte load holds a position's codes because there are exactly 8 classes.
        precondition(NameClasses.count == 8 && position >= 0 && (position + 1) * 8 <= codes.count, "\(position) outside the sequence")
        return Marks(bytes: UInt64(littleEndian: codes.withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: position * NameClasses.count, as: UInt64.self)
        }))
    }

    /// The codes of one position, class number `k` in byte `k`.
    struct Marks {
        let bytes: UInt64

        /// The code of class number `k`.
        @inline(__always)
        subscript(k: Int) -> UInt32 { UInt32(truncatingIfNeeded: bytes >> (8 * UInt64(k))) & 0xFF }

        /// All classes' codes, packed: the number whose base-5 digits they are, the first class's
        /// the highest.
        var packed: UInt32 {
            // The 8 codes (0-4) combined pairwise: digit pairs in 16-bit lanes, then fours in
            // 32-bit lanes, then the two fours.
            let pairs = (bytes & 0x00FF_00FF_00FF_00FF) &* 5 &+ (bytes >> 8 & 0x00FF_00FF_00FF_00FF)
            let fours = (pairs & 0x0000_FFFF_0000_FFFF) &* 25 &+ (pairs >> 16 & 0x0000_FFFF_0000_FFFF)
            return UInt32(truncatingIfNeeded: (fours & 0xFFFF_FFFF) &* 625 &+ (fours >> 32))
        }
    }
}
