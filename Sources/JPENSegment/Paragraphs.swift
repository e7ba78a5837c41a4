import JPENText

/// Paragraph detection: a paragraph is a run of lines that hold more than space; a line holding
/// nothing but spaces (U+00A0 and U+3000 included) separates paragraphs.
enum Paragraphs {
    /// The paragraphs of `scalars`, trimmed of surrounding space. Cost: O(n).
    static func split(_ scalars: [Unicode.Scalar]) -> [Span] {
        var result: [Span] = []
        var paragraphStart: Int? = nil
        var paragraphEnd = 0
        var lineStart = 0
        var lineIsBlank = true
        for index in 0...scalars.count {
            let atLineEnd = index == scalars.count || isLineBreak(scalars[index])
            if !atLineEnd {
                if Script(scalars[index]) != .space { lineIsBlank = false }
                continue
            }
            if lineIsBlank {
                if let start = paragraphStart, let span = trim(Span(start: start, end: paragraphEnd), in: scalars) {
                    result.append(span)
                }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = index
            }
            lineStart = index + 1
            lineIsBlank = true
        }
        if let start = paragraphStart, let span = trim(Span(start: start, end: paragraphEnd), in: scalars) {
            result.append(span)
        }
        return result
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// `span` without leading and trailing space, or nil when nothing else is left.
    static func trim(_ span: Span, in scalars: [Unicode.Scalar]) -> Span? {
        var start = span.start, end = span.end
        while start < end, Script(scalars[start]) == .space { start += 1 }
        while end > start, Script(scalars[end - 1]) == .space { end -= 1 }
        return start < end ? Span(start: start, end: end) : nil
    }
}
