/// Where each position of a sequence sits in the longest gazetteer match of each class covering
/// it: 0 none, 1 begins, 2 inside, 3 ends, 4 the whole match. One code per class and position,
/// read by the taggers as features.
struct NameMatches {
    private(set) var codes: [UInt8] = []
    private var lengths: [UInt8] = []
    private var count = 0

    /// Clears the marks for a sequence of `count` positions.
    mutating func reset(count: Int) {
        self.count = count
        let cells = count * NameClasses.all.count
        codes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(0, count: cells))
        lengths.removeAll(keepingCapacity: true)
        lengths.append(contentsOf: repeatElement(0, count: cells))
    }

    /// Marks positions `range` as a match of `classes`, where no longer match of a class covers them.
    mutating func mark(_ range: Range<Int>, _ classes: NameClasses) {
        let length = UInt8(min(range.count, 255))
        for (k, nameClass) in NameClasses.all.enumerated() where classes.contains(nameClass) {
            for position in range {
                let cell = position * NameClasses.all.count + k
                guard length > lengths[cell] else { continue }
                lengths[cell] = length
                codes[cell] = range.count == 1 ? 4 : position == range.lowerBound ? 1 : position == range.upperBound - 1 ? 3 : 2
            }
        }
    }

    /// The code of class number `k` at `position`.
    func code(_ position: Int, _ k: Int) -> UInt32 { UInt32(codes[position * NameClasses.all.count + k]) }

    /// All classes' codes at `position`, packed.
    func packed(_ position: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<NameClasses.all.count { value = value &* 5 &+ code(position, k) }
        return value
    }
}
