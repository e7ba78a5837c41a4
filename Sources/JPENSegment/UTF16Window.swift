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
        units.removeAll(keepingCapacity: true)
        codePointAt.removeAll(keepingCapacity: true)
        var index: Int32 = 0
        for scalar in scalars {
            if scalar.value > 0xFFFF {
                let v = scalar.value - 0x10000
                units.append(UInt16(0xD800 + (v >> 10)))
                units.append(UInt16(0xDC00 + (v & 0x3FF)))
                codePointAt.append(index)
                codePointAt.append(index)
            } else {
                units.append(UInt16(scalar.value))
                codePointAt.append(index)
            }
            index += 1
        }
        codePointAt.append(index)
    }
}
