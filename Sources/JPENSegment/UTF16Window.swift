/// A stretch of code points re-encoded as UTF-16 for ICU, with the way back.
///
/// Workers keep one and refill it per sentence, so its buffers are reused.
struct UTF16Window {
    /// The code units ICU reads.
    private(set) var units: [UInt16] = []
    /// For each code unit and the end, the code point offset (relative to the window start).
    private(set) var codePointAt: [Int32] = []

    /// Refills the window with `scalars`. Cost: O(n), no allocation once the buffers are large enough.
    mutating func fill(_ scalars: ArraySlice<Unicode.Scalar>) {
        var unitCount = scalars.count
        for scalar in scalars where scalar.value > 0xFFFF { unitCount += 1 }
        // Sized first and written through buffers: appending paid a uniqueness and capacity
        // check per code unit, twice.
        units.removeAll(keepingCapacity: true)
        codePointAt.removeAll(keepingCapacity: true)
        units.append(contentsOf: repeatElement(0, count: unitCount))
        codePointAt.append(contentsOf: repeatElement(0, count: unitCount + 1))
        units.withUnsafeMutableBufferPointer { units in
        codePointAt.withUnsafeMutableBufferPointer { codePointAt in
            var unit = 0
            var index: Int32 = 0
            for scalar in scalars {
                if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    units[unit] = UInt16(0xD800 + (v >> 10))
                    units[unit + 1] = UInt16(0xDC00 + (v & 0x3FF))
                    codePointAt[unit] = index
                    codePointAt[unit + 1] = index
                    unit += 2
                } else {
                    units[unit] = UInt16(scalar.value)
                    codePointAt[unit] = index
                    unit += 1
                }
                index += 1
            }
            codePointAt[unit] = index
        }
        }
    }
}
