import CJPENICU

/// Converts legacy encodings to UTF-8 with ICU's converters.
///
/// Foundation on Linux cannot decode EUC-JP, which Debian's EDRDG dictionaries use.
public enum Converter {
    /// `bytes` in `charset` (an ICU converter name, e.g. `"EUC-JP"`) decoded to a string.
    /// Cost: O(n).
    public static func decode(_ bytes: [UInt8], charset: String) throws -> String {
        var capacity = bytes.count * 2 + 16
        while true {
            var status: Int32 = 0
            var out = [UInt8](repeating: 0, count: capacity)
            let needed = bytes.withUnsafeBufferPointer { source in
                out.withUnsafeMutableBufferPointer { dest in
                    source.withMemoryRebound(to: CChar.self) { source in
                        dest.withMemoryRebound(to: CChar.self) { dest in
                            Int(jpen_convert_to_utf8(charset, source.baseAddress, Int32(source.count),
                                                     dest.baseAddress, Int32(capacity), &status))
                        }
                    }
                }
            }
            if needed > capacity { capacity = needed + 1; continue }
            try ICUError.check(status, "convert \(charset) to UTF-8")
            return String(decoding: out[..<needed], as: UTF8.self)
        }
    }
}
