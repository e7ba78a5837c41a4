/// A text and everything jpen needs to address it: its code points and its UTF-16 form.
///
/// A document owns the original text; sentences, tokens, entities, dates and quotations are
/// ``Span``s into it, in code points of that text. The UTF-16 form is what ICU reads; the
/// document converts between the units in O(1) (or O(log n) from UTF-16 when the text has
/// characters outside the Basic Multilingual Plane).
///
/// ```swift
/// let doc = Document(text: "石破茂首相は🇯🇵")
/// doc.count                                  // 8 code points
/// doc[Span(start: 0, end: 3)]                // "石破茂"
/// doc.utf16Offset(ofCodePoint: 8)            // 10
/// ```
///
/// Memory: 6 bytes per code point plus the original string (and 4 more per code point when the
/// text leaves the Basic Multilingual Plane).
public struct Document: Sendable {
    /// The text exactly as given.
    public let text: String
    /// The text's code points; offset `i` of a ``Span`` is `scalars[i]`.
    public let scalars: [Unicode.Scalar]
    /// The text in UTF-16, for ICU.
    public let utf16: [UInt16]
    /// UTF-16 offset of each code point and of the end, or empty when the two units coincide.
    private let utf16Starts: [Int32]

    /// Wraps `text`. Cost: O(n), one pass over its UTF-8 (the standard library's scalar and
    /// UTF-16 views of a native string cost several times more).
    public init(text: String) {
        self.text = text
        var text = text
        let scalars = text.withUTF8 { Self.decode($0) }
        self.scalars = scalars
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count)
        var supplementary = false
        for scalar in scalars {
            if scalar.value > 0xFFFF {
                supplementary = true
                let v = scalar.value - 0x10000
                utf16.append(UInt16(0xD800 + (v >> 10)))
                utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
            } else {
                utf16.append(UInt16(scalar.value))
            }
        }
        self.utf16 = utf16
        if !supplementary {
            utf16Starts = []
        } else {
            var starts = [Int32]()
            starts.reserveCapacity(scalars.count + 1)
            var offset: Int32 = 0
            for scalar in scalars {
                starts.append(offset)
                offset += scalar.value > 0xFFFF ? 2 : 1
            }
            starts.append(offset)
            utf16Starts = starts
        }
    }

    /// The code points of `bytes`, which a `String` holds and so are valid UTF-8. Cost: O(n).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        // One slot per code point (every byte but a continuation byte starts one): a slot per
        // byte would keep three times the memory a Japanese document needs while it lives.
        let count = bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, written in
            var i = 0, n = 0
            while i < bytes.count {
                let lead = UInt32(bytes[i])
                var value: UInt32
                if lead < 0x80 {
                    value = lead
                    i += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                // Valid UTF-8 decodes only to valid scalar values.
                (buffer.baseAddress! + n).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                n += 1
            }
            written = n
        }
    }

    /// The number of code points.
    public var count: Int { scalars.count }
    /// The whole text as a span.
    public var fullSpan: Span { Span(start: 0, end: scalars.count) }

    /// The text of `span`. Cost: O(span length).
    public subscript(span: Span) -> String {
        String(scalars: scalars[span.range])
    }

    /// The UTF-16 offset of code point `offset` (`0...count`). Cost: O(1).
    public func utf16Offset(ofCodePoint offset: Int) -> Int {
        utf16Starts.isEmpty ? offset : Int(utf16Starts[offset])
    }

    /// The code point at or before UTF-16 `offset` (`0...utf16.count`); a trailing surrogate
    /// maps to its pair's code point. Cost: O(1), or O(log n) outside the BMP.
    public func codePointOffset(ofUTF16 offset: Int) -> Int {
        guard !utf16Starts.isEmpty else { return offset }
        var low = 0, high = utf16Starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(utf16Starts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The UTF-8 offset of code point `offset` (`0...count`). Cost: O(offset).
    public func utf8Offset(ofCodePoint offset: Int) -> Int {
        scalars[..<offset].reduce(0) { $0 + UTF8.width($1) }
    }

    /// `span` in UTF-16 code units, e.g. for JavaScript or `NSString`.
    public func utf16Range(of span: Span) -> Range<Int> {
        utf16Offset(ofCodePoint: span.start)..<utf16Offset(ofCodePoint: span.end)
    }

    /// `span` in UTF-8 bytes.
    public func utf8Range(of span: Span) -> Range<Int> {
        let start = utf8Offset(ofCodePoint: span.start)
        return start..<(start + scalars[span.range].reduce(0) { $0 + UTF8.width($1) })
    }
}
