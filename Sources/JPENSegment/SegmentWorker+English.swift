import JPENText

extension SegmentWorker {
    /// Tokens of a stretch of English (or other non-Japanese) text, in normalized offsets,
    /// appended to `tokens`.
    func englishTokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        icuTokens(in: span, of: scalars, into: &tokens)
    }
}
