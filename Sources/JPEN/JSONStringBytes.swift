/// The bytes a JSON string cannot hold as they are: `"`, `\` and the control characters
/// U+0000–U+001F. Reading and writing a string stops only at these; every other byte, and so
/// every byte of a multi-byte UTF-8 sequence, passes.
///
/// ```swift
/// let bytes = Array("東京\"".utf8)
/// bytes.withUnsafeBufferPointer { JSONStringBytes.firstSpecial(in: $0, from: 0) }   // 6
/// ```
enum JSONStringBytes {
    /// Whether `byte` must be escaped in a JSON string.
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first special byte of `bytes` at or after `start`, or `bytes.count` when
    /// there is none. Cost: O(n), eight bytes per step: text fields are most of the bytes jpen
    /// reads and writes, and a test per byte cost a fifth of reading or writing them.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = start
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)  // zero at " and at \
            // (x - 0x01…) & ~x & 0x80… marks the zero bytes of x (and bytes below n for x - n…):
            // its lowest mark is always a real one, bytes above it may be marked by a borrow.
            let marks = ((word &- ones &* 0x20) & ~word | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash)
                & (ones &* 0x80)
            if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count, !isSpecial(bytes[index]) { index += 1 }
        return index
    }
}
