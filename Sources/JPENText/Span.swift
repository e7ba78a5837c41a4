/// A half-open range of Unicode code points in a document's original text.
///
/// Every location jpen reports is a `Span`: `start` and `end` count Unicode scalars (code points)
/// from the beginning of the text exactly as the user gave it, before any normalization, so
/// `Array(text.unicodeScalars)[start..<end]` is the spanned text. This is the unit of a Python
/// string index and of the JSON the scorers read. ``Document`` converts spans to UTF-8 and UTF-16
/// offsets for callers that need those.
///
/// ```swift
/// let span = Span(start: 0, end: 5)   // the first five code points
/// ```
public struct Span: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The first code point of the span.
    public var start: Int
    /// One past the last code point of the span.
    public var end: Int

    /// A span from `start` up to, not including, `end`; requires `start <= end`.
    @inlinable
    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end (\(end)) before it starts (\(start))")
        self.start = start
        self.end = end
    }

    /// The number of code points spanned.
    @inlinable public var count: Int { end - start }
    /// Whether the span covers no code point.
    @inlinable public var isEmpty: Bool { start == end }
    /// The span as a Swift range of code-point offsets.
    @inlinable public var range: Range<Int> { start..<end }

    /// Whether `offset` lies inside the span.
    @inlinable public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    /// Whether `other` lies wholly inside this span.
    @inlinable public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }
    /// Whether the two spans share at least one code point.
    @inlinable public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// Orders by start, then by end.
    @inlinable
    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
