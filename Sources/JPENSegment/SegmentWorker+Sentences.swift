import JPENText

extension SegmentWorker {
    /// Sentences of one paragraph, in normalized offsets, trimmed of space. ICU proposes the
    /// breaks; a break inside open brackets or quotation marks (「…。…」) is dropped, and so is one
    /// between a quotation and the particle that reports it (「…。」と述べた).
    func sentenceSpans(in paragraph: Span, of scalars: [Unicode.Scalar]) -> [Span] {
        window.fill(scalars[paragraph.range])
        var breaks: [Int] = []
        window.units.withUnsafeBufferPointer { units in
            sentenceBreaker.boundaries(in: units) { end, _ in
                breaks.append(paragraph.start + Int(window.codePointAt[end]))
            }
        }
        var result: [Span] = []
        var start = paragraph.start
        var depth = 0
        var scanned = paragraph.start
        for end in breaks {
            while scanned < end {
                depth = max(0, depth + Brackets.depthChange(scalars[scanned]))
                scanned += 1
            }
            if depth > 0 && end < paragraph.end { continue }
            if Brackets.continuesAfterQuotation(at: end, in: paragraph, of: scalars) { continue }
            if let trimmed = Paragraphs.trim(Span(start: start, end: end), in: scalars) { result.append(trimmed) }
            start = end
            depth = 0
        }
        return result
    }
}
