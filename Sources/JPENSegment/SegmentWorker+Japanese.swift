import JPENText

extension SegmentWorker {
    /// Japanese word tokens of `span` (normalized offsets), appended to `tokens`.
    func japaneseTokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        icuTokens(in: span, of: scalars, into: &tokens)
    }
}
