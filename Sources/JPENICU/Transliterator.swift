import CJPENICU

/// An ICU transform such as `"Katakana-Latin"` or `"Halfwidth-Fullwidth"`.
///
/// ICU transliterators are not safe to use from two threads at once, so this is a class that one
/// task owns.
///
/// ```swift
/// try Transliterator("Katakana-Latin").transform("トランプ")   // "toranpu"
/// ```
public final class Transliterator {
    private let handle: OpaquePointer
    /// The ICU id this transform was opened with.
    public let identifier: String

    /// Opens the transform named `identifier` (any id ICU's `utrans_openU` accepts).
    public init(_ identifier: String) throws {
        var status: Int32 = 0
        let handle = jpen_transliterator_open(identifier, &status)
        try ICUError.check(status, "open transliterator \(identifier)")
        guard let handle else { throw ICUError(operation: "open transliterator \(identifier)", code: -1) }
        self.handle = handle
        self.identifier = identifier
    }

    deinit { jpen_transliterator_close(handle) }

    /// `text` transformed. Cost: O(n) for the simple transforms jpen uses.
    public func transform(_ text: String) -> String {
        let source = Array(text.utf16)
        var capacity = source.count * 2 + 16
        while true {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var length = Int32(source.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer {
                _ = jpen_transliterate(handle, $0.baseAddress, &length, Int32(capacity), &status)
            }
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ { capacity *= 2; continue }
            if status > 0 { return text }
            return String(decoding: buffer[..<Int(length)], as: UTF16.self)
        }
    }
}
