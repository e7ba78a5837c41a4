extension String {
    /// The string of `scalars`, written as UTF-8 directly.
    ///
    /// ```swift
    /// String(scalars: "年月日".unicodeScalars.dropFirst())   // "月日"
    /// ```
    ///
    /// Cost: O(n), one allocation (none up to 15 UTF-8 bytes). Several times faster than
    /// appending to a `String.UnicodeScalarView`, which grows and re-checks the string per scalar.
    @inlinable  // specialized where it is called: through the generic witnesses it costs five times more
    public init(scalars: some Collection<Unicode.Scalar>) {
        var capacity = 0
        for scalar in scalars { capacity += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: capacity) { bytes in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    bytes[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}

extension String {
    /// The string of ASCII `scalars` with the letters A–Z lowercased, written as UTF-8 directly.
    /// Every scalar must be ASCII (callers lowercase runs of ASCII letters or words they checked).
    ///
    /// ```swift
    /// String(lowercasingASCII: "Nov.".unicodeScalars)   // "nov."
    /// ```
    ///
    /// Cost: O(n), one allocation (none up to 15 bytes): a fraction of building the string scalar
    /// by scalar and calling `lowercased()`, which date and quote stages ask for every Latin word.
    @inlinable  // specialized where it is called, as init(scalars:)
    public init(lowercasingASCII scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count) { bytes in
            for (k, scalar) in zip(bytes.indices, scalars) {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                // 0x20 is the case bit of ASCII letters.
                bytes[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return scalars.count
        }
    }
}
