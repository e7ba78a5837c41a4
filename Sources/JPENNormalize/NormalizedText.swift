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
    public var string: String { String(scalars: scalars) }

    /// The span of the original text that `span` of the normalized text came from: from the start
    /// of its first character's source to the end of its last one's. Cost: O(1).
    @inlinable
    public func originalSpan(of span: Span) -> Span {
        if span.isEmpty {
            let offset = originalStarts[span.start]
            return Span(start: offset, end: offset)
        }
        return Span(start: originalStarts[span.start], end: max(originalStarts[span.start], originalEnds[span.end - 1]))
    }
}

extension NormalizedText {
    /// A stretch where normalization changed the text: `original` became `normalized`.
    ///
    /// Between two edits the texts agree code point for code point, so the list of edits is the
    /// whole offset map in compact form. A removed stretch has an empty `normalized` span; one
    /// original code point that became several (㍿ → 株式会社) is one edit.
    ///
    /// JSON (what `jpen normalize --json` writes): `{"start": 3, "end": 4, "normalizedStart": 3,
    /// "normalizedEnd": 7}`, offsets in code points, half-open.
    public struct Edit: Hashable, Sendable, Decodable, JSONFieldsEncodable {
        /// The changed code points of the original text.
        public var original: Span
        /// What they became in the normalized text (empty when they were removed).
        public var normalized: Span

        public init(original: Span, normalized: Span) {
            self.original = original
            self.normalized = normalized
        }

        private enum CodingKeys: String, CodingKey { case start, end, normalizedStart, normalizedEnd }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            original = Span(start: try container.decode(Int.self, forKey: .start),
                            end: try container.decode(Int.self, forKey: .end))
            normalized = Span(start: try container.decode(Int.self, forKey: .normalizedStart),
                              end: try container.decode(Int.self, forKey: .normalizedEnd))
        }

        public func encodeFields(to fields: inout some JSONFieldWriter) throws {
            try fields.encodeSpan(original)
            try fields.encode(normalized.start, forKey: "normalizedStart")
            try fields.encode(normalized.end, forKey: "normalizedEnd")
        }
    }

    /// Where this text differs from `original`, the document it was normalized from, in order;
    /// adjacent changes are merged into one edit. Cost: O(n).
    ///
    /// ```swift
    /// let document = Document(text: "㍿ＡＢＣ")
    /// TextNormalizer().normalize(document).edits(from: document)
    /// // one edit: original 0..<4 became normalized 0..<7 ("株式会社ABC")
    /// ```
    public func edits(from original: Document) -> [Edit] {
        var edits: [Edit] = []
        func record(_ source: Span, _ target: Span) {
            if let last = edits.last, last.original.end == source.start, last.normalized.end == target.start {
                edits[edits.count - 1] = Edit(original: Span(start: last.original.start, end: source.end),
                                              normalized: Span(start: last.normalized.start, end: target.end))
            } else {
                edits.append(Edit(original: source, normalized: target))
            }
        }
        var covered = 0
        var index = 0
        while index < count {
            let start = originalStarts[index], end = originalEnds[index]
            var next = index + 1
            while next < count, originalStarts[next] == start, originalEnds[next] == end { next += 1 }
            if start > covered { record(Span(start: covered, end: start), Span(start: index, end: index)) }
            let unchanged = next == index + 1 && end == start + 1 && scalars[index] == original.scalars[start]
            if !unchanged { record(Span(start: start, end: end), Span(start: index, end: next)) }
            covered = end
            index = next
        }
        if original.count > covered { record(Span(start: covered, end: original.count), Span(start: count, end: count)) }
        return edits
    }
}

extension NormalizedText {
    /// Maps original offsets to normalized ones: the first normalized offset whose source group
    /// starts at or after the original offset (``count`` past the last group), so an offset inside
    /// a group that normalization merged maps to the next group. Source groups come in text order,
    /// so the normalized offsets of growing original offsets grow too.
    ///
    /// ```swift
    /// var offsets = NormalizedText.Offsets(TextNormalizer().normalize(Document(text: "㍿ＡＢ")))   // 株式会社AB
    /// offsets.offset(of: 1)       // 4
    /// offsets.nextOffset(of: 2)   // 5
    /// ```
    ///
    /// Cost: ``offset(of:)`` O(log n); ``nextOffset(of:)`` O(1) amortized over growing offsets (a
    /// walk that remembers where it is). No table of the whole text.
    public struct Offsets {
        private let starts: [Int]
        /// The number of normalized code points.
        private let count: Int
        /// The answer to the last ``nextOffset(of:)``, where the next one's walk starts.
        private var position = 0
        private var lastOffset = 0

        public init(_ normalized: NormalizedText) {
            starts = normalized.originalStarts
            count = normalized.count
        }

        /// The normalized offset of `original`, by binary search.
        public func offset(of original: Int) -> Int {
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                if starts[mid] < original { low = mid + 1 } else { high = mid }
            }
            return low
        }

        /// The normalized offset of `original`, walking on from the last one asked when it is not
        /// smaller (as the offsets of tokens in text order are).
        public mutating func nextOffset(of original: Int) -> Int {
            if original < lastOffset {
                position = offset(of: original)
            } else {
                // Most of a text keeps its length through normalization: try the offset as far on as
                // the original one moved before walking there.
                let guess = position + (original - lastOffset)
                if guess <= count, guess > position, starts[guess - 1] < original, guess == count || starts[guess] >= original {
                    position = guess
                } else {
                    while position < count, starts[position] < original { position += 1 }
                }
            }
            lastOffset = original
            return position
        }
    }
}
