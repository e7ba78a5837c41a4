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
                if lineIsBlank, Script(scalars[index]) != .space { lineIsBlank = false }
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

    /// Whether `paragraph` is hard-wrapped text: three lines or more, every line but the last
    /// of about the same length (a wrap width), and most of them ending in the middle of a
    /// sentence. A line break in such a paragraph is a space, not the end of a sentence.
    /// Cost: O(paragraph length).
    static func isHardWrapped(_ paragraph: Span, in scalars: [Unicode.Scalar]) -> Bool {
        var shortest = Int.max, longest = 0, lines = 0, endingMidSentence = 0
        var lineStart = paragraph.start
        for index in paragraph.range where isLineBreak(scalars[index]) {
            guard let line = trim(Span(start: lineStart, end: index), in: scalars) else { return false }
            shortest = min(shortest, line.count)
            longest = max(longest, line.count)
            if !endsSentence(scalars[line.end - 1]) { endingMidSentence += 1 }
            lines += 1
            lineStart = index + 1
        }
        return lines >= 2 && shortest >= 20 && longest - shortest <= max(10, longest / 4) && endingMidSentence * 2 > lines
    }

    /// Whether a line that ends with `scalar` ends a sentence there.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "。", "！", "？", "」", "』", "\"", "”", ")", "）", ":": true
        default: false
        }
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
