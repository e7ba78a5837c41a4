import JPENText

extension SegmentWorker {
    /// Japanese word tokens of `span` (normalized offsets), appended to `tokens`: UD Japanese
    /// short-unit words (石破|茂, 11|月|5|日, 述べ|た) as the word model finds them; whitespace
    /// always separates words and is dropped. Cost: O(n), 10 hashed weight look-ups, reads of
    /// tables kept per code point and a dictionary look-up or two a character.
    func japaneseTokens(in span: Span, of scalars: [Unicode.Scalar], into tokens: inout [Token]) {
        guard !span.isEmpty else { return }
        wordFeaturizer.load(scalars[span.range])
        wordModel.findBoundaries(in: wordFeaturizer, into: &wordBoundaries, scratch: &boundaryScratch)
        // Read through a buffer: indexing the class's array property paid an exclusivity check
        // per character.
        wordBoundaries.withUnsafeBufferPointer { boundaries in
            var start = 0
            for k in 1...span.count where boundaries[k] {
                if !wordFeaturizer.isSpace(start) {
                    let word = Span(start: span.start + start, end: span.start + k)
                    tokens.append(Token(span: word, kind: Token.Kind(word: scalars[word.range])))
                }
                start = k
            }
        }
    }
}

extension Token.Kind {
    /// The kind of a word the Japanese model found: digits (with inner separators, 1,000 and 3.5)
    /// are a number, a token that starts with a mark is punctuation or a symbol.
    init(word: ArraySlice<Unicode.Scalar>) {
        let first = word[word.startIndex]
        switch Script(first) {
        case .digit:
            let last = word[word.index(before: word.endIndex)]
            let numeric = Script(last) == .digit
                && word.allSatisfy { Script($0) == .digit || $0 == "," || $0 == "." }
            self = numeric ? .number : .word
        case .punctuation: self = Token.Kind(nonWord: first)
        default: self = .word
        }
    }
}
