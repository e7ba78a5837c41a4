import JPENText

/// Where a katakana name can stand: the maximal runs of katakana, parts joined by ・ (ドナルド・トランプ),
/// of at least two characters. Both the titled-name rule and cross-language completion read
/// candidate names from these runs.
enum KatakanaNames {
    /// The runs inside `span` of `scalars`, in text order. Cost: O(span.count).
    ///
    /// ```swift
    /// KatakanaNames.runs(in: Array("米国のドナルド・トランプ氏".unicodeScalars), within: Span(start: 0, end: 13))
    /// // [Span(start: 3, end: 12)]
    /// ```
    static func runs(in scalars: [Unicode.Scalar], within span: Span) -> [Span] {
        var runs: [Span] = []
        var offset = span.start
        while offset < span.end {
            guard Script(scalars[offset]) == .katakana else { offset += 1; continue }
            var end = offset + 1
            while end < span.end, Script(scalars[end]) == .katakana
                || (scalars[end] == "\u{30FB}" && end + 1 < span.end && Script(scalars[end + 1]) == .katakana) {
                end += 1
            }
            if end - offset >= 2 { runs.append(Span(start: offset, end: end)) }
            offset = end
        }
        return runs
    }
}
