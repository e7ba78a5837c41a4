import CJPENICU

/// One of ICU's Unicode normalizers. Instances are shared and thread-safe.
///
/// ```swift
/// Normalizer.nfkc.normalize(Array("ｶﾀｶﾅ㍿".utf16))   // カタカナ株式会社
/// ```
public struct Normalizer: @unchecked Sendable {
    // ICU owns the instance for the life of the process and documents it as thread-safe.
    private let handle: OpaquePointer

    /// Canonical composition.
    public static let nfc = try! Normalizer(JPEN_NORMALIZE_NFC, name: "NFC")
    /// Compatibility composition: full-width ASCII, half-width katakana, ligatures, ㍿.
    public static let nfkc = try! Normalizer(JPEN_NORMALIZE_NFKC, name: "NFKC")
    /// NFKC with case folding, for matching keys.
    public static let nfkcCasefold = try! Normalizer(JPEN_NORMALIZE_NFKC_CASEFOLD, name: "NFKC_Casefold")

    private init(_ form: jpen_normalize_form, name: String) throws {
        var status: Int32 = 0
        let handle = jpen_normalizer_get(form, &status)
        try ICUError.check(status, "load the \(name) normalizer")
        guard let handle else { throw ICUError(operation: "load the \(name) normalizer", code: -1) }
        self.handle = handle
    }

    /// The normalized form of UTF-16 `text`. Cost: O(n).
    public func normalize(_ text: UnsafeBufferPointer<UInt16>) -> [UInt16] {
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        var capacity = text.count + text.count / 2 + 8
        while true {
            var status: Int32 = 0
            var out = [UInt16](repeating: 0, count: capacity)
            let needed = out.withUnsafeMutableBufferPointer {
                Int(jpen_normalize(handle, base, Int32(text.count), $0.baseAddress, Int32(capacity), &status))
            }
            if needed > capacity { capacity = needed; continue }
            out.removeSubrange(needed...)
            return out
        }
    }

    /// The normalized form of UTF-16 `text`.
    public func normalize(_ text: [UInt16]) -> [UInt16] {
        text.withUnsafeBufferPointer { normalize($0) }
    }

    /// The normalized form of `text`.
    public func normalize(_ text: String) -> String {
        String(decoding: normalize(Array(text.utf16)), as: UTF16.self)
    }

    /// Whether a normalization segment starts at `scalar`, so text may be cut just before it
    /// and each piece normalized alone. Cost: O(1).
    public func hasBoundary(before scalar: Unicode.Scalar) -> Bool {
        jpen_normalizer_boundary_before(handle, scalar.value) != 0
    }

    /// Whether normalization leaves `scalar` unchanged in any context. Cost: O(1).
    public func isInert(_ scalar: Unicode.Scalar) -> Bool {
        jpen_normalizer_is_inert(handle, scalar.value) != 0
    }
}
