import JPENText

extension SegmentWorker {
    /// Tokens of a stretch of English (or other non-Japanese) text, in normalized offsets,
    /// appended to `tokens`. See ``EnglishTokenizer`` for the rules.
    func englishTokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        EnglishTokenizer.tokens(in: span, of: scalars, into: &tokens)
    }
}
