import JPENText

/// The distinct names (runs of code points) of one document's text, numbered in the order they
/// are first met: the resolution and cross-language steps key their per-name work by number.
/// Open addressing over a power of two of slots at most half used, by a multiply per code point:
/// a `Dictionary` keyed by the code points hashes each with SipHash, several times the cost.
///
/// ```swift
/// let text = Array("Trump met Trump".unicodeScalars)
/// var numbers = NameNumbers(scalars: text)
/// numbers.number(Span(start: 0, end: 5))    // 0
/// numbers.number(Span(start: 10, end: 15))  // 0: the same code points
/// numbers.number(Span(start: 6, end: 9))    // 1
/// ```
struct NameNumbers {
    let scalars: [Unicode.Scalar]
    /// Where each numbered name was first found.
    private(set) var spans: [Span] = []
    /// The numbers plus one (0: empty).
    private var slots: [Int32]

    /// Room for `count` names from the start: growing rehashes each. Cost: O(count).
    init(scalars: [Unicode.Scalar], expecting count: Int = 8) {
        self.scalars = scalars
        var size = 16
        while size < 2 * count { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// How many names are numbered.
    var count: Int { spans.count }

    /// The number of the name at `span`, a new one when no name numbered before has its code
    /// points. Cost: a hash of its code points and a comparison with the names of the same hash.
    mutating func number(_ span: Span) -> Int {
        let found = find(span)
        if let known = found.number { return known }
        spans.append(span)
        slots[found.slot] = Int32(spans.count)
        if 2 * spans.count > slots.count {
            slots = [Int32](repeating: 0, count: 2 * slots.count)
            for (known, span) in spans.enumerated() {
                var slot = hash(span) & (slots.count - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(known + 1)
            }
        }
        return spans.count - 1
    }

    /// The number of the name at `span`, if one was numbered with its code points. Cost: as
    /// ``number(_:)``.
    func existingNumber(_ span: Span) -> Int? {
        find(span).number
    }

    /// The number of the name at `span`, or the empty slot where it goes.
    private func find(_ span: Span) -> (number: Int?, slot: Int) {
        let name = scalars[span.range]
        var slot = hash(span) & (slots.count - 1)
        while slots[slot] != 0 {
            let known = Int(slots[slot]) - 1
            if spans[known].count == span.count, scalars[spans[known].range].elementsEqual(name) { return (known, slot) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (nil, slot)
    }

    /// A hash of the code points at `span`, its high bits mixed down.
    private func hash(_ span: Span) -> Int {
        var hash: UInt64 = 0
        for scalar in scalars[span.range] { hash = (hash ^ UInt64(scalar.value)) &* 0x9E37_79B9_7F4A_7C15 }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}
