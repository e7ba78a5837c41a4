/// Where each position of a sequence sits in the longest gazetteer match of each class covering
/// it: 0 none, 1 begins, 2 inside, 3 ends, 4 the whole match. One code per class and position,
/// read by the taggers as features.
///
/// Lookups are queued (``queue(_:covering:)``) and made as the caller reaches their positions
/// (``markQueued(startingBefore:in:)``), the table slots of the next ones already loading: the
/// table's cache misses then overlap each other and the caller's own work.
struct NameMatches {
    private(set) var codes: [UInt8] = []
    private var lengths: [UInt8] = []
    /// Queued lookups: each string's gazetteer hash, its fingerprint (computed once for the
    /// lookup's three steps) and the positions it covers.
    private var queue: [(key: UInt64, fingerprint: UInt32, start: Int32, end: Int32)] = []
    /// Queued lookups made, queued lookups whose table slot was prefetched (if the table may
    /// hold the string), and queued lookups whose fingerprint bit was prefetched.
    private var made = 0, slotsPrefetched = 0, prefetched = 0

    /// Clears the marks and the queue for a sequence of `count` positions.
    mutating func reset(count: Int) {
        let cells = count * NameClasses.count
        codes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(0, count: cells))
        lengths.removeAll(keepingCapacity: true)
        lengths.append(contentsOf: repeatElement(0, count: cells))
        queue.removeAll(keepingCapacity: true)
        made = 0
        slotsPrefetched = 0
        prefetched = 0
    }

    /// Queues a lookup of the string with gazetteer hash `key`, which covers positions `range`;
    /// lookups must be queued by ascending start.
    mutating func queue(_ key: UInt64, covering range: Range<Int>) {
        queue.append((key, NameGazetteer.fingerprint(key),
                      Int32(truncatingIfNeeded: range.lowerBound), Int32(truncatingIfNeeded: range.upperBound)))
    }

    /// Looks up in `names` the queued strings that start before `position` and marks each match,
    /// in the order they were queued (among matches of one class and length the first marked
    /// wins). Codes are final at a position once every string starting at or before it is looked
    /// up. Cost: a table probe per string; the fingerprint bits of the next ``lookAhead`` are
    /// prefetched, and the slots of the next half of those that the table may hold.
    /// With `position` 0, only starts loading the first ones.
    mutating func markQueued(startingBefore position: Int, in names: NameGazetteer) {
        let count = queue.count
        while true {
            while prefetched < min(count, made + Self.lookAhead) {
                names.prefetch(fingerprint: queue[prefetched].fingerprint)
                prefetched += 1
            }
            while slotsPrefetched < min(count, made + Self.lookAhead / 2) {
                names.prefetchSlot(queue[slotsPrefetched].key, fingerprint: queue[slotsPrefetched].fingerprint)
                slotsPrefetched += 1
            }
            guard made < count, Int(queue[made].start) < position else { return }
            let lookup = queue[made]
            let classes = names.classes(of: lookup.key, fingerprint: lookup.fingerprint)
            if !classes.isEmpty { mark(Int(lookup.start)..<Int(lookup.end), classes) }
            made += 1
        }
    }

    /// Lookups whose fingerprint bits are in flight ahead of the one being made (their slots half
    /// as far): about three Japanese characters' worth.
    static let lookAhead = 32

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

    /// The code of class number `k` at `position`.
    func code(_ position: Int, _ k: Int) -> UInt32 { UInt32(codes[position * NameClasses.count + k]) }

    /// All classes' codes at `position`, packed.
    func packed(_ position: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<NameClasses.count { value = value &* 5 &+ code(position, k) }
        return value
    }
}
