import JPENText

/// A normalized copy of a document's text that remembers where each character came from.
///
/// Stages that match patterns or dictionaries read ``scalars``; whatever they find there,
/// ``originalSpan(of:)`` turns into a ``Span`` of the original text, which is what jpen reports.
/// One original code point may become several (㍿ → 株式会社, all four mapping back to the one
/// character) and several may become one (ｶﾞ → ガ); a span never cuts such a group in two.
///
/// ```swift
/// let normalized = TextNormalizer().normalize(Document(text: "㍿ＡＢＣ"))
/// normalized.string                                   // "株式会社ABC"
/// normalized.originalSpan(of: Span(start: 4, end: 7))  // 1..<4
/// ```
public struct NormalizedText: Sendable {
    /// The normalized code points.
    public let scalars: [Unicode.Scalar]
    /// For each normalized code point, the original offset where its source group starts,
    /// followed by one entry for the end: the original text's length.
    public let originalStarts: [Int]
    /// For each normalized code point, the original offset where its source group ends.
    public let originalEnds: [Int]

    /// A normalized text built from code points and their source groups; `originalStarts` has
    /// one more element than `scalars` (the original length), `originalEnds` the same number.
    public init(scalars: [Unicode.Scalar], originalStarts: [Int], originalEnds: [Int]) {
        precondition(originalStarts.count == scalars.count + 1 && originalEnds.count == scalars.count,
                     "an offset map needs one entry per normalized code point")
        self.scalars = scalars
        self.originalStarts = originalStarts
        self.originalEnds = originalEnds
    }

    /// The identity normalization of `document`.
    public init(unchanged document: Document) {
        scalars = document.scalars
        originalStarts = Array(0...document.count)
        originalEnds = (0..<document.count).map { $0 + 1 }
    }

    /// The number of normalized code points.
    public var count: Int { scalars.count }

    /// The normalized text as a string. Cost: O(n).
    public var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The span of the original text that `span` of the normalized text came from: from the start
    /// of its first character's source to the end of its last one's. Cost: O(1).
    public func originalSpan(of span: Span) -> Span {
        if span.isEmpty {
            let offset = originalStarts[span.start]
            return Span(start: offset, end: offset)
        }
        return Span(start: originalStarts[span.start], end: max(originalStarts[span.start], originalEnds[span.end - 1]))
    }
}
